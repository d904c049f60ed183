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
import { AREA_NAMES_ZH, NEW_AREAS_ZH, areaCodeOfName } from './areas-zh';
import { IMPORT_LIMITS, type ImportEntry, type ImportProblem, type ParsedInput } from './types';

export interface NoticeDefaults {
  year: number | null;
  tier: Tier | null;
  scoreOrdered: boolean;
}

/**
 * Characters of prose and headings that occur in no unit or area name (a test checks this
 * against data/units.csv): a token holding one is not a name. 年 is not here (永年区), nor 下
 * (下花园区), 名 (大名县), 全 (万全区), 新 (新华区), 和 (南和区), 高 (高邑县).
 */
export const PROSE_CHARS: ReadonlySet<string> = new Set([
  ...'的类个共为是了按以等及与对将于评价结果单排序分数得通知公告布能力技科创域附件如表其各位月日级档第此该进入升降度已被列含括应从低到计',
]);

/** A character a name may end with: a letter, a digit or a closing bracket (桥西区（张家口）). */
const NAME_END = /^[\p{L}\p{N})\]】〕]$/u;

/** The longest token taken as a name: a unit with two prefixes is under 16 characters. */
const MAX_NAME_CHARS = 20;

/** A tier header, on NFKC text: "A类县(市、区)(共66个,以分数从高到低为序):", "B类:", "C类(28个)". */
const TIER_HEADER =
  /(?<![A-Za-z0-9])([ABCabc])\s*类(?:县|单位|地区)?(?:\s*\([^()\n]{0,60}\))*(?:\s*共?\s*\d{1,3}\s*个)?(?:\s*\([^()\n]{0,60}\))*\s*:?/gu;

const STATED_COUNT = /共?\s*(\d{1,3})\s*个/u;
/** Phrases saying a list is in score order, or that it is not. */
const ORDERED =
  /以?(?:分数|得分|总分|评分)(?:从|由)?高(?:到|至)?低(?:为序|排序|排列|顺序)?|按(?:照)?(?:分数|得分|总分|评分)(?:高低)?(?:排序|排列|顺序|为序)/u;
const UNORDERED = /不分先后|排名不分|按(?:照)?(?:行政区划|区划代码|行政区|地区|地市)(?:顺序|排序|排列|为序)?|排序不分/u;

/** Years stated: "2023年", "2023年度", "(2023)", "二〇二三年". */
const YEAR_WRITTEN = /(?<!\d)(20\d\d)\s*年(度)?|\((20\d\d)\)/gu;
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

interface Section {
  tier: Tier | null;
  /** The header's text, where a count and the order may be stated. */
  header: string;
  body: string;
}

interface Token {
  raw: string;
  areaHint: string | null;
}

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

function splitSections(text: string): { preamble: string; sections: Section[] } {
  const sections: Section[] = [];
  const matches = [...text.matchAll(TIER_HEADER)];
  const preamble = text.slice(0, matches[0]?.index ?? text.length);
  matches.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = matches[i + 1]?.index ?? text.length;
    const tier = (m[1] ?? '').toUpperCase();
    sections.push({ tier: isTier(tier) ? tier : null, header: m[0], body: text.slice(start, end) });
  });
  return { preamble, sections };
}

/** Every way an area is written in a heading, longest first. */
const AREA_WORDS = [
  ...Object.values(AREA_NAMES_ZH).flatMap((zh) => [zh, zh.slice(0, -1)]),
  ...Object.keys(NEW_AREAS_ZH),
].sort((a, b) => b.length - a.length);
/** Areas that are not units themselves: a token naming one is a heading, not a name. */
const AREA_ONLY = new Set(
  AREA_WORDS.filter((w) => {
    const code = areaCodeOfName(w);
    return code !== '130181' && code !== '130682';
  }),
);

/** Bracketed text in a clause: kept when it names an area (桥西区（张家口）), else dropped. */
function dropBrackets(clause: string): string {
  return clause.replace(/[([【〔]([^()[\]【】〔〕]*)[)\]】〕]/gu, (whole, inner: string) =>
    areaCodeOfName(inner) !== null ? whole : ' ',
  );
}

