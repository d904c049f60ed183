/**
 * Which of a row's two notes the interface shows. Every note in data/ has a Chinese
 * counterpart (note_zh, boundary_note_zh; the data checks require it), so the Chinese
 * interface shows Chinese and the English interface the English note. A row built elsewhere
 * without a Chinese note (none of data/'s) falls back to the English note, marked as English
 * so that it is read as such.
 */
import type { Lang } from '../lang.ts';

export interface ShownNote {
  text: string;
  /** The note's own language, for the element's `lang` attribute. */
  lang: 'zh-Hans' | 'en';
}

/** The note to show in `lang`; empty text when the row has no note. */
export function noteIn(lang: Lang, note: string, noteZh: string): ShownNote {
  if (lang === 'zh' && noteZh.trim() !== '') return { text: noteZh, lang: 'zh-Hans' };
  return { text: note, lang: 'en' };
}
