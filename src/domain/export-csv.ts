/**
 * CSV exports. Two kinds:
 *
 * - the table as shown (tableCsv): the visible rows, one column per fact, values as English
 *   codes (`A`, `derived`, `up1`) so a program can read it in either UI language, names in both
 *   languages;
 * - the whole dataset in exactly the data/ formats (exportDataset): the column orders of
 *   tables.ts and the project's serializer, so the importer and the data checks read an export
 *   back to the same rows. For the committed tables the text is byte for byte the files in
 *   data/ (tests/unit/export-csv.test.ts checks both).
 *
 * Every cell a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`, a leading tab or
 * carriage return: an imported source title can be anything) is written with a leading
 * apostrophe (csv.ts spreadsheetSafe). data/ holds no such cell, so the byte-for-byte promise
 * above still holds for the committed tables.
 *
 * Pure: strings in, strings out; the UI turns them into downloads.
 */
import { serializeCsv } from './csv';
import type { TableName } from './dataset/fields';
import { cellIn, type TableCell, type TableRow } from './table-rows';
import {
  INDICATOR_COLUMNS,
  SOURCE_COLUMNS,
  TIER_COLUMNS,
  TIER_RANGE_COLUMNS,
  TOTAL_COLUMNS,
  UNIT_COLUMNS,
} from './tables';
import { YEARS, type Dataset, type Year } from './types';

/** Every CSV the app offers for download: a cell a spreadsheet would run is neutralised. */
const downloadCsv = (header: readonly string[], rows: readonly Record<string, string>[]): string =>
  serializeCsv(header, rows, { spreadsheetSafe: true });

// ---------------------------------------------------------------------------------------------
// Numbers and lists

/**
 * A number as plain decimal text. String() switches to exponent form below 1e-6 and from 1e21
 * ("1.5e-7"), which the parsers (plain decimals only) would refuse: an export must read back.
 * The digits are String()'s own (the shortest that read back to the same number), only the
 * decimal point is moved.
 */
export function plainNumber(n: number): string {
  const text = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign = '', lead = '', rest = '', exp = '0'] = m;
  const digits = lead + rest;
  // The decimal point sits after the first digit; the exponent moves it.
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return `${sign}${digits}${'0'.repeat(Math.max(0, point - digits.length))}`;
}

const optional = (n: number | null): string => (n === null ? '' : plainNumber(n));
const list = (items: readonly string[]): string => items.join(';');

// ---------------------------------------------------------------------------------------------
// The whole dataset, in the data/ formats

/** File name → CSV text, one entry per table of data/. */
export type DatasetFiles = Record<`${TableName}.csv`, string>;

type Row<Columns extends readonly string[]> = Record<Columns[number], string>;

/**
 * Every table of the dataset as the CSV text of data/<table>.csv. Each row builder names every
 * column of its table (a missing one is a type error), and empty cells are exactly the nulls and
 * empty lists the parsers make of empty cells.
 */
export function exportDataset(dataset: Dataset): DatasetFiles {
  const units = dataset.units.map((u): Row<typeof UNIT_COLUMNS> => ({
    code: u.code,
    name_zh: u.nameZh,
    name_en: u.nameEn,
    prefecture_code: u.prefectureCode,
    prefecture_zh: u.prefectureZh,
    valid_from: plainNumber(u.validFrom),
    valid_to: optional(u.validTo),
    predecessor_codes: list(u.predecessorCodes),
    boundary_note: u.boundaryNote,
    boundary_note_zh: u.boundaryNoteZh,
  }));
  const sources = dataset.sources.map((s): Row<typeof SOURCE_COLUMNS> => ({
    source_id: s.sourceId,
    title: s.title,
    publisher: s.publisher,
    date: s.date,
    url: s.url,
    note: s.note,
    note_zh: s.noteZh,
    language: s.language,
  }));
  const tiers = dataset.tiers.map((t): Row<typeof TIER_COLUMNS> => ({
    code: t.code,
    year: plainNumber(t.year),
    tier: t.tier,
    rank: optional(t.rank),
    rank_of: optional(t.rankOf),
    basis: t.basis,
    confidence: t.confidence,
    source_ids: list(t.sourceIds),
    note: t.note,
    note_zh: t.noteZh,
  }));
  const ranges = dataset.ranges.map((r): Row<typeof TIER_RANGE_COLUMNS> => ({
    code: r.code,
    from_tier: r.fromTier ?? '',
    to_tier: r.toTier ?? '',
    year_from: plainNumber(r.yearFrom),
    year_to: plainNumber(r.yearTo),
    source_ids: list(r.sourceIds),
    note: r.note,
    note_zh: r.noteZh,
  }));
  const totals = dataset.totals.map((t): Row<typeof TOTAL_COLUMNS> => ({
    year: plainNumber(t.year),
    scope: t.scope,
    units: optional(t.units),
    A: optional(t.counts.A),
    B: optional(t.counts.B),
    C: optional(t.counts.C),
    A_min: optional(t.minimums.A),
    B_min: optional(t.minimums.B),
    C_min: optional(t.minimums.C),
    avg_score: optional(t.avgScore),
    tier_changes: optional(t.tierChanges),
    basis: t.basis,
    confidence: t.confidence,
    source_ids: list(t.sourceIds),
    note: t.note,
    note_zh: t.noteZh,
  }));
  const indicators = dataset.indicators.map((i): Row<typeof INDICATOR_COLUMNS> => ({
    scope: i.scope,
    code: i.code,
    year: plainNumber(i.year),
    indicator: i.indicator,
    value: plainNumber(i.value),
    unit: i.unit,
    source_ids: list(i.sourceIds),
    note: i.note,
    note_zh: i.noteZh,
  }));
  return {
    'units.csv': downloadCsv(UNIT_COLUMNS, units),
    'sources.csv': downloadCsv(SOURCE_COLUMNS, sources),
    'tiers.csv': downloadCsv(TIER_COLUMNS, tiers),
    'tier_ranges.csv': downloadCsv(TIER_RANGE_COLUMNS, ranges),
    'totals.csv': downloadCsv(TOTAL_COLUMNS, totals),
    'indicators.csv': downloadCsv(INDICATOR_COLUMNS, indicators),
  };
}

