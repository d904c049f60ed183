/**
 * Year groups (src/map/gl/year-groups.ts) against a fake map: a year step switches whole layer
 * groups by their opacity and writes nothing per unit; the cross-fade moves only the upper
 * group's own opacity; the first idle leaves 'choropleth-ready'.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DrawState } from '../../src/domain/map-keys';
import type { UnitCode, Year } from '../../src/domain/types';
import {
  LABEL_LAYER,
  ROLES,
  fadeOpacityProperty,
  layerOpacityProperty,
  unitLayerId,
  unitsSource,
  vintageFilter,
  yearLayers,
} from '../../src/map/gl/map-style';
import { FADE_SKIPPED_MARK, FADE_STARTED_MARK } from '../../src/map/gl/year-fade';
import { firstViewSwitches } from '../../src/map/gl/lean-layers';
import { YearGroups, type FlagsInUse } from '../../src/map/gl/year-groups';
import { createAppStore } from '../../src/store/store';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { FakeMap, connectFakeMap } from '../fixtures/fake-map';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

type PaintWrite = [layer: string, property: string, value: number];

/** The write that switches a layer on (1) or off (0), or sets its cross-fade opacity. */
function write(map: FakeMap, id: string, kind: 'switch' | 'fade', value: number): PaintWrite {
  const type = map.getLayer(id)?.type;
  if (type !== 'fill' && type !== 'line') throw new Error(`${id} is not a unit layer`);
  return [id, (kind === 'switch' ? layerOpacityProperty : fadeOpacityProperty)(type), value];
}
const groupWrites = (map: FakeMap, year: Year, kind: 'switch' | 'fade', value: number) =>
  yearLayers(year).map((id) => write(map, id, kind, value));
const marks = () => performance.getEntriesByType('mark').map((m) => m.name);

beforeEach(() => performance.clearMarks());

/** The store at 2023 with the synthetic data, its map loaded and idle once; calls recorded from here. */
function loadedMap() {
  const store = createAppStore({ year: 2023 });
  const { map } = connectFakeMap(store);
  store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
  map.fire('idle', {});
  map.clearCalls();
  return { store, map };
}

describe('a year step through the store', () => {
  it('writes nothing per unit: it switches the new group on and the old one off, and marks the frame', () => {
    const { store, map } = loadedMap();
    store.getState().setYear(2022);
    expect(map.callsTo('setFeatureState')).toEqual([]);
    expect(map.callsTo('setData')).toEqual([]);
    expect(map.callsTo('updateData')).toEqual([]);
    expect(map.callsTo('setFilter')).toEqual([]);
    // Reduced motion: the fade is skipped, so the old group is switched off at once.
    expect(map.callsTo('setPaintProperty')).toEqual([
      ...groupWrites(map, 2022, 'switch', 1),
      ...groupWrites(map, 2023, 'fade', 0),
      ...groupWrites(map, 2023, 'switch', 0),
      ...groupWrites(map, 2023, 'fade', 1),
    ]);
    expect(map.callsTo('triggerRepaint')).toHaveLength(1);
    expect(marks()).toContain(FADE_SKIPPED_MARK);
    expect(marks()).not.toContain('year-rendered:2022');
    map.fire('render', {});
    expect(marks()).toContain('year-rendered:2022');
  });

  it('across the 2020/2021 boundary change, filters the labels to the other vintage and switches its flag layers', () => {
    const { store, map } = loadedMap();
    store.getState().setYear(2021);
    map.clearCalls();
    store.getState().setYear(2020);
    // The map started with 2021's vintage only: the 2019 units source is given its features
    // now, and 2021 stays drawn until they are laid out (the map is next idle).
    expect(map.callsTo('setData').map(([id]) => id)).toEqual([unitsSource(2019)]);
    expect(map.callsTo('setFilter')).toEqual([]);
    map.fire('idle', {});
    expect(map.callsTo('setFilter')).toEqual([[LABEL_LAYER, vintageFilter(2019)]]);
    expect(map.callsTo('setFeatureState')).toEqual([]);
    const paint = map.callsTo('setPaintProperty');
    expect(paint).toContainEqual(write(map, unitLayerId(ROLES.border, 2019), 'switch', 1));
    expect(paint).toContainEqual(write(map, unitLayerId(ROLES.border, 2021), 'switch', 0));
    // Back within a vintage: the label filter is left alone.
    map.clearCalls();
    store.getState().setYear(2019);
    expect(map.callsTo('setFilter')).toEqual([]);
  });
});

