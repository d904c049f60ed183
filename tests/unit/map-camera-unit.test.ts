/**
 * followCamera (src/map/gl/camera.ts) on its own, against the shared FakeMap and a real store:
 * which fitBounds, jumpTo and panBy calls it makes and with what duration (reduced motion or
 * not), which settled moves it reports to the store's view, what it leaves to the map shown, and
 * that dispose stops it all. Through the whole controller: map-camera.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MapGeometry } from '../../src/domain/geometry';
import { RESIZE_SETTLE_MS, VISIBLE_MARGIN } from '../../src/map/framing';
import { followCamera, type CameraOptions } from '../../src/map/gl/camera';
import { createAppStore, type InitialState } from '../../src/store/store';
import { areaGeometry, square, unitFeature } from '../fixtures/empty-geometry';
import { FakeMap } from '../fixtures/fake-map';

/**
 * The area 990100, and 丁 990104 with one outline and label point per boundary vintage (it
 * changed in 2021); 甲区 990101 has a label point in 2021 but no outline.
 */
function geometry(): MapGeometry {
  return areaGeometry(
    [unitFeature('990104', 2019, square(116, 38, 117, 39)), unitFeature('990104', 2021, square(116, 38, 116.5, 38.5))],
    {
      2019: new Map([['990104', [116.5, 38.5]]]),
      2021: new Map([
        ['990104', [116.25, 38.25]],
        ['990101', [114.25, 37.25]],
      ]),
    },
  );
}
const AREA_BOUNDS = [
  [114, 37],
  [115.5, 38],
];

let map: FakeMap;
/** What the camera is told about the page, changed by a test before it acts. */
let env: { geometry: MapGeometry | null; ready: boolean; reduced: boolean; shown: boolean };
beforeEach(() => {
  map = new FakeMap();
  env = { geometry: geometry(), ready: true, reduced: false, shown: true };
});

/** A store at 2023 (and `initial`) followed by a camera on `map`, already settled unless said. */
function follow(initial: InitialState = {}, settle = true) {
  const store = createAppStore({ year: 2023, ...initial });
  const options: CameraOptions = {
    geometry: () => env.geometry,
    styleReady: () => env.ready,
    reducedMotion: () => env.reduced,
    shown: () => env.shown,
  };
  const camera = followCamera(map, store, options);
  if (settle) camera.settle();
  return { store, camera };
}

describe('binding', () => {
  it('listens to moveend and resize only, and dispose unbinds both and stops following the store', () => {
    const { store, camera } = follow();
    expect(map.listenerCount()).toBe(2);
    expect(map.listenerCount('moveend') + map.listenerCount('resize')).toBe(2);

    camera.dispose();
    expect(map.listenerCount()).toBe(0);
    store.getState().setPref('990100');
    store.getState().setView({ lng: 114, lat: 37, zoom: 8 });
    store.getState().select('990104', { fly: true });
    expect(map.callsTo('fitBounds')).toEqual([]);
    expect(map.callsTo('jumpTo')).toEqual([]);
  });

  it('makes no call to the map on its own', () => {
    follow({ selected: '990104', view: { lng: 114, lat: 37, zoom: 8 } });
    expect(map.calls.map((c) => c.method)).toEqual(['on', 'on']);
  });
});

describe('flyToArea', () => {
  it("fits the area's bounds over 900 ms, or at once when motion is reduced", () => {
    const { camera } = follow();
    camera.flyToArea('990100');
    env.reduced = true;
    camera.flyToArea('990100');
    expect(map.callsTo('fitBounds')).toEqual([
      [AREA_BOUNDS, { padding: 40, duration: 900 }],
      [AREA_BOUNDS, { padding: 40, duration: 0 }],
    ]);
  });

  it('jumps without animation when asked not to, and that first view is not reported', () => {
    const { store, camera } = follow();
    camera.flyToArea('990100', false);
    expect(map.callsTo('fitBounds')).toEqual([[AREA_BOUNDS, { padding: 40, duration: 0 }]]);
    map.center = { lng: 114.75, lat: 37.5 };
    map.fire('moveend', {});
    expect(store.getState().view).toBeNull();
  });

  it('does nothing for an area the geometry lacks, or before there is geometry', () => {
    const { camera } = follow();
    camera.flyToArea('990200');
    env.geometry = null;
    camera.flyToArea('990100');
    expect(map.callsTo('fitBounds')).toEqual([]);
  });
});

