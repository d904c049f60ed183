/**
 * Pasted results notices → import entries.
 *
 * Hebei's results notices list units as runs of names ("鹿泉区、栾城区、…"), under tier headers
 * ("A类县（市、区）（共66个，以分数从高到低为序）：") and sometimes under city headings
 * ("石家庄市（7个）："), inside prose. This parser finds the year, splits the paste into tier
 * sections, keeps the tokens that can be names and drops the rest (numbering, counts, prose;
 * with tier headers, everything before the first one). The chosen year wins over the text's;
 * a header's tier wins over the chosen tier, which is for text without headers.
 * Names are not resolved here (that needs the units: see names.ts), so a kept token that names
 * nothing shows up as unmatched in the preview rather than being dropped unseen.
 *
 * Ranks are never guessed. A position is a rank only when the tier's list is complete (the
 * notice states its count and exactly that many names were read), says it is in score order
 * (or the user said so), is not grouped by city, and every better tier's list in the same paste
 * is complete too (B's ranks start after A's count). Otherwise rank is null.
 */
import { stripBidiControls } from '../text-safety';
import { isYear } from '../timeline';
import { TIERS, unitCountIn, type Tier } from '../types';
import { normalizeSpace, tokensOf, type Token } from './notice-tokens';
import { IMPORT_LIMITS, type ImportEntry, type ImportProblem, type ParsedInput } from './types';

export interface NoticeDefaults {
  year: number | null;
  tier: Tier | null;
  scoreOrdered: boolean;
}

/*
 * Every pattern below runs on text that normalizeSpace has made: a run of white space is one
 * character there, so each `\s?` stands where `\s*` would be read the same, and no quantifier is
 * unbounded next to another over the same characters. Each pattern is linear in its text.
 */

/**
 * A tier header, on NFKC text: "A类县(市、区)(共66个,以分数从高到低为序):", "B类:", "C类(28个)".
 * Parentheticals, then a count, then more parentheticals. Those after the count are inside the
 * count's optional group, so the two runs of parentheticals are never next to each other: without
 * a count, `(…)*(…)*` would be two unbounded runs over the same characters. It matches what
 * `(…)*(count)?(…)*` matches (the first run takes every parenthetical the second could).
 */
const TIER_HEADER =
  /(?<![A-Za-z0-9])([ABCabc])\s?类(?:县|单位|地区)?(?:\s?\([^()\n]{0,60}\))*(?:\s?共?\s?\d{1,3}\s?个(?:\s?\([^()\n]{0,60}\))*)?\s?:?/gu;

const STATED_COUNT = /共?\s?(\d{1,3})\s?个/u;
/** Phrases saying a list is in score order, or that it is not. */
const ORDERED =
  /以?(?:分数|得分|总分|评分)(?:从|由)?高(?:到|至)?低(?:为序|排序|排列|顺序)?|按(?:照)?(?:分数|得分|总分|评分)(?:高低)?(?:排序|排列|顺序|为序)/u;
const UNORDERED = /不分先后|排名不分|按(?:照)?(?:行政区划|区划代码|行政区|地区|地市)(?:顺序|排序|排列|为序)?|排序不分/u;

/** Years stated: "2023年", "2023年度", "(2023)", "二〇二三年". */
const YEAR_WRITTEN = /(?<!\d)(20\d\d)\s?年(度)?|\((20\d\d)\)/gu;
const YEAR_HAN = /二[〇零○0]([一二三四五六七八九〇零○0])([一二三四五六七八九〇零○0])年(度)?/gu;
const HAN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  '○': 0,
  '0': 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

function isTier(value: unknown): value is Tier {
  return typeof value === 'string' && (TIERS as readonly string[]).includes(value);
}

/** The evaluation year the text states: one year, preferring "…年度" mentions; else why not. */
function yearOf(text: string): { year: number } | { problem: ImportProblem } {
  const all: { year: number; annual: boolean }[] = [];
  for (const m of text.matchAll(YEAR_WRITTEN)) {
    all.push({ year: Number(m[1] ?? m[3]), annual: m[2] !== undefined });
  }
  for (const m of text.matchAll(YEAR_HAN)) {
    const tens = HAN_DIGITS[m[1] ?? ''] ?? 0;
    const ones = HAN_DIGITS[m[2] ?? ''] ?? 0;
    all.push({ year: 2000 + tens * 10 + ones, annual: m[3] !== undefined });
  }
  const inRange = all.filter((y) => isYear(y.year));
  const distinct = (list: typeof all) => [...new Set(list.map((y) => y.year))].sort();
  for (const list of [inRange.filter((y) => y.annual), inRange]) {
    const years = distinct(list);
    if (years.length === 1) return { year: years[0] ?? 0 };
    if (years.length > 1) return { problem: { code: 'no-year', severity: 'error', detail: years.join(', ') } };
  }
  if (all.length > 0) return { problem: { code: 'bad-year', severity: 'error', detail: distinct(all).join(', ') } };
  return { problem: { code: 'no-year', severity: 'error' } };
}

interface TierList {
  tokens: Token[];
  stated: Set<number>;
  ordered: boolean;
  unordered: boolean;
  grouped: boolean;
}

