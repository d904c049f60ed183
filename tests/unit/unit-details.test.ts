/**
 * The details panel's domain: the five-year strip across the June 2020 邢台 change, every fact
 * with its sources, and topological neighbours. Checked on the real tables and geometry, and on
 * the synthetic fixture (synthetic data lives only under tests/).
 */
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { isValidIn } from '../../src/domain/dataset/units';
import { geometryFromTopology } from '../../src/domain/geometry';
import type { Dataset, TierFact, Unit } from '../../src/domain/types';
import {
  neighbourStates,
  selectedUnit,
  tierPosition,
  unitFacts,
  unitHistory,
  type StripCell,
} from '../../src/domain/unit-details';
import { indexStates, stateKey } from '../../src/domain/unit-state';
import { realDataset, total } from '../fixtures/builders';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

const real = realDataset();
const realIndex = indexStates(real);
const geometry = geometryFromTopology(JSON.parse(readFileSync('geo/out/hebei.topo.json', 'utf8')) as Topology);

/** The strip as (year → "code name" of each member, and the state key) for compact assertions. */
function describeCells(cells: readonly StripCell[]) {
  return cells.map((c) => ({
    year: c.year,
    relation: c.relation,
    members: c.members.map((m) => `${m.unit.code} ${m.unit.nameZh}`),
    states: c.members.map((m) => stateKey(m.state)),
  }));
}

function history(code: string, year: number) {
  const h = unitHistory(real, realIndex, code, year);
  if (!h) throw new Error(`no history for ${code} in ${year}`);
  return h;
}

describe('unitHistory on the real data', () => {
  it('follows 任泽区 back to 任县 for 2019–2020, with 任县’s facts labelled as 任县', () => {
    const h = history('130505', 2023);
    expect(h.unit.nameZh).toBe('任泽区');
    const cells = describeCells(h.cells);
    expect(cells.map((c) => c.year)).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(cells.slice(0, 2).map((c) => [c.relation, c.members])).toEqual([
      ['predecessor', ['130526 任县']],
      ['predecessor', ['130526 任县']],
    ]);
    expect(cells.slice(2).every((c) => c.relation === 'self' && c.members[0] === '130505 任泽区')).toBe(true);
    // 任县's 2020 row (derived C, low confidence) is shown for 2020, as 任县's.
    const y2020 = h.cells[1];
    expect(y2020?.members[0]?.state).toMatchObject({
      kind: 'known',
      tier: 'C',
      fact: { code: '130526', basis: 'derived' },
    });
    expect(h.cells.filter((c) => c.current).map((c) => c.year)).toEqual([2023]);
  });

  it('shows 桥东区 (same code) for 襄都区 in 2019–2020 and names 邢台县 only as a partial predecessor', () => {
    const h = history('130502', 2021);
    expect(h.unit.nameZh).toBe('襄都区');
    const [c2019, c2020, c2021] = h.cells;
    expect(c2019?.relation).toBe('predecessor');
    expect(c2019?.members.map((m) => m.unit.nameZh)).toEqual(['桥东区']);
    expect(c2020?.members.map((m) => m.unit.nameZh)).toEqual(['桥东区']);
    expect(c2019?.partialPredecessors.map((u) => `${u.code} ${u.nameZh}`)).toEqual(['130521 邢台县']);
    expect(c2021?.relation).toBe('self');
    expect(c2021?.partialPredecessors).toEqual([]);
    // No state of 邢台县 is ever a member of 襄都区's strip.
    expect(h.cells.flatMap((c) => c.members.map((m) => m.unit.code))).not.toContain('130521');
  });

  it('treats 信都区 the same way: 桥西区 for 2019–2020, 邢台县 partial', () => {
    const h = history('130503', 2023);
    expect(h.cells[0]?.members.map((m) => m.unit.nameZh)).toEqual(['桥西区']);
    expect(h.cells[1]?.partialPredecessors.map((u) => u.nameZh)).toEqual(['邢台县']);
    expect(h.cells[4]?.members[0]?.state).toMatchObject({ kind: 'known', tier: 'A' });
  });

  it('shows 邢台县, selected in 2021 after its abolition, for 2019–2020 only, with its two successors', () => {
    expect(selectedUnit(real.units, '130521', 2021)?.nameZh).toBe('邢台县');
    const h = history('130521', 2021);
    expect(h.unit.nameZh).toBe('邢台县');
    expect(h.existsInYear).toBe(false);
    expect(h.cells.slice(0, 2).map((c) => c.relation)).toEqual(['self', 'self']);
    for (const cell of h.cells.slice(2)) {
      expect(cell.relation).toBe('none');
      expect(cell.members).toEqual([]);
      expect(cell.successors.map((u) => `${u.code} ${u.nameZh}`).sort()).toEqual(['130502 襄都区', '130503 信都区']);
    }
    expect(h.cells.find((c) => c.current)?.year).toBe(2021);
  });

  it('carries 任县 selected in 2019 forward to 任泽区 (one whole successor)', () => {
    const h = history('130526', 2019);
    expect(h.cells[2]).toMatchObject({ relation: 'successor' });
    expect(h.cells[2]?.members.map((m) => m.unit.code)).toEqual(['130505']);
  });

  it('never shows a tier for a year no source covers: such years are unknown', () => {
    // 长安区 130102: A stated in 2023 (P001), nothing for 2019–2022.
    const h = history('130102', 2023);
    const keys = h.cells.map((c) => c.members.map((m) => stateKey(m.state)).join());
    expect(keys).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'A']);
    // Every unit, every year: a strip member's state is exactly unitState's (no filling in).
    for (const unit of real.units) {
      const year = unit.validTo ?? 2023;
      for (const cell of history(unit.code, year).cells) {
        for (const m of cell.members) {
          const fact = realIndex.factsByYear.get(cell.year)?.get(m.unit.code);
          if (m.state.kind === 'known') expect(m.state.fact).toBe(fact);
          else expect(fact).toBeUndefined();
        }
      }
    }
  });

  it('returns null for a code no unit carries', () => {
    expect(unitHistory(real, realIndex, '999999', 2023)).toBeNull();
  });
});

