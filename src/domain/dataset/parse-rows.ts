/**
 * Parsed CSV records → domain rows, one builder per table. Builders never throw on user data:
 * they return the rows, or every problem found with its line number. Checks here are about
 * single cells and single rows (types, allowed values, shapes); rules that relate rows to each
 * other or to other tables are in validate.ts.
 *
 * The records come from parseCsv (src/domain/csv.ts): in the browser they arrive already split,
 * in the dataset bundle the build makes (bundle.ts), so this module and what the first view
 * loads need no CSV parser; parse.ts parses CSV text with parseCsv and hands the result here.
 */
import { isCalendarDate } from '../calendar-date.ts';
import type { CsvParseResult } from '../csv.ts';
import {
  INDICATOR_COLUMNS,
  SOURCE_COLUMNS,
  TIER_COLUMNS,
  TIER_RANGE_COLUMNS,
  TOTAL_COLUMNS,
  UNIT_COLUMNS,
} from '../tables.ts';
import {
  FIRST_YEAR,
  LAST_YEAR,
  type Dataset,
  type Indicator,
  type Source,
  type TierFact,
  type TierRange,
  type Total,
  type Unit,
} from '../types.ts';
import { CODE, cellReader, type ParseError, type TableName } from './fields.ts';

export type ParseResult<T> = { ok: true; rows: T[] } | { ok: false; errors: ParseError[] };

/** Each table's columns, in the order data/<table>.csv has them: the header parseCsv expects. */
export const TABLE_COLUMNS: Readonly<Record<TableName, readonly string[]>> = {
  units: UNIT_COLUMNS,
  sources: SOURCE_COLUMNS,
  tiers: TIER_COLUMNS,
  tier_ranges: TIER_RANGE_COLUMNS,
  totals: TOTAL_COLUMNS,
  indicators: INDICATOR_COLUMNS,
};

const BASES = ['stated', 'derived'] as const;
const CONFIDENCES = ['high', 'medium', 'low'] as const;
const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const;
const INDICATOR_SCOPES = ['province', 'prefecture', 'unit'] as const;
/** How a D source's Chinese note starts, as its English note starts "Document without a web address". */
const NO_URL_ZH = '无网址的文件';

/** Years outside 2019–2023 appear only as context: the 2018 baseline and the 2024 evaluation. */
const CONTEXT_FIRST = 2018;
const CONTEXT_LAST = 2024;
/** Indicator years are statistics years and may lie further out (as in check_facts.py). */
const INDICATOR_FIRST = 2015;
const INDICATOR_LAST = 2026;

type Reader = ReturnType<typeof cellReader>;

/**
 * Shared frame: take parseCsv's result (header and field counts checked, with the table's
 * columns as the expected header), then build each row with `build`; a row that collected an
 * error is dropped and reported.
 */
