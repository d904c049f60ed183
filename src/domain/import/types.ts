/**
 * The import contract: what a pasted notice or a loaded CSV becomes on its way into the
 * explorer. Input → ImportEntry[] (parse) → ResolvedEntry[] (names to codes) → ImportPreview
 * (compared with the dataset) → ImportLayer (what the user chose to apply) → applyImports.
 *
 * Pure data. Messages are codes with parameters, never sentences: the UI words them in the
 * user's language, and user text (names, notes, titles) is only ever carried as data.
 */
import type { Tier, TierFact, UnitCode } from '../types';

/** Input limits, stated in the import dialog. */
export const IMPORT_LIMITS = {
  /** Largest file read; a results list is a few KB, data/tiers.csv about 60 KB. */
  maxFileBytes: 2 * 1024 * 1024,
  /** Longest pasted text, in characters. */
  maxTextChars: 200_000,
  /** Most entries (names or CSV rows) one import may hold: 5 years × 168 units, with room. */
  maxEntries: 2_000,
  /** Longest name or note kept from the input, in characters. */
  maxFieldChars: 200,
  /**
   * Most imported layers this browser keeps (each apply adds one, so this is far beyond real use).
   * Layers read back past it are dropped (data/import-check.ts), so nothing may store more: the
   * dialog, keeping a link's layers and the write of the layers (data/import-storage.ts) refuse.
   */
  maxLayers: 50,
} as const;

/** Why an input could not be read, or what to tell the user about it. */
export type ImportProblemCode =
  | 'empty' // nothing to import
  | 'too-large' // over maxFileBytes / maxTextChars (limit, and unit: bytes of a file, characters of text)
  | 'too-many-entries' // over maxEntries
  | 'binary' // NUL bytes or undecodable content
  | 'utf16-no-bom' // UTF-16 text without a byte-order mark: which byte order is not said, so it is not guessed
  | 'csv-malformed' // quoting or field-count errors (line, detail)
  | 'read-failed' // the reader itself stopped on an error (detail: the error); nothing was read
  | 'no-worker-too-large' // no background reader could start, and the text is longer than the page reads itself (limit, in characters)
  | 'csv-header' // no recognised header (detail: the header found)
  | 'bad-year' // a year outside 2019–2023 (line, detail)
  | 'bad-tier' // a tier that is not A, B or C (line, detail)
  | 'bad-rank' // a rank or score that is not a plausible number (line, detail)
  | 'no-year' // the text does not say the year and none was chosen
  | 'no-tier' // the text does not say the tier and none was chosen
  | 'decoded-gbk' // info: the file was GBK (Excel) and was decoded as such
  | 'decoded-utf16' // info: the file was UTF-16 with a byte-order mark (Excel's "Unicode Text") and was decoded as such
  | 'ranks-from-order' // info: the list says it is in score order, ranks were given by position
  | 'field-truncated'; // info: an over-long name or note was cut (line)

export interface ImportProblem {
  code: ImportProblemCode;
  severity: 'error' | 'info';
  /** 1-based line (CSV) or position in the list (notice), when it applies. */
  line?: number;
  /** Plain text from the input or the parser (always rendered as text). */
  detail?: string;
  limit?: number;
  /** What `limit` counts, for 'too-large': bytes of a file or characters of text. */
  unit?: 'bytes' | 'chars';
}

/** One name (or code) with its tier, as read from the input, before resolution. */
export interface ImportEntry {
  /** The name or code as written (trimmed), shown back to the user. */
  raw: string;
  year: number;
  tier: Tier;
  /** Position in a score-ordered list, or the CSV's rank column. */
  rank: number | null;
  score: number | null;
  /** 1-based line (CSV) or position (notice) for messages. */
  line: number;
  /** An area code the input puts this name under (a "石家庄市：" heading, a CSV city column). */
  areaHint: string | null;
}

export type ParsedInput =
  { ok: true; entries: ImportEntry[]; problems: ImportProblem[] } | { ok: false; problems: ImportProblem[] };

/** How a name was matched to a unit; shown so the user can check it. */
export type MatchVia =
  | 'code' // a 6-digit code valid that year
  | 'name' // the full name (鹿泉区)
  | 'prefixed' // a city or new-area prefix (石家庄市鹿泉区, 渤海新区黄骅市)
  | 'short' // without the type suffix (鹿泉)
  | 'renamed' // another year's name of the unit (任县 for 2021 → 任泽区)
  | 'context' // a duplicate name (桥西区) settled by the list's area context
  | 'chosen'; // the user picked one of the candidates

export type Resolution =
  | { kind: 'matched'; code: UnitCode; via: MatchVia }
  | { kind: 'ambiguous'; candidates: UnitCode[] }
  | { kind: 'unmatched'; suggestions: UnitCode[] };

export interface ResolvedEntry {
  entry: ImportEntry;
  resolution: Resolution;
}

/** A fact as the import states it (before it becomes a TierFact). */
export interface ImportFact {
  code: UnitCode;
  year: number;
  tier: Tier;
  rank: number | null;
  /** 168 up to 2020, 167 from 2021, when rank is given. */
  rankOf: number | null;
  /** The text the fact was read from. */
  raw: string;
}

export interface ImportComparison {
  imported: ImportFact;
  existing: TierFact;
}

export interface ImportPreview {
  resolved: ResolvedEntry[];
  /** Facts for unit-years the dataset says nothing about. */
  newFacts: ImportFact[];
  /** Same tier as a fact of the dataset. */
  confirmations: ImportComparison[];
  /** Another tier than a fact of the dataset: shown side by side, the user decides. */
  conflicts: ImportComparison[];
  /** The same unit and year twice in the input (with the same or another tier): not applied. */
  duplicates: ImportFact[][];
  /** Consistency rules of the dataset the import would newly break (e.g. more A units than the official count). */
  violations: string[];
}

/** The source the user names for the imported facts. */
export interface ImportSourceInfo {
  title: string;
  /** As the user gives it: 2023-12-22, 2023-12 or empty. */
  date: string;
  url: string;
}

/** What the user applied: one source, its facts. Persisted in the browser, carried in links. */
export interface ImportLayer {
  /** Source id of the layer's facts: "IMP1", "IMP2", … (never a data/ source id). */
  id: string;
  source: ImportSourceInfo;
  /** ISO timestamp of the apply. */
  createdAt: string;
  /** New facts, and conflicts where the user chose the imported tier (they replace the dataset's fact). */
  facts: ImportFact[];
  /** 'link': received in a shared link and not yet kept by the user. */
  origin: 'local' | 'link';
}

export const IMPORT_SOURCE_PREFIX = 'IMP';

export function isImportSourceId(id: string): boolean {
  return /^IMP\d+$/.test(id);
}