describe('unitFacts on the real data', () => {
  it('gives 鹿泉区 in 2023 as A stated, rank 1 of 167 and 1st of 66 A units, with its source resolved', () => {
    const facts = unitFacts(real, realIndex, '130110', 2023);
    const y2023 = facts?.tiers.find((t) => t.fact.year === 2023);
    expect(y2023?.fact).toMatchObject({ tier: 'A', basis: 'stated', rank: 1, rankOf: 167 });
    expect(y2023?.position).toEqual({ tier: 'A', position: 1, of: 66 });
    expect(y2023?.sources.map((s) => s.id)).toEqual(['P001']);
    expect(y2023?.sources[0]?.source?.title).toMatch(/\S/);
    // All five evaluation years are A for 鹿泉区, some stated, some derived from P017.
    expect(facts?.tiers.map((t) => `${t.fact.year}${t.fact.tier}`)).toEqual([
      '2019A',
      '2020A',
      '2021A',
      '2022A',
      '2023A',
    ]);
    expect(facts?.ranges.map((r) => r.range.sourceIds.join())).toEqual(['P017']);
    expect(facts?.indicators.map((i) => `${i.indicator.year} ${i.indicator.indicator}`)).toEqual(['2018 rank']);
    // The source list is every cited id once, resolved.
    const ids = facts?.sources.map((s) => s.id) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['P001', 'P002', 'P017']));
    expect(facts?.sources.every((s) => s.source !== null && s.source.sourceId === s.id)).toBe(true);
  });

  it('keeps the derivation note with a derived fact', () => {
    const facts = unitFacts(real, realIndex, '130110', 2023);
    const derived = facts?.tiers.find((t) => t.fact.year === 2021);
    expect(derived?.fact.basis).toBe('derived');
    expect(derived?.fact.note).toContain('P017');
    expect(derived?.sources.map((s) => s.id)).toEqual(['P017']);
  });

  it('includes 任县’s facts for 任泽区, labelled with 任县, and none of 邢台县’s for 襄都区', () => {
    const renze = unitFacts(real, realIndex, '130505', 2023);
    const fromRen = renze?.tiers.filter((t) => t.unit.code === '130526') ?? [];
    expect(fromRen.map((t) => `${t.fact.year} ${t.unit.nameZh}`)).toEqual(['2020 任县']);
    const xiangdu = unitFacts(real, realIndex, '130502', 2021);
    const units = new Set([
      ...(xiangdu?.tiers ?? []).map((t) => t.unit.code + t.unit.nameZh),
      ...(xiangdu?.ranges ?? []).map((r) => r.unit.code + r.unit.nameZh),
      ...(xiangdu?.indicators ?? []).map((i) => i.unit.code + i.unit.nameZh),
    ]);
    expect([...units].some((u) => u.startsWith('130521'))).toBe(false);
    expect(xiangdu?.tiers.find((t) => t.fact.year === 2020)?.unit.nameZh).toBe('桥东区');
    // 邢台's area totals are there, as context for the unit's area.
    expect(xiangdu?.totals.some((t) => t.total.scope === '130500')).toBe(true);
  });

  it('resolves every cited source of every unit (the data tests forbid unknown ids)', () => {
    for (const unit of real.units) {
      const year = unit.validTo ?? 2023;
      const facts = unitFacts(real, realIndex, unit.code, year);
      expect(facts?.sources.filter((s) => s.source === null)).toEqual([]);
    }
  });
});

