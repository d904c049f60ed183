/**
 * The county report card's model, checked on the real tables and geometry. The expected values
 * were read by hand from data/tiers.csv, data/units.csv, data/indicators.csv and data/totals.csv.
 */
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { geometryFromTopology } from '../../src/domain/geometry';
import { knownUnits, reportCard, stateSourceIds } from '../../src/domain/report-card';
import { scopeCounts, unitComparison } from '../../src/domain/unit-comparison';
import { indexStates, stateKey } from '../../src/domain/unit-state';
import { realDataset } from '../fixtures/builders';

const real = realDataset();
const index = indexStates(real);
const geometry = geometryFromTopology(JSON.parse(readFileSync('geo/out/hebei.topo.json', 'utf8')) as Topology);
const counts = scopeCounts(real);

function card(code: string, year: number) {
  const c = reportCard(real, index, geometry.neighbours, counts, code, year);
  if (!c) throw new Error(`no card for ${code} in ${year}`);
  return c;
}

const keys = (c: ReturnType<typeof card>) =>
  c.strip.map((y) => y.cell.members.map((m) => stateKey(m.state)).join('+') || '–');

describe('reportCard on the real data', () => {
  it('gives 鹿泉区 (130110) its five years and the rank each tier row states, never more', () => {
    const c = card('130110', 2023);
    expect(c.unit.nameZh).toBe('鹿泉区');
    expect(c.unit.nameEn).toBe('Luquan District');
    expect(c.unit.prefectureZh).toBe('石家庄市');
    expect(c.unit.boundaryNote).toBe('');
    // 2019 and 2023 stated (P002, P001); 2020–2022 derived from P017 ("first six years running").
    expect(keys(c)).toEqual(['A', 'A-derived', 'A-derived', 'A-derived', 'A']);
    expect(c.strip.map((y) => y.ranks.map((r) => `${r.rank}/${r.of} ${r.basis}`))).toEqual([
      ['1/168 stated'],
      ['1/168 derived'],
      ['1/167 derived'],
      ['1/167 derived'],
      ['1/167 stated'],
    ]);
    // The 2018 rank indicator lies outside the five years: not on the strip.
    expect(c.strip.flatMap((y) => y.rankIndicators)).toEqual([]);
  });

  it('takes the comparison from unitComparison unchanged (the details panel’s model)', () => {
    const c = card('130110', 2023);
    expect(c.comparison).toEqual(unitComparison(real, index, geometry.neighbours, counts, '130110', 2023));
    expect(c.comparison.areaCode).toBe('130100');
    const province2019 = c.comparison.province.find((y) => y.year === 2019);
    expect(province2019?.units).toBe(168);
    expect(province2019?.official).toEqual({
      A: { kind: 'exact', n: 13 },
      B: { kind: 'exact', n: 42 },
      C: { kind: 'exact', n: 113 },
    });
    const area2023 = c.comparison.area.find((y) => y.year === 2023);
    expect(area2023?.units).toBe(21);
    expect(area2023?.official?.A).toEqual({ kind: 'exact', n: 10 });
    expect(area2023?.known.A).toBe(10);
    if (area2023) expect(knownUnits(area2023)).toBe(area2023.known.A + area2023.known.B + area2023.known.C);
  });

  it('fills the map with the unit, its nine neighbours and the rest of 石家庄, in the card’s year', () => {
    const c = card('130110', 2023);
    expect(c.map.year).toBe(2023);
    expect(c.map.vintage).toBe(2021);
    const roles = (role: string) => c.map.units.filter((m) => m.role === role).map((m) => m.unit.nameZh);
    expect(roles('self')).toEqual(['鹿泉区']);
    expect(roles('neighbour')).toEqual([
      '桥西区',
      '新华区',
      '裕华区',
      '栾城区',
      '井陉县',
      '正定县',
      '灵寿县',
      '平山县',
      '元氏县',
    ]);
    expect(roles('neighbour')).toEqual(c.comparison.neighbours.map((n) => n.unit.nameZh));
    // 21 units of 石家庄 in 2023, each once (neighbours in the area are not repeated).
    expect(c.map.units.filter((m) => m.unit.prefectureCode === '130100')).toHaveLength(21);
    expect(new Set(c.map.units.map((m) => m.unit.code)).size).toBe(c.map.units.length);
    // 井陉县 2023 is derived in data/tiers.csv; the map keeps that basis.
    expect(stateKey(c.map.units.find((m) => m.unit.code === '130121')?.state ?? { kind: 'unknown' })).toBe('B-derived');
  });

  it('cites every source of the strip, the totals and the map, each once, and no other', () => {
    const c = card('130110', 2023);
    const ids = c.sources.map((s) => s.id);
    expect(ids).toEqual([...new Set(ids)].sort());
    // Strip: P002, P017 (2019), P017 (2020–2021), P017 and P007 (2022), P001 (2023).
    for (const id of ['P001', 'P002', 'P007', 'P017']) expect(ids).toContain(id);
    // 2019 province totals (D001;P002;P003;P004).
    for (const id of ['D001', 'P003', 'P004']) expect(ids).toContain(id);
    const expected = new Set<string>();
    for (const y of c.strip) for (const m of y.cell.members) stateSourceIds(m.state).forEach((id) => expected.add(id));
    for (const m of c.map.units) stateSourceIds(m.state).forEach((id) => expected.add(id));
    for (const t of real.totals) {
      if (t.year >= 2019 && t.year <= 2023 && (t.scope === 'province' || t.scope === '130100')) {
        const y = (t.scope === 'province' ? c.comparison.province : c.comparison.area).find((s) => s.year === t.year);
        if (y?.official) t.sourceIds.forEach((id) => expected.add(id));
      }
    }
    expect(new Set(ids)).toEqual(expected);
    expect(c.sources.every((s) => s.source !== null && s.source.sourceId === s.id)).toBe(true);
  });

  it('keeps 襄都区’s 2020 boundary note and shows 2019–2020 as 桥东区, the unit it continues', () => {
    const c = card('130502', 2021);
    expect(c.unit.nameZh).toBe('襄都区');
    expect(c.unit.boundaryNote).toMatch(/^Boundary approximate: drawn by splitting the former 邢台县 polygon/);
    expect(c.unit.boundaryNoteZh).not.toBe('');
    expect(c.strip.map((y) => y.cell.relation)).toEqual(['predecessor', 'predecessor', 'self', 'self', 'self']);
    expect(c.strip[0]?.cell.members.map((m) => m.unit.nameZh)).toEqual(['桥东区']);
    // 邢台县 gave only part of its territory: named, never shown as 襄都区's tier.
    expect(c.strip[0]?.cell.partialPredecessors.map((u) => u.nameZh)).toEqual(['邢台县']);
    // 2020: 桥东区 C derived; no source states 襄都区 in 2021–2023: unknown, not a tier.
    expect(keys(c)).toEqual(['unknown', 'C-derived', 'unknown', 'unknown', 'unknown']);
    expect(c.strip.flatMap((y) => y.ranks)).toEqual([]);
  });

  it('gives 邢台县 in 2021 (abolished) its two years and neither map nor neighbours', () => {
    const c = card('130521', 2021);
    expect(c.existsInYear).toBe(false);
    expect(c.unit.boundaryNoteZh).toBe('2020年6月撤销；其乡镇划归信都区（15个）和襄都区（4个）。');
    expect(c.strip.map((y) => y.cell.relation)).toEqual(['self', 'self', 'none', 'none', 'none']);
    expect(c.map.units).toEqual([]);
    expect(c.comparison.neighbours).toEqual([]);
  });

  it('lists a rank indicator of the year (故城县’s 2021 rank change) and leaves other figures out', () => {
    const c = card('131126', 2021);
    const y2021 = c.strip.find((y) => y.cell.year === 2021);
    expect(y2021?.rankIndicators.map((i) => [i.indicator, i.value, i.unit])).toEqual([['rank_change', 21, 'places']]);
    // The same year's reward (reward_cny) is not a rank.
    expect(c.strip.flatMap((y) => y.rankIndicators).some((i) => i.indicator === 'reward_cny')).toBe(false);
    expect(c.sources.map((s) => s.id)).toContain('P006');
  });

  it('is null for a code no unit carries', () => {
    expect(reportCard(real, index, geometry.neighbours, counts, '999999', 2023)).toBeNull();
  });
});