function parseTable<T>(table: TableName, csv: CsvParseResult, build: (cell: Reader) => T): ParseResult<T> {
  if (!csv.ok) {
    // parseCsv reports "line N: message" for record-level problems and plain text for the file.
    return {
      ok: false,
      errors: csv.errors.map((e) => {
        const m = /^line (\d+): (.*)$/s.exec(e);
        return m
          ? { table, line: Number(m[1]), column: null, message: m[2] ?? e }
          : { table, line: null, column: null, message: e };
      }),
    };
  }
  const errors: ParseError[] = [];
  const rows: T[] = [];
  csv.rows.forEach((row, i) => {
    const before = errors.length;
    const value = build(cellReader(table, i + 2, row, errors));
    if (errors.length === before) rows.push(value);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

export function unitsFromCsv(csv: CsvParseResult): ParseResult<Unit> {
  return parseTable('units', csv, (c) => ({
    code: c.code('code'),
    nameZh: c.text('name_zh'),
    nameEn: c.raw('name_en'),
    prefectureCode: c.code('prefecture_code'),
    prefectureZh: c.text('prefecture_zh'),
    validFrom: c.int('valid_from', { min: CONTEXT_FIRST, max: CONTEXT_LAST }),
    validTo: c.optInt('valid_to', { min: CONTEXT_FIRST, max: CONTEXT_LAST }),
    predecessorCodes: c.codeList('predecessor_codes'),
    boundaryNote: c.raw('boundary_note'),
    boundaryNoteZh: c.zhNote('boundary_note_zh', 'boundary_note'),
  }));
}

export function sourcesFromCsv(csv: CsvParseResult): ParseResult<Source> {
  return parseTable('sources', csv, (c) => {
    const sourceId = c.raw('source_id');
    // D = documents without a web address, P = web pages (the facts package's convention).
    if (!/^[DP]\d{3}$/.test(sourceId)) c.fail('source_id', `"${sourceId}" is not of the form D000 or P000`);
    const date = c.raw('date');
    if (date !== '' && !isCalendarDate(date, { partial: true })) {
      c.fail('date', `"${date}" is not a calendar date YYYY, YYYY-MM or YYYY-MM-DD`);
    }
    const url = c.raw('url');
    const note = c.raw('note');
    const noteZh = c.zhNote('note_zh', 'note');
    if (sourceId.startsWith('D')) {
      if (url !== '') c.fail('url', 'a document without a web address (D…) must have an empty url');
      if (!note.startsWith('Document without a web address')) {
        c.fail('note', 'a document without a web address (D…) must say so at the start of its note');
      }
      if (!noteZh.startsWith(NO_URL_ZH)) c.fail('note_zh', `must start as the note does, with “${NO_URL_ZH}”`);
    } else if (!/^https?:\/\/\S+$/.test(url)) {
      c.fail('url', `"${url}" is not a web address`);
    }
    return {
      sourceId,
      title: c.text('title'),
      publisher: c.raw('publisher'),
      date,
      url,
      language: c.oneOf('language', LANGUAGES),
      note,
      noteZh,
    };
  });
}

export function tiersFromCsv(csv: CsvParseResult): ParseResult<TierFact> {
  return parseTable('tiers', csv, (c) => ({
    code: c.code('code'),
    year: c.int('year', { min: FIRST_YEAR, max: LAST_YEAR }),
    tier: c.tier('tier'),
    rank: c.optInt('rank', { min: 1 }),
    rankOf: c.optInt('rank_of', { min: 1 }),
    basis: c.oneOf('basis', BASES),
    confidence: c.oneOf('confidence', CONFIDENCES),
    sourceIds: c.sourceIds('source_ids'),
    note: c.text('note'),
    noteZh: c.zhNote('note_zh', 'note'),
  }));
}

export function tierRangesFromCsv(csv: CsvParseResult): ParseResult<TierRange> {
  return parseTable('tier_ranges', csv, (c) => ({
    code: c.code('code'),
    fromTier: c.optTier('from_tier'),
    toTier: c.optTier('to_tier'),
    yearFrom: c.int('year_from', { min: CONTEXT_FIRST, max: CONTEXT_LAST }),
    yearTo: c.int('year_to', { min: CONTEXT_FIRST, max: CONTEXT_LAST }),
    sourceIds: c.sourceIds('source_ids'),
    note: c.text('note'),
    noteZh: c.zhNote('note_zh', 'note'),
  }));
}

export function totalsFromCsv(csv: CsvParseResult): ParseResult<Total> {
  return parseTable('totals', csv, (c) => {
    const scope = c.raw('scope');
    if (scope !== 'province' && !CODE.test(scope)) {
      c.fail('scope', `"${scope}" is neither "province" nor a 6-digit area code`);
    }
    const count = (column: string) => c.optInt(column, { min: 0 });
    return {
      year: c.int('year', { min: CONTEXT_FIRST, max: CONTEXT_LAST }),
      scope,
      units: count('units'),
      counts: { A: count('A'), B: count('B'), C: count('C') },
      minimums: { A: count('A_min'), B: count('B_min'), C: count('C_min') },
      avgScore: c.optNum('avg_score', { min: 0, max: 100 }),
      tierChanges: count('tier_changes'),
      basis: c.oneOf('basis', BASES),
      confidence: c.oneOf('confidence', CONFIDENCES),
      sourceIds: c.sourceIds('source_ids'),
      note: c.text('note'),
      noteZh: c.zhNote('note_zh', 'note'),
    };
  });
}

export function indicatorsFromCsv(csv: CsvParseResult): ParseResult<Indicator> {
  return parseTable('indicators', csv, (c) => {
    const scopeValid = (INDICATOR_SCOPES as readonly string[]).includes(c.raw('scope'));
    const scope = c.oneOf('scope', INDICATOR_SCOPES);
    const code = c.raw('code');
    // The code's form depends on the scope; with an unknown scope there is nothing to check it against.
    if (scopeValid && (scope === 'province' ? code !== '' : !CODE.test(code))) {
      c.fail('code', scope === 'province' ? 'must be empty for the province' : `"${code}" is not a 6-digit code`);
    }
    const indicator = c.raw('indicator');
    if (!/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(indicator)) c.fail('indicator', `"${indicator}" is not a snake_case id`);
    return {
      scope,
      code,
      year: c.int('year', { min: INDICATOR_FIRST, max: INDICATOR_LAST }),
      indicator,
      value: c.num('value'),
      unit: c.text('unit'),
      sourceIds: c.sourceIds('source_ids'),
      note: c.text('note'),
      noteZh: c.zhNote('note_zh', 'note'),
    };
  });
}

/** parseCsv's result for every table. */
export type DatasetCsv = Record<TableName, CsvParseResult>;

export type DatasetParseResult = { ok: true; dataset: Dataset } | { ok: false; errors: ParseError[] };

/** Build all six tables; errors of every table are reported together. */
export function datasetFromCsv(tables: DatasetCsv): DatasetParseResult {
  const units = unitsFromCsv(tables.units);
  const sources = sourcesFromCsv(tables.sources);
  const tiers = tiersFromCsv(tables.tiers);
  const ranges = tierRangesFromCsv(tables.tier_ranges);
  const totals = totalsFromCsv(tables.totals);
  const indicators = indicatorsFromCsv(tables.indicators);
  if (units.ok && sources.ok && tiers.ok && ranges.ok && totals.ok && indicators.ok) {
    return {
      ok: true,
      dataset: {
        units: units.rows,
        sources: sources.rows,
        tiers: tiers.rows,
        ranges: ranges.rows,
        totals: totals.rows,
        indicators: indicators.rows,
      },
    };
  }
  const errors = [units, sources, tiers, ranges, totals, indicators].flatMap((r) => (r.ok ? [] : r.errors));
  return { ok: false, errors };
}
