/**
 * The written forms of a unit's name: the name as written, cleaned (normalizeName), its forms
 * without the type (shortForms: 鹿泉区 → 鹿泉), its stem under any type (stemOf), and a trailing
 * bracket split off (splitBracket).
 */
import { IMPORT_LIMITS } from './types';

/** Type suffixes of unit names, longest first where one ends another (矿区 before 区). */
const SUFFIXES = ['满族蒙古族自治县', '满族自治县', '回族自治县', '自治县', '矿区', '县', '市', '区'];

/**
 * The forms of a name without its type: 鹿泉区 → 鹿泉, 大厂回族自治县 → 大厂 and 大厂回族.
 * One-character stems (涉县 → 涉) are left out: notices always write those with their type,
 * and a lone character is far more often a fragment of something else.
 */
export function shortForms(nameZh: string): string[] {
  const forms = new Set<string>();
  const main = SUFFIXES.find((s) => nameZh.length > s.length && nameZh.endsWith(s));
  if (main !== undefined) forms.add(nameZh.slice(0, -main.length));
  if (nameZh.endsWith('自治县')) forms.add(nameZh.slice(0, -'自治县'.length));
  return [...forms].filter((f) => f.length >= 2 && f !== nameZh);
}

/**
 * A name as written, cut to size and cleaned: NFKC (full-width → ASCII), 〇 as 0, no spaces or
 * control characters, no marks around it (a closing bracket stays: it may hold an area).
 */
export function normalizeName(raw: string): string {
  return trimNameEnd(
    raw
      .slice(0, IMPORT_LIMITS.maxFieldChars)
      .normalize('NFKC')
      .replace(/〇/g, '0')
      .replace(/[\s\p{Cc}\p{Cf}]/gu, '')
      .replace(/^[\p{P}\p{S}]+/u, ''),
  );
}

/** A character a name may end with: a letter, a digit or a closing bracket. */
const NAME_END = /^[\p{L}\p{N})\]】〕]$/u;

/**
 * The text without the characters after its last NAME_END, in one pass from the end (as
 * `/[^\p{L}\p{N})\]】〕]+$/u` would remove them, but that pattern retries at every character of
 * a run that does not reach the end: quadratic in the run).
 */
export function trimNameEnd(text: string): string {
  let end = text.length;
  while (end > 0) {
    // Step back one code point (a surrogate pair is two units; a lone surrogate is one).
    const low = text.charCodeAt(end - 1);
    const high = end >= 2 ? text.charCodeAt(end - 2) : 0;
    const width = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1;
    if (NAME_END.test(text.slice(end - width, end))) break;
    end -= width;
  }
  return text.slice(0, end);
}

/** The name and a trailing bracket's content: 桥西区（石家庄） → 桥西区, 石家庄. */
export function splitBracket(text: string): { name: string; note: string | null } {
  const m = /^(.+?)[([【〔]([^()[\]【】〔〕]*)[)\]】〕]$/u.exec(text);
  return m ? { name: m[1] ?? text, note: m[2] ?? null } : { name: text, note: null };
}

/** A name without its type suffix (冀州市 → 冀州), if at least two characters are left. */
export function stemOf(name: string): string | null {
  const suffix = SUFFIXES.find((s) => name.length > s.length && name.endsWith(s));
  const stem = suffix === undefined ? null : name.slice(0, -suffix.length);
  return stem !== null && stem.length >= 2 ? stem : null;
}