// ---------------------------------------------------------------------------------------------
// The table as shown

/**
 * What a year's cell says, as codes: `basis` is stated | derived | imported | range | unknown |
 * none. `imported` is a fact the user imported (stated by the source they named), never a data/ row.
 */
export function cellCodes(cell: TableCell | undefined): { tier: string; basis: string; via: string } {
  const via = list((cell?.via ?? []).map((u) => u.code));
  const state = cell?.state ?? null;
  // `none`: no unit carried this one that year (not yet formed, or split), which is not "unknown".
  if (state === null) return { tier: '', basis: 'none', via };
  switch (state.kind) {
    case 'known':
      return { tier: state.tier, basis: state.fact.imported === true ? 'imported' : state.fact.basis, via };
    case 'range':
      // The tiers the range statements leave open, `;`-separated like every list in data/.
      return { tier: list(state.tiers), basis: 'range', via };
    case 'unknown':
      return { tier: '', basis: 'unknown', via };
  }
}

export interface TableCsvOptions {
  /** The selected year: rank columns are for it. */
  year: Year;
  /** The year the change column measures from; no change column without one. */
  baseYear: Year | null;
}

/** The header of the table CSV for a selected year and base year. */
export function tableCsvColumns({ year, baseYear }: TableCsvOptions): string[] {
  const columns = ['code', 'name_zh', 'name_en', 'area_code', 'area_zh', 'area_en'];
  for (const y of YEARS) columns.push(`tier_${y}`, `basis_${y}`, `via_${y}`);
  columns.push(`rank_${year}`, `rank_of_${year}`);
  if (baseYear !== null) columns.push(`change_${baseYear}_${year}`);
  return columns;
}

/**
 * The visible rows as CSV (header row, LF line ends, RFC 4180 quoting), in their shown order.
 * `via_<year>` names the unit(s) a year's state belongs to when not the row's unit (任县 130526
 * for 任泽区 in 2019); `change_<base>_<year>` is a change class (up2, up1, same, down1, down2,
 * unknown-base, unknown-current, unknown-both).
 */
export function tableCsv(rows: readonly TableRow[], options: TableCsvOptions): string {
  const columns = tableCsvColumns(options);
  const records = rows.map((row) => {
    const record: Record<string, string> = {
      code: row.code,
      name_zh: row.nameZh,
      name_en: row.nameEn,
      area_code: row.areaCode,
      area_zh: row.areaZh,
      area_en: row.areaEn,
      [`rank_${options.year}`]: optional(row.rank),
      [`rank_of_${options.year}`]: optional(row.rankOf),
    };
    for (const y of YEARS) {
      const codes = cellCodes(cellIn(row, y));
      record[`tier_${y}`] = codes.tier;
      record[`basis_${y}`] = codes.basis;
      record[`via_${y}`] = codes.via;
    }
    if (options.baseYear !== null) record[`change_${options.baseYear}_${options.year}`] = row.change?.change ?? '';
    return record;
  });
  return downloadCsv(columns, records);
}

/**
 * The download name of the table CSV. Dataset files keep their data/ names (tiers.csv, …) so
 * they can go straight back into data/ or the importer.
 */
export function tableCsvFileName(year: Year): string {
  return `hebei-innovation-table-${year}.csv`;
}
