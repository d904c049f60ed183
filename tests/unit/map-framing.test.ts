/**
 * The camera both renderers share (src/map/framing.ts): Web Mercator at MapLibre's 512-pixel
 * world, the first view's fit, the max-bounds constraint, and the 2D map's gestures. The
 * hand-over test (tests/e2e/map-handover.e2e.ts) checks the same numbers against MapLibre.
 */
import { describe, expect, it } from 'vitest';
import {
  HEBEI_BOUNDS,
  MAX_ZOOM,
  MIN_ZOOM,
  constrainCamera,
  fitCamera,
  panBy,
  project,
  unproject,
  zoomAround,
  type Extent,
} from '../../src/map/framing';
import { widthAt } from '../../src/domain/map-lines';

const size = { width: 928, height: 632 };
const close = (a: number, b: number, digits = 6) => expect(a).toBeCloseTo(b, digits);

describe('projection', () => {
  it('puts the camera centre in the middle and round-trips points', () => {
    const camera = { lng: 116.4, lat: 39.9, zoom: 7.3 };
    const mid = project(camera, size, [116.4, 39.9]);
    close(mid.x, size.width / 2);
    close(mid.y, size.height / 2);
    const [lng, lat] = unproject(camera, size, project(camera, size, [114.5, 38.04]));
    close(lng, 114.5);
    close(lat, 38.04);
    // One zoom level doubles distances; north is up.
    const a = project({ ...camera, zoom: 7 }, size, [117, 39.9]);
    const b = project({ ...camera, zoom: 8 }, size, [117, 39.9]);
    close(b.x - size.width / 2, 2 * (a.x - size.width / 2));
    expect(project(camera, size, [116.4, 41]).y).toBeLessThan(mid.y);
  });

  it('at zoom 0 the world is 512 pixels wide', () => {
    const camera = { lng: 0, lat: 0, zoom: 0 };
    close(project(camera, size, [180, 0]).x - project(camera, size, [-180, 0]).x, 512);
  });
});

describe('fitCamera', () => {
  it('fits the box with its padding on the tighter side, centred on it', () => {
    const camera = fitCamera(HEBEI_BOUNDS, size, 16);
    const [[w, s], [e, n]] = HEBEI_BOUNDS;
    const sw = project(camera, size, [w, s]);
    const ne = project(camera, size, [e, n]);
    const marginX = Math.min(sw.x, size.width - ne.x);
    const marginY = Math.min(ne.y, size.height - sw.y);
    close(Math.min(marginX, marginY), 16, 3);
    expect(Math.max(marginX, marginY)).toBeGreaterThanOrEqual(16);
    close(sw.x + ne.x, size.width, 3);
    close(sw.y + ne.y, size.height, 3);
  });

  it('stays within the zoom limits and under maxZoom', () => {
    expect(
      fitCamera(
        [
          [116, 39],
          [116.001, 39.001],
        ],
        size,
        60,
        9,
      ).zoom,
    ).toBe(9);
    expect(
      fitCamera(
        [
          [-170, -80],
          [170, 80],
        ],
        size,
        0,
      ).zoom,
    ).toBe(MIN_ZOOM);
    expect(
      fitCamera(
        [
          [116, 39],
          [116.000001, 39.000001],
        ],
        size,
        0,
      ).zoom,
    ).toBe(MAX_ZOOM);
  });
});

describe('constrainCamera', () => {
  const extent: Extent = [110, 34, 122, 44];

  it('zooms in until the extent fills the map, then keeps every edge outside the view', () => {
    const wide = constrainCamera({ lng: 116, lat: 39, zoom: 4 }, size, extent);
    expect(wide.zoom).toBeGreaterThan(4);
    const topLeft = unproject(wide, size, { x: 0, y: 0 });
    const bottomRight = unproject(wide, size, { x: size.width, y: size.height });
    expect(topLeft[0]).toBeGreaterThanOrEqual(extent[0] - 1e-9);
    expect(topLeft[1]).toBeLessThanOrEqual(extent[3] + 1e-9);
    expect(bottomRight[0]).toBeLessThanOrEqual(extent[2] + 1e-9);
    expect(bottomRight[1]).toBeGreaterThanOrEqual(extent[1] - 1e-9);
  });

  it('pans a view that reaches past an edge back inside, and leaves one inside alone', () => {
    const inside = { lng: 116, lat: 39, zoom: 8 };
    expect(constrainCamera(inside, size, extent)).toEqual(inside);
    const past = constrainCamera({ lng: 121.99, lat: 43.99, zoom: 8 }, size, extent);
    expect(past.zoom).toBe(8);
    const ne = unproject(past, size, { x: size.width, y: 0 });
    close(ne[0], 122, 6);
    close(ne[1], 44, 6);
  });

  it('is stable: constraining twice changes nothing', () => {
    const once = constrainCamera({ lng: 100, lat: 60, zoom: 4.2 }, size, extent);
    expect(constrainCamera(once, size, extent)).toEqual(once);
  });
});

describe('gestures', () => {
  it('zooms about a point that stays under the pointer', () => {
    const camera = { lng: 116, lat: 39, zoom: 7 };
    const point = { x: 200, y: 150 };
    const before = unproject(camera, size, point);
    const after = project(zoomAround(camera, size, point, 1.5), size, before);
    close(after.x, point.x, 6);
    close(after.y, point.y, 6);
    expect(zoomAround(camera, size, point, 100).zoom).toBe(MAX_ZOOM);
  });

  it('pans with the pointer: the point under it moves by the drag', () => {
    const camera = { lng: 116, lat: 39, zoom: 7 };
    const spot: [number, number] = [116.2, 39.1];
    const before = project(camera, size, spot);
    const after = project(panBy(camera, 30, -20), size, spot);
    close(after.x - before.x, 30, 6);
    close(after.y - before.y, -20, 6);
  });
});

describe('line widths', () => {
  it('follow the style ramp between zoom 6 and 10, flat outside', () => {
    expect(widthAt(5, [0.4, 1.2])).toBe(0.4);
    expect(widthAt(8, [0.4, 1.2])).toBeCloseTo(0.8);
    expect(widthAt(11, [0.4, 1.2])).toBe(1.2);
  });
});