describe('unit details on the synthetic fixture', () => {
  const dataset = syntheticDataset();
  const index = indexStates(dataset);

  it('follows a reused code across the change and reports unknown and range years as such', () => {
    // 990104 is 丁县 up to 2020 and 丁区 from 2021, with no predecessor_codes: 2019–2020 are 丁县's.
    const h = unitHistory(dataset, index, '990104', 2021);
    expect(h?.unit.nameZh).toBe('丁区');
    // 丁区 lists no predecessors, so before 2021 it did not exist (丁县 is a different unit).
    expect(h?.cells.slice(0, 2).map((c) => c.relation)).toEqual(['none', 'none']);
    expect(h?.cells.slice(2).map((c) => c.members.map((m) => stateKey(m.state)).join())).toEqual([
      'B',
      'unknown',
      'unknown',
    ]);
    const yi = unitHistory(dataset, index, '990102', 2023);
    expect(yi?.cells.map((c) => c.members.map((m) => stateKey(m.state)).join())).toEqual([
      'C-derived',
      'range:BC',
      'range:BC',
      'range:BC',
      'B',
    ]);
  });

  it('continues a unit through a whole predecessor and names an unknown source id rather than dropping it', () => {
    const units: Unit[] = dataset.units.map((u) =>
      u.code === '990104' && u.validFrom === 2021 ? { ...u, predecessorCodes: ['990104'] } : u,
    );
    const withLineage: Dataset = {
      ...dataset,
      units,
      tiers: dataset.tiers.map((t) => (t.code === '990104' && t.year === 2020 ? { ...t, sourceIds: ['T999'] } : t)),
    };
    const idx = indexStates(withLineage);
    const h = unitHistory(withLineage, idx, '990104', 2021);
    expect(h?.cells[1]).toMatchObject({ relation: 'predecessor' });
    expect(h?.cells[1]?.members.map((m) => `${m.unit.nameZh} ${stateKey(m.state)}`)).toEqual(['丁县 C']);
    const facts = unitFacts(withLineage, idx, '990104', 2021);
    expect(facts?.tiers.map((t) => `${t.fact.year} ${t.unit.nameZh}`)).toEqual(['2020 丁县', '2021 丁区']);
    expect(facts?.sources).toEqual([
      { id: 'T001', source: dataset.sources[0] },
      { id: 'T999', source: null },
    ]);
  });

  it('gives a tier position only from exact counts', () => {
    const first = dataset.tiers[0];
    if (!first) throw new Error('fixture has no tiers');
    const fact: TierFact = { ...first, tier: 'B', rank: 20, rankOf: 168 };
    const province = total(2019, { units: 168, counts: { A: 13, B: 42, C: 113 }, sourceIds: ['T001'] });
    expect(tierPosition(fact, province)).toEqual({ tier: 'B', position: 7, of: 42 });
    expect(tierPosition(fact, { ...province, counts: { A: null, B: 42, C: 113 } })).toBeNull();
    expect(tierPosition({ ...fact, rank: null, rankOf: null }, province)).toBeNull();
    expect(tierPosition({ ...fact, rank: 5 }, province)).toBeNull();
  });
});

describe('neighbours from the topology', () => {
  const valid = (vintage: 2019 | 2021) => real.units.filter((u) => isValidIn(u, vintage));

  it('knows some real borders', () => {
    const n2021 = geometry.neighbours[2021];
    // 鹿泉区 borders 井陉县, 平山县, 元氏县 and 石家庄's urban districts.
    expect(n2021.get('130110')).toEqual(expect.arrayContaining(['130121', '130131', '130132', '130104', '130105']));
    // 定州 borders 保定's 唐县, 曲阳县, 望都县 and 安国市, and 石家庄's 新乐市.
    expect(n2021.get('130682')).toEqual(expect.arrayContaining(['130627', '130634', '130631', '130683', '130184']));
    // 邢台县 surrounded the city districts in 2019; in 2021 the successors border each other.
    expect(geometry.neighbours[2019].get('130521')).toEqual(expect.arrayContaining(['130502', '130503', '130526']));
    expect(n2021.get('130502')).toContain('130503');
    expect(n2021.has('130521')).toBe(false);
    // Far apart units are not neighbours.
    expect(n2021.get('130110')).not.toContain('130682');
  });

  it('is symmetric, never lists a unit as its own neighbour, and gives every unit at least one', () => {
    for (const vintage of [2019, 2021] as const) {
      const map = geometry.neighbours[vintage];
      expect([...map.keys()].sort()).toEqual(
        valid(vintage === 2019 ? 2019 : 2021)
          .map((u) => u.code)
          .sort(),
      );
      for (const [code, around] of map) {
        expect(around.length).toBeGreaterThanOrEqual(1);
        expect(around).not.toContain(code);
        for (const other of around) expect(map.get(other)).toContain(code);
      }
    }
  });

  it('lists neighbours with their state in the year', () => {
    const items = neighbourStates(geometry.neighbours, real.units, realIndex, '130110', 2023);
    const qiaoxi = items.find((i) => i.unit.code === '130104');
    expect(qiaoxi?.unit.nameZh).toBe('桥西区');
    expect(qiaoxi?.state).toMatchObject({ kind: 'known', tier: 'A' });
    expect(items.every((i) => isValidIn(i.unit, 2023))).toBe(true);
    // In 2019 the same code 130502 is 桥东区; 邢台县 has no polygon in 2021.
    expect(
      neighbourStates(geometry.neighbours, real.units, realIndex, '130521', 2019).map((i) => i.unit.nameZh),
    ).toContain('桥东区');
    expect(neighbourStates(geometry.neighbours, real.units, realIndex, '130521', 2021)).toEqual([]);
  });
});
