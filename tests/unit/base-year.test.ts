/**
 * The default base year (src/domain/base-year.ts) and the one base every change figure uses
 * (baseYearOf, selectYearChange, selectTransitions, the draw states): on the synthetic
 * transitions fixture, whose counts per base are worked out by hand below, and on the real data.
 */
import { describe, expect, it } from 'vitest';
import { comparableByBase, comparableCount, defaultBaseYear } from '../../src/domain/base-year';
import { baseYearOf as baseYearWith, baseYearOptions, chosenBaseCounts, isYear } from '../../src/domain/timeline';
import { countChanges, transitions } from '../../src/domain/transitions';
import type { Dataset, UnitCode, Year } from '../../src/domain/types';
import type { UnitState } from '../../src/domain/unit-state';
import {
  baseYearOf,
  selectBaseIsDefault,
  selectDefaultBase,
  selectDrawStates,
  selectTransitions,
  selectYearChange,
} from '../../src/store/selectors';
import { createAppStore } from '../../src/store/store';
import { fact, realDataset, statesOf } from '../fixtures/builders';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { transitionsDataset } from '../fixtures/transitions-dataset';

const synthetic = transitionsDataset();
const syntheticStates = statesOf(synthetic);

describe('units comparable with a year, per base year', () => {
  it('counts units known in both years, matched through lineage (synthetic 2023)', () => {
    // Known in 2023: 甲区 A, 乙县 B, 丙县 A, 丁县 B, 壬区 B, 寅区 A.
    // 2022: 丙县, 丁县, 壬区, 寅区 (4). 2021: all six. 2020: not 寅区 (two predecessors) (5).
    // 2019: not 丙县 (no row), not 寅区 (4).
    expect(comparableByBase(synthetic.units, 2023, syntheticStates)).toEqual([
      { base: 2019, comparable: 4 },
      { base: 2020, comparable: 5 },
      { base: 2021, comparable: 6 },
      { base: 2022, comparable: 4 },
    ]);
    expect(defaultBaseYear(synthetic.units, 2023, syntheticStates)).toBe(2021);
  });

  it('has no default before the first evaluation', () => {
    expect(defaultBaseYear(synthetic.units, 2019, syntheticStates)).toBeNull();
    expect(baseYearWith({ base: null, year: 2019 }, null)).toBe(2018);
  });

  it('breaks a tie with the latest year (all zero: the year before)', () => {
    const only2023 = (year: number) => (year === 2023 ? syntheticStates(2023) : new Map<UnitCode, UnitState>());
    expect(defaultBaseYear(synthetic.units, 2023, only2023)).toBe(2022);
  });

  it('follows the data: facts added for 2022 (as an import would) move the default there', () => {
    const more: Dataset = {
      ...synthetic,
      tiers: [...synthetic.tiers, fact('990101', 2022, 'A'), fact('990102', 2022, 'B')],
    };
    const states = statesOf(more);
    expect(
      comparableCount(more.units, { year: 2022, states: states(2022) }, { year: 2023, states: states(2023) }),
    ).toBe(6);
    expect(defaultBaseYear(more.units, 2023, states)).toBe(2022);
  });

  it('takes a chosen base only when it is earlier than the year', () => {
    expect(baseYearWith({ base: 2019, year: 2023 }, 2021)).toBe(2019);
    expect(baseYearWith({ base: 2023, year: 2023 }, 2021)).toBe(2021);
    expect(baseYearWith({ base: null, year: 2023 }, 2021)).toBe(2021);
  });

  it('on the real data, is never a year that leaves more units not comparable than another', () => {
    const real = realDataset();
    const states = statesOf(real);
    for (const year of [2020, 2021, 2022, 2023] as Year[]) {
      const options = comparableByBase(real.units, year, states);
      const best = Math.max(...options.map((o) => o.comparable));
      const chosen = defaultBaseYear(real.units, year, states);
      expect(options.find((o) => o.base === chosen)?.comparable).toBe(best);
      expect(options.filter((o) => o.comparable === best).every((o) => o.base <= (chosen ?? 0))).toBe(true);
    }
    // 2022 has no notice: 2023 is not compared with it by default.
    expect(defaultBaseYear(real.units, 2023, states)).not.toBe(2022);
  });
});

