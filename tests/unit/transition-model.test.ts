/**
 * The transition view's model (src/features/transitions/transition-model.ts), fed the moves the
 * store computes (selectTransitions) as the view is: counts per cell, row and column, the unit
 * that ended, the official counts and coverage, the Sankey geometry, the drawing order of the
 * bands and the listed units of a flow.
 */
import { describe, expect, it } from 'vitest';
import { changeClass, type TransitionCategory, type UnitTransition } from '../../src/domain/transitions';
import type { Dataset, UnitCode, Year } from '../../src/domain/types';
import { selectTransitions } from '../../src/store/selectors';
import { createAppStore } from '../../src/store/store';
import {
  bandsInDrawingOrder,
  cellCount,
  flowUnits,
  layoutSankey,
  SANKEY_SIZE,
  transitionModel,
} from '../../src/features/transitions/transition-model';
import { realDataset } from '../fixtures/builders';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { transitionsDataset } from '../fixtures/transitions-dataset';

const real = realDataset();
const synthetic = transitionsDataset();

/** The model as the view builds it: from the store's transitions for `baseYear` → `year`. */
function modelOf(dataset: Dataset, baseYear: number, year: number, area: string | null = null) {
  const store = createAppStore({ year: year as Year, base: baseYear as Year });
  store.getState().dataLoaded(dataset, emptyGeometry());
  const moves = selectTransitions(store.getState());
  if (!moves) throw new Error('no transitions');
  return transitionModel(dataset, moves, baseYear, year, area);
}

/** Made-up moves: A→A ×2, B→A ×4, C→B ×1, unknown→C ×3. */
function knownMoves(): Map<UnitCode, UnitTransition> {
  const spec: [TransitionCategory, TransitionCategory, number][] = [
    ['A', 'A', 2],
    ['B', 'A', 4],
    ['C', 'B', 1],
    ['unknown', 'C', 3],
  ];
  const moves = new Map<UnitCode, UnitTransition>();
  for (const [from, to, n] of spec) {
    for (let i = 0; i < n; i += 1) {
      const code = `${from}${to}${i}`;
      moves.set(code, { code, baseCode: code, from, to, change: changeClass(from, to) });
    }
  }
  return moves;
}

describe('transition model from a known set of moves', () => {
  const model = transitionModel({ units: [], indicators: [], totals: [] }, knownMoves(), 2020, 2021, null);

  it('fills the matrix cells, rows, columns and totals', () => {
    expect(cellCount(model, 'A', 'A')).toBe(2);
    expect(cellCount(model, 'B', 'A')).toBe(4);
    expect(cellCount(model, 'C', 'B')).toBe(1);
    expect(cellCount(model, 'unknown', 'C')).toBe(3);
    expect(cellCount(model, 'A', 'unknown')).toBe(0);
    expect(model.cells.size).toBe(16);
    expect(model.rows).toEqual({ A: 2, B: 4, C: 1, unknown: 3 });
    expect(model.columns).toEqual({ A: 6, B: 1, C: 3, unknown: 0 });
    expect(model).toMatchObject({ total: 10, knownBoth: 7, up: 5, same: 2, down: 0, ended: [], official: [] });
    expect(model.coverage).toBeNull();
  });

  it('lays out one node per used category and one link per non-empty cell', () => {
    const picture = layoutSankey(model.cells, false);
    const boxes = picture?.boxes.map((b) => `${b.side}:${b.category}=${b.value}`);
    expect(boxes).toEqual(['from:A=2', 'from:B=4', 'from:C=1', 'from:unknown=3', 'to:A=6', 'to:B=1', 'to:C=3']);
    const bands = picture?.bands.map((b) => `${b.from}>${b.to}=${b.value}`);
    expect(bands).toEqual(['A>A=2', 'B>A=4', 'C>B=1', 'unknown>C=3']);
    const width = (key: string) => picture?.bands.find((b) => `${b.from}>${b.to}` === key)?.width ?? 0;
    expect(width('B>A') / width('A>A')).toBeCloseTo(2, 5);
    for (const box of picture?.boxes ?? []) {
      // d3-sankey's arithmetic may overshoot the extent by a rounding error.
      expect(box.y0).toBeGreaterThanOrEqual(SANKEY_SIZE.pad - 1e-9);
      expect(box.y1).toBeLessThanOrEqual(SANKEY_SIZE.height - SANKEY_SIZE.pad + 1e-9);
    }
  });

  it('leaves out every node and link touching unknown when only known moves are shown', () => {
    const picture = layoutSankey(model.cells, true);
    expect(picture?.boxes.map((b) => `${b.side}:${b.category}`)).toEqual([
      'from:A',
      'from:B',
      'from:C',
      'to:A',
      'to:B',
    ]);
    expect(picture?.bands.map((b) => `${b.from}>${b.to}`)).toEqual(['A>A', 'B>A', 'C>B']);
  });

  it('draws bands touching unknown first and the selected flow last', () => {
    const bands = layoutSankey(model.cells, false)?.bands ?? [];
    const order = (flow: { from: TransitionCategory; to: TransitionCategory } | null) =>
      bandsInDrawingOrder(bands, flow).map((b) => `${b.from}>${b.to}`);
    expect(order(null)).toEqual(['unknown>C', 'A>A', 'B>A', 'C>B']);
    expect(order({ from: 'A', to: 'A' })).toEqual(['unknown>C', 'B>A', 'C>B', 'A>A']);
    expect(bands.map((b) => `${b.from}>${b.to}`)).toEqual(['A>A', 'B>A', 'C>B', 'unknown>C']);
  });
});

