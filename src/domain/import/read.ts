/**
 * One input, read end to end: a file's bytes decoded, the text parsed (CSV or notice) and its
 * names resolved to units. Pure and self-contained, so the app can run it in a worker
 * (src/data/import-reader.ts): a long paste never holds the page.
 */
import type { Unit } from '../types';
import { parseImportText } from './csv-input';
import { decodeImportBytes } from './decode';
import type { NoticeDefaults } from './notice';
import { resolveEntries } from './preview';
import { IMPORT_LIMITS, type ImportProblem, type ResolvedEntry } from './types';

/**
 * What to read. Text carries the longest it may be (a paste's limit in characters, or for a
 * file's decoded text the file limit: it has at most as many characters as the file has bytes)
 * and the notes of how it was decoded, so that reading it again with other options keeps them.
 */
export type ImportInput =
  { kind: 'text'; text: string; maxChars: number; notes: ImportProblem[] } | { kind: 'bytes'; bytes: Uint8Array };

export type ImportRead =
  | { ok: false; problems: ImportProblem[] }
  | {
      ok: true;
      /** The input as text, to read again when the year or tier changes. */
      input: Extract<ImportInput, { kind: 'text' }>;
      resolved: ResolvedEntry[];
      /** Decoding and parsing notes (info), shown above the preview. */
      notes: ImportProblem[];
    };

/** Pasted text as an input: its limit is the paste limit, in characters. */
export function pastedInput(text: string): ImportInput {
  return { kind: 'text', text, maxChars: IMPORT_LIMITS.maxTextChars, notes: [] };
}

export function readImportInput(input: ImportInput, defaults: NoticeDefaults, units: readonly Unit[]): ImportRead {
  let text: Extract<ImportInput, { kind: 'text' }>;
  if (input.kind === 'bytes') {
    const decoded = decodeImportBytes(input.bytes);
    if (!decoded.ok) return { ok: false, problems: decoded.problems };
    text = { kind: 'text', text: decoded.text, maxChars: IMPORT_LIMITS.maxFileBytes, notes: decoded.problems };
  } else {
    text = input;
  }
  const parsed = parseImportText(text.text, defaults, text.maxChars);
  if (!parsed.ok) return { ok: false, problems: [...text.notes, ...parsed.problems] };
  return {
    ok: true,
    input: text,
    resolved: resolveEntries(units, parsed.entries),
    notes: [...text.notes, ...parsed.problems],
  };
}
