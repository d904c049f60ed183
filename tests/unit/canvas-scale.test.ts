/**
 * The 2D map's scale bar (src/map/canvas/scale-bar.ts) against MapLibre's own ScaleControl:
 * MapLibre's control is run on a stand-in map whose projection is MapLibre's MercatorCoordinate
 * (not framing.ts), and for every camera and map size the 2D map's bar says the same text and
 * is as wide. Then the nice numbers (MapLibre's getRoundNum), km and m, and the bar element.
 */
import { MercatorCoordinate, ScaleControl, type LngLat, type Map as MapLibreMap } from 'maplibre-gl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Camera, Size } from '../../src/map/framing';
import { SCALE_MAX_WIDTH, createScaleBar, distanceTo, roundNumber, scaleOf } from '../../src/map/canvas/scale-bar';

interface FakeElement {
  className: string;
  textContent: string;
  hidden: boolean;
  style: { width: string };
  attributes: Map<string, string>;
  removed: boolean;
  setAttribute: (name: string, value: string) => void;
  remove: () => void;
}

function fakeElement(): FakeElement {
  const el: FakeElement = {
    className: '',
    textContent: '',
    hidden: false,
    style: { width: '' },
    attributes: new Map(),
    removed: false,
    setAttribute: (name, value) => el.attributes.set(name, value),
    remove: () => {
      el.removed = true;
    },
  };
  return el;
}

