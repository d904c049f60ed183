/**
 * Pinyin as people type it, for matching names: a module of its own, so the table and the
 * importer can use it without loading the search index's code (domain/search.ts, loaded on
 * first use of the search box).
 */

/** Lowercase ASCII letters only: tone marks and tone numbers dropped, ü typed as v read as u. */
export function normalizePinyin(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/v/g, 'u')
    .replace(/[^a-z]/g, '');
}
