/**
 * CSV exports. Two kinds:
 *
 * - the table as shown (tableCsv): the visible rows, one column per fact, in the UI language:
 *   English files use the project's English column names and codes (`tier_2023`, `A`,
 *   `derived`, `up1`), Chinese files Chinese headers and words (`2023年分类`, `推得`,
 *   `上升一级`), in the same column order; names in both languages;
 * - the whole dataset in exactly the data/ formats (exportDataset): the column orders of
 *   tables.ts and the project's serializer, so the importer and the data checks read an export
 *   back to the same rows. For the committed tables the text is byte for byte the files in
 *   data/ (tests/unit/export-csv.test.ts checks both). A fact the user imported is written with
 *   basis `imported`; the importer reads such a file (it ignores the basis), the data/ checks
 *   refuse it, since data/ holds only facts of the project's sources.
 *
 * Line ends are LF in every file, as in data/ (the byte-for-byte promise); Excel, LibreOffice,
 * Numbers and every CSV library read LF. The files the app saves start with a byte-order mark
 * (withBom), added by the caller so the texts here stay the data/ texts.
 *
 * Every cell a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`, a leading tab or
 * carriage return: an imported source title can be anything), or would cut at a `,`, `;` or
 * tab into a part that starts so, gets apostrophes (csv.ts spreadsheetSafe). data/ holds no
 * such cell, so the byte-for-byte promise above still holds for the committed tables.
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
import { YEARS, type Dataset, type TierFact, type Year } from './types';
import type { Lang } from './lang';
import { COLUMNS, TABLE_YEAR_COLUMNS, header, type ColumnDoc } from './export-columns';
import { BASIS_WORDS, changeWord, tierList, type BasisCode } from './export-words';

/** Every CSV the app offers for download: a cell a spreadsheet would run is neutralised. */
export const downloadCsv = (header: readonly string[], rows: readonly Record<string, string>[]): string =>
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

export const optional = (n: number | null): string => (n === null ? '' : plainNumber(n));
export const list = (items: readonly string[]): string => items.join(';');

/**
 * A byte-order mark, put before every CSV the app saves: Excel on Windows reads a CSV without
 * one in the system's code page and shows Chinese as mojibake. The project's parsers (and the
 * importer) drop it, so a file with it reads back the same.
 */
export const BOM = '\uFEFF';

export const withBom = (text: string): string => BOM + text;

/**
 * A fact's basis as every export writes it: `imported` for a fact the user imported (in memory
 * it is `stated` by the source they named, with `imported` set, so the map and the rules treat
 * it as stated), else its data/ basis.
 */
export function factBasis(fact: TierFact): 'stated' | 'derived' | 'imported' {
  return fact.imported === true ? 'imported' : fact.basis;
}

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
    basis: factBasis(t),
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
export function cellCodes(cell: TableCell | undefined): { tier: string; basis: BasisCode; via: string } {
  const via = list((cell?.via ?? []).map((u) => u.code));
  const state = cell?.state ?? null;
  // `none`: no unit carried this one that year (not yet formed, or split), which is not "unknown".
  if (state === null) return { tier: '', basis: 'none', via };
  switch (state.kind) {
    case 'known':
      return { tier: state.tier, basis: factBasis(state.fact), via };
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
  /** The language of the headers and values (the UI language). */
  lang: Lang;
}

/** The table CSV's columns, in their fixed order, for a selected year and base year. */
export function tableCsvDocs({ year, baseYear }: Pick<TableCsvOptions, 'year' | 'baseYear'>): ColumnDoc[] {
  const docs: ColumnDoc[] = [
    COLUMNS.code,
    COLUMNS.name_zh,
    COLUMNS.name_en,
    COLUMNS.area_code,
    COLUMNS.area_zh,
    COLUMNS.area_en,
  ];
  for (const y of YEARS) docs.push(TABLE_YEAR_COLUMNS.tier(y), TABLE_YEAR_COLUMNS.basis(y), TABLE_YEAR_COLUMNS.via(y));
  docs.push(TABLE_YEAR_COLUMNS.rank(year), TABLE_YEAR_COLUMNS.rankOf(year));
  if (baseYear !== null) docs.push(TABLE_YEAR_COLUMNS.change(baseYear, year));
  return docs;
}

/** The header of the table CSV: English column names in English, Chinese headers in Chinese, same order. */
export function tableCsvColumns(options: TableCsvOptions): string[] {
  return tableCsvDocs(options).map((d) => header(d, options.lang));
}

/**
 * The visible rows as CSV (header row, LF line ends, RFC 4180 quoting), in their shown order.
 * Column order (both languages): code, names (zh, en), area (code, zh, en), then for each year
 * 2019–2023 its tier, basis and via, then the selected year's rank and rank_of, then the change
 * from the base year. `via_<year>` names the unit(s) a year's state belongs to when not the
 * row's unit (任县 130526 for 任泽区 in 2019); `change_<base>_<year>` is a change class. English
 * files write codes (A, stated, derived, imported, range, unknown, none; up2 … unknown-both),
 * Chinese files the same facts in Chinese (已公布, 推得, 导入, …; B或C for a range). The text has
 * no byte-order mark: the caller adds it to the file (withBom).
 */
export function tableCsv(rows: readonly TableRow[], options: TableCsvOptions): string {
  const { year, baseYear, lang } = options;
  const columns = tableCsvColumns(options);
  const records = rows.map((row) => {
    const values: string[] = [row.code, row.nameZh, row.nameEn, row.areaCode, row.areaZh, row.areaEn];
    for (const y of YEARS) {
      const cell = cellIn(row, y);
      const codes = cellCodes(cell);
      const tier = cell?.state?.kind === 'range' ? tierList(cell.state.tiers, lang) : codes.tier;
      values.push(tier, BASIS_WORDS[lang][codes.basis], codes.via);
    }
    values.push(optional(row.rank), optional(row.rankOf));
    if (baseYear !== null) values.push(row.change ? changeWord(row.change.change, lang, baseYear, year) : '');
    return Object.fromEntries(columns.map((c, i) => [c, values[i] ?? '']));
  });
  return downloadCsv(columns, records);
}

/**
 * The download name of the table CSV: the year, the area when the rows are one area's, and the
 * language of its headers. Dataset files keep their data/ names (tiers.csv, …) so they can go
 * straight back into data/ or the importer.
 */
export function tableCsvFileName(year: Year, lang: Lang, area: string | null = null): string {
  return `hebei-innovation-table-${year}${area === null ? '' : `-${area}`}-${lang}.csv`;
}
