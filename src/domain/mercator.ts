/**
 * Web Mercator with MapLibre's 512-pixel world at zoom 0: the projection of both maps
 * (src/map/framing.ts) and of the exported figures (domain/figure/). Pure.
 */

/** The world's size in pixels at zoom 0 (MapLibre's tile size). */
export const TILE_SIZE = 512;

const MAX_LAT = 85.051129;
const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/** Longitude → x in the 0..1 world square. */
export const mercatorX = (lng: number) => (180 + lng) / 360;
/** Latitude → y in the 0..1 world square (north up). */
export const mercatorY = (lat: number) => {
  const l = clamp(lat, -MAX_LAT, MAX_LAT);
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (l * Math.PI) / 360))) / 360;
};
/** x in the 0..1 world square → longitude. */
export const lngOf = (x: number) => x * 360 - 180;
/** y in the 0..1 world square → latitude. */
export const latOf = (y: number) => (360 / Math.PI) * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180)) - 90;

/** The world's size in pixels at a zoom. */
export const worldSize = (zoom: number) => TILE_SIZE * 2 ** zoom;

/**
 * The part of the world a camera (centre and zoom) shows in a map of `size` CSS px, in world
 * pixels of zoom 0: [minX, minY, maxX, maxY].
 */
export function worldBoxOfView(
  view: { lng: number; lat: number; zoom: number },
  size: { width: number; height: number },
): [number, number, number, number] {
  const k = 2 ** view.zoom;
  const cx = mercatorX(view.lng) * TILE_SIZE;
  const cy = mercatorY(view.lat) * TILE_SIZE;
  const hw = size.width / 2 / k;
  const hh = size.height / 2 / k;
  return [cx - hw, cy - hh, cx + hw, cy + hh];
}