describe('transition model from the store (real data)', () => {
  it('counts every unit of the later year once, by row and by column (2020 → 2021)', () => {
    const model = modelOf(real, 2020, 2021);
    expect(model.total).toBe(167);
    expect(Object.values(model.rows).reduce((a, b) => a + b, 0)).toBe(167);
    expect(Object.values(model.columns).reduce((a, b) => a + b, 0)).toBe(167);
    expect(model.knownBoth).toBe(14);
    expect(model).toMatchObject({ up: 6, same: 8, down: 0 });
  });

  it('names 邢台县 as the 2020 unit no 2021 unit continues, and no other', () => {
    expect(modelOf(real, 2020, 2021).ended.map((u) => u.nameZh)).toEqual(['邢台县']);
    expect(modelOf(real, 2019, 2023).ended.map((u) => u.nameZh)).toEqual(['邢台县']);
    expect(modelOf(real, 2021, 2022).ended).toEqual([]);
    expect(modelOf(real, 2020, 2021, '131100').ended).toEqual([]);
  });

  it('restricts counts and official figures to an area', () => {
    const model = modelOf(real, 2020, 2021, '131100');
    expect(model.total).toBe(11);
    expect(model.cells.get('B>A')).toHaveLength(3);
    expect(model.official.map((m) => m.origin)).toEqual(['units_b_to_a', 'units_c_to_b', 'tier_changes']);
    expect(model.coverage).toMatchObject({ official: 5, known: 5 });
  });

  it('has no official counts for a base year other than the year before', () => {
    const model = modelOf(real, 2019, 2021);
    expect(model.official).toEqual([]);
    expect(model.coverage).toBeNull();
  });
});

describe('Sankey geometry (synthetic data)', () => {
  const model = modelOf(synthetic, 2020, 2021);

  it('draws one band per non-empty cell, with widths in proportion to the units', () => {
    const picture = layoutSankey(model.cells, false);
    expect(picture?.bands).toHaveLength(11);
    const width = (key: string) => picture?.bands.find((b) => `${b.from}>${b.to}` === key)?.width ?? 0;
    expect(width('B>A') / width('A>A')).toBeCloseTo(2, 5);
    for (const band of picture?.bands ?? []) expect(band.path).toMatch(/^M/);
  });

  it('keeps the nodes in the order A, B, C, unknown on both sides, inside the drawing', () => {
    const picture = layoutSankey(model.cells, false);
    for (const side of ['from', 'to'] as const) {
      const boxes = picture?.boxes.filter((b) => b.side === side) ?? [];
      expect(boxes.map((b) => b.category)).toEqual(['A', 'B', 'C', 'unknown']);
      for (let i = 1; i < boxes.length; i += 1) expect(boxes[i]?.y0).toBeGreaterThan(boxes[i - 1]?.y1 ?? Infinity);
      for (const box of boxes) {
        expect(box.x0).toBeGreaterThanOrEqual(SANKEY_SIZE.labelRoom);
        expect(box.x1).toBeLessThanOrEqual(SANKEY_SIZE.width - SANKEY_SIZE.labelRoom);
      }
    }
    const left = picture?.boxes.filter((b) => b.side === 'from').map((b) => b.value);
    expect(left).toEqual([model.rows.A, model.rows.B, model.rows.C, model.rows.unknown]);
  });

  it('can show only the units known in both years', () => {
    const picture = layoutSankey(model.cells, true);
    expect(picture?.bands.every((b) => b.from !== 'unknown' && b.to !== 'unknown')).toBe(true);
    expect(picture?.boxes.some((b) => b.category === 'unknown')).toBe(false);
    expect(picture?.bands.reduce((n, b) => n + b.value, 0)).toBe(model.knownBoth);
  });

  it('has nothing to draw when no unit is known in both years', () => {
    const empty = modelOf(synthetic, 2019, 2020, '990200');
    expect(empty.knownBoth).toBe(0);
    expect(layoutSankey(empty.cells, true)).toBeNull();
    expect(layoutSankey(empty.cells, false)).not.toBeNull();
  });
});

describe('units of a flow', () => {
  it("lists exactly the cell's units with the unit each is compared with", () => {
    const model = modelOf(real, 2020, 2021);
    const listed = flowUnits(real.units, model, { from: 'C', to: 'unknown' });
    expect(listed).toHaveLength(model.cells.get('C>unknown')?.length ?? -1);
    const renze = listed.find((l) => l.unit.code === '130505');
    expect(renze?.base?.nameZh).toBe('任县');
    expect(listed.find((l) => l.unit.code === '130502')?.base?.nameZh).toBe('桥东区');
  });

  it('orders by area, then code', () => {
    const listed = flowUnits(real.units, modelOf(real, 2020, 2021), { from: 'C', to: 'B' });
    expect(listed.map((l) => l.unit.nameZh)).toEqual(['临西县', '武强县', '故城县']);
  });

  it('lists only the area’s units when an area is chosen', () => {
    const listed = flowUnits(real.units, modelOf(real, 2020, 2021, '131100'), { from: 'B', to: 'A' });
    expect(listed.map((l) => l.unit.nameZh).sort()).toEqual(['冀州区', '景县', '枣强县'].sort());
  });
});
