/** Loading the real tables and the synthetic fixtures for the data tests (Node only). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  TABLE_NAMES,
  fileOf,
  formatParseError,
  parseDataset,
  type DatasetTexts,
  type TableName,
} from '../../src/domain/dataset/index.ts';
import type { Dataset } from '../../src/domain/types.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA_DIR = join(ROOT, 'data');
export const FIXTURES = join(ROOT, 'tests', 'fixtures', 'data');

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export function realTexts(): DatasetTexts {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, readText(join(DATA_DIR, fileOf(t)))])) as DatasetTexts;
}

/**
 * A fixture dataset: the real units.csv (so unit codes and validity spans are the project's),
 * the small valid tables of fixtures/data/valid, and, for a case, the tables that case replaces
 * (fixtures/data/cases/<name>/<table>.csv).
 */
export function fixtureTexts(caseName?: string): DatasetTexts {
  const pick = (t: TableName): string => {
    if (t === 'units') return readText(join(DATA_DIR, 'units.csv'));
    const override = caseName ? join(FIXTURES, 'cases', caseName, fileOf(t)) : '';
    return readText(override && existsSync(override) ? override : join(FIXTURES, 'valid', fileOf(t)));
  };
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, pick(t)])) as DatasetTexts;
}

/** Parse texts that are expected to be well-formed; a parse error fails the test with its messages. */
export function mustParse(texts: DatasetTexts): Dataset {
  const parsed = parseDataset(texts);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatParseError).join('\n'));
  return parsed.dataset;
}
