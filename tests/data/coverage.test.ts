/** coverage() and areaCoverage() on the synthetic fixture, where every number can be counted by hand. */
import { describe, expect, it } from 'vitest';
import {
  areaCoverage,
  buildUnitIndex,
  coverage,
  formatOfficial,
  rangeOnlyCodes,
} from '../../src/domain/dataset/index.ts';
import { YEARS, type Total } from '../../src/domain/types.ts';
import { total } from '../fixtures/builders.ts';
import { fixtureTexts, mustParse } from './helpers.ts';

const d = mustParse(fixtureTexts());

describe('coverage on the fixture', () => {
  it('counts known rows by basis, tier and confidence per year', () => {
    const c2020 = coverage(d).find((c) => c.year === 2020);
    expect(c2020).toMatchObject({
      units: 168,
      known: 3,
      stated: 2,
      derived: 1,
      knownByTier: { A: 1, B: 0, C: 2 },
      byConfidence: { high: 2, medium: 0, low: 1 },
    });
    expect(coverage(d).find((c) => c.year === 2021)).toMatchObject({ units: 167, known: 4, stated: 3, derived: 1 });
  });

  it('counts range-only units strictly inside a window, only where no tier row exists', () => {
    const index = buildUnitIndex(d.units);
    // 130434 魏县 C→B 2019–2022: bounded in 2020 and 2021. 130110 鹿泉区 A 2019–2023 has tier rows in
    // 2020 and 2021, so it is range-only in 2022 only. 131002's window 2020–2021 has no year inside.
    expect(YEARS.map((y) => [...rangeOnlyCodes(d, index, y)].sort())).toEqual([
      [],
      ['130434'],
      ['130434'],
      ['130110'],
      [],
    ]);
    expect(coverage(d).map((c) => [c.year, c.rangeOnly, c.unknown])).toEqual([
      [2019, 0, 168],
      [2020, 1, 164],
      [2021, 1, 162],
      [2022, 1, 166],
      [2023, 0, 167],
    ]);
  });

  it('ignores ranges that name no tier (rank gains)', () => {
    const texts = fixtureTexts();
    const withGain = {
      ...texts,
      tier_ranges: texts.tier_ranges + '130433,,,2019,2022,P900,Synthetic: a rank gain only.,合成：仅排名上升。\n',
    };
    expect(coverage(mustParse(withGain)).map((c) => c.rangeOnly)).toEqual([0, 1, 1, 1, 0]);
  });

  it('reports per-area coverage with the area totals and completeness', () => {
    const xingtai2020 = areaCoverage(d, 2020).find((a) => a.areaName === '邢台');
    expect(xingtai2020).toMatchObject({ areaCode: '130500', units: 19, known: 1, unknown: 18, complete: false });
    expect(xingtai2020?.total?.counts.A).toBe(0);
    expect(areaCoverage(d, 2021).find((a) => a.areaName === '邢台')?.units).toBe(18);
  });
});

describe('formatOfficial', () => {
  const official = (counts: Total['counts'], minimums: Total['minimums']) =>
    total(2022, { units: 167, counts, minimums, basis: 'derived', sourceIds: ['P001'], note: 'x' });
  it('prints counts, a lone A minimum, or ? for no row', () => {
    expect(formatOfficial(official({ A: 13, B: 42, C: 113 }, { A: null, B: null, C: null }))).toBe('13/42/113');
    expect(formatOfficial(official({ A: null, B: null, C: null }, { A: 24, B: null, C: null }))).toBe('A≥24');
    expect(formatOfficial(null)).toBe('?');
  });
});
