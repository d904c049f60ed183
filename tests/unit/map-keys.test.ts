/**
 * What the map draws per mode (domain/map-keys.ts) and the store selectors that feed it:
 * draw keys, outlines, the chosen flow's units, and memoisation.
 */
import { describe, expect, it } from 'vitest';
import { changeDrawStates, tierDrawStates, trajectoryDrawStates } from '../../src/domain/map-keys';
import { YEARS, type Year } from '../../src/domain/types';
import { indexStates, statesForYear } from '../../src/domain/unit-state';
import { selectDrawStates, selectDrawStatesByYear, selectFlowCodes } from '../../src/store/selectors';
import { createAppStore } from '../../src/store/store';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { transitionsDataset } from '../fixtures/transitions-dataset';

const dataset = transitionsDataset();
const index = indexStates(dataset);
const statesIn = (year: number) => (YEARS.includes(year as Year) ? statesForYear(index, dataset.units, year) : null);
const keyOf = (map: Map<string, { key: string; outline: boolean }>, code: string) => map.get(code)?.key;

describe('tier mode', () => {
  it('draws the state key and outlines derived tiers only', () => {
    const draw = tierDrawStates(statesIn(2021) ?? new Map());
    expect(keyOf(draw, '990101')).toBe('A');
    expect(keyOf(draw, '990108')).toBe('unknown');
    expect(keyOf(draw, '990201')).toBe('range:BC');
    for (const [code, d] of draw) {
      const state = statesIn(2021)?.get(code);
      expect(d.outline).toBe(state?.kind === 'known' && state.fact.basis === 'derived');
    }
  });
});

describe('change mode', () => {
  const change = (base: number, year: number) =>
    changeDrawStates(
      dataset.units,
      { year: base, states: statesIn(base) ?? new Map() },
      { year, states: statesIn(year) ?? new Map() },
    );

  it('classes each unit by its move from the base year, through lineage', () => {
    const draw = change(2020, 2021);
    expect(keyOf(draw, '990101')).toBe('change:same');
    expect(keyOf(draw, '990102')).toBe('change:up2');
    expect(keyOf(draw, '990103')).toBe('change:up1');
    expect(keyOf(draw, '990104')).toBe('change:down1');
    expect(keyOf(draw, '990105')).toBe('change:down2');
    expect(keyOf(draw, '990106')).toBe('change:unknown-base');
    expect(keyOf(draw, '990107')).toBe('change:unknown-current');
    expect(keyOf(draw, '990108')).toBe('change:unknown-both');
    expect(keyOf(draw, '990121')).toBe('change:up1'); // 壬县 C (2020) → 壬区 B (2021)
    expect(keyOf(draw, '990131')).toBe('change:unknown-base'); // two predecessors: no single counterpart
    expect(keyOf(draw, '990201')).toBe('change:unknown-current'); // "B or C" is not a known tier
  });

  it('has no base before the first evaluation: every earlier end is unknown', () => {
    const draw = changeDrawStates(
      dataset.units,
      { year: 2018, states: new Map() },
      { year: 2019, states: statesIn(2019) ?? new Map() },
    );
    expect([...draw.values()].every((d) => d.key === 'change:unknown-base' || d.key === 'change:unknown-both')).toBe(
      true,
    );
  });
});

describe('trajectory mode', () => {
  it('draws the first year in A, certain or open (an earlier year unknown), never filling in unknown years', () => {
    const codes = [...(statesIn(2023)?.keys() ?? [])];
    const draw = trajectoryDrawStates(dataset.units, 2023, codes, statesIn);
    expect(draw.get('990101')).toEqual({ key: 'traj:2019', outline: false });
    // 丙县: unknown in 2019, B in 2020, A from 2021: A in 2021, but 2019 could have been A.
    expect(draw.get('990103')).toEqual({ key: 'traj:2021-open', outline: false });
    // 乙县: C C A · B — first A 2021, nothing unknown before it.
    expect(draw.get('990102')).toEqual({ key: 'traj:2021', outline: false });
    // 辛县: no year known.
    expect(draw.get('990108')).toEqual({ key: 'traj:unknown', outline: false });
    // 庚县: known B once, never A in a known year, other years unknown: "never" with an outline.
    expect(draw.get('990107')).toEqual({ key: 'traj:never', outline: true });
    // 寅区 (two predecessors): 2019–2020 have no single counterpart, so its A from 2021 is open.
    expect(draw.get('990131')).toEqual({ key: 'traj:2021-open', outline: false });
  });
});

