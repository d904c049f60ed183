/**
 * The transitions domain (src/domain/transitions.ts): categories, change classes, the matrix of
 * moves, lineage across the June 2020 邢台 reorganisation, and trajectories with gaps. Checked on
 * a synthetic fixture that has every kind of move, and on the real tables, where most tiers are
 * unknown and must stay unknown.
 */
import { describe, expect, it } from 'vitest';
import { unitIn } from '../../src/domain/lineage';
import {
  baseStateOf,
  CHANGE_CLASSES,
  categoryOf,
  changeClass,
  countChanges,
  flowKey,
  trajectory,
  TRANSITION_CATEGORIES,
  transitionMatrix,
  transitions,
  type ChangeClass,
  type TransitionCategory,
  type UnitTransition,
} from '../../src/domain/transitions';
import { TIERS, YEARS, type Dataset, type UnitCode, type Year } from '../../src/domain/types';
import { indexStates, unitsIn, unitState } from '../../src/domain/unit-state';
import { known, realDataset, statesOf } from '../fixtures/builders';
import { transitionsDataset } from '../fixtures/transitions-dataset';

function movesOf(dataset: Dataset, baseYear: number, year: number) {
  const statesIn = statesOf(dataset);
  return transitions(dataset.units, { year: baseYear, states: statesIn(baseYear) }, { year, states: statesIn(year) });
}

/** The matrix as "from>to" → sorted codes, non-empty cells only, for compact assertions. */
function cellsOf(moves: ReadonlyMap<UnitCode, UnitTransition>): Record<string, string[]> {
  return Object.fromEntries(
    [...transitionMatrix(moves)]
      .filter(([, codes]) => codes.length > 0)
      .map(([key, codes]) => [key, [...codes].sort()]),
  );
}

const synthetic = transitionsDataset();
const syntheticStates = statesOf(synthetic);
const real = realDataset();
const realStates = statesOf(real);

describe('categories', () => {
  it('lists the three tiers and unknown, in that order', () => {
    expect(TRANSITION_CATEGORIES).toEqual(['A', 'B', 'C', 'unknown']);
  });

  it('takes a known tier (stated or derived) as its category', () => {
    for (const tier of TIERS) expect(categoryOf(known(tier))).toBe(tier);
  });

  it('counts a range ("B or C") and a missing state as unknown, never as a tier', () => {
    expect(categoryOf({ kind: 'range', tiers: ['B', 'C'], ranges: [] })).toBe('unknown');
    // A "held A" statement bounds the tier to A alone, but it is still a range, not a known tier.
    expect(categoryOf({ kind: 'range', tiers: ['A'], ranges: [] })).toBe('unknown');
    expect(categoryOf({ kind: 'unknown' })).toBe('unknown');
    expect(categoryOf(undefined)).toBe('unknown');
  });

  it('keys a flow by both ends', () => {
    expect(flowKey('C', 'B')).toBe('C>B');
    expect(flowKey('unknown', 'A')).toBe('unknown>A');
    const keys = TRANSITION_CATEGORIES.flatMap((f) => TRANSITION_CATEGORIES.map((t) => flowKey(f, t)));
    expect(new Set(keys).size).toBe(16);
  });
});

describe('change classes', () => {
  const expected: Record<TransitionCategory, Record<TransitionCategory, ChangeClass>> = {
    A: { A: 'same', B: 'down1', C: 'down2', unknown: 'unknown-current' },
    B: { A: 'up1', B: 'same', C: 'down1', unknown: 'unknown-current' },
    C: { A: 'up2', B: 'up1', C: 'same', unknown: 'unknown-current' },
    unknown: { A: 'unknown-base', B: 'unknown-base', C: 'unknown-base', unknown: 'unknown-both' },
  };

  it.each(TRANSITION_CATEGORIES)('classifies every move from %s', (from) => {
    for (const to of TRANSITION_CATEGORIES) expect(changeClass(from, to), `${from}→${to}`).toBe(expected[from][to]);
  });

  it('uses every class, and only the listed ones', () => {
    const used = new Set(TRANSITION_CATEGORIES.flatMap((f) => TRANSITION_CATEGORIES.map((t) => changeClass(f, t))));
    expect([...used].sort()).toEqual([...CHANGE_CLASSES].sort());
  });
});