/** A token as a name, or null when it cannot be one (numbering, a count, prose, markup). */
function cleanToken(token: string): string | null {
  const lead = token
    .replace(/^(?:\d{1,3}[.)、:]|[一二三四五六七八九十]+[、.)]|\d{1,3}(?=\p{Script=Han}))/u, '')
    .replace(/^[\p{P}\p{S}]+/u, '');
  const text = trimNameEnd(lead);
  if (text === '') return null;
  if (/^\d{6}$/.test(text)) return text;
  if (!/\p{Script=Han}/u.test(text) || /\d/.test(text)) return null;
  const chars = [...text];
  if (chars.length < 2 || chars.length > MAX_NAME_CHARS) return null;
  if (chars.some((c) => PROSE_CHARS.has(c))) return null;
  if (/^(?:县|市|区)+$/u.test(text)) return null;
  return text;
}

/**
 * The names of one section's body, with the city each stands under, and whether it had city
 * headings. A token ending in a colon is a label: a city ("石家庄市（7个）：") puts the names
 * after it under it, any other label ("名单如下：") is dropped.
 */
function tokensOf(body: string): { tokens: Token[]; grouped: boolean } {
  const tokens: Token[] = [];
  let areaHint: string | null = null;
  let grouped = false;
  const text = dropBrackets(body)
    // "石家庄市 7个：" (the count's bracket already dropped) → "石家庄市:"
    .replace(/\s*共?\s*\d{1,3}\s*个\s*(?=:)/gu, '')
    .replace(/\s*:\s*/gu, ': ')
    // PDFs pad two-character names to the width of three ("赵\u3000县"): put them back together.
    .replace(/(^|[\s、,;。:])(\p{Script=Han})[ \t]+([县区市])(?=$|[\s、,;。:])/gmu, '$1$2$3');
  for (const part of text.split(/[、,;。\s/|]+/u)) {
    const label = part.endsWith(':');
    const raw = cleanToken(label ? part.slice(0, -1) : part);
    if (raw === null) continue;
    const area = raw.replace(/^河北省?/u, '');
    if (label || AREA_ONLY.has(area)) {
      // A city on its own, with or without a colon, is a heading; other labels are not names.
      const code = areaCodeOfName(area);
      if (code !== null) {
        areaHint = code;
        grouped = true;
      }
      continue;
    }
    tokens.push({ raw, areaHint });
  }
  return { tokens, grouped };
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

/**
 * Every run of white space as one character: a line break where the run holds one, else a space.
 * Done once, up front, so that no pattern below meets a long run: text copied from a PDF can pad
 * with thousands of spaces, and `\s*` next to `\s*` (or a failing `\s*:`) over such a run
 * backtracks in time quadratic or worse in its length. With runs of one character every pattern
 * here is linear in the text. Nothing is lost: names hold no white space, and the patterns treat
 * one space as they treated many.
 */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/gu, (run) => (/[\n\r\u2028\u2029]/u.test(run) ? '\n' : ' '));
}

/** The text without the trailing characters that cannot end a name, in one pass from the end. */
function trimNameEnd(text: string): string {
  let end = text.length;
  while (end > 0) {
    // Step back one code point (a surrogate pair is two units).
    const low = text.charCodeAt(end - 1);
    const width = end >= 2 && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
    if (NAME_END.test(text.slice(end - width, end))) break;
    end -= width;
  }
  return text.slice(0, end);
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

  const { preamble, sections } = splitSections(normalized);
  const preambleOrdered = ORDERED.test(preamble);
  const preambleUnordered = UNORDERED.test(preamble);
  const untiered = sections.length === 0 ? tokensOf(preamble) : { tokens: [], grouped: false };
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
      list.tokens.push(...untiered.tokens);
      list.grouped ||= untiered.grouped;
    }
  }
  for (const section of sections) {
    if (section.tier === null) continue;
    const list = listOf(section.tier);
    const { tokens, grouped } = tokensOf(section.body);
    list.tokens.push(...tokens);
    list.grouped ||= grouped;
    const count = STATED_COUNT.exec(section.header);
    if (count) list.stated.add(Number(count[1]));
    const said = section.header + section.body;
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