describe('selectors', () => {
  const ready = (year: Year) => {
    const store = createAppStore({ year });
    store.getState().dataLoaded(dataset, emptyGeometry());
    return store;
  };

  it('memoise draw states per year, mode and base', () => {
    const store = ready(2021);
    const tier = selectDrawStates(store.getState());
    expect(selectDrawStates(store.getState())).toBe(tier);
    store.getState().setMode('change');
    const change = selectDrawStates(store.getState());
    expect(change).not.toBe(tier);
    expect(keyOf(change ?? new Map(), '990102')).toBe('change:up2');
    store.getState().setBase(2019);
    expect(keyOf(selectDrawStates(store.getState()) ?? new Map(), '990102')).toBe('change:up2'); // C (2019) → A
    store.getState().setMode('tier');
    expect(selectDrawStates(store.getState())).toBe(tier);
  });

  it('give every year of the current mode at once, the same Map for every selected year', () => {
    const store = ready(2021);
    const tier = selectDrawStatesByYear(store.getState());
    expect([...(tier?.keys() ?? [])]).toEqual([...YEARS]);
    for (const year of YEARS) {
      store.getState().setYear(year);
      // A year step keeps the map's source as it is: the same object, and the year's own states.
      expect(selectDrawStatesByYear(store.getState())).toBe(tier);
      expect(tier?.get(year)).toBe(selectDrawStates(store.getState()));
    }
    store.getState().setMode('change');
    const change = selectDrawStatesByYear(store.getState());
    expect(change).not.toBe(tier);
    for (const year of YEARS) {
      store.getState().setYear(year);
      expect(change?.get(year)).toBe(selectDrawStates(store.getState()));
    }
  });

  it('draw the years up to a chosen base against their default base, as the store will once they are shown', () => {
    const store = ready(2023);
    store.getState().setMode('change');
    store.getState().setBase(2021);
    const withBase = selectDrawStatesByYear(store.getState());
    store.getState().setYear(2021); // the store drops the base: 2021 is not after it
    expect(store.getState().base).toBeNull();
    // What the map held for 2021 under the base is what it shows now.
    expect(withBase?.get(2021)).toEqual(selectDrawStates(store.getState()));
  });

  it('list exactly the units of the chosen flow', () => {
    const store = ready(2021);
    expect(selectFlowCodes(store.getState())).toBeNull();
    store.getState().setFlow({ from: 'C', to: 'B' });
    // 壬县 → 壬区 (new code) and 子区 → 丑区 (code kept) both rose from C to B.
    expect([...(selectFlowCodes(store.getState()) ?? [])].sort()).toEqual(['990111', '990121']);
    store.getState().setFlow({ from: 'B', to: 'A' });
    expect([...(selectFlowCodes(store.getState()) ?? [])].sort()).toEqual(['990103', '990202']);
    store.getState().setFlow({ from: 'A', to: 'A' });
    expect([...(selectFlowCodes(store.getState()) ?? [])].sort()).toEqual(['990101']);
  });

  it('refuse a base year that is not before the selected year, and drop it when the year passes it', () => {
    const store = ready(2021);
    store.getState().setBase(2021);
    expect(store.getState().base).toBeNull();
    store.getState().setBase(2020);
    store.getState().setYear(2020);
    expect(store.getState().base).toBeNull();
  });
});