/** The first position's rank for each tier whose positions are ranks, or null. */
function rankStarts(lists: Map<Tier, TierList>, year: number, orderedByDefault: boolean): Map<Tier, number> {
  const starts = new Map<Tier, number>();
  let offset = 0;
  for (const tier of TIERS) {
    const list = lists.get(tier);
    if (!list) break;
    const stated = list.stated.size === 1 ? [...list.stated][0] : undefined;
    const complete = stated !== undefined && stated === list.tokens.length;
    if (!complete) break; // every worse tier's ranks would start at an unknown place
    const ordered = !list.unordered && (list.ordered || orderedByDefault);
    if (ordered && !list.grouped && offset + list.tokens.length <= unitCountIn(year)) starts.set(tier, offset + 1);
    offset += list.tokens.length;
  }
  return starts;
}

/** Appends `items` to `list` one by one: spread into push(), a long list overflows the call stack. */
function appendAll<T>(list: T[], items: readonly T[]): void {
  for (const item of items) list.push(item);
}

/**
 * `maxChars` is the longest text taken: a paste's limit by default; a file's text is bounded by
 * the file's size in bytes instead (it has at most as many characters as bytes).
 */
export function parseNotice(
  text: string,
  defaults: NoticeDefaults,
  maxChars: number = IMPORT_LIMITS.maxTextChars,
): ParsedInput {
  if (typeof text !== 'string') return { ok: false, problems: [{ code: 'empty', severity: 'error' }] };
  if (text.length > maxChars) {
    return { ok: false, problems: [{ code: 'too-large', severity: 'error', limit: maxChars, unit: 'chars' }] };
  }
  // Bidirectional controls could make a name read backwards in the preview: no name has one.
  const normalized = normalizeSpace(stripBidiControls(text.normalize('NFKC')));
  if (normalized.trim() === '') return { ok: false, problems: [{ code: 'empty', severity: 'error' }] };

  const problems: ImportProblem[] = [];
  let year: number | null = null;
  if (defaults?.year !== null && defaults?.year !== undefined) {
    if (isYear(defaults.year)) year = defaults.year;
    else problems.push({ code: 'bad-year', severity: 'error', detail: String(defaults.year) });
  } else {
    const found = yearOf(normalized);
    if ('year' in found) year = found.year;
    else problems.push(found.problem);
  }
  const defaultTier = isTier(defaults?.tier) ? defaults.tier : null;
  const orderedByDefault = defaults?.scoreOrdered === true;

  // Tier sections are read one at a time, from one header to the next: a long text can hold
  // hundreds of thousands of headers, and none is kept longer than it is needed.
  const headers = new RegExp(TIER_HEADER);
  const first = headers.exec(normalized);
  const preamble = normalized.slice(0, first?.index ?? normalized.length);
  const preambleOrdered = ORDERED.test(preamble);
  const preambleUnordered = UNORDERED.test(preamble);
  // A list is read up to one name past the limit: enough to know it is over.
  const most = IMPORT_LIMITS.maxEntries + 1;
  const untiered = first === null ? tokensOf(preamble, most) : { tokens: [], grouped: false };
  const lists = new Map<Tier, TierList>();
  const listOf = (tier: Tier): TierList => {
    let list = lists.get(tier);
    if (!list) {
      list = { tokens: [], stated: new Set(), ordered: false, unordered: preambleUnordered, grouped: false };
      lists.set(tier, list);
    }
    return list;
  };
  // With tier headers, the text before the first one is the notice's introduction, not a list.
  if (untiered.tokens.length > 0) {
    if (defaultTier === null) {
      problems.push({ code: 'no-tier', severity: 'error', line: 1, detail: untiered.tokens[0]?.raw ?? '' });
    } else {
      const list = listOf(defaultTier);
      appendAll(list.tokens, untiered.tokens);
      list.grouped ||= untiered.grouped;
    }
  }
  let read = [...lists.values()].reduce((n, l) => n + l.tokens.length, 0);
  for (let header = first; header !== null;) {
    // Over the limit already: the import is refused whatever the rest says.
    if (read >= most) break;
    const start = header.index + header[0].length;
    headers.lastIndex = start;
    const next = headers.exec(normalized);
    const body = normalized.slice(start, next?.index ?? normalized.length);
    const tier = (header[1] ?? '').toUpperCase();
    const said = header[0] + body;
    const count = STATED_COUNT.exec(header[0]);
    header = next;
    if (!isTier(tier)) continue;
    const list = listOf(tier);
    const { tokens, grouped } = tokensOf(body, most - read);
    appendAll(list.tokens, tokens);
    read += tokens.length;
    list.grouped ||= grouped;
    if (count) list.stated.add(Number(count[1]));
    list.ordered ||= ORDERED.test(said) || preambleOrdered;
    list.unordered ||= UNORDERED.test(said);
  }

  const total = [...lists.values()].reduce((n, l) => n + l.tokens.length, 0);
  if (total > IMPORT_LIMITS.maxEntries) {
    problems.push({ code: 'too-many-entries', severity: 'error', limit: IMPORT_LIMITS.maxEntries });
  }
  if (total === 0 && untiered.tokens.length === 0) problems.push({ code: 'empty', severity: 'error' });
  if (year === null || problems.some((p) => p.severity === 'error')) return { ok: false, problems };

  const starts = rankStarts(lists, year, orderedByDefault);
  const entries: ImportEntry[] = [];
  for (const tier of TIERS) {
    const list = lists.get(tier);
    if (!list) continue;
    const start = starts.get(tier);
    if (start !== undefined) problems.push({ code: 'ranks-from-order', severity: 'info', detail: tier });
    list.tokens.forEach((token, i) => {
      entries.push({
        raw: token.raw,
        year: year,
        tier,
        rank: start === undefined ? null : start + i,
        score: null,
        line: entries.length + 1,
        areaHint: token.areaHint,
      });
    });
  }
  return { ok: true, entries, problems };
}