describe('YearGroups', () => {
  const NO_FLAGS: FlagsInUse = { dimmed: false, imported: false, flow: false, hover: false, selected: false };
  const states = new Map<UnitCode, DrawState>([['990101', { key: 'A', outline: false }]]);
  const groups = (
    map: FakeMap,
    options: { reducedMotion?: boolean; onFirstIdle?: () => void; switchedOn?: Set<string> } = {},
  ) =>
    new YearGroups(map, {
      vintage: 2021,
      flagsInUse: () => NO_FLAGS,
      reducedMotion: () => options.reducedMotion ?? false,
      softwareRendering: () => false,
      onFirstIdle: options.onFirstIdle ?? (() => {}),
      shown: () => true,
      ...(options.switchedOn ? { switchedOn: options.switchedOn } : {}),
    });

  it('reports the first idle once, however many years were shown before it', () => {
    const map = new FakeMap();
    const onFirstIdle = vi.fn();
    const years = groups(map, { reducedMotion: true, onFirstIdle });
    years.show(2023, states);
    years.show(2022, states);
    map.fire('idle', {});
    years.show(2021, states);
    map.fire('idle', {});
    // The 2D map marks 'choropleth-ready'; this map only says when it has drawn (map-view.tsx).
    expect(marks()).not.toContain('choropleth-ready');
    expect(onFirstIdle).toHaveBeenCalledTimes(1);
  });

  it('writes each opacity only when it changes, and everything again after a reset', () => {
    const map = new FakeMap();
    const years = groups(map, { reducedMotion: true });
    years.show(2023, states);
    expect(map.callsTo('setPaintProperty')).toEqual([
      ...groupWrites(map, 2023, 'switch', 1),
      write(map, unitLayerId(ROLES.border, 2021), 'switch', 1),
    ]);
    map.clearCalls();
    years.switchLayers();
    expect(map.callsTo('setPaintProperty')).toEqual([]);
    years.reset();
    expect(years.drawn).toBeNull();
    years.switchLayers();
    expect(map.callsTo('setPaintProperty')).toEqual([]);
    // The rebuilt style keeps the opacities last set, whatever was assumed: every one is written.
    years.show(2023, states);
    const rewritten = map.callsTo('setPaintProperty');
    expect(rewritten).toEqual(expect.arrayContaining([...groupWrites(map, 2023, 'switch', 1)]));
    expect(rewritten).toEqual(expect.arrayContaining([...groupWrites(map, 2022, 'switch', 0)]));
    expect(rewritten).toEqual(expect.arrayContaining([...groupWrites(map, 2022, 'fade', 1)]));
    map.clearCalls();
    years.switchLayers();
    expect(map.callsTo('setPaintProperty')).toEqual([]);
  });

  it('writes nothing for the layers the style starts switched on (firstViewSwitches)', () => {
    const map = new FakeMap();
    const years = groups(map, { reducedMotion: true, switchedOn: firstViewSwitches(2023) });
    years.show(2023, states);
    expect(map.callsTo('setPaintProperty')).toEqual([]);
    years.show(2022, states);
    expect(map.callsTo('setPaintProperty')).toEqual(
      expect.arrayContaining([...groupWrites(map, 2022, 'switch', 1), ...groupWrites(map, 2023, 'switch', 0)]),
    );
  });

  describe('cross-fade', () => {
    let now = 0;
    let queued: (() => void)[] = [];
    beforeEach(() => {
      now = 0;
      queued = [];
      vi.stubGlobal('performance', { now: () => now, mark: () => undefined });
      vi.stubGlobal('requestAnimationFrame', (cb: () => void) => queued.push(cb));
      vi.stubGlobal('cancelAnimationFrame', () => {
        queued = [];
      });
    });
    afterEach(() => vi.unstubAllGlobals());
    const runFrames = () => {
      while (queued.length > 0) {
        now += 16;
        const callbacks = queued;
        queued = [];
        callbacks.forEach((cb) => cb());
      }
    };
    const fadeValues = (map: FakeMap, year: Year) => {
      const [id, property] = write(map, yearLayers(year)[0] ?? '', 'fade', 0);
      return map
        .callsTo('setPaintProperty')
        .filter(([layer, p]) => layer === id && p === property)
        .map((args) => args[2]);
    };

    it('on a step forward fades the new (upper) group in over the old one, which stays opaque', () => {
      const map = new FakeMap();
      const years = groups(map);
      years.show(2022, states);
      map.clearCalls();
      years.show(2023, states);
      runFrames();
      const values = fadeValues(map, 2023);
      expect(values[0]).toBe(0);
      expect(values.at(-1)).toBe(1);
      expect(values.length).toBeGreaterThan(10);
      expect([...values].sort((a, b) => Number(a) - Number(b))).toEqual(values);
      expect(fadeValues(map, 2022)).toEqual([]);
      // Once faded in, the old group is switched off.
      expect(map.callsTo('setPaintProperty').at(-1)).toEqual(write(map, yearLayers(2022).at(-1) ?? '', 'switch', 0));
    });

    it('on a step back fades the old (upper) group out to uncover the new one, then restores its opacity', () => {
      const map = new FakeMap();
      const years = groups(map);
      years.show(2023, states);
      map.clearCalls();
      years.show(2022, states);
      runFrames();
      const values = fadeValues(map, 2023);
      expect(values.at(-2)).toBe(0);
      expect(values.at(-1)).toBe(1);
      const fading = values.slice(0, -1);
      expect([...fading].sort((a, b) => Number(b) - Number(a))).toEqual(fading);
      expect(fadeValues(map, 2022)).toEqual([]);
    });

    it('a step during a fade ends it: the year it was fading to is shown', () => {
      const map = new FakeMap();
      const marked: string[] = [];
      vi.stubGlobal('performance', { now: () => now, mark: (name: string) => marked.push(name) });
      const years = groups(map);
      years.show(2021, states);
      years.show(2022, states);
      now += 16;
      queued.splice(0).forEach((cb) => cb());
      years.show(2023, states);
      runFrames();
      expect(marked.filter((m) => m === FADE_STARTED_MARK)).toHaveLength(2);
      // At rest only 2023's group is on, and every group is at full opacity.
      const last = new Map<string, unknown>();
      for (const [layer, property, value] of map.callsTo('setPaintProperty')) last.set(`${layer} ${property}`, value);
      const at = (year: Year, kind: 'switch' | 'fade') => {
        const [id, property] = write(map, yearLayers(year)[0] ?? '', kind, 0);
        return last.get(`${id} ${property}`);
      };
      expect([at(2021, 'switch'), at(2022, 'switch'), at(2023, 'switch')]).toEqual([0, 0, 1]);
      expect([at(2021, 'fade'), at(2022, 'fade'), at(2023, 'fade')].map((v) => v ?? 1)).toEqual([1, 1, 1]);
      expect(years.drawn?.year).toBe(2023);
    });
  });
});