describe('one base for every change figure of the view', () => {
  const ready = (year: Year) => {
    const store = createAppStore({ year });
    store.getState().dataLoaded(synthetic, emptyGeometry());
    return store;
  };

  it('uses the default base until one is chosen, and says whether it is the default', () => {
    const store = ready(2023);
    expect(selectDefaultBase(store.getState(), 2023)).toBe(2021);
    expect(baseYearOf(store.getState())).toBe(2021);
    expect(selectBaseIsDefault(store.getState())).toBe(true);
    store.getState().setBase(2019);
    expect(baseYearOf(store.getState())).toBe(2019);
    expect(selectBaseIsDefault(store.getState())).toBe(false);
  });

  it('moves the default when an imported layer makes another year more comparable, and back when it is removed', () => {
    const store = ready(2023);
    store.getState().setMode('change');
    expect(baseYearOf(store.getState())).toBe(2021);
    // 甲区 and 乙县 have no 2022 row; with them, 2022 ties 2021 at six units and, the later, wins.
    const id = store.getState().applyImport({
      id: 'IMP1',
      source: { title: 'A synthetic 2022 list', date: '', url: '' },
      createdAt: '2024-01-01T00:00:00Z',
      origin: 'local',
      facts: [
        { code: '990101', year: 2022, tier: 'A', rank: null, rankOf: null, raw: '甲区' },
        { code: '990102', year: 2022, tier: 'B', rank: null, rankOf: null, raw: '乙县' },
      ],
    });
    expect(baseYearOf(store.getState())).toBe(2022);
    expect(selectBaseIsDefault(store.getState())).toBe(true);
    expect(selectTransitions(store.getState())?.get('990101')?.change).toBe('same');
    store.getState().removeImport(id);
    expect(baseYearOf(store.getState())).toBe(2021);
  });

  it('gives the timeline line the counts of the same moves as the Sankey and the map', () => {
    const store = ready(2023);
    store.getState().setMode('change');
    for (const base of [null, 2019, 2020] as const) {
      store.getState().setBase(base);
      const baseYear = baseYearOf(store.getState());
      const moves = transitions(
        synthetic.units,
        { year: baseYear, states: syntheticStates(baseYear) },
        { year: 2023, states: syntheticStates(2023) },
      );
      expect(selectTransitions(store.getState())).toEqual(moves);
      const c = countChanges(moves);
      expect(selectYearChange(store.getState())).toEqual({
        up: c.up1 + c.up2,
        down: c.down1 + c.down2,
        same: c.same,
        notComparable: c['unknown-base'] + c['unknown-current'] + c['unknown-both'],
        total: moves.size,
      });
      // The map's change classes are the same moves.
      for (const [code, draw] of selectDrawStates(store.getState()) ?? new Map()) {
        expect(draw.key).toBe(`change:${moves.get(code)?.change}`);
      }
    }
  });
});

describe('the base-year rule, once (domain/timeline.ts)', () => {
  it('offers the earlier evaluation years as bases, earliest first', () => {
    expect(baseYearOptions(2019)).toEqual([]);
    expect(baseYearOptions(2022)).toEqual([2019, 2020, 2021]);
    expect(baseYearOptions(2023)).toEqual([2019, 2020, 2021, 2022]);
  });

  it('counts a chosen base only when it is earlier than the year', () => {
    expect(chosenBaseCounts(null, 2023)).toBe(false);
    expect(chosenBaseCounts(2021, 2023)).toBe(true);
    expect(chosenBaseCounts(2023, 2023)).toBe(false);
    expect(chosenBaseCounts(2023, 2021)).toBe(false);
    expect(baseYearWith({ base: 2023, year: 2021 }, 2019)).toBe(2019);
  });

  it('knows an evaluation year from anything else', () => {
    expect([2019, 2023, 2018, 2024, 2020.5, '2020', null].map(isYear)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
