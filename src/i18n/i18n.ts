/**
 * Every user-facing string, in both languages. Components never hard-code text: they call
 * `t(lang, key)` (or use the `useT` hook). Each feature keeps its strings in its own file under
 * messages/, merged here into one dictionary per language; a key missing in Chinese is a type error.
 */
import type { Lang } from '../domain/lang';
import * as core from './messages/core';
import * as details from '../features/details/messages';
import * as embed from '../features/embed/messages';
import * as exportMessages from '../features/export/messages';
import * as importMessages from '../features/import/messages';
import * as mobile from './messages/mobile';
import * as modes from '../features/legend/messages';
import * as multiples from '../features/multiples/messages';
import * as report from '../features/report/messages';
import * as robustness from '../features/map-status/messages';
import * as summaries from '../features/summaries/messages';
import * as table from '../features/table/messages';
import * as transitions from '../features/transitions/messages';
import * as search from '../features/search/messages';
import * as share from '../features/share/messages';
import * as timeline from '../features/timeline/messages';

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
  ...exportMessages.en,
  ...embed.en,
  ...multiples.en,
  ...report.en,
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
  ...exportMessages.zh,
  ...embed.zh,
  ...multiples.zh,
  ...report.zh,
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, zh };

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return dictionaries[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
