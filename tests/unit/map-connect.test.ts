/**
 * The controller's composition (src/map/gl/connect-map.ts) against a fake map: what is written on
 * load and when the drawing changes, a worker that fails before load, WebGL context loss and
 * its restore, and a dispose that leaves nothing bound.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { unitFeatureId } from '../../src/domain/geometry';
import { connectMap } from '../../src/map/gl/connect-map';
import { CONTEXT_LOST_MARK, CONTEXT_RESTORED_MARK } from '../../src/map/gl/context-loss';
import { firstViewSwitches, withSwitchesOn } from '../../src/map/gl/lean-layers';
import { watchLoad } from '../../src/map/gl/map-load';
import {
  HATCHES,
  LABEL_LAYER,
  ROLES,
  SOURCES,
  createStyle,
  labelField,
  patternId,
  unitLayerId,
  unitsSource,
  yearLayers,
} from '../../src/map/gl/map-style';
import { UNITS_REDRAWN_MARK } from '../../src/map/marks';
import { sourceData } from '../../src/map/gl/sources';
import { selectDrawStatesByYear } from '../../src/store/selectors';
import { createAppStore } from '../../src/store/store';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { FakeMap, connectFakeMap } from '../fixtures/fake-map';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

const marks = () => performance.getEntriesByType('mark').map((m) => m.name);
beforeEach(() => performance.clearMarks());
afterEach(() => vi.restoreAllMocks());

/** The ids of the sources written whole, in order. */
const sourcesWritten = (map: FakeMap) => map.callsTo('setData').map(([id]) => id);

/** A store with the data in, and the sources' data a map created then starts with (2021's units). */
function seededStore() {
  const store = createAppStore({ year: 2023 });
  store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
  const state = store.getState();
  if (state.data.status !== 'ready') throw new Error('not loaded');
  const byYear = selectDrawStatesByYear(state);
  if (!byYear) throw new Error('no draw states');
  return { store, seeded: sourceData(state.data.geometry, state.data.dataset.units, byYear, [2021]) };
}