describe('transitions on the synthetic fixture (2020 → 2021)', () => {
  const moves = movesOf(synthetic, 2020, 2021);

  it('has one entry per unit of the later year, and none for units that ended', () => {
    expect([...moves.keys()].sort()).toEqual(
      unitsIn(synthetic.units, 2021)
        .map((u) => u.code)
        .sort(),
    );
    // 癸县, 卯县, 辰县 and 壬县 do not exist in 2021: they are nobody's "current" end.
    for (const ended of ['990110', '990112', '990113', '990109']) expect(moves.has(ended)).toBe(false);
  });

  it('gives each unit its change class', () => {
    const classes = Object.fromEntries([...moves.values()].map((t) => [t.code, t.change]));
    expect(classes).toEqual({
      '990101': 'same',
      '990102': 'up2',
      '990103': 'up1',
      '990104': 'down1',
      '990105': 'down2',
      '990106': 'unknown-base',
      '990107': 'unknown-current',
      '990108': 'unknown-both',
      '990121': 'up1',
      '990111': 'up1',
      '990131': 'unknown-base',
      '990201': 'unknown-current',
      '990202': 'up1',
    });
  });

  it('compares a renamed unit with its predecessor under the old code (壬区 with 壬县)', () => {
    expect(moves.get('990121')).toEqual({ code: '990121', baseCode: '990109', from: 'C', to: 'B', change: 'up1' });
  });

  it('compares a unit that kept its code with the unit that carried the code before (丑区 with 子区)', () => {
    const move = moves.get('990111');
    expect(move).toMatchObject({ baseCode: '990111', from: 'C', to: 'B' });
    expect(unitIn(synthetic.units, '990111', 2020)?.nameZh).toBe('子区');
    // Not with 癸县 (B in 2020), whose towns it also took in: the code decides the counterpart.
    expect(move?.from).not.toBe('B');
  });

  it('leaves the earlier end unknown for a unit with no single counterpart (寅区 from 卯县 and 辰县)', () => {
    // Both predecessors were A, yet the new unit's own 2020 tier is not a fact: it stays unknown.
    expect(moves.get('990131')).toEqual({
      code: '990131',
      baseCode: null,
      from: 'unknown',
      to: 'A',
      change: 'unknown-base',
    });
    expect(baseStateOf(synthetic.units, '990131', 2021, 2020, syntheticStates(2020))).toEqual({
      code: null,
      state: undefined,
    });
  });

  it("never uses an ended unit as anybody's earlier end (癸县)", () => {
    expect([...moves.values()].some((t) => t.baseCode === '990110')).toBe(false);
  });

  it('counts a unit bounded only by a range as unknown at that end (巳县 "B or C" in 2021)', () => {
    expect(unitState(indexStates(synthetic), '990201', 2021)).toMatchObject({ kind: 'range', tiers: ['B', 'C'] });
    expect(moves.get('990201')).toMatchObject({ from: 'C', to: 'unknown', change: 'unknown-current' });
  });

  it('puts every unit of the later year in exactly one matrix cell', () => {
    expect(cellsOf(moves)).toEqual({
      'A>A': ['990101'],
      'A>B': ['990104'],
      'A>C': ['990105'],
      'B>A': ['990103', '990202'],
      'B>unknown': ['990107'],
      'C>A': ['990102'],
      'C>B': ['990111', '990121'],
      'C>unknown': ['990201'],
      'unknown>A': ['990131'],
      'unknown>B': ['990106'],
      'unknown>unknown': ['990108'],
    });
  });

  it('has all sixteen cells, empty ones included', () => {
    const matrix = transitionMatrix(moves);
    expect(matrix.size).toBe(16);
    expect(matrix.get('B>C')).toEqual([]);
  });

  it("counts changes per class, adding up to the later year's units", () => {
    const counts = countChanges(moves);
    expect(counts).toEqual({
      up2: 1,
      up1: 4,
      same: 1,
      down1: 1,
      down2: 1,
      'unknown-base': 2,
      'unknown-current': 2,
      'unknown-both': 1,
    });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(moves.size);
  });

  it('compares across more than one year (2019 → 2021) through the same lineage', () => {
    const wide = movesOf(synthetic, 2019, 2021);
    expect(wide.get('990121')).toMatchObject({ baseCode: '990109', from: 'C', to: 'B' });
    // 子区 has no 2019 row: unknown, not carried back from 2020.
    expect(wide.get('990111')).toMatchObject({ baseCode: '990111', from: 'unknown', to: 'B' });
    expect(wide.get('990102')).toMatchObject({ from: 'C', to: 'A', change: 'up2' });
  });

  it('compares units of the same vintage code by code (2021 → 2023)', () => {
    const later = movesOf(synthetic, 2021, 2023);
    expect(later.get('990131')).toMatchObject({ baseCode: '990131', from: 'A', to: 'A', change: 'same' });
    expect(later.get('990102')).toMatchObject({ from: 'A', to: 'B', change: 'down1' });
  });

  it('leaves an unknown end unknown when both neighbouring years are known (甲区 in 2022)', () => {
    // 甲区 is A in 2021 and 2023; 2022 has no row, so it is not filled in as A.
    expect(movesOf(synthetic, 2021, 2022).get('990101')).toMatchObject({ from: 'A', to: 'unknown' });
    expect(movesOf(synthetic, 2022, 2023).get('990101')).toMatchObject({ from: 'unknown', to: 'A' });
  });
});

