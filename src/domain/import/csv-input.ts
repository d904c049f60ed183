/**
 * CSV files → import entries.
 */
import type { NoticeDefaults } from './notice';
import type { ParsedInput } from './types';

export function parseImportCsv(text: string, defaults: { year: number | null }): ParsedInput {
  void text;
  void defaults;
  throw new Error('parseImportCsv: not yet implemented');
}

/** A pasted or loaded text: CSV when its first line is a recognised header, else a notice. */
export function parseImportText(text: string, defaults: NoticeDefaults): ParsedInput {
  void text;
  void defaults;
  throw new Error('parseImportText: not yet implemented');
}
