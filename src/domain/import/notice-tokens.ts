/**
 * The names of a results notice's section, token by token, for notice.ts: brackets that name no
 * area dropped, city headings read as the area of the names under them, and every token that
 * cannot be a name (numbering, counts, prose, markup) left out. Linear in the text: one pass
 * for the brackets and for the tokens, and patterns that run on normalised white space.
 */
import { AREA_NAMES_ZH, NEW_AREAS_ZH, areaCodeOfName } from './areas-zh';
import { trimNameEnd } from './name-forms';

/**
 * Characters of prose and headings that occur in no unit or area name (a test checks this
 * against data/units.csv): a token holding one is not a name. 年 is not here (永年区), nor 下
 * (下花园区), 名 (大名县), 全 (万全区), 新 (新华区), 和 (南和区), 高 (高邑县).
 */
export const PROSE_CHARS: ReadonlySet<string> = new Set([
  ...'的类个共为是了按以等及与对将于评价结果单排序分数得通知公告布能力技科创域附件如表其各位月日级档第此该进入升降度已被列含括应从低到计',
]);

/** The longest token taken as a name: a unit with two prefixes is under 16 characters. */
const MAX_NAME_CHARS = 20;

export interface Token {
  raw: string;
  areaHint: string | null;
}

/**
 * Every run of white space as one character: a line break where the run holds one, else a space.
 * Done up front, and again after the one step that makes white space (dropBrackets), so that no
 * pattern meets a long run: text copied from a PDF can pad with thousands of spaces (or of empty
 * brackets), and `\s*` next to `\s*` (or a failing `\s*:`) over such a run backtracks in time
 * quadratic or worse in its length. The patterns here take at most one white-space character
 * where they take any (`\s?`), and are linear in the text. Nothing is lost: names hold no white
 * space, and the patterns treat one space as they treated many.
 */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/gu, (run) => (/[\n\r\u2028\u2029]/u.test(run) ? '\n' : ' '));
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

const HAN = /\p{Script=Han}/u;
const OPENING_BRACKETS = '([【〔';
const CLOSING_BRACKETS = ')]】〕';

/**
 * Bracketed text in a clause: kept when it names an area (桥西区（张家口）), else dropped (a
 * space in its place). A bracket pair is an opening bracket and the next bracket after it, when
 * that one closes; what is between holds no bracket. One pass over the text, no pattern (as
 * `[([【〔]([^()[\]【】〔〕]*)[)\]】〕]` replaced everywhere would read it, at a fraction of the
 * cost on a run of thousands of pairs). A run of dropped brackets is a run of spaces, so the
 * result is normalised again: the patterns after it rely on runs of one character.
 */
function dropBrackets(clause: string): string {
  const kept: string[] = [];
  let done = 0; // clause up to here is in `kept`
  let open = -1; // the last opening bracket with no bracket after it yet
  for (let i = 0; i < clause.length; i += 1) {
    const c = clause.charAt(i);
    if (OPENING_BRACKETS.includes(c)) {
      open = i;
    } else if (open >= 0 && CLOSING_BRACKETS.includes(c)) {
      const inner = clause.slice(open + 1, i);
      // An area's name is Chinese (the text is NFKC already, so no form of one is not): a
      // bracket without a Chinese character is dropped without looking its text up.
      if (!HAN.test(inner) || areaCodeOfName(inner) === null) {
        // Brackets dropped one after another make one space (normalised to one anyway).
        if (open > done || kept.length === 0) kept.push(clause.slice(done, open), ' ');
        done = i + 1;
      }
      open = -1;
    }
  }
  kept.push(clause.slice(done));
  return normalizeSpace(kept.join(''));
}

/** A count before a label's colon ("石家庄市 7个:"), on normalised text. */
const LABEL_COUNT = /\s?共?\s?\d{1,3}\s?个\s?(?=:)/gu;
/** A colon with the white space around it, on normalised text. */
const LABEL_COLON = /\s?:\s?/gu;
/** A two-character name a PDF padded to the width of three ("赵 县"), on normalised text. */
const PADDED_NAME = /(^|[\s、,;。:])(\p{Script=Han}) ([县区市])(?=$|[\s、,;。:])/gmu;
/** Separators of tokens, with the white space normalised text has (a space, a line break). */
const SEPARATORS = '、,;。/| \n';

/** A token as a name, or null when it cannot be one (numbering, a count, prose, markup). */
function cleanToken(token: string): string | null {
  if (token === '') return null;
  const lead = token
    .replace(/^(?:\d{1,3}[.)、:]|[一二三四五六七八九十]+[、.)]|\d{1,3}(?=\p{Script=Han}))/u, '')
    .replace(/^[\p{P}\p{S}]+/u, '');
  const text = trimNameEnd(lead);
  if (text === '') return null;
  // Longer than any name even at two code units a character: not one (and not spread below).
  if (text.length > 2 * MAX_NAME_CHARS) return null;
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
export function tokensOf(body: string, most: number): { tokens: Token[]; grouped: boolean } {
  const tokens: Token[] = [];
  let areaHint: string | null = null;
  let grouped = false;
  // Nothing to read (a header right after a header): spares the passes below.
  if (body.trim() === '') return { tokens, grouped };
  const text = dropBrackets(body)
    // "石家庄市 7个：" (the count's bracket already dropped) → "石家庄市:"
    .replace(LABEL_COUNT, '')
    .replace(LABEL_COLON, ': ')
    // PDFs pad two-character names to the width of three ("赵\u3000县"): put them back together.
    .replace(PADDED_NAME, '$1$2$3');
  // The runs of characters between separators, one by one (no array of every part).
  for (let start = 0, end = 0; end <= text.length; end += 1) {
    if (end < text.length && !SEPARATORS.includes(text.charAt(end))) continue;
    const part = text.slice(start, end);
    start = end + 1;
    if (part === '') continue;
    // Past the most entries an import may hold the list is refused anyway: stop reading it.
    if (tokens.length >= most) break;
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
