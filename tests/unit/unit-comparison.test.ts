/**
 * The details panel's comparison: a unit, its neighbours, its area and the province over the
 * five years. Checked on the real tables and geometry; the expected numbers for 鹿泉区 and 石家庄
 * were counted by hand from data/tiers.csv, data/units.csv and data/totals.csv.
 */
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { geometryFromTopology } from '../../src/domain/geometry';
import { TIERS, type Dataset } from '../../src/domain/types';
import { hasRangeOnly, scopeCounts, unitComparison, type ScopeYear } from '../../src/domain/unit-comparison';
import { indexStates, stateKey } from '../../src/domain/unit-state';
import { realDataset } from '../fixtures/builders';

const real = realDataset();
const index = indexStates(real);
const geometry = geometryFromTopology(JSON.parse(readFileSync('geo/out/hebei.topo.json', 'utf8')) as Topology);
const counts = scopeCounts(real);

function compare(code: string, year: number, d: Dataset = real) {
  const c = unitComparison(d, d === real ? index : indexStates(d), geometry.neighbours, counts, code, year);
  if (!c) throw new Error(`no comparison for ${code} in ${year}`);
  return c;
}

/** A scope year without its bar, for compact assertions. */
const plain = (y: ScopeYear): Omit<ScopeYear, 'segments'> => {
  const { segments, ...rest } = y;
  expect(segments).toHaveLength(5);
  return rest;
};

describe('unitComparison on the real data', () => {
  it('lists 鹿泉区’s five years and its nine neighbours with theirs', () => {
    const c = compare('130110', 2023);
    expect(c.unit.unit.nameZh).toBe('鹿泉区');
    // 2019 and 2023 stated (P002, P001); 2020–2022 derived from P017 (first six years running).
    expect(c.unit.cells.map((cell) => cell.members.map((m) => stateKey(m.state)).join('+'))).toEqual([
      'A',
      'A-derived',
      'A-derived',
      'A-derived',
      'A',
    ]);
    expect(c.neighbours.map((n) => `${n.unit.code} ${n.unit.nameZh}`)).toEqual([
      '130104 桥西区',
      '130105 新华区',
      '130108 裕华区',
      '130111 栾城区',
      '130121 井陉县',
      '130123 正定县',
      '130126 灵寿县',
      '130131 平山县',
      '130132 元氏县',
    ]);
    expect(c.neighbours.every((n) => !n.otherArea)).toBe(true);
    // 平山县: C derived in 2022, B stated in 2023, nothing before.
    const pingshan = c.neighbours.find((n) => n.unit.code === '130131');
    expect(pingshan?.cells.map((cell) => stateKey(cell.members[0]?.state ?? { kind: 'unknown' }))).toEqual([
      'unknown',
      'unknown',
      'unknown',
      'C-derived',
      'B',
    ]);
  });

  it('counts 石家庄’s 21 units per year next to the official counts, never more than the rows state', () => {
    const c = compare('130110', 2023);
    expect(c.areaCode).toBe('130100');
    expect(c.area.map(plain)).toEqual([
      // 2019: the seven A units named by P002; the official row states A = 7 only.
      {
        year: 2019,
        units: 21,
        known: { A: 7, B: 0, C: 0 },
        rangeOnly: 0,
        unknown: 14,
        official: { A: { kind: 'exact', n: 7 }, B: null, C: null },
        officialDerived: false,
      },
      // 2020 and 2021: only 鹿泉区 is known, and no row gives 石家庄's counts.
      ...[2020, 2021].map((year) => ({
        year,
        units: 21,
        known: { A: 1, B: 0, C: 0 },
        rangeOnly: 0,
        unknown: 20,
        official: null,
        officialDerived: false,
      })),
      // 2022: 鹿泉区 and the six units P017 says rose from C.
      {
        year: 2022,
        units: 21,
        known: { A: 1, B: 0, C: 6 },
        rangeOnly: 0,
        unknown: 14,
        official: null,
        officialDerived: false,
      },
      // 2023: all 21 known; the row is derived (B = 21 − 10).
      {
        year: 2023,
        units: 21,
        known: { A: 10, B: 11, C: 0 },
        rangeOnly: 0,
        unknown: 0,
        official: { A: { kind: 'exact', n: 10 }, B: { kind: 'exact', n: 11 }, C: { kind: 'exact', n: 0 } },
        officialDerived: true,
      },
    ]);
  });

  it('gives the province’s official totals as stated: exact in 2019, a minimum only in 2022', () => {
    const c = compare('130110', 2023);
    expect(c.province.map((y) => y.units)).toEqual([168, 168, 167, 167, 167]);
    expect(c.province[0]?.official).toEqual({
      A: { kind: 'exact', n: 13 },
      B: { kind: 'exact', n: 42 },
      C: { kind: 'exact', n: 113 },
    });
    expect(c.province[3]?.official).toEqual({ A: { kind: 'min', n: 24 }, B: null, C: null });
    expect(c.province[3]?.officialDerived).toBe(true);
    expect(hasRangeOnly(c.province)).toBe(true);
    expect(hasRangeOnly(c.area)).toBe(false);
  });

  it('has no official counts for a row that gives only an average (唐山 2021)', () => {
    const tangshan = counts.areas.get('130200')?.find((y) => y.year === 2021);
    expect(tangshan?.official).toBeNull();
    expect(tangshan?.units).toBeGreaterThan(0);
  });

  it('marks neighbours in another area (辛集市 is its own area)', () => {
    const c = compare('130181', 2023);
    expect(c.neighbours.length).toBeGreaterThan(0);
    expect(c.neighbours.every((n) => n.otherArea && n.unit.prefectureCode !== '130181')).toBe(true);
    expect(c.area.map((y) => y.units)).toEqual([1, 1, 1, 1, 1]);
  });

  it('follows a neighbour across the 2020 change and shows no neighbours for a unit without a boundary', () => {
    // 襄都区 (2021 on) borders 信都区, whose 2019–2020 cells are 桥西区’s and name 邢台县 as a partial predecessor.
    const xiangdu = compare('130502', 2023);
    const xindu = xiangdu.neighbours.find((n) => n.unit.code === '130503');
    expect(xindu?.unit.nameZh).toBe('信都区');
    expect(xindu?.cells[0]?.members.map((m) => m.unit.nameZh)).toEqual(['桥西区']);
    expect(xindu?.cells[0]?.partialPredecessors.map((u) => u.nameZh)).toEqual(['邢台县']);
    // 邢台县 was abolished in 2020: selected in 2021 it has no border, so no neighbours, but its area counts stay.
    const xingtai = compare('130521', 2021);
    expect(xingtai.unit.unit.nameZh).toBe('邢台县');
    expect(xingtai.neighbours).toEqual([]);
    expect(xingtai.area.map((y) => y.units)).toEqual([19, 19, 18, 18, 18]);
  });

  it('is null for a code no unit carries', () => {
    expect(unitComparison(real, index, geometry.neighbours, counts, '999999', 2023)).toBeNull();
  });
});

