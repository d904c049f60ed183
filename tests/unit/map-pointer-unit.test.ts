/**
 * followPointer (src/map/gl/pointer.ts) on its own, against the shared FakeMap, a real store and
 * real UnitFlags: which layer it picks from, the hover flag it moves, the unit and position it
 * reports for the tooltip, what a click selects, when it does nothing, and that its disposer
 * unbinds the map and the canvas. Through the whole controller: map-pointer.test.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PointLike } from 'maplibre-gl';
import { unitFeatureId } from '../../src/domain/geometry';
import type { Year } from '../../src/domain/types';
import { UnitFlags } from '../../src/map/gl/flags';
import { createStyle, unitsSource, yearLayerId, YEAR_ROLES } from '../../src/map/gl/map-style';
import type { RenderedFeature } from '../../src/map/gl/map-port';
import { followPointer } from '../../src/map/gl/pointer';
import { createAppStore } from '../../src/store/store';
import { FakeMap } from '../fixtures/fake-map';

const feature = (code: string): RenderedFeature => ({
  id: unitFeatureId(code, 2021),
  properties: { code, vintage: 2021 },
});
const target = (code: string) => ({ source: unitsSource(2021), id: unitFeatureId(code, 2021) });

/** 甲区 990101 lies left of x = 100 and 乙县 990102 right of it, up to x = 200; blank map beyond. */
function picker(point: PointLike): RenderedFeature[] {
  if (Array.isArray(point)) return [];
  return point.x < 100 ? [feature('990101')] : point.x < 200 ? [feature('990102')] : [];
}

let map: FakeMap;
let store: ReturnType<typeof createAppStore>;
let flags: UnitFlags;
let changed: ReturnType<typeof vi.fn<() => void>>;
/** What the pointer is told about the map, changed by a test before it acts. */
let env: { ready: boolean; year: Year | null };
let stop: () => void;
beforeEach(() => {
  map = new FakeMap();
  map.renderedAt = picker;
  store = createAppStore({ year: 2023 });
  changed = vi.fn<() => void>();
  flags = new UnitFlags(map, changed);
  env = { ready: true, year: 2023 };
  stop = followPointer(map, store, { styleReady: () => env.ready, shownYear: () => env.year, flags });
});