function stubDocument(): FakeElement[] {
  const created: FakeElement[] = [];
  const document = {
    createElement: () => {
      const el = fakeElement();
      created.push(el);
      return el;
    },
  };
  vi.stubGlobal('document', document);
  vi.stubGlobal('window', { document });
  return created;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const UI_STRINGS: Record<string, string> = { 'ScaleControl.Kilometers': 'km', 'ScaleControl.Meters': 'm' };

/** What MapLibre's ScaleControl (metric, maxWidth 100) writes for this view: its width and text. */
function mapLibreScale(camera: Camera, size: Size): { width: string; text: string } {
  const created = stubDocument();
  const worldSize = 512 * 2 ** camera.zoom;
  const centre = MercatorCoordinate.fromLngLat([camera.lng, camera.lat]);
  const map = {
    _camera: { transform: { width: size.width, height: size.height } },
    unproject: ([x, y]: [number, number]) => {
      const m = new MercatorCoordinate(
        centre.x + (x - size.width / 2) / worldSize,
        centre.y + (y - size.height / 2) / worldSize,
      );
      return m.toLngLat();
    },
    project: (lngLat: LngLat) => {
      const m = MercatorCoordinate.fromLngLat(lngLat);
      return { x: (m.x - centre.x) * worldSize + size.width / 2, y: (m.y - centre.y) * worldSize + size.height / 2 };
    },
    _getUIString: (key: string) => UI_STRINGS[key] ?? key,
    getContainer: () => ({ appendChild: () => {} }),
    on: () => {},
    off: () => {},
  };
  new ScaleControl({ unit: 'metric' }).onAdd(map as unknown as MapLibreMap);
  const bar = created[0];
  if (!bar) throw new Error('no scale element');
  vi.unstubAllGlobals();
  return { width: bar.style.width, text: bar.textContent };
}

const px = (width: string) => Number(/^(.*)px$/.exec(width)?.[1]);

describe('the scale, as MapLibre computes it', () => {
  const sizes: Size[] = [
    { width: 900, height: 700 },
    { width: 390, height: 420 },
    { width: 80, height: 60 },
  ];
  const cameras: Camera[] = [];
  // The map's zooms (4 to 12, always km here) and beyond, where MapLibre turns to m.
  for (let zoom = 4; zoom <= 16; zoom += 0.37)
    for (const lat of [36.05, 38.04, 39.9, 42.6]) cameras.push({ lng: 116.2, lat, zoom });

  it('says the same distance and is as wide as MapLibre’s, for every view', () => {
    let checked = 0;
    const units = new Set<string>();
    for (const size of sizes)
      for (const camera of cameras) {
        const expected = mapLibreScale(camera, size);
        const scale = scaleOf(camera, size);
        if (!scale) throw new Error('no scale');
        expect(scale.label, JSON.stringify({ camera, size })).toBe(expected.text);
        expect(scale.width).toBeCloseTo(px(expected.width), 6);
        units.add(scale.unit);
        checked += 1;
      }
    expect(checked).toBe(sizes.length * cameras.length);
    expect([...units].sort()).toEqual(['km', 'm']);
  });

  it('measures 100 px at the map’s vertical centre, in km from 1 km and in m below', () => {
    const wide = scaleOf({ lng: 116, lat: 39, zoom: 6 }, { width: 800, height: 600 });
    expect(wide?.unit).toBe('km');
    expect(wide?.label).toMatch(/^\d+\u00a0km$/);
    // Below 1 km only beyond the map's zoom limit (12, where 100 px is ~1.5 km here).
    const close = scaleOf({ lng: 116, lat: 39, zoom: 14 }, { width: 800, height: 600 });
    expect(close?.unit).toBe('m');
    expect(close?.label).toMatch(/^\d+\u00a0m$/);
    // At zoom 6 and 39°N, 100 px is 100 × 40 075 km × cos 39° / (512 × 64) ≈ 95 km: the bar says 50 km.
    expect(wide?.distance).toBe(50);
    expect(wide?.width).toBeCloseTo(
      (100 * 50) / (distanceTo([116 - 0.54931640625, 39], [116 + 0.54931640625, 39]) / 1000),
      6,
    );
    // Never wider than 100 px, nor than the map.
    for (const zoom of [4, 5.5, 7.25, 9, 10.8, 12]) {
      const scale = scaleOf({ lng: 116, lat: 39, zoom }, { width: 800, height: 600 });
      expect(scale?.width).toBeLessThanOrEqual(SCALE_MAX_WIDTH);
      expect(scale?.width).toBeGreaterThan(SCALE_MAX_WIDTH / 2 - 1e-9);
    }
    expect(scaleOf({ lng: 116, lat: 39, zoom: 6 }, { width: 40, height: 30 })?.width).toBeLessThanOrEqual(40);
  });

  it('has no scale for an empty map', () => {
    expect(scaleOf({ lng: 116, lat: 39, zoom: 6 }, { width: 0, height: 0 })).toBeNull();
  });
});

describe('nice numbers (MapLibre’s getRoundNum)', () => {
  it.each([
    [1, 1],
    [1.99, 1],
    [2, 2],
    [2.99, 2],
    [3, 3],
    [4.99, 3],
    [5, 5],
    [9.99, 5],
    [10, 10],
    [19.9, 10],
    [27, 20],
    [31, 30],
    [95.4, 50],
    [120, 100],
    [250, 200],
    [740, 500],
    [3100, 3000],
    [0.37, 0.4],
  ])('%d → %d', (num, nice) => {
    expect(roundNumber(num)).toBe(nice);
  });
});

describe('the bar element', () => {
  it('is hidden from assistive technology, writes the scale, follows the map shown, and goes', () => {
    const created = stubDocument();
    const appended: unknown[] = [];
    const bar = createScaleBar({ append: (el: unknown) => appended.push(el) } as unknown as HTMLElement);
    const el = created[0];
    if (!el) throw new Error('no bar');
    expect(appended).toEqual([el]);
    expect(el.className).toBe('map-2d-scale');
    expect(el.attributes.get('aria-hidden')).toBe('true');
    const size = { width: 800, height: 600 };
    bar.update({ lng: 116, lat: 39, zoom: 6 }, size);
    expect(el.textContent).toBe('50\u00a0km');
    expect(el.style.width).toBe(`${scaleOf({ lng: 116, lat: 39, zoom: 6 }, size)?.width}px`);
    bar.update({ lng: 116, lat: 39, zoom: 7 }, size);
    expect(el.textContent).toBe('30\u00a0km');
    bar.setShown(false);
    expect(el.hidden).toBe(true);
    bar.setShown(true);
    expect(el.hidden).toBe(false);
    bar.dispose();
    expect(el.removed).toBe(true);
  });
});
