/**
 * The explorer's state transitions: timeline arithmetic, playback in the store, a selection
 * following its unit across the 2020 change, the yearly change sentence, legend matching.
 */
import { describe, expect, it } from 'vitest';
import { counterparts, followUnit } from '../../src/domain/lineage';
import { playbackNext, playbackStart, stepYear } from '../../src/domain/timeline';
import type { Unit } from '../../src/domain/types';
import { inLegendEntry, type StateKey, type UnitState } from '../../src/domain/unit-state';
import { transitions } from '../../src/domain/transitions';
import { yearChange } from '../../src/domain/year-change';
import { selectYearChange } from '../../src/store/selectors';
import { createAppStore } from '../../src/store/store';
import { known, realDataset } from '../fixtures/builders';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

const units: Unit[] = realDataset().units;

describe('timeline arithmetic', () => {
  it('steps within 2019–2023 and clamps at the ends', () => {
    expect(stepYear(2021, 1)).toBe(2022);
    expect(stepYear(2021, -1)).toBe(2020);
    expect(stepYear(2023, 1)).toBe(2023);
    expect(stepYear(2019, -5)).toBe(2019);
    expect(stepYear(2019, 10)).toBe(2023);
  });

  it('plays from the current year, restarts from 2019 at the end, and stops at 2023', () => {
    expect(playbackStart(2021)).toBe(2021);
    expect(playbackStart(2023)).toBe(2019);
    expect(playbackNext(2022)).toBe(2023);
    expect(playbackNext(2023)).toBeNull();
  });
});

describe('playback in the store', () => {
  it('ticks year by year to 2023 and stops there', () => {
    const store = createAppStore({ year: 2021 });
    store.getState().play();
    expect(store.getState()).toMatchObject({ year: 2021, playing: true });
    store.getState().tick();
    expect(store.getState()).toMatchObject({ year: 2022, playing: true });
    store.getState().tick();
    expect(store.getState()).toMatchObject({ year: 2023, playing: false });
    store.getState().tick();
    expect(store.getState().year).toBe(2023);
  });

  it('restarts from 2019 when Play is pressed at the end', () => {
    const store = createAppStore({ year: 2023 });
    store.getState().play();
    expect(store.getState()).toMatchObject({ year: 2019, playing: true });
  });

  it('stops playing when the user picks a year or pauses; a paused tick does nothing', () => {
    const store = createAppStore({ year: 2019 });
    store.getState().play();
    store.getState().setYear(2021);
    expect(store.getState().playing).toBe(false);
    store.getState().tick();
    expect(store.getState().year).toBe(2021);
    store.getState().play();
    store.getState().pause();
    store.getState().tick();
    expect(store.getState()).toMatchObject({ year: 2021, playing: false });
  });
});

describe('following a unit across the 2020 change', () => {
  it('maps renamed units by predecessor codes, both ways', () => {
    expect(followUnit(units, '130526', 2019, 2021)).toBe('130505'); // 任县 → 任泽区
    expect(followUnit(units, '130505', 2023, 2020)).toBe('130526');
    expect(followUnit(units, '130527', 2020, 2023)).toBe('130506'); // 南和县 → 南和区
  });

  it('keeps a code that names a unit in both years (桥东区 → 襄都区 keep 130502)', () => {
    expect(followUnit(units, '130502', 2019, 2021)).toBe('130502');
    expect(followUnit(units, '130110', 2019, 2023)).toBe('130110');
  });

  it('never picks one of two successors: 邢台县 stays 130521 after its abolition', () => {
    expect(
      counterparts(units, '130521', 2020, 2021)
        .map((u) => u.code)
        .sort(),
    ).toEqual(['130502', '130503']);
    expect(followUnit(units, '130521', 2020, 2021)).toBe('130521');
  });

  it('carries the selection when the year changes in the store', () => {
    const store = createAppStore({ year: 2019 });
    store.getState().dataLoaded({ ...syntheticDataset(), units }, emptyGeometry());
    store.getState().select('130526');
    store.getState().setYear(2022);
    expect(store.getState().selected).toBe('130505');
    store.getState().stepYear(-2);
    expect(store.getState()).toMatchObject({ year: 2020, selected: '130526' });
  });

  it('resolves a linked county of another year once the data has loaded', () => {
    const store = createAppStore({ year: 2019, selected: '130505' });
    store.getState().dataLoaded({ ...syntheticDataset(), units }, emptyGeometry());
    expect(store.getState().selected).toBe('130526');
  });

  it('asks the map to fly only when told to, with a new request each time', () => {
    const store = createAppStore();
    store.getState().select('130110');
    expect(store.getState().flyTo).toBeNull();
    store.getState().select('130110', { fly: true });
    const first = store.getState().flyTo;
    store.getState().select('130110', { fly: true });
    expect(store.getState().flyTo?.code).toBe('130110');
    expect(store.getState().flyTo?.seq).not.toBe(first?.seq);
  });
});

describe('the yearly change sentence', () => {
  it('counts moves only among units known in both years, matched through lineage', () => {
    const from = new Map<string, UnitState>([
      ['130110', known('B')],
      ['130526', known('C')], // 任县
      ['130521', known('B')], // 邢台县: two successors, never comparable
      ['130131', known('B')],
      ['130104', { kind: 'unknown' }],
    ]);
    const to = new Map<string, UnitState>([
      ['130110', known('A')],
      ['130505', known('B')], // 任泽区
      ['130503', known('C')], // 信都区: 130503 was 桥西区, not known in `from`
      ['130131', known('B')],
      ['130104', known('A')],
    ]);
    const moves = transitions(units, { year: 2020, states: from }, { year: 2021, states: to });
    expect(yearChange(moves)).toEqual({ up: 2, down: 0, same: 1, notComparable: 2, total: 5 });
  });

  it('says nothing about moves for the first year, and counts the synthetic fixture exactly', () => {
    const store = createAppStore({ year: 2019 });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    expect(selectYearChange(store.getState())).toBeNull();
    store.getState().setYear(2021);
    // 990104: C in 2020 → B in 2021; nothing else is known in both years.
    expect(selectYearChange(store.getState())).toEqual({ up: 1, down: 0, same: 0, notComparable: 3, total: 4 });
  });
});

describe('legend entries', () => {
  it.each<[StateKey, string[]]>([
    ['A', ['A']],
    ['A-derived', ['A', 'derived']],
    ['C-derived', ['C', 'derived']],
    ['range:BC', ['range']],
    ['unknown', ['unknown']],
  ])('%s belongs to %j', (key, entries) => {
    const all = ['A', 'B', 'C', 'derived', 'range', 'unknown'] as const;
    expect(all.filter((e) => inLegendEntry(key, e))).toEqual(entries);
  });
});
