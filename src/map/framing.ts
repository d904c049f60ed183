/**
 * The camera both renderers share: Web Mercator with MapLibre's 512-pixel world at zoom 0, no
 * bearing, no pitch. The 2D map (canvas/) computes its view with these functions, and MapLibre
 * (gl/) is created with the 2D map's camera, so the hand-over from one to the other shows the
 * same view. `fitCamera` and `constrainCamera` follow MapLibre 6's cameraForBoxAndBearing and
 * the Mercator transform's defaultConstrain for this case (a world that wraps, no world copies,
 * max bounds set): tests/e2e/map-handover.e2e.ts checks that both maps agree. Pure.
 */

import { bbox } from '@turf/turf';
import { unitFeatureId, type MapGeometry } from '../domain/geometry';
import { latOf, lngOf, mercatorX, mercatorY, TILE_SIZE, worldSize } from '../domain/mercator';
import { vintageOf, type UnitCode, type Year } from '../domain/types';

// The projection itself is domain/mercator.ts (the exported figures use it too).
export { mercatorX, mercatorY, TILE_SIZE, worldSize };

/** [west, south, east, north] in degrees. */
export type Extent = [number, number, number, number];
export interface Camera {
  lng: number;
  lat: number;
  zoom: number;
}

/** Whether two cameras show the same view (to well under a pixel at any zoom). */
export const sameCamera = (a: Camera, b: Camera): boolean =>
  Math.abs(a.lng - b.lng) < 1e-9 && Math.abs(a.lat - b.lat) < 1e-9 && Math.abs(a.zoom - b.zoom) < 1e-9;
export interface Size {
  width: number;
  height: number;
}
export interface ScreenPoint {
  x: number;
  y: number;
}

/** Hebei's extent with a little margin (WGS84): the first view when a link gives none. */
export const HEBEI_BOUNDS: [[number, number], [number, number]] = [
  [113.4, 36.0],
  [119.9, 42.65],
];
/** Padding (CSS px) of the first view's fit. */
export const FIT_PADDING = 16;
export const MIN_ZOOM = 4;
export const MAX_ZOOM = 12;
const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/** A point in degrees → CSS pixels from the map's top left corner. */
export function project(camera: Camera, size: Size, [lng, lat]: readonly [number, number]): ScreenPoint {
  const w = worldSize(camera.zoom);
  return {
    x: (mercatorX(lng) - mercatorX(camera.lng)) * w + size.width / 2,
    y: (mercatorY(lat) - mercatorY(camera.lat)) * w + size.height / 2,
  };
}

/** CSS pixels from the map's top left corner → degrees. */
export function unproject(camera: Camera, size: Size, { x, y }: ScreenPoint): [number, number] {
  const w = worldSize(camera.zoom);
  return [
    lngOf(mercatorX(camera.lng) + (x - size.width / 2) / w),
    latOf(mercatorY(camera.lat) + (y - size.height / 2) / w),
  ];
}

/**
 * The camera that fits a box in the map with `padding` CSS px on every side, no further in
 * than `maxZoom` (MapLibre's fitBounds for a map without bearing).
 */
export function fitCamera(
  [[west, south], [east, north]]: readonly [readonly [number, number], readonly [number, number]],
  size: Size,
  padding: number,
  maxZoom = MAX_ZOOM,
): Camera {
  const x0 = mercatorX(west);
  const x1 = mercatorX(east);
  const y0 = mercatorY(north);
  const y1 = mercatorY(south);
  const scale = Math.min(
    (size.width - 2 * padding) / ((x1 - x0) * TILE_SIZE),
    (size.height - 2 * padding) / ((y1 - y0) * TILE_SIZE),
  );
  const zoom = clamp(Math.min(Math.log2(scale), maxZoom), MIN_ZOOM, MAX_ZOOM);
  return { lng: lngOf((x0 + x1) / 2), lat: latOf((y0 + y1) / 2), zoom: Number.isFinite(zoom) ? zoom : MIN_ZOOM };
}

/**
 * The camera kept inside `extent` (MapLibre's max bounds): the zoom within its limits, zoomed in
 * until the extent fills the map when it is smaller, and the centre moved so nothing outside the
 * extent is in view. Applied until it holds (MapLibre applies it again at every camera change).
 */
