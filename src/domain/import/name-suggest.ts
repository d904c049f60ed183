/**
 * Suggestions for a name that matched no unit: units of the year that look like it, by shared
 * characters and edit distance, or by pinyin. Only ever offered to the user.
 */
import { normalizePinyin } from '../pinyin';
import type { UnitCode } from '../types';
import { shortForms } from './name-forms';
import type { YearIndex } from './name-index';

/** Most suggestions for an unmatched name. */
export const MAX_SUGGESTIONS = 5;
/** Names with a prefix are under 20 characters; longer keys are cut before edit distances. */
const MAX_SUGGEST_KEY = 24;

/** Levenshtein distance over code points (names are a few characters; keys are cut to size). */
function editDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

const TYPE_CHARS = new Set(['县', '市', '区']);

/**
 * Units of the year that look like `key`: Chinese names sharing a character other than a type
 * character, or names whose pinyin is close, nearest first. Only ever offered to the user.
 */
export function suggest(index: YearIndex, key: string, areas: ReadonlySet<string> | null): UnitCode[] {
  const chars = [...key].slice(0, MAX_SUGGEST_KEY);
  const own = new Set(chars.filter((c) => /\p{Script=Han}/u.test(c) && !TYPE_CHARS.has(c)));
  const pinyin = normalizePinyin(chars.join(''));
  const scored: { code: UnitCode; distance: number; shared: number }[] = [];
  for (const unit of index.current) {
    if (areas !== null && !areas.has(unit.prefectureCode)) continue;
    const shared = [...new Set(unit.nameZh)].filter((c) => own.has(c)).length;
    const stem = index.pinyin.get(unit.code) ?? '';
    let distance = Number.POSITIVE_INFINITY;
    if (shared > 0) {
      for (const form of [unit.nameZh, ...shortForms(unit.nameZh)]) {
        distance = Math.min(distance, editDistance(chars, [...form]));
      }
    } else if (own.size === 0 && pinyin.length >= 3 && stem.length > 0) {
      const d = editDistance([...pinyin.slice(0, MAX_SUGGEST_KEY)], [...stem]);
      if (d <= 2 || stem.startsWith(pinyin) || pinyin.startsWith(stem)) distance = d;
    }
    if (Number.isFinite(distance)) scored.push({ code: unit.code, distance, shared });
  }
  return scored
    .sort((a, b) => a.distance - b.distance || b.shared - a.shared || (a.code < b.code ? -1 : 1))
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => s.code);
}