describe('load', () => {
  it('adds the hatch patterns, then writes the geometry once and every year of the units, and draws the year', () => {
    const store = createAppStore({ year: 2023 });
    const map = new FakeMap();
    connectMap(map, store, { reducedMotion: () => true, softwareRendered: () => false });
    map.clearCalls();
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    expect(map.calls).toEqual([]);

    map.fire('load', {});
    expect(map.callsTo('addImage').map(([id]) => id)).toEqual(HATCHES.map(({ image }) => patternId(image)));
    expect(map.callsTo('setMaxBounds')).toEqual([[emptyGeometry().extent]]);
    expect(sourcesWritten(map)).toEqual([
      SOURCES.context,
      SOURCES.areas,
      SOURCES.province,
      SOURCES.labels,
      unitsSource(2021),
    ]);
    expect(map.callsTo('setPaintProperty').map(([id]) => id)).toEqual(expect.arrayContaining(yearLayers(2023)));
    map.fire('idle', {});
    // The 2D map marks the first choropleth; this map says when it has drawn (map-view.tsx).
    expect(marks()).not.toContain('choropleth-ready');
  });

  it('created after the data is in (sources holding it): writes no source again and reports its first idle', () => {
    const { store, seeded } = seededStore();
    const map = new FakeMap();
    const onFirstIdle = vi.fn();
    const connection = connectMap(map, store, {
      reducedMotion: () => true,
      softwareRendered: () => false,
      written: seeded.written,
      onFirstIdle,
    });
    map.fire('load', {});
    expect(sourcesWritten(map)).toEqual([]);
    expect(map.callsTo('setMaxBounds')).toEqual([]);
    expect(map.callsTo('setPaintProperty').map(([id]) => id)).toEqual(expect.arrayContaining(yearLayers(2023)));
    // The hatches its first frame needs were asked for by the worker; the others come later.
    expect(map.callsTo('addImage')).toEqual([]);
    map.fire('idle', {});
    map.fire('idle', {});
    expect(onFirstIdle).toHaveBeenCalledTimes(1);
    // The style carries the same data the sources would have been given: the shown vintage's units only.
    expect(Object.keys(seeded.sources).sort()).toEqual([...Object.values(SOURCES), unitsSource(2021)].sort());
    // Once on screen, the map is completed: the other vintage's units source gets its features.
    map.clearCalls();
    connection.completeStyle();
    expect(sourcesWritten(map)).toEqual([unitsSource(2019)]);
    expect(map.callsTo('addImage').map(([id]) => id)).toEqual(HATCHES.map(({ image }) => patternId(image)));
    map.clearCalls();
    connection.completeStyle();
    expect(sourcesWritten(map)).toEqual([]);
  });

  /** A map created as map-controller.ts creates it: with the data and the first view switched on. */
  function firstViewMap(select?: string) {
    const { store, seeded } = seededStore();
    if (select) store.getState().select(select);
    const map = new FakeMap();
    const onFirstIdle = vi.fn();
    connectMap(map, store, {
      reducedMotion: () => true,
      softwareRendered: () => false,
      written: seeded.written,
      switchedOn: firstViewSwitches(2023),
      onFirstIdle,
    });
    map.clearCalls();
    return { map, onFirstIdle };
  }

  /** 'load' writes nothing (that frame was the first complete one), and the first idle follows. */
  function expectNothingAtLoad(map: FakeMap, onFirstIdle: () => void) {
    map.fire('load', {});
    for (const kind of ['setPaintProperty', 'setFilter', 'setFeatureState', 'addImage', 'addLayer'] as const)
      expect(map.callsTo(kind)).toEqual([]);
    map.fire('idle', {});
    expect(onFirstIdle).toHaveBeenCalledTimes(1);
  }

  it("writes a link's selection when the style loads, before any tile is laid out, and nothing more at load", () => {
    const { map, onFirstIdle } = firstViewMap('990101');
    map.fire('style.load', {});
    expect(map.callsTo('setFeatureState')).toContainEqual([
      { source: unitsSource(2021), id: unitFeatureId('990101', 2021) },
      { selected: true },
    ]);
    // The selection's layer is switched on (its layer-wide opacity).
    expect(map.callsTo('setPaintProperty')).toContainEqual([
      unitLayerId(ROLES.selected, 2021),
      'line-layer-opacity',
      1,
    ]);
    map.clearCalls();
    expectNothingAtLoad(map, onFirstIdle);
  });

  it('created with the first view switched on: changes nothing at load, so that frame is its first complete one', () => {
    const { map, onFirstIdle } = firstViewMap();
    expectNothingAtLoad(map, onFirstIdle);
  });

  it('adds a hatch the worker asks for before load, once, and none that is not ours', () => {
    const store = createAppStore({ year: 2023 });
    const map = new FakeMap();
    const connection = connectMap(map, store, { reducedMotion: () => true, softwareRendered: () => false });
    const first = patternId(HATCHES[0]?.image ?? '');
    // Asked before load, as the worker does for a map created with its data: added at once.
    map.askForImage(first);
    map.askForImage(first);
    map.askForImage('somebody-elses-icon');
    expect(map.callsTo('addImage').map(([id]) => id)).toEqual([first]);
    map.fire('load', {});
    expect(map.callsTo('addImage').map(([id]) => id)).toEqual(HATCHES.map(({ image }) => patternId(image)));
    connection.dispose();
    const later = new FakeMap();
    connectMap(later, store, { reducedMotion: () => true, softwareRendered: () => false }).dispose();
    later.askForImage(first);
    expect(later.callsTo('addImage')).toEqual([]);
  });

  it('while hidden behind the 2D map, leaves no year mark', () => {
    const store = createAppStore({ year: 2023 });
    const map = new FakeMap();
    let shown = false;
    connectMap(map, store, { reducedMotion: () => true, softwareRendered: () => false, shown: () => shown });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    map.fire('load', {});
    map.fire('render', {});
    expect(marks()).not.toContain('year-rendered:2023');
    shown = true;
    store.getState().setYear(2022);
    map.fire('render', {});
    expect(marks()).toContain('year-rendered:2022');
  });

  it('marks a year only when the year on the map changes, not for new states of the same year', () => {
    const store = createAppStore({ year: 2023 });
    const map = new FakeMap();
    connectMap(map, store, { reducedMotion: () => true, softwareRendered: () => false, shown: () => true });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    map.fire('load', {});
    map.fire('render', {});
    // The first year: the 2D map, on screen before this one, marked it.
    expect(marks().filter((m) => m.startsWith('year-rendered:'))).toEqual([]);
    store.getState().setMode('change');
    map.fire('render', {});
    expect(marks().filter((m) => m.startsWith('year-rendered:'))).toEqual([]);
    store.getState().setYear(2022);
    map.fire('render', {});
    map.fire('render', {});
    expect(marks().filter((m) => m.startsWith('year-rendered:'))).toEqual(['year-rendered:2022']);
  });

  it('lays the units out again on a change of mode, by property updates, and marks when that is drawn', () => {
    const store = createAppStore({ year: 2023 });
    const { map } = connectFakeMap(store);
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    map.clearCalls();
    store.getState().setMode('change');
    expect(map.callsTo('setData')).toEqual([]);
    expect(map.callsTo('updateData').map(([id]) => id)).toEqual([unitsSource(2021)]);
    expect(map.callsTo('setFeatureState')).toEqual([]);
    expect(marks()).not.toContain(UNITS_REDRAWN_MARK);
    map.fire('idle', {});
    expect(marks()).toContain(UNITS_REDRAWN_MARK);
  });
});

