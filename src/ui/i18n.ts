/**
 * Every user-facing string, in both languages. Components never hard-code text: they call
 * `t(lang, key)` (or use the `useT` hook). Each feature keeps its strings in its own file under
 * messages/, merged here into one dictionary per language; a key missing in Chinese is a type error.
 */
import type { Lang } from '../domain/lang';
import * as core from './messages/core';
import * as details from './messages/details';
import * as importMessages from './messages/import';
import * as mobile from './messages/mobile';
import * as modes from './messages/modes';
import * as robustness from './messages/robustness';
import * as summaries from './messages/summaries';
import * as table from './messages/table';
import * as transitions from './messages/transitions';
import * as search from './messages/search';
import * as share from './messages/share';
import * as timeline from './messages/timeline';

export type { Lang };

const en = {
  ...core.en,
  ...timeline.en,
  ...search.en,
  ...details.en,
  ...share.en,
  ...modes.en,
  ...transitions.en,
  ...summaries.en,
  ...table.en,
  ...robustness.en,
  ...mobile.en,
  ...importMessages.en,
};
export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  ...core.zh,
  ...timeline.zh,
  ...search.zh,
  ...details.zh,
  ...share.zh,
  ...modes.zh,
  ...transitions.zh,
  ...summaries.zh,
  ...table.zh,
  ...robustness.zh,
  ...mobile.zh,
  ...importMessages.zh,
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, zh };

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return dictionaries[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
