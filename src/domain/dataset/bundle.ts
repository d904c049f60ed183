/**
 * The dataset bundle: the six tables of data/ in one file, so the page fetches the data in one
 * request instead of six. The build (scripts/dataset-bundle.ts) splits each data/<table>.csv
 * with parseCsv, as the app would, and writes what it gives: the header and the records (or the
 * errors), so the browser needs no CSV parser to read them. data/*.csv stay the sourced files;
 * this is only their transport.
 *
 * Each table is `{ header, records }` (records as arrays in the header's order: the column names
 * are not repeated in every row) or `{ errors }` (parseCsv's messages, reported by the app as a
 * table with problems would be). Decoding checks the shape and never throws.
 */
import type { CsvParseResult } from '../csv.ts';
import { TABLE_NAMES, type TableName } from './fields.ts';
import type { DatasetCsv } from './parse-rows.ts';

export const BUNDLE_FORMAT = 'hebei-explorer-dataset';
export const BUNDLE_VERSION = 1;

type BundledTable = { header: string[]; records: string[][] } | { errors: string[] };

/** The bundle's text for the tables' parse results. */
export function encodeDatasetBundle(tables: DatasetCsv): string {
  const bundled = Object.fromEntries(
    TABLE_NAMES.map((table): [TableName, BundledTable] => {
      const csv = tables[table];
      if (!csv.ok) return [table, { errors: csv.errors }];
      return [table, { header: csv.header, records: csv.rows.map((row) => csv.header.map((name) => row[name] ?? '')) }];
    }),
  );
  return `${JSON.stringify({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, tables: bundled })}\n`;
}

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** One table back as parseCsv's result, or null when it is not of the bundle's shape. */
function decodeTable(value: unknown): CsvParseResult | null {
  if (typeof value !== 'object' || value === null) return null;
  if ('errors' in value) return isStrings(value.errors) ? { ok: false, errors: value.errors } : null;
  if (!('header' in value) || !('records' in value)) return null;
  const { header, records } = value;
  if (!isStrings(header) || !Array.isArray(records)) return null;
  const rows: Record<string, string>[] = [];
  for (const record of records) {
    if (!isStrings(record) || record.length !== header.length) return null;
    const row: Record<string, string> = {};
    header.forEach((name, j) => {
      row[name] = record[j] ?? '';
    });
    rows.push(row);
  }
  return { ok: true, header, rows };
}

export type BundleReadResult = { ok: true; tables: DatasetCsv } | { ok: false; message: string };

/** Reads a bundle's text; a file of another shape or version says so instead of throwing. */
export function decodeDatasetBundle(text: string): BundleReadResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: 'not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || !('format' in parsed) || parsed.format !== BUNDLE_FORMAT) {
    return { ok: false, message: 'not a dataset bundle' };
  }
  if (!('version' in parsed) || parsed.version !== BUNDLE_VERSION) {
    return {
      ok: false,
      message: `version ${'version' in parsed ? String(parsed.version) : '?'}, expected ${BUNDLE_VERSION}`,
    };
  }
  const tables = 'tables' in parsed && typeof parsed.tables === 'object' && parsed.tables !== null ? parsed.tables : {};
  const decoded: Partial<DatasetCsv> = {};
  for (const table of TABLE_NAMES) {
    const csv = decodeTable((tables as Record<string, unknown>)[table]);
    if (csv === null) return { ok: false, message: `table ${table} is missing or malformed` };
    decoded[table] = csv;
  }
  return { ok: true, tables: decoded as DatasetCsv };
}
