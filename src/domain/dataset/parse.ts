/**
 * CSV text → domain rows, one parser per table: parseCsv splits the text (header and field
 * counts checked), parse-rows.ts builds and checks the rows. Parsers never throw on user data:
 * they return the rows, or every problem found with its line number. Used where the tables
 * are read as text (the data checks, the scripts, the tests); the browser gets them already
 * split (bundle.ts) and calls parse-rows.ts directly.
 */
import { parseCsv } from '../csv.ts';
import type { Indicator, Source, TierFact, TierRange, Total, Unit } from '../types.ts';
import type { TableName } from './fields.ts';
import {
  TABLE_COLUMNS,
  datasetFromCsv,
  indicatorsFromCsv,
  sourcesFromCsv,
  tierRangesFromCsv,
  tiersFromCsv,
  totalsFromCsv,
  unitsFromCsv,
  type DatasetCsv,
  type DatasetParseResult,
  type ParseResult,
} from './parse-rows.ts';

export type { DatasetParseResult, ParseResult } from './parse-rows.ts';

export function parseUnits(text: string): ParseResult<Unit> {
  return unitsFromCsv(parseCsv(text, TABLE_COLUMNS.units));
}

export function parseSources(text: string): ParseResult<Source> {
  return sourcesFromCsv(parseCsv(text, TABLE_COLUMNS.sources));
}

export function parseTiers(text: string): ParseResult<TierFact> {
  return tiersFromCsv(parseCsv(text, TABLE_COLUMNS.tiers));
}

export function parseTierRanges(text: string): ParseResult<TierRange> {
  return tierRangesFromCsv(parseCsv(text, TABLE_COLUMNS.tier_ranges));
}

export function parseTotals(text: string): ParseResult<Total> {
  return totalsFromCsv(parseCsv(text, TABLE_COLUMNS.totals));
}

export function parseIndicators(text: string): ParseResult<Indicator> {
  return indicatorsFromCsv(parseCsv(text, TABLE_COLUMNS.indicators));
}

/** The CSV text of every table, as read from data/<table>.csv. */
export type DatasetTexts = Record<TableName, string>;

/** Every table's text through parseCsv, with the table's columns as the expected header. */
export function csvOfTexts(texts: DatasetTexts): DatasetCsv {
  const csv = (table: TableName) => parseCsv(texts[table], TABLE_COLUMNS[table]);
  return {
    units: csv('units'),
    sources: csv('sources'),
    tiers: csv('tiers'),
    tier_ranges: csv('tier_ranges'),
    totals: csv('totals'),
    indicators: csv('indicators'),
  };
}

/** Parse all six tables; errors of every table are reported together. */
export function parseDataset(texts: DatasetTexts): DatasetParseResult {
  return datasetFromCsv(csvOfTexts(texts));
}