describe('transitions on the real data', () => {
  const pairs: [number, number][] = [
    [2019, 2020],
    [2020, 2021],
    [2021, 2022],
    [2022, 2023],
    [2019, 2023],
    [2020, 2023],
  ];

  it.each(pairs)('partitions every unit of the later year into the matrix (%i → %i)', (baseYear, year) => {
    const moves = movesOf(real, baseYear, year);
    const later = unitsIn(real.units, year).map((u) => u.code);
    expect(later.length).toBe(year <= 2020 ? 168 : 167);
    const inCells = [...transitionMatrix(moves).values()].flat();
    expect(inCells.length).toBe(later.length);
    expect(new Set(inCells).size).toBe(later.length);
    expect([...inCells].sort()).toEqual([...later].sort());
  });

  it.each(pairs)('puts a unit in a known cell only when both ends are known tiers (%i → %i)', (baseYear, year) => {
    for (const t of movesOf(real, baseYear, year).values()) {
      const now = realStates(year).get(t.code);
      expect(t.to === 'unknown', t.code).toBe(now?.kind !== 'known');
      if (now?.kind === 'known') expect(t.to).toBe(now.tier);
      const before = t.baseCode === null ? undefined : realStates(baseYear).get(t.baseCode);
      expect(t.from === 'unknown', t.code).toBe(before?.kind !== 'known');
      if (before?.kind === 'known') expect(t.from).toBe(before.tier);
    }
  });

  describe('across the June 2020 邢台 reorganisation (2020 → 2021)', () => {
    const moves = movesOf(real, 2020, 2021);

    it('compares 任泽区 with 任县 and 南和区 with 南和县', () => {
      expect(moves.get('130505')).toMatchObject({ baseCode: '130526', from: 'C' });
      expect(moves.get('130506')).toMatchObject({ baseCode: '130527', from: 'C' });
      expect(unitIn(real.units, '130526', 2020)?.nameZh).toBe('任县');
      expect(unitIn(real.units, '130505', 2021)?.nameZh).toBe('任泽区');
    });

    it('compares 襄都区 with 桥东区 (same code) and 信都区 with 桥西区', () => {
      expect(moves.get('130502')).toMatchObject({ baseCode: '130502', from: 'C', to: 'unknown' });
      expect(unitIn(real.units, '130502', 2020)?.nameZh).toBe('桥东区');
      expect(unitIn(real.units, '130502', 2021)?.nameZh).toBe('襄都区');
      expect(moves.get('130503')).toMatchObject({ baseCode: '130503' });
      expect(unitIn(real.units, '130503', 2020)?.nameZh).toBe('桥西区');
    });

    it("has no entry for 邢台县, which does not exist in 2021, and uses it as nobody's earlier end", () => {
      expect(moves.has('130521')).toBe(false);
      expect([...moves.values()].some((t) => t.baseCode === '130521')).toBe(false);
      // Every unit of 2021 has one counterpart in 2020: none gets an unknown base from the split.
      expect([...moves.values()].filter((t) => t.baseCode === null)).toEqual([]);
    });

    it('finds the same counterparts from 2019 to 2023', () => {
      const wide = movesOf(real, 2019, 2023);
      expect(wide.get('130505')?.baseCode).toBe('130526');
      expect(wide.get('130502')?.baseCode).toBe('130502');
      expect(wide.has('130521')).toBe(false);
    });
  });

  it('shows the known moves of 2021 (衡水 and 临西县) and no more', () => {
    const cells = cellsOf(movesOf(real, 2020, 2021));
    // 冀州区, 枣强县 and 景县 rose from B to A (P006); 临西县, 武强县 and 故城县 from C to B.
    expect(cells['B>A']).toEqual(['131103', '131121', '131127']);
    expect(cells['C>B']).toEqual(['130535', '131123', '131126']);
    expect(cells['B>C']).toBeUndefined();
    expect(cells['A>B']).toBeUndefined();
  });

  it('keeps the moves of 2023 that 石家庄 states (six C → B) and leaves the rest unknown', () => {
    const cells = cellsOf(movesOf(real, 2022, 2023));
    expect(cells['C>B']).toEqual(['130125', '130126', '130127', '130129', '130130', '130131']);
    for (const code of cells['C>B'] ?? [])
      expect(real.units.find((u) => u.code === code)?.prefectureCode).toBe('130100');
  });

  it('never fills an unknown year from its neighbours (安次区: A in 2021 and 2023, nothing stated for 2022)', () => {
    expect(realStates(2022).get('131002')?.kind).toBe('unknown');
    expect(movesOf(real, 2021, 2022).get('131002')).toMatchObject({
      from: 'A',
      to: 'unknown',
      change: 'unknown-current',
    });
    expect(movesOf(real, 2022, 2023).get('131002')).toMatchObject({ from: 'unknown', to: 'A', change: 'unknown-base' });
  });

  it('counts range-only units as unknown (安平县 "B or C" in 2019)', () => {
    expect(realStates(2019).get('131125')).toMatchObject({ kind: 'range' });
    expect(movesOf(real, 2019, 2020).get('131125')).toMatchObject({ from: 'unknown', to: 'B' });
  });

  it('never counts more known rises than the rises the sources state for the province', () => {
    for (const year of [2020, 2021, 2022, 2023] as const) {
      const counts = countChanges(movesOf(real, year - 1, year));
      const stated = real.totals.find((t) => t.year === year && t.scope === 'province')?.tierChanges;
      if (stated !== null && stated !== undefined) expect(counts.up1 + counts.up2).toBeLessThanOrEqual(stated);
    }
  });
});