export function constrainCamera(camera: Camera, size: Size, extent: Extent): Camera {
  let result = once(camera, size, extent);
  for (let i = 0; i < 3; i += 1) {
    const next = once(result, size, extent);
    if (next.lng === result.lng && next.lat === result.lat && next.zoom === result.zoom) break;
    result = next;
  }
  return result;
}

function once(camera: Camera, size: Size, [west, south, east, north]: Extent): Camera {
  const zoom = clamp(camera.zoom, MIN_ZOOM, MAX_ZOOM);
  const w = worldSize(zoom);
  const minX = mercatorX(west) * w;
  const maxX = mercatorX(east) * w;
  const minY = mercatorY(north) * w;
  const maxY = mercatorY(south) * w;
  const scaleX = maxX - minX < size.width ? size.width / (maxX - minX) : 0;
  const scaleY = maxY - minY < size.height ? size.height / (maxY - minY) : 0;
  const x = mercatorX(camera.lng) * w;
  const y = mercatorY(camera.lat) * w;
  const scale = Math.max(scaleX, scaleY);
  if (scale) {
    // Zoom in to leave out everything beyond the extent, centred on it along the short side.
    return {
      lng: lngOf((scaleX ? (minX + maxX) / 2 : x) / w),
      lat: latOf((scaleY ? (minY + maxY) / 2 : y) / w),
      zoom: zoom + Math.log2(scale),
    };
  }
  const h2 = size.height / 2;
  const w2 = size.width / 2;
  let cy = y;
  let cx = x;
  if (y - h2 < minY) cy = minY + h2;
  if (y + h2 > maxY) cy = maxY - h2;
  if (x - w2 < minX) cx = minX + w2;
  if (x + w2 > maxX) cx = maxX - w2;
  if (cx === x && cy === y) return { lng: camera.lng, lat: camera.lat, zoom };
  return { lng: lngOf(cx / w), lat: latOf(cy / w), zoom };
}

/** The camera after zooming by `delta` about a screen point, which stays where it is. */
export function zoomAround(camera: Camera, size: Size, point: ScreenPoint, delta: number): Camera {
  const zoom = clamp(camera.zoom + delta, MIN_ZOOM, MAX_ZOOM);
  const [lng, lat] = unproject(camera, size, point);
  const w = worldSize(zoom);
  // Keep (lng, lat) under the point at the new zoom.
  const cx = mercatorX(lng) * w - (point.x - size.width / 2);
  const cy = mercatorY(lat) * w - (point.y - size.height / 2);
  return { lng: lngOf(cx / w), lat: latOf(cy / w), zoom };
}

/** The camera moved by a drag of (dx, dy) CSS px (the map follows the pointer). */
export function panBy(camera: Camera, dx: number, dy: number): Camera {
  const w = worldSize(camera.zoom);
  return {
    lng: lngOf(mercatorX(camera.lng) - dx / w),
    lat: latOf(mercatorY(camera.lat) - dy / w),
    zoom: camera.zoom,
  };
}

/**
 * What the camera frames when the store asks, in both renderers: an area (its box with `padding`
 * CSS px around it) or a unit (closer in, no further than `maxZoom`).
 */
export const AREA_FIT = { padding: 40 } as const;
export const UNIT_FIT = { padding: 60, maxZoom: 9 } as const;
/** How far (CSS px) inside the map's edges the selected unit's label point is kept after a resize. */
export const VISIBLE_MARGIN = 40;
/** How long (ms) the size must stay still before the selected unit is brought back into view. */
export const RESIZE_SETTLE_MS = 200;

/** The extent of the area `code`, or null when the geometry has none. */
export function areaExtent(geometry: MapGeometry, code: string): Extent | null {
  const feature = geometry.areas.features.find((f) => f.properties.code === code);
  return feature ? (bbox(feature) as Extent) : null;
}

/** The extent of unit `code` in the boundaries of `year`, or null when it has none then. */
export function unitExtent(geometry: MapGeometry, code: UnitCode, year: Year): Extent | null {
  const id = unitFeatureId(code, vintageOf(year));
  const feature = geometry.units.features.find((f) => f.id === id);
  return feature ? (bbox(feature) as Extent) : null;
}
