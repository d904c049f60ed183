/**
 * The real dataset (data/*.csv): it parses, every rule holds (one test per rule, so a failure
 * names the rule), the official province totals are there, and coverage matches the facts
 * package's own check (check_facts.py).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  RULES,
  areaCoverage,
  buildUnitIndex,
  coverage,
  formatOfficial,
  formatViolation,
  validateDataset,
  type RuleId,
  type Violation,
} from '../../src/domain/dataset/index.ts';
import { TIERS, YEARS, type Dataset } from '../../src/domain/types.ts';
import { mustParse, realTexts } from './helpers.ts';

let d: Dataset;
let violations: Violation[];
beforeAll(() => {
  d = mustParse(realTexts());
  violations = validateDataset(d);
});

describe('data/*.csv', () => {
  it('has the rows migrated from the facts package', () => {
    expect({
      units: d.units.length,
      sources: d.sources.length,
      tiers: d.tiers.length,
      ranges: d.ranges.length,
      totals: d.totals.length,
      indicators: d.indicators.length,
    }).toEqual({ units: 172, sources: 29, tiers: 141, ranges: 37, totals: 43, indicators: 68 });
  });

  it('passes validateDataset with zero violations', () => {
    expect(violations.map(formatViolation)).toEqual([]);
  });

  it.each(Object.entries(RULES))('rule %s holds: %s', (rule) => {
    expect(violations.filter((v) => v.rule === (rule as RuleId)).map(formatViolation)).toEqual([]);
  });
});

describe('keying by code and year', () => {
  it("reads a reused code as the unit of the row's year (邢台, June 2020)", () => {
    const index = buildUnitIndex(d.units);
    const nameOf = (code: string, year: number) => {
      const row = d.tiers.find((t) => t.code === code && t.year === year);
      return row ? index.unitIn(row.code, row.year)?.nameZh : undefined;
    };
    // 130502 is 桥东区 up to 2020 and 襄都区 from 2021; 130503 桥西区 → 信都区; 任县 130526 → 任泽区 130505.
    expect(nameOf('130502', 2020)).toBe('桥东区');
    expect(nameOf('130526', 2020)).toBe('任县');
    expect(nameOf('130503', 2023)).toBe('信都区');
    expect(d.tiers.filter((t) => t.code === '130526' && t.year >= 2021)).toEqual([]);
  });

  it('keeps 定州 and 辛集 as areas of their own', () => {
    const index = buildUnitIndex(d.units);
    expect(index.areas.size).toBe(13);
    expect(index.areas.get('130682')).toBe('定州');
    expect(index.areas.get('130181')).toBe('辛集');
  });
});

describe('official province totals', () => {
  const expected: [number, number, number, number][] = [
    [2019, 13, 42, 113],
    [2021, 32, 66, 69],
    [2023, 66, 73, 28],
  ];
  it.each(expected)('%i: A/B/C = %i/%i/%i, stated', (year, A, B, C) => {
    const row = d.totals.find((t) => t.year === year && t.scope === 'province');
    expect(row?.counts).toEqual({ A, B, C });
    expect(row?.units).toBe(A + B + C);
    expect(row?.basis).toBe('stated');
  });

  it.each(YEARS.map((y) => [y]))('%i: known tier counts never exceed the official counts', (year) => {
    const row = d.totals.find((t) => t.year === year && t.scope === 'province');
    const known = d.tiers.filter((t) => t.year === year);
    for (const tier of TIERS) {
      const official = row?.counts[tier] ?? null;
      if (official !== null) expect(known.filter((t) => t.tier === tier).length).toBeLessThanOrEqual(official);
    }
  });
});

describe('coverage', () => {
  // The table printed by `python3 check_facts.py` in the facts package for the same facts.
  const expected = [
    {
      year: 2019,
      units: 168,
      official: '13/42/113',
      known: 23,
      stated: 9,
      derived: 14,
      tiers: '10/6/7',
      conf: '19/4/0',
      rangeOnly: 1,
      unknown: 144,
    },
    {
      year: 2020,
      units: 168,
      official: '19/64/85',
      known: 29,
      stated: 15,
      derived: 14,
      tiers: '7/15/7',
      conf: '21/3/5',
      rangeOnly: 5,
      unknown: 134,
    },
    {
      year: 2021,
      units: 167,
      official: '32/66/69',
      known: 15,
      stated: 6,
      derived: 9,
      tiers: '11/4/0',
      conf: '11/3/1',
      rangeOnly: 5,
      unknown: 147,
    },
    {
      year: 2022,
      units: 167,
      official: 'A≥24',
      known: 8,
      stated: 0,
      derived: 8,
      tiers: '2/0/6',
      conf: '7/1/0',
      rangeOnly: 7,
      unknown: 152,
    },
    {
      year: 2023,
      units: 167,
      official: '66/73/28',
      known: 66,
      stated: 55,
      derived: 11,
      tiers: '50/16/0',
      conf: '66/0/0',
      rangeOnly: 0,
      unknown: 101,
    },
  ];
  it.each(expected)('$year equals the facts package table', (row) => {
    const c = coverage(d).find((x) => x.year === row.year);
    expect(
      c && {
        year: c.year,
        units: c.units,
        official: formatOfficial(c.official),
        known: c.known,
        stated: c.stated,
        derived: c.derived,
        tiers: TIERS.map((t) => c.knownByTier[t]).join('/'),
        conf: `${c.byConfidence.high}/${c.byConfidence.medium}/${c.byConfidence.low}`,
        rangeOnly: c.rangeOnly,
        unknown: c.unknown,
      },
    ).toEqual(row);
  });

  it('finds the complete areas the facts package names (and 辛集 in 2021)', () => {
    const complete = (year: number) =>
      areaCoverage(d, year)
        .filter((a) => a.complete)
        .map((a) => a.areaName);
    expect(complete(2019)).toEqual(['廊坊']);
    expect(complete(2020)).toEqual(['廊坊']);
    // 辛集 is a single-unit area, so its one stated row of 2021 makes it complete too.
    expect(complete(2021)).toEqual(['辛集']);
    expect(complete(2022)).toEqual([]);
    expect(complete(2023).sort()).toEqual(['定州', '石家庄', '衡水', '辛集'].sort());
  });

  it('counts every unit of an area exactly once (areas partition the units)', () => {
    for (const year of YEARS) {
      const areas = areaCoverage(d, year);
      const c = coverage(d).find((x) => x.year === year);
      expect(areas.reduce((n, a) => n + a.units, 0)).toBe(c?.units);
      expect(areas.reduce((n, a) => n + a.known, 0)).toBe(c?.known);
      expect(areas.reduce((n, a) => n + a.rangeOnly, 0)).toBe(c?.rangeOnly);
    }
  });
});
