/**
 * The camera (src/map/gl/camera.ts) through the store and a fake map: an area fits its bounds, a
 * unit is flown to, a view from outside jumps, settled moves are reported only when worth
 * sharing, and a resize brings the selected unit back into view.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MapGeometry } from '../../src/domain/geometry';
import { RESIZE_SETTLE_MS, VISIBLE_MARGIN } from '../../src/map/framing';
import { createAppStore, type InitialState } from '../../src/store/store';
import { areaGeometry, square, unitFeature } from '../fixtures/empty-geometry';
import { connectFakeMap } from '../fixtures/fake-map';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

/** The empty geometry with one area (the synthetic units' 990100) and one unit of it, 甲区 990101. */
function geometry(): MapGeometry {
  return areaGeometry([unitFeature('990101', 2021, square(114, 37, 114.5, 37.5))], {
    2019: new Map(),
    2021: new Map([['990101', [114.25, 37.25]]]),
  });
}

/** A store at 2023 (and `initial`) with its map loaded and the synthetic data drawn; `idle` fires the first idle. */
function setup(initial: InitialState = {}, options: { reducedMotion?: boolean; idle?: boolean } = {}) {
  const store = createAppStore({ year: 2023, ...initial });
  const { map } = connectFakeMap(store, { reducedMotion: () => options.reducedMotion ?? true });
  store.getState().dataLoaded(syntheticDataset(), geometry());
  if (options.idle ?? true) map.fire('idle', {});
  return { store, map };
}

describe('areas', () => {
  it("fits the chosen area's bounds, animated unless motion is reduced", () => {
    const reduced = setup();
    reduced.map.clearCalls();
    reduced.store.getState().setPref('990100');
    expect(reduced.map.callsTo('fitBounds')).toEqual([
      [
        [
          [114, 37],
          [115.5, 38],
        ],
        { padding: 40, duration: 0 },
      ],
    ]);

    const animated = setup({}, { reducedMotion: false });
    animated.map.clearCalls();
    animated.store.getState().setPref('990100');
    expect(animated.map.callsTo('fitBounds')).toEqual([
      [
        [
          [114, 37],
          [115.5, 38],
        ],
        { padding: 40, duration: 900 },
      ],
    ]);
  });

  it('records the view the flight ends at, which then makes a link to share', () => {
    const { store, map } = setup();
    store.getState().setPref('990100');
    map.center = { lng: 114.750001, lat: 37.5 };
    map.zoom = 8.123;
    map.fire('moveend', {});
    expect(store.getState().view).toEqual({ lng: 114.75, lat: 37.5, zoom: 8.12 });
  });

  it("opens a link's area without a view at once, and does not turn that first view into one", () => {
    const { store, map } = setup({ pref: '990100' }, { reducedMotion: false, idle: false });
    expect(map.callsTo('fitBounds')).toEqual([
      [
        [
          [114, 37],
          [115.5, 38],
        ],
        { padding: 40, duration: 0 },
      ],
    ]);
    map.fire('idle', {});
    map.fire('moveend', {});
    expect(store.getState().view).toBeNull();
  });

  it('keeps the view of a link that has one', () => {
    const { map } = setup({ pref: '990100', view: { lng: 116, lat: 39, zoom: 7 } });
    expect(map.callsTo('fitBounds')).toEqual([]);
  });
});

describe('flying to a unit', () => {
  it('selects the unit, then fits its bounds up to zoom 9', () => {
    const { store, map } = setup();
    map.clearCalls();
    store.getState().select('990101', { fly: true });
    const methods = map.calls.map((c) => c.method);
    expect(methods.indexOf('setFeatureState')).toBeLessThan(methods.indexOf('fitBounds'));
    expect(map.callsTo('fitBounds')).toEqual([
      [
        [
          [114, 37],
          [114.5, 37.5],
        ],
        { padding: 60, maxZoom: 9, duration: 0 },
      ],
    ]);
  });
});

describe('the view', () => {
  it("reports the user's own moves once the first year is drawn, and nothing else", () => {
    const { store, map } = setup({}, { idle: false });
    map.fire('moveend', { originalEvent: new Event('mouseup') });
    expect(store.getState().view).toBeNull();
    map.fire('idle', {});
    // A resize or a layout change moves the camera without a gesture: not a view to share.
    map.fire('moveend', {});
    expect(store.getState().view).toBeNull();
    map.center = { lng: 115, lat: 38 };
    map.fire('moveend', { originalEvent: new Event('mouseup') });
    expect(store.getState().view).toEqual({ lng: 115, lat: 38, zoom: 6 });
  });

  it('jumps to a view set from outside, unless the camera is already there', () => {
    const { store, map } = setup();
    map.clearCalls();
    store.getState().setView({ lng: 116, lat: 39.5, zoom: 7.5 });
    expect(map.callsTo('jumpTo')).toEqual([[{ center: [116, 39.5], zoom: 7.5 }]]);
    store.getState().setView({ lng: 116.00001, lat: 39.5, zoom: 7.5 });
    expect(map.callsTo('jumpTo')).toHaveLength(1);
  });
});

describe('a resize', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pans just enough to bring the selected unit back inside the margin, once the size settles', () => {
    const { map } = setup({ selected: '990101' });
    map.clearCalls();
    // The label point (114.25, 37.25) is at (125, 575): below the margin of a 600 px high map.
    map.fire('resize', {});
    map.fire('resize', {});
    vi.advanceTimersByTime(RESIZE_SETTLE_MS - 1);
    expect(map.callsTo('panBy')).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(map.callsTo('panBy')).toEqual([[[0, 575 - (600 - VISIBLE_MARGIN)], { duration: 0 }]]);
  });

  it('leaves the camera alone while it moves, or when nothing is selected', () => {
    const { store, map } = setup({ selected: '990101' });
    map.moving = true;
    map.fire('resize', {});
    vi.advanceTimersByTime(RESIZE_SETTLE_MS);
    map.moving = false;
    store.getState().select(null);
    map.fire('resize', {});
    vi.advanceTimersByTime(RESIZE_SETTLE_MS);
    expect(map.callsTo('panBy')).toEqual([]);
  });
});
