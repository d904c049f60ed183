/**
 * UnitFlags (src/map/gl/flags.ts) on its own, against the shared FakeMap: which feature-state it
 * writes and to which source, when it reports a change, what it says is in use, and what a reset
 * (a context loss) forgets. Through the whole controller: map-flags.test.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { unitFeatureId } from '../../src/domain/geometry';
import { vintageOf, type Year } from '../../src/domain/types';
import { UnitFlags } from '../../src/map/gl/flags';
import { unitsSource } from '../../src/map/gl/map-style';
import type { Drawn } from '../../src/map/gl/year-groups';
import { selectDrawStatesByYear } from '../../src/store/selectors';
import { createAppStore, type AppState, type InitialState } from '../../src/store/store';
import { importFact, importLayer } from '../fixtures/builders';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { FakeMap } from '../fixtures/fake-map';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

// In 2023 the synthetic units are drawn A (990101), B (990102) and unknown (990103, 990104).
const NONE = { flow: false, muted: false, unlit: false, imported: false };
const id = (code: string, year: Year = 2023) => unitFeatureId(code, vintageOf(year));
const target = (code: string, year: Year = 2023) => ({ source: unitsSource(vintageOf(year)), id: id(code, year) });

/** The year the store shows, drawn as the controller draws it. */
function drawnOf(state: AppState): Drawn {
  const states = selectDrawStatesByYear(state)?.get(state.year);
  if (!states) throw new Error(`nothing drawn in ${state.year}`);
  return { year: state.year, states };
}

let map: FakeMap;
let changed: ReturnType<typeof vi.fn<() => void>>;
let flags: UnitFlags;
beforeEach(() => {
  map = new FakeMap();
  changed = vi.fn<() => void>();
  flags = new UnitFlags(map, changed);
});

/** A store with the synthetic data loaded. */
function loaded(initial: InitialState = {}) {
  const store = createAppStore({ year: 2023, ...initial });
  store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
  return store;
}