describe('trajectories', () => {
  const path = (code: UnitCode, year: Year, dataset = synthetic, statesIn = syntheticStates) =>
    trajectory(dataset.units, code, year, statesIn);

  it('follows a unit back through every year up to the selected one', () => {
    const t = path('990102', 2023);
    expect(t.path.map((p) => p.year)).toEqual([...YEARS]);
    expect(t.path.map((p) => p.category)).toEqual(['C', 'C', 'A', 'unknown', 'B']);
    expect(path('990102', 2021).path.map((p) => p.year)).toEqual([2019, 2020, 2021]);
  });

  it('counts tier changes only between consecutive known years (乙县: C C A · B)', () => {
    const t = path('990102', 2023);
    // C→A counts; A→·→B does not, even though A and B differ: the unknown year may hold a change or two.
    expect(t.tierChanges).toBe(1);
    expect(t.gaps).toBe(2);
    expect(t.firstYearA).toBe(2021);
    expect(t.firstYearAOpen).toBe(false);
    expect(t.yearsInCurrentTier).toBe(1);
    expect(t.yearsInCurrentTierOpen).toBe(true);
  });

  it('closes a run stopped by a known other tier (丁县: B A B B B)', () => {
    const t = path('990104', 2023);
    expect(t).toMatchObject({
      firstYearA: 2020,
      firstYearAOpen: false,
      yearsInCurrentTier: 3,
      yearsInCurrentTierOpen: false,
      tierChanges: 2,
      gaps: 0,
    });
  });

  it('keeps the first year in A open when an earlier year is unknown (丙县: · B A A A)', () => {
    const t = path('990103', 2023);
    expect(t.firstYearA).toBe(2021);
    // 2019 is unknown: the unit may have been A then, so 2021 is only the first known A.
    expect(t.firstYearAOpen).toBe(true);
    expect(t.yearsInCurrentTier).toBe(3);
    expect(t.yearsInCurrentTierOpen).toBe(false);
    expect(t.tierChanges).toBe(1);
    expect(t.gaps).toBe(1);
  });

  it('keeps the run open when an unknown year stops it (甲区: A A A · A)', () => {
    const t = path('990101', 2023);
    expect(t).toMatchObject({
      firstYearA: 2019,
      firstYearAOpen: false,
      yearsInCurrentTier: 1,
      yearsInCurrentTierOpen: true,
    });
    expect(t.tierChanges).toBe(0);
    expect(t.gaps).toBe(2);
  });

  it('has no run and no first A when the selected year is unknown and no year is A (庚县: · B · · ·)', () => {
    const t = path('990107', 2023);
    expect(t).toMatchObject({
      firstYearA: null,
      firstYearAOpen: true,
      yearsInCurrentTier: 0,
      yearsInCurrentTierOpen: false,
      tierChanges: 0,
      gaps: 4,
    });
  });

  it('closes the first year in A when no year is unknown and none is A (壬区: C C B B B)', () => {
    const t = path('990121', 2023);
    expect(t.path.map((p) => p.code)).toEqual(['990109', '990109', '990121', '990121', '990121']);
    expect(t).toMatchObject({
      firstYearA: null,
      firstYearAOpen: false,
      yearsInCurrentTier: 3,
      yearsInCurrentTierOpen: false,
      tierChanges: 1,
      gaps: 0,
    });
  });

  it('follows a kept code to the unit that carried it before (丑区 → 子区)', () => {
    const t = path('990111', 2021);
    expect(t.path).toEqual([
      { year: 2019, code: '990111', category: 'unknown' },
      { year: 2020, code: '990111', category: 'C' },
      { year: 2021, code: '990111', category: 'B' },
    ]);
  });

  it('has no code and an unknown tier in years without a single counterpart (寅区)', () => {
    const t = path('990131', 2023);
    expect(t.path.slice(0, 2)).toEqual([
      { year: 2019, code: null, category: 'unknown' },
      { year: 2020, code: null, category: 'unknown' },
    ]);
    expect(t.firstYearA).toBe(2021);
  });

  it('treats a year without states (data not loaded) as unknown', () => {
    const t = trajectory(synthetic.units, '990104', 2023, (year) => (year === 2021 ? null : syntheticStates(year)));
    expect(t.path.map((p) => p.category)).toEqual(['B', 'A', 'unknown', 'B', 'B']);
    expect(t.tierChanges).toBe(1);
    expect(t.gaps).toBe(2);
    expect(t.yearsInCurrentTier).toBe(2);
    expect(t.yearsInCurrentTierOpen).toBe(true);
  });

  it('treats a range year as unknown (巳县: · C r B ·)', () => {
    const t = path('990201', 2022);
    expect(t.path.map((p) => p.category)).toEqual(['unknown', 'C', 'unknown', 'B']);
    expect(t.tierChanges).toBe(0);
    expect(t.yearsInCurrentTier).toBe(1);
    expect(t.yearsInCurrentTierOpen).toBe(true);
  });

  it('does not open the first year in A for a year whose range rules A out ("B or C")', () => {
    // 巳县 is C in 2020, "B or C" in 2021; made A in 2022 here, with 2019 known C.
    const states = (year: number) => {
      const base = new Map(syntheticStates(year));
      if (year === 2019) base.set('990201', known('C'));
      if (year === 2022) base.set('990201', known('A'));
      return base;
    };
    const t = trajectory(synthetic.units, '990201', 2022, states);
    expect(t.path.map((p) => p.category)).toEqual(['C', 'C', 'unknown', 'A']);
    expect(t.firstYearA).toBe(2022);
    expect(t.firstYearAOpen).toBe(false);
    // Without the 2019 fact, 2019 could have been A: open.
    expect(
      trajectory(synthetic.units, '990201', 2022, (y) => (y === 2022 ? states(y) : syntheticStates(y))).firstYearAOpen,
    ).toBe(true);
  });

  describe('on the real data', () => {
    const realPath = (code: UnitCode, year: Year) => path(code, year, real, realStates);

    it('鹿泉区: A in every year from 2019 to 2023', () => {
      expect(realPath('130110', 2023)).toMatchObject({
        firstYearA: 2019,
        firstYearAOpen: false,
        yearsInCurrentTier: 5,
        yearsInCurrentTierOpen: false,
        tierChanges: 0,
        gaps: 0,
      });
    });

    it('安次区: A with 2022 unknown, so the current run is 1 and open', () => {
      const t = realPath('131002', 2023);
      expect(t.path.map((p) => p.category)).toEqual(['A', 'A', 'A', 'unknown', 'A']);
      expect(t).toMatchObject({ yearsInCurrentTier: 1, yearsInCurrentTierOpen: true, tierChanges: 0, gaps: 2 });
    });

    it('任泽区 is followed back to 任县 (C in 2020)', () => {
      const t = realPath('130505', 2023);
      expect(t.path.map((p) => p.code)).toEqual(['130526', '130526', '130505', '130505', '130505']);
      expect(t.path[1]?.category).toBe('C');
      expect(t.yearsInCurrentTier).toBe(0);
    });

    it('襄都区 is followed back to 桥东区, not to 邢台县', () => {
      const t = realPath('130502', 2021);
      expect(t.path.map((p) => p.code)).toEqual(['130502', '130502', '130502']);
    });

    it('冀州区: B in 2020, A from 2021 (one change), first A in 2021 open since 2019 is unknown', () => {
      const t = realPath('131103', 2021);
      expect(t.path.map((p) => p.category)).toEqual(['unknown', 'B', 'A']);
      expect(t.firstYearA).toBe(2021);
      expect(t.firstYearAOpen).toBe(true);
      expect(t.tierChanges).toBe(1);
    });

    it('never reports more tier changes than pairs of consecutive known years', () => {
      for (const unit of unitsIn(real.units, 2023)) {
        const t = realPath(unit.code, 2023);
        expect(t.tierChanges + t.gaps).toBeLessThanOrEqual(4);
        expect(t.yearsInCurrentTier).toBeLessThanOrEqual(5);
        if (t.path.at(-1)?.category === 'unknown') expect(t.yearsInCurrentTier).toBe(0);
      }
    });
  });
});
