/**
 * Parsers on malformed input: readable errors with line numbers (header = line 1), never an
 * exception. Fixtures in tests/fixtures/data/malformed.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatParseError,
  parseDataset,
  parseIndicators,
  parseSources,
  parseTierRanges,
  parseTiers,
  parseTotals,
  parseUnits,
  type ParseResult,
} from '../../src/domain/dataset/index.ts';
import { TIER_COLUMNS } from '../../src/domain/tables.ts';
import { FIXTURES, fixtureTexts, readText } from './helpers.ts';

const malformed = (name: string) => readText(join(FIXTURES, 'malformed', name));
const messages = <T>(r: ParseResult<T>): string[] => (r.ok ? [] : r.errors.map(formatParseError));

describe('malformed CSV', () => {
  it('reports a wrong header', () => {
    const r = parseTiers(malformed('wrong-header.tiers.csv'));
    expect(r.ok).toBe(false);
    expect(messages(r)).toEqual([
      'tiers.csv: header is "prefecture,county,year,tier,rank,rank_of,basis,confidence,source_ids,note,note_zh", ' +
        'expected "code,year,tier,rank,rank_of,basis,confidence,source_ids,note,note_zh"',
    ]);
  });

  it('reports a wrong field count with its line', () => {
    expect(messages(parseTiers(malformed('wrong-field-count.tiers.csv')))).toEqual([
      'tiers.csv, line 3: 9 fields, expected 10',
    ]);
  });

  it('reports bad tier, basis and confidence values with line and column', () => {
    expect(messages(parseTiers(malformed('bad-tier.tiers.csv')))).toEqual([
      'tiers.csv, line 3, column tier: "D" is not a tier (A, B or C)',
      'tiers.csv, line 4, column tier: "a" is not a tier (A, B or C)',
      'tiers.csv, line 4, column basis: "guessed" is not one of stated, derived',
      'tiers.csv, line 4, column confidence: "certain" is not one of high, medium, low',
    ]);
  });

  it('reports bad numbers with line and column', () => {
    expect(messages(parseTotals(malformed('bad-number.totals.csv')))).toEqual([
      'totals.csv, line 3, column units: "ten" is not an integer',
      'totals.csv, line 3, column A: "1.5" is not an integer',
      'totals.csv, line 3, column avg_score: "7O.5" is not a number',
      'totals.csv, line 4, column year: "20x1" is not an integer',
    ]);
  });

  it('reports bad indicator cells without cascading from an unknown scope', () => {
    expect(messages(parseIndicators(malformed('bad-cells.indicators.csv')))).toEqual([
      'indicators.csv, line 2, column code: must be empty for the province',
      'indicators.csv, line 3, column scope: "county" is not one of province, prefecture, unit',
      'indicators.csv, line 4, column indicator: "Reward CNY" is not a snake_case id',
      'indicators.csv, line 4, column value: "lots" is not a number',
      'indicators.csv, line 4, column source_ids: "P900;;P901" is not a ;-separated list of source ids',
    ]);
  });

  it('reports an unterminated quote', () => {
    expect(messages(parseTiers(malformed('unclosed-quote.tiers.csv')))).toEqual([
      'tiers.csv, line 2: Quoted field unterminated',
    ]);
  });

  it('reports an empty file, and accepts a header-only file as no rows', () => {
    expect(messages(parseTiers(''))).toEqual(['tiers.csv: the file is empty']);
    expect(parseTiers(TIER_COLUMNS.join(',') + '\n')).toEqual({ ok: true, rows: [] });
  });

  it('reports values out of range and a year outside 2019–2023 for a tier', () => {
    const text = `${TIER_COLUMNS.join(',')}\n130110,2018,A,0,168,stated,high,P900,x,说明\n`;
    expect(messages(parseTiers(text))).toEqual([
      'tiers.csv, line 2, column year: 2018 is outside 2019..2023',
      'tiers.csv, line 2, column rank: 0 is less than 1',
    ]);
  });

  it('accepts a byte-order mark and CRLF line ends', () => {
    const text = `\uFEFF${TIER_COLUMNS.join(',')}\r\n130110,2021,A,1,167,stated,high,P900,x,说明\r\n`;
    const r = parseTiers(text);
    expect(r.ok && r.rows[0]).toMatchObject({ code: '130110', year: 2021, tier: 'A', rank: 1, rankOf: 167 });
  });

  it('collects the errors of every table in parseDataset', () => {
    const texts = {
      ...fixtureTexts(),
      tiers: malformed('bad-tier.tiers.csv'),
      totals: malformed('bad-number.totals.csv'),
    };
    const r = parseDataset(texts);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : [...new Set(r.errors.map((e) => e.table))]).toEqual(['tiers', 'totals']);
  });
});

describe('parsers never throw', () => {
  const parsers = [parseUnits, parseSources, parseTiers, parseTierRanges, parseTotals, parseIndicators];

  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        for (const parse of parsers) {
          const r = parse(text);
          expect(typeof r.ok).toBe('boolean');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('on the right header followed by arbitrary cells, and every error has a line', () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'A', 'D', '2021', '-1', '1.5', '130110', 'P900', '"q"', 'x,y'),
      fc.string({ maxLength: 6 }),
    );
    const row = fc.array(cell, { minLength: 7, maxLength: 11 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), (rows) => {
        const text = [TIER_COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\n');
        const r = parseTiers(text);
        if (!r.ok) for (const e of r.errors) expect(e.line === null || e.line >= 2).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