describe("the store's requests", () => {
  it('fits the area chosen, and nothing when the choice is cleared', () => {
    const { store } = follow();
    store.getState().setPref('990100');
    store.getState().setPref(null);
    expect(map.callsTo('fitBounds')).toEqual([[AREA_BOUNDS, { padding: 40, duration: 900 }]]);
  });

  it("flies to a unit's outline in the boundaries of the year shown, over 900 ms unless motion is reduced", () => {
    const { store } = follow();
    store.getState().select('990104', { fly: true });
    store.getState().setYear(2020);
    env.reduced = true;
    store.getState().select('990104', { fly: true });
    expect(map.callsTo('fitBounds')).toEqual([
      [
        [
          [116, 38],
          [116.5, 38.5],
        ],
        { padding: 60, maxZoom: 9, duration: 900 },
      ],
      [
        [
          [116, 38],
          [117, 39],
        ],
        { padding: 60, maxZoom: 9, duration: 0 },
      ],
    ]);
  });

  it('does not fly to a unit without an outline, nor for a selection without `fly`', () => {
    const { store } = follow();
    store.getState().select('990101', { fly: true });
    store.getState().select('990104');
    expect(map.callsTo('fitBounds')).toEqual([]);
  });

  it('jumps to a view from outside only when the camera is elsewhere', () => {
    const { store } = follow();
    store.getState().setView({ lng: 116.5, lat: 39.3, zoom: 6.001 });
    expect(map.callsTo('jumpTo')).toEqual([]);
    store.getState().setView({ lng: 115, lat: 38, zoom: 7 });
    expect(map.callsTo('jumpTo')).toEqual([[{ center: [115, 38], zoom: 7 }]]);
  });

  it('leaves every request to the map shown while this one is hidden', () => {
    const { store } = follow();
    env.shown = false;
    store.getState().setPref('990100');
    store.getState().select('990104', { fly: true });
    store.getState().setView({ lng: 115, lat: 38, zoom: 7 });
    expect(map.calls.filter((c) => c.method !== 'on')).toEqual([]);
  });
});

describe('reporting the view', () => {
  it('reports nothing before it has settled, even a gesture', () => {
    const { store, camera } = follow({}, false);
    map.fire('moveend', { originalEvent: new Event('mouseup') });
    expect(store.getState().view).toBeNull();
    camera.settle();
    map.fire('moveend', { originalEvent: new Event('mouseup') });
    expect(store.getState().view).toEqual({ lng: 116.5, lat: 39.3, zoom: 6 });
  });

  it("reports the end of the app's own flight once, then only gestures, rounded", () => {
    const { store, camera } = follow();
    camera.flyToArea('990100');
    map.center = { lng: 114.750049, lat: 37.50004 };
    map.zoom = 8.126;
    map.fire('moveend', {});
    expect(store.getState().view).toEqual({ lng: 114.75, lat: 37.5, zoom: 8.13 });

    // The next moveend without a gesture (a resize, a layout change) is not the flight's.
    map.center = { lng: 115, lat: 38 };
    map.fire('moveend', {});
    expect(store.getState().view).toEqual({ lng: 114.75, lat: 37.5, zoom: 8.13 });
  });

  it('keeps the view the store has when the camera settles where it already says', () => {
    const view = { lng: 116.5, lat: 39.3, zoom: 6 };
    const { store } = follow({ view });
    map.center = { lng: 116.50001, lat: 39.3 };
    map.fire('moveend', { originalEvent: new Event('mouseup') });
    expect(store.getState().view).toBe(view);
  });

  it('reports nothing while this map is hidden', () => {
    const { store } = follow();
    env.shown = false;
    map.fire('moveend', { originalEvent: new Event('mouseup') });
    expect(store.getState().view).toBeNull();
  });
});

describe('a resize', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** Fires a resize and waits for the size to settle. */
  const resize = () => {
    map.fire('resize', {});
    vi.advanceTimersByTime(RESIZE_SETTLE_MS);
  };

  it('pans over 300 ms unless motion is reduced, towards a unit beyond the top or left margin too', () => {
    follow({ selected: '990104' });
    // The label point (116.25, 38.25) is projected to (−10, 20): left of and above the margin.
    map.projection = () => ({ x: -10, y: 20 });
    resize();
    env.reduced = true;
    resize();
    const offset = [-10 - VISIBLE_MARGIN, 20 - VISIBLE_MARGIN];
    expect(map.callsTo('panBy')).toEqual([
      [offset, { duration: 300 }],
      [offset, { duration: 0 }],
    ]);
  });

  it("takes the label point of the year's own boundaries, and leaves a unit inside the margin alone", () => {
    const { store } = follow({ selected: '990104', year: 2020 });
    const projected: unknown[] = [];
    map.projection = (lngLat) => {
      projected.push(lngLat);
      return { x: 400, y: 300 };
    };
    resize();
    expect(projected).toEqual([[116.5, 38.5]]);
    store.getState().setYear(2023);
    resize();
    expect(projected).toEqual([
      [116.5, 38.5],
      [116.25, 38.25],
    ]);
    expect(map.callsTo('panBy')).toEqual([]);
  });

  it('does not pan while the style is not there, nor for a unit without a label point', () => {
    const { store } = follow({ selected: '990104' });
    map.projection = () => ({ x: -10, y: 20 });
    env.ready = false;
    resize();
    env.ready = true;
    store.getState().select('990102');
    resize();
    expect(map.callsTo('panBy')).toEqual([]);
  });

  it('forgets a resize still settling when disposed', () => {
    const { camera } = follow({ selected: '990104' });
    map.projection = () => ({ x: -10, y: 20 });
    map.fire('resize', {});
    camera.dispose();
    vi.advanceTimersByTime(RESIZE_SETTLE_MS);
    expect(map.callsTo('panBy')).toEqual([]);
  });
});