describe('a worker that cannot load', () => {
  it('before load: the map is reported unavailable, once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = createAppStore();
    const map = new FakeMap();
    connectMap(map, store, { reducedMotion: () => true, softwareRendered: () => false });
    const message = 'Failed to load worker script';
    map.fire('error', { error: new Error(message) });
    map.fire('error', { error: new Error(message) });
    expect(store.getState().mapUnavailable).toBe(message);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('after load, or any other error: logged, and the map stays available', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = createAppStore();
    const map = new FakeMap();
    const onLoad = vi.fn();
    watchLoad(map, store, onLoad);
    map.fire('error', { error: new Error('Could not parse style') });
    map.fire('load', {});
    map.fire('error', { error: new Error('worker terminated') });
    expect(onLoad).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledTimes(2);
    expect(store.getState().mapUnavailable).toBeNull();
  });
});

describe('WebGL context loss', () => {
  it('sets the store flag, writes nothing while lost, and writes everything again once restored', () => {
    const store = createAppStore({ year: 2023, selected: '990101' });
    const { map } = connectFakeMap(store);
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    map.clearCalls();

    map.fire('webglcontextlost', {});
    expect(store.getState().mapContextLost).toBe(true);
    expect(marks()).toContain(CONTEXT_LOST_MARK);
    store.getState().setYear(2022);
    store.getState().setLang('zh');
    store.getState().setHighlight('A');
    expect(map.calls).toEqual([]);

    // The rebuilt style loads: still lost until the context is back too.
    map.fire('style.load', {});
    expect(store.getState().mapContextLost).toBe(true);
    map.fire('webglcontextrestored', {});
    expect(store.getState().mapContextLost).toBe(false);
    expect(marks()).toContain(CONTEXT_RESTORED_MARK);

    expect(map.callsTo('setLayoutProperty')).toEqual([[LABEL_LAYER, 'text-field', ['get', 'name_zh']]]);
    // The unit-years data is written whole (the rebuilt style keeps the geometry sources).
    expect(sourcesWritten(map)).toEqual([unitsSource(2021)]);
    expect(map.callsTo('setPaintProperty').map(([id]) => id)).toEqual(expect.arrayContaining(yearLayers(2022)));
    const state = (code: string) => map.getFeatureState({ source: unitsSource(2021), id: unitFeatureId(code, 2021) });
    expect(state('990101')).toEqual({ selected: true, flow: false, muted: false, unlit: true, imported: false });
    expect(state('990102')).toEqual({ flow: false, muted: false, unlit: true, imported: false });
  });
});

const FONT = 'http://127.0.0.1/font.woff2';

describe('WebGL context loss before the style is completed', () => {
  it("adds the other vintage's source when a year of it is shown after the restore, before its layers", () => {
    // A lean start at 2019: the 2021 vintage's units source is not in the style.
    const store = createAppStore({ year: 2019 });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    const state = store.getState();
    const byYear = selectDrawStatesByYear(state);
    if (state.data.status !== 'ready' || !byYear) throw new Error('not loaded');
    const seeded = sourceData(state.data.geometry, state.data.dataset.units, byYear, [2019]);
    const switchedOn = firstViewSwitches(2019);
    const style = withSwitchesOn(createStyle(2019, labelField('en'), FONT, seeded.sources, [2019]), switchedOn);
    expect(Object.keys(style.sources)).not.toContain(unitsSource(2021));
    const map = new FakeMap(style);
    const connection = connectMap(map, store, {
      reducedMotion: () => true,
      softwareRendered: () => false,
      written: seeded.written,
      switchedOn,
    });
    map.fire('style.load', {});
    map.fire('idle', {});
    // Lost before the hand-over (completeStyle never ran); the year moves to the other vintage.
    map.fire('webglcontextlost', {});
    store.getState().setYear(2023);
    map.fire('style.load', {});
    map.fire('webglcontextrestored', {});
    // The FakeMap refuses a layer whose source is missing, as MapLibre does.
    expect(map.callsTo('addSource').map(([id]) => id)).toEqual([unitsSource(2021)]);
    expect(map.layerIds()).toEqual(expect.arrayContaining(yearLayers(2023)));
    map.fire('idle', {});
    expect(connection.drawn()?.year).toBe(2023);
  });
});

describe('dispose', () => {
  it('unbinds every listener and stops following the store', () => {
    const store = createAppStore({ year: 2023 });
    const { map, connection } = connectFakeMap(store);
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    // The one-off listeners of the first drawing run and go ('render', 'idle').
    map.fire('render', {});
    map.fire('idle', {});
    connection.dispose();
    expect(map.listenerCount()).toBe(0);
    expect(map.canvas.listenerCount).toBe(0);
    map.clearCalls();
    store.getState().setYear(2021);
    store.getState().select('990102');
    store.getState().setLang('zh');
    expect(map.calls).toEqual([]);
  });
});
