/**
 * Every user-facing string, in both languages. Components never hard-code text: they call
 * `t(lang, key)` (or use the `useT` hook). Each feature keeps its strings in its own files, merged
 * here into one dictionary per language; a key missing in Chinese is a type error. The strings
 * that only code loaded on demand shows (the import and table dialogs, the figures, the report
 * card) are in each feature's on-demand-messages.ts, which adds them (addMessages) when that code
 * loads: they are not part of the first view's script, and their keys are typed here all the same.
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
import * as notices from '../features/notices/messages';
import * as report from '../features/report/messages';
import * as robustness from '../features/map-status/messages';
import * as summaries from '../features/summaries/messages';
import * as table from '../features/table/messages';
import * as transitions from '../features/transitions/messages';
import * as search from '../features/search/messages';
import * as share from '../features/share/messages';
import * as timeline from '../features/timeline/messages';
import type * as exportOnDemand from '../features/export/on-demand-messages';
import type * as importOnDemand from '../features/import/on-demand-messages';
import type * as multiplesOnDemand from '../features/multiples/on-demand-messages';
import type * as reportOnDemand from '../features/report/on-demand-messages';
import type * as tableOnDemand from '../features/table/on-demand-messages';

export type { Lang };

const en = {
  ...core.en,
  ...timeline.en,
  ...search.en,
  ...details.en,
  ...share.en,
  ...notices.en,
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
/** The keys of the messages added when the code that shows them loads (on-demand-messages.ts). */
type OnDemandKey =
  | keyof typeof exportOnDemand.en
  | keyof typeof importOnDemand.en
  | keyof typeof multiplesOnDemand.en
  | keyof typeof reportOnDemand.en
  | keyof typeof tableOnDemand.en;
export type MessageKey = keyof typeof en | OnDemandKey;

const zh: Record<keyof typeof en, string> = {
  ...core.zh,
  ...timeline.zh,
  ...search.zh,
  ...details.zh,
  ...share.zh,
  ...notices.zh,
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

const dictionaries: Record<Lang, Partial<Record<MessageKey, string>>> = { en: { ...en }, zh: { ...zh } };

/** Adds a feature's on-demand messages (called by its on-demand-messages.ts when it loads). */
export function addMessages<K extends OnDemandKey>(enMessages: Record<K, string>, zhMessages: Record<K, string>): void {
  Object.assign(dictionaries.en, enMessages);
  Object.assign(dictionaries.zh, zhMessages);
}

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = dictionaries[lang][key];
  if (text === undefined) {
    // Only if a module shows an on-demand message without importing the file that holds it
    // (tests/unit/i18n-on-demand.test.ts checks that none does): the key, not a crash.
    console.error(`message "${key}" is not loaded: import the on-demand-messages.ts that holds it`);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
