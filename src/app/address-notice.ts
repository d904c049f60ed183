/**
 * The notice about a link's ignored parts: one title with their count and one line each, in the
 * UI language. The URL binder (src/url/bind-url.ts) finds the parts; this words them, and main.tsx
 * hands it to the binder.
 */
import type { Lang } from '../domain/lang';
import { stripBidiControls } from '../domain/text-safety';
import { FIRST_YEAR, LAST_YEAR } from '../domain/types';
import { MODES } from '../domain/view';
import { t, type MessageKey } from '../i18n';
import type { InvalidParam, InvalidReason } from '../url/url-state';

/** Long raw values are cut in notices: a link can carry kilobytes in one parameter. */
const MAX_RAW_CHARS = 40;

/**
 * The most ignored parts one notice lists; the rest are counted in a last line. A link of a
 * few megabytes can repeat a key hundreds of thousands of times, and a list that long would
 * only slow the page down when opened.
 */
export const MAX_ADDRESS_DETAILS = 1000;

const REASON_KEYS: Record<InvalidReason, MessageKey> = {
  empty: 'urlReasonEmpty',
  repeated: 'urlReasonRepeated',
  'not-a-year': 'urlReasonNotYear',
  'not-an-evaluation-year': 'urlReasonNotEvaluationYear',
  'not-a-code': 'urlReasonNotCode',
  'unknown-code': 'urlReasonUnknownCode',
  'unknown-mode': 'urlReasonUnknownMode',
  'base-not-earlier': 'urlReasonBaseNotEarlier',
  'flow-format': 'urlReasonFlowFormat',
  'not-an-area': 'urlReasonNotArea',
  'unknown-lang': 'urlReasonUnknownLang',
  'view-format': 'urlReasonViewFormat',
  'view-range': 'urlReasonViewRange',
};

/** Cuts by code points (never inside a surrogate pair) and marks the cut. */
export function truncateRaw(raw: string, max = MAX_RAW_CHARS): string {
  const chars = Array.from(raw);
  return chars.length <= max ? raw : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * "Ignored year=1999: not an evaluation year (2019–2023)", in the UI language. Bidirectional
 * controls in the raw value are dropped first: a right-to-left override in a link would
 * otherwise flip the rest of the sentence.
 */
export function describeInvalid(lang: Lang, param: InvalidParam): string {
  const reason = t(lang, REASON_KEYS[param.reason], {
    key: param.key,
    first: FIRST_YEAR,
    last: LAST_YEAR,
    modes: MODES.join(', '),
  });
  return t(lang, 'urlIgnored', { key: param.key, raw: truncateRaw(stripBidiControls(param.raw)), reason });
}

/** The one notice about a link's ignored parts: a title with their count, and one line each. */
export function describeAddress(
  lang: Lang,
  params: readonly InvalidParam[],
  max = MAX_ADDRESS_DETAILS,
): { text: string; details: string[] } {
  const text = params.length === 1 ? t(lang, 'urlIgnoredOne') : t(lang, 'urlIgnoredMany', { n: params.length });
  const details = params.slice(0, max).map((param) => describeInvalid(lang, param));
  if (params.length > max) details.push(t(lang, 'urlIgnoredMore', { n: params.length - max }));
  return { text, details };
}