describe('scopeCounts', () => {
  it('adds up to the units of every scope and year, and its bar covers them once', () => {
    const scopes = [counts.province, ...counts.areas.values()];
    expect(counts.areas.size).toBe(13);
    for (const years of scopes) {
      expect(years.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023]);
      for (const y of years) {
        const known = TIERS.reduce((n, t) => n + y.known[t], 0);
        expect(known + y.rangeOnly + y.unknown).toBe(y.units);
        expect(y.segments.map((s) => s.key)).toEqual(['A', 'B', 'C', 'range', 'unknown']);
        expect(y.segments.reduce((n, s) => n + s.count, 0)).toBe(y.units);
        const last = y.segments.at(-1);
        expect((last?.start ?? 0) + (last?.share ?? 0)).toBeCloseTo(1, 9);
      }
    }
    // The 13 areas together are the province.
    for (let i = 0; i < 5; i += 1) {
      const sum = [...counts.areas.values()].reduce((n, years) => n + (years[i]?.units ?? 0), 0);
      expect(sum).toBe(counts.province[i]?.units);
    }
  });

  it('follows the dataset: a fact added (as an import would) moves a unit from unknown to its tier', () => {
    const fact = real.tiers.find((t) => t.code === '130110' && t.year === 2023);
    if (!fact) throw new Error('鹿泉区 has a 2023 row');
    const added: Dataset = { ...real, tiers: [...real.tiers, { ...fact, code: '130102', year: 2020, rank: null }] };
    const before = counts.areas.get('130100')?.[1];
    const after = scopeCounts(added).areas.get('130100')?.[1];
    expect(after?.known.A).toBe((before?.known.A ?? 0) + 1);
    expect(after?.unknown).toBe((before?.unknown ?? 0) - 1);
    expect(after?.units).toBe(before?.units);
  });
});
