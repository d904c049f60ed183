/**
 * CSV text → domain rows, one parser per table. Parsers never throw on user data: they return
 * the rows, or every problem found with its line number. Checks here are about single cells
 * and single rows (types, allowed values, shapes); rules that relate rows to each other or to
 * other tables are in validate.ts.
 */
import { parseCsv } from '../csv.ts';
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

const BASES = ['stated', 'derived'] as const;
const CONFIDENCES = ['high', 'medium', 'low'] as const;
const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const;
const INDICATOR_SCOPES = ['province', 'prefecture', 'unit'] as const;

/** Years outside 2019–2023 appear only as context: the 2018 baseline and the 2024 evaluation. */
const CONTEXT_FIRST = 2018;
const CONTEXT_LAST = 2024;
/** Indicator years are statistics years and may lie further out (as in check_facts.py). */
const INDICATOR_FIRST = 2015;
const INDICATOR_LAST = 2026;

type Reader = ReturnType<typeof cellReader>;

/**
 * Shared frame: split the text into records with parseCsv (header and field counts checked),
 * then build each row with `build`; a row that collected an error is dropped and reported.
 */
function parseTable<T>(
  table: TableName,
  text: string,
  columns: readonly string[],
  build: (cell: Reader) => T,
): ParseResult<T> {
  const csv = parseCsv(text, columns);
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

export function parseUnits(text: string): ParseResult<Unit> {
  return parseTable('units', text, UNIT_COLUMNS, (c) => ({
    code: c.code('code'),
    nameZh: c.text('name_zh'),
    nameEn: c.raw('name_en'),
    prefectureCode: c.code('prefecture_code'),
    prefectureZh: c.text('prefecture_zh'),
    validFrom: c.int('valid_from', { min: CONTEXT_FIRST, max: CONTEXT_LAST }),
    validTo: c.optInt('valid_to', { min: CONTEXT_FIRST, max: CONTEXT_LAST }),
    predecessorCodes: c.codeList('predecessor_codes'),
    boundaryNote: c.raw('boundary_note'),
  }));
}

export function parseSources(text: string): ParseResult<Source> {
  return parseTable('sources', text, SOURCE_COLUMNS, (c) => {
    const sourceId = c.raw('source_id');
    // D = documents without a web address, P = web pages (the facts package's convention).
    if (!/^[DP]\d{3}$/.test(sourceId)) c.fail('source_id', `"${sourceId}" is not of the form D000 or P000`);
    const date = c.raw('date');
    if (date !== '' && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) {
      c.fail('date', `"${date}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    }
    const url = c.raw('url');
    const note = c.raw('note');
    if (sourceId.startsWith('D')) {
      if (url !== '') c.fail('url', 'a document without a web address (D…) must have an empty url');
      if (!note.startsWith('Document without a web address')) {
        c.fail('note', 'a document without a web address (D…) must say so at the start of its note');
      }
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
    };
  });
}

export function parseTiers(text: string): ParseResult<TierFact> {
  return parseTable('tiers', text, TIER_COLUMNS, (c) => ({
    code: c.code('code'),
    year: c.int('year', { min: FIRST_YEAR, max: LAST_YEAR }),
    tier: c.tier('tier'),
    rank: c.optInt('rank', { min: 1 }),
    rankOf: c.optInt('rank_of', { min: 1 }),
    basis: c.oneOf('basis', BASES),
    confidence: c.oneOf('confidence', CONFIDENCES),
    sourceIds: c.sourceIds('source_ids'),
    note: c.text('note'),
  }));
}

export function parseTierRanges(text: string): ParseResult<TierRange> {
  return parseTable('tier_ranges', text, TIER_RANGE_COLUMNS, (c) => ({
    code: c.code('code'),
    fromTier: c.optTier('from_tier'),
    toTier: c.optTier('to_tier'),
    yearFrom: c.int('year_from', { min: CONTEXT_FIRST, max: CONTEXT_LAST }),
    yearTo: c.int('year_to', { min: CONTEXT_FIRST, max: CONTEXT_LAST }),
    sourceIds: c.sourceIds('source_ids'),
    note: c.text('note'),
  }));
}

export function parseTotals(text: string): ParseResult<Total> {
  return parseTable('totals', text, TOTAL_COLUMNS, (c) => {
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
    };
  });
}

export function parseIndicators(text: string): ParseResult<Indicator> {
  return parseTable('indicators', text, INDICATOR_COLUMNS, (c) => {
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
    };
  });
}

/** The CSV text of every table, as read from data/<table>.csv. */
export type DatasetTexts = Record<TableName, string>;

export type DatasetParseResult = { ok: true; dataset: Dataset } | { ok: false; errors: ParseError[] };

/** Parse all six tables; errors of every table are reported together. */
export function parseDataset(texts: DatasetTexts): DatasetParseResult {
  const units = parseUnits(texts.units);
  const sources = parseSources(texts.sources);
  const tiers = parseTiers(texts.tiers);
  const ranges = parseTierRanges(texts.tier_ranges);
  const totals = parseTotals(texts.totals);
  const indicators = parseIndicators(texts.indicators);
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