describe('setFocus', () => {
  it('moves the flag from one unit to the next, reporting each move, and clears it', () => {
    flags.setFocus('hover', id('990101'));
    expect(map.callsTo('setFeatureState')).toEqual([[target('990101'), { hover: true }]]);
    expect(flags.hovered).toBe(id('990101'));
    expect(changed).toHaveBeenCalledTimes(1);

    map.clearCalls();
    flags.setFocus('hover', id('990102'));
    expect(map.callsTo('setFeatureState')).toEqual([
      [target('990101'), { hover: false }],
      [target('990102'), { hover: true }],
    ]);
    expect(changed).toHaveBeenCalledTimes(2);

    map.clearCalls();
    flags.setFocus('hover', null);
    expect(map.callsTo('setFeatureState')).toEqual([[target('990102'), { hover: false }]]);
    expect(flags.hovered).toBeNull();
    expect(changed).toHaveBeenCalledTimes(3);
  });

  it('writes and reports nothing when the flag stays where it is', () => {
    flags.setFocus('selected', id('990101'));
    map.clearCalls();
    flags.setFocus('selected', id('990101'));
    flags.setFocus('hover', null);
    expect(map.calls).toEqual([]);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it("writes to the source of the feature id's own boundary vintage", () => {
    flags.setFocus('selected', unitFeatureId('990104', 2019));
    flags.setFocus('selected', unitFeatureId('990104', 2021));
    expect(map.callsTo('setFeatureState')).toEqual([
      [{ source: unitsSource(2019), id: unitFeatureId('990104', 2019) }, { selected: true }],
      [{ source: unitsSource(2019), id: unitFeatureId('990104', 2019) }, { selected: false }],
      [{ source: unitsSource(2021), id: unitFeatureId('990104', 2021) }, { selected: true }],
    ]);
  });

  it('keeps hover and selection apart, on one unit as on two, and says which is in use', () => {
    expect(flags.inUse()).toEqual({ dimmed: false, imported: false, flow: false, hover: false, selected: false });
    flags.setFocus('hover', id('990101'));
    expect(flags.inUse()).toMatchObject({ hover: true, selected: false });
    flags.setFocus('selected', id('990101'));
    expect(map.getFeatureState(target('990101'))).toEqual({ hover: true, selected: true });
    flags.setFocus('hover', null);
    expect(map.getFeatureState(target('990101'))).toEqual({ hover: false, selected: true });
    expect(flags.inUse()).toMatchObject({ hover: false, selected: true });
  });
});

describe('applySelection', () => {
  it('flags the selected unit in the vintage of the year shown', () => {
    const store = loaded({ selected: '990104' });
    flags.applySelection(store.getState(), drawnOf(store.getState()));
    store.getState().setYear(2020);
    flags.applySelection(store.getState(), drawnOf(store.getState()));
    expect(map.callsTo('setFeatureState')).toEqual([
      [target('990104'), { selected: true }],
      [target('990104'), { selected: false }],
      [target('990104', 2020), { selected: true }],
    ]);
  });

  it('clears the flag for a unit not drawn in the year, for no selection, and before any year is drawn', () => {
    const store = loaded({ selected: '990101' });
    flags.applySelection(store.getState(), drawnOf(store.getState()));
    map.clearCalls();
    flags.applySelection(store.getState(), null);
    expect(map.callsTo('setFeatureState')).toEqual([[target('990101'), { selected: false }]]);

    // 戊县 990105 was abolished in 2020: it is not drawn in 2023.
    store.getState().select('990105');
    flags.applySelection(store.getState(), drawnOf(store.getState()));
    store.getState().select(null);
    flags.applySelection(store.getState(), drawnOf(store.getState()));
    expect(map.callsTo('setFeatureState')).toHaveLength(1);
    expect(flags.inUse().selected).toBe(false);
  });
});

describe('applyEmphasis', () => {
  it('does nothing until the data is ready and a year is drawn', () => {
    const empty = createAppStore({ year: 2023 });
    flags.applyEmphasis(empty.getState(), null);
    const store = loaded({ flow: { from: 'unknown', to: 'unknown' } });
    flags.applyEmphasis(store.getState(), null);
    expect(map.calls).toEqual([]);
    expect(changed).not.toHaveBeenCalled();
  });

  it('writes nothing for units without emphasis, since an unwritten flag reads as unset', () => {
    const store = loaded();
    flags.applyEmphasis(store.getState(), drawnOf(store.getState()));
    expect(map.callsTo('setFeatureState')).toEqual([]);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(flags.inUse()).toMatchObject({ dimmed: false, imported: false, flow: false });
  });

  it('writes every flag of a unit whose emphasis changes, and only those units', () => {
    const store = loaded();
    store.getState().setHighlight('A');
    flags.applyEmphasis(store.getState(), drawnOf(store.getState()));
    expect(map.callsTo('setFeatureState')).toEqual(
      ['990102', '990103', '990104'].map((code) => [target(code), { ...NONE, unlit: true }]),
    );
    expect(flags.inUse()).toMatchObject({ dimmed: true, imported: false, flow: false });

    map.clearCalls();
    store.getState().setHighlight('B');
    flags.applyEmphasis(store.getState(), drawnOf(store.getState()));
    // 乙县 990102 (B) is lit now, 甲区 990101 (A) unlit; 990103 and 990104 stay unlit: not written.
    expect(map.callsTo('setFeatureState')).toEqual([
      [target('990101'), { ...NONE, unlit: true }],
      [target('990102'), NONE],
    ]);
  });

  it('still reports a change when nothing is written, so the layer switches are checked', () => {
    const store = loaded();
    store.getState().setHighlight('A');
    flags.applyEmphasis(store.getState(), drawnOf(store.getState()));
    map.clearCalls();
    flags.applyEmphasis(store.getState(), drawnOf(store.getState()));
    expect(map.calls).toEqual([]);
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('says whether the flow and imported outlines are in use', () => {
    const store = loaded({ flow: { from: 'unknown', to: 'unknown' } });
    flags.applyEmphasis(store.getState(), drawnOf(store.getState()));
    expect(flags.inUse()).toMatchObject({ dimmed: true, imported: false, flow: true });

    store.getState().setFlow(null);
    store.getState().applyImport(importLayer([importFact('990103', 2023, 'B', { raw: '丙县' })]));
    map.clearCalls();
    flags.applyEmphasis(store.getState(), drawnOf(store.getState()));
    expect(flags.inUse()).toMatchObject({ dimmed: false, imported: true, flow: false });
    expect(map.getFeatureState(target('990103'))).toEqual({ ...NONE, imported: true });
    expect(map.getFeatureState(target('990101'))).toEqual(NONE);
  });
});

describe('reset (after a context loss)', () => {
  it('forgets every flag it wrote, so the same state is written again', () => {
    const store = loaded({ selected: '990101' });
    store.getState().setHighlight('A');
    flags.applySelection(store.getState(), drawnOf(store.getState()));
    flags.applyEmphasis(store.getState(), drawnOf(store.getState()));
    flags.setFocus('hover', id('990102'));
    changed.mockClear();

    flags.reset();
    expect(flags.hovered).toBeNull();
    // Hover and selection are gone; what the emphasis had in use stays until it is applied again.
    expect(flags.inUse()).toEqual({ dimmed: true, imported: false, flow: false, hover: false, selected: false });
    expect(changed).not.toHaveBeenCalled();

    map.clearCalls();
    flags.applySelection(store.getState(), drawnOf(store.getState()));
    flags.applyEmphasis(store.getState(), drawnOf(store.getState()));
    flags.setFocus('hover', id('990102'));
    // Nothing is cleared first (the rebuilt style has no flags); everything is set again.
    expect(map.callsTo('setFeatureState')).toEqual([
      [target('990101'), { selected: true }],
      ...['990102', '990103', '990104'].map((code) => [target(code), { ...NONE, unlit: true }]),
      [target('990102'), { hover: true }],
    ]);
  });
});