describe('hover', () => {
  it("picks from the shown year's fill layer only", () => {
    map.mouse('mousemove', 40, 50);
    env.year = 2019;
    map.mouse('mousemove', 40, 50);
    expect(map.callsTo('queryRenderedFeatures')).toEqual([
      [expect.objectContaining({ x: 40, y: 50 }), { layers: [yearLayerId(YEAR_ROLES.fill, 2023)] }],
      [expect.objectContaining({ x: 40, y: 50 }), { layers: [yearLayerId(YEAR_ROLES.fill, 2019)] }],
    ]);
  });

  it('flags the unit under the pointer and reports it with the position for the tooltip', () => {
    map.mouse('mousemove', 40, 50);
    expect(map.callsTo('setFeatureState')).toEqual([[target('990101'), { hover: true }]]);
    expect(flags.hovered).toBe(unitFeatureId('990101', 2021));
    expect(store.getState().hovered).toBe('990101');
    expect(store.getState().pointer).toEqual({ x: 40, y: 50 });
  });

  it('moves the tooltip within a unit without writing its flag again', () => {
    map.mouse('mousemove', 40, 50);
    map.clearCalls();
    map.mouse('mousemove', 70, 20);
    expect(map.callsTo('setFeatureState')).toEqual([]);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(store.getState().pointer).toEqual({ x: 70, y: 20 });
  });

  it('clears the flag and the tooltip over blank map, and then ignores blank map', () => {
    map.mouse('mousemove', 150, 50);
    map.mouse('mousemove', 300, 50);
    expect(map.callsTo('setFeatureState')).toEqual([
      [target('990102'), { hover: true }],
      [target('990102'), { hover: false }],
    ]);
    expect(store.getState().hovered).toBeNull();
    expect(store.getState().pointer).toBeNull();

    const hover = vi.spyOn(store.getState(), 'hover');
    map.mouse('mousemove', 310, 50);
    expect(hover).not.toHaveBeenCalled();
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('takes a feature without a numeric id for blank map', () => {
    map.renderedAt = () => [{ id: 'x', properties: { code: '990101' } }];
    map.mouse('mousemove', 40, 50);
    expect(map.callsTo('setFeatureState')).toEqual([]);
    expect(store.getState().hovered).toBeNull();
  });

  it('queries nothing before a year is shown, or when the map lacks its fill layer', () => {
    env.year = null;
    map.mouse('mousemove', 40, 50);
    map.mouse('click', 40, 50);

    const lean = new FakeMap(createStyle(2021, 'name_en', 'font.woff2', undefined, [2023]));
    lean.renderedAt = picker;
    const leanStore = createAppStore({ year: 2023 });
    followPointer(lean, leanStore, {
      styleReady: () => true,
      shownYear: () => 2019,
      flags: new UnitFlags(lean, changed),
    });
    lean.mouse('mousemove', 40, 50);
    lean.mouse('click', 40, 50);

    expect(map.callsTo('queryRenderedFeatures')).toEqual([]);
    expect(lean.callsTo('queryRenderedFeatures')).toEqual([]);
    expect(store.getState().hovered).toBeNull();
    expect(leanStore.getState().hovered).toBeNull();
  });
});

describe('leaving the canvas', () => {
  it('clears the flag and the tooltip', () => {
    map.mouse('mousemove', 40, 50);
    map.clearCalls();
    map.canvas.leave();
    expect(map.callsTo('setFeatureState')).toEqual([[target('990101'), { hover: false }]]);
    expect(flags.hovered).toBeNull();
    expect(store.getState().hovered).toBeNull();
    expect(store.getState().pointer).toBeNull();
  });

  it('does nothing when nothing is hovered', () => {
    map.clearCalls();
    const hover = vi.spyOn(store.getState(), 'hover');
    map.canvas.leave();
    expect(map.calls).toEqual([]);
    expect(hover).not.toHaveBeenCalled();
    expect(changed).not.toHaveBeenCalled();
  });
});

describe('click', () => {
  it('selects the unit clicked, another, then none on blank map', () => {
    const selected: (string | null)[] = [];
    store.subscribe(
      (s) => s.selected,
      (code) => selected.push(code),
    );
    map.mouse('click', 40, 10);
    map.mouse('click', 150, 10);
    map.mouse('click', 500, 10);
    expect(selected).toEqual(['990101', '990102', null]);
  });

  it('leaves the hover flag and the feature-state to the flags and the controller', () => {
    map.mouse('click', 40, 10);
    expect(map.callsTo('setFeatureState')).toEqual([]);
    expect(store.getState().hovered).toBeNull();
    expect(store.getState().flyTo).toBeNull();
  });
});

describe('while the style is not there (before load, during a context loss)', () => {
  it('ignores moves and clicks, and keeps the selection', () => {
    store.getState().select('990102');
    env.ready = false;
    map.mouse('mousemove', 40, 50);
    map.mouse('click', 500, 10);
    expect(map.callsTo('queryRenderedFeatures')).toEqual([]);
    expect(map.callsTo('setFeatureState')).toEqual([]);
    expect(store.getState().hovered).toBeNull();
    expect(store.getState().selected).toBe('990102');
  });

  it('still clears a hover when the pointer leaves', () => {
    map.mouse('mousemove', 40, 50);
    env.ready = false;
    map.canvas.leave();
    expect(flags.hovered).toBeNull();
    expect(store.getState().hovered).toBeNull();
  });
});

it('unbinds from the map and the canvas when stopped', () => {
  expect(map.listenerCount()).toBe(2);
  expect(map.listenerCount('mousemove') + map.listenerCount('click')).toBe(2);
  expect(map.canvas.listenerCount).toBe(1);
  map.mouse('mousemove', 40, 50);
  stop();
  expect(map.listenerCount()).toBe(0);
  expect(map.canvas.listenerCount).toBe(0);
  map.clearCalls();
  map.mouse('mousemove', 150, 50);
  map.mouse('click', 150, 50);
  map.canvas.leave();
  expect(map.calls).toEqual([]);
  expect(store.getState().hovered).toBe('990101');
  expect(store.getState().selected).toBeNull();
});
