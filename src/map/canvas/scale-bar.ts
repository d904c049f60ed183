/**
 * The 2D map's scale bar: MapLibre's ScaleControl (metric), which the MapLibre map shows
 * (gl/map-controller.ts), computed the same way from the 2D map's camera, so the bar neither
 * appears nor moves at the hand-over and the map without WebGL has a scale too. The stylesheet
 * (map-view.css, `.map-2d-scale`) gives it MapLibre's place and look.
 *
 * MapLibre's algorithm (src/ui/control/scale_control.ts, maplibre-gl 6): a line of `maxWidth`
 * (100) CSS px centred in the map, at its vertical centre; its ends' distance on the sphere (the
 * spherical law of cosines, LngLat.distanceTo); that distance rounded down to a nice number
 * (1, 2, 3 or 5 times a power of ten) in km from 1 km, else in m; the bar as wide as that number
 * takes. The label is language-neutral ("50 km"), as MapLibre's.
 */
import { project, unproject, type Camera, type Size } from '../framing';

/** MapLibre's default maxWidth (CSS px). */
export const SCALE_MAX_WIDTH = 100;
/** MapLibre's earth radius (m), that of LngLat.distanceTo. */
const EARTH_RADIUS = 6371008.8;

export interface Scale {
  /** The bar's width in CSS px (MapLibre's `style.width`, unrounded). */
  width: number;
  /** The rounded distance, in `unit`. */
  distance: number;
  unit: 'km' | 'm';
  /** `${distance} ${unit}` with a no-break space, as MapLibre writes it. */
  label: string;
}

/** MapLibre's LngLat.distanceTo: metres between two points on the sphere. */
export function distanceTo([lng1, lat1]: readonly [number, number], [lng2, lat2]: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(lat1 * rad) * Math.sin(lat2 * rad) +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.cos((lng2 - lng1) * rad);
  return EARTH_RADIUS * Math.acos(Math.min(a, 1));
}

function decimalRoundNumber(d: number): number {
  const multiplier = Math.pow(10, Math.ceil(-Math.log(d) / Math.LN10));
  return Math.round(d * multiplier) / multiplier;
}

/** MapLibre's getRoundNum: `num` rounded down to 1, 2, 3 or 5 times a power of ten (10 for ≥ 10). */
export function roundNumber(num: number): number {
  const pow10 = Math.pow(10, `${Math.floor(num)}`.length - 1);
  let d = num / pow10;
  d = d >= 10 ? 10 : d >= 5 ? 5 : d >= 3 ? 3 : d >= 2 ? 2 : d >= 1 ? 1 : decimalRoundNumber(d);
  return pow10 * d;
}

/** The scale MapLibre's ScaleControl shows for this camera and map size; null for an empty map. */
export function scaleOf(camera: Camera, size: Size, maxWidth = SCALE_MAX_WIDTH): Scale | null {
  const y = size.height / 2;
  const x = size.width / 2;
  const left = unproject(camera, size, { x: x - maxWidth / 2, y });
  const right = unproject(camera, size, { x: x + maxWidth / 2, y });
  const projectedWidth = Math.round(project(camera, size, right).x - project(camera, size, left).x);
  const barWidth = Math.min(maxWidth, projectedWidth, size.width);
  const meters = distanceTo(left, right);
  if (!(meters > 0) || !(barWidth > 0)) return null;
  const unit = meters >= 1000 ? 'km' : 'm';
  const max = unit === 'km' ? meters / 1000 : meters;
  const distance = roundNumber(max);
  const ratio = distance / max;
  return { width: barWidth * ratio, distance, unit, label: `${distance}\u00a0${unit}` };
}

export interface ScaleBar {
  /** Shows the scale of this view (written to the page only when it changes). */
  update: (camera: Camera, size: Size) => void;
  /** Whether the 2D map is the map shown: its bar is shown only then. */
  setShown: (shown: boolean) => void;
  dispose: () => void;
}

/**
 * The bar: a div in the map's container, after the canvas. A visual aid like MapLibre's: hidden
 * from assistive technology (its text alone, "50 km", says nothing of what it measures), and it
 * takes no pointer events (the stylesheet), so gestures over it reach the map.
 */
export function createScaleBar(container: HTMLElement): ScaleBar {
  const bar = document.createElement('div');
  bar.className = 'map-2d-scale';
  bar.setAttribute('aria-hidden', 'true');
  container.append(bar);
  let width = '';
  return {
    update: (camera, size) => {
      const scale = scaleOf(camera, size);
      if (!scale) return;
      // Compared with the last width written: the style reads back its value rounded.
      if (`${scale.width}px` !== width) {
        width = `${scale.width}px`;
        bar.style.width = width;
      }
      if (bar.textContent !== scale.label) bar.textContent = scale.label;
    },
    setShown: (shown) => {
      bar.hidden = !shown;
    },
    dispose: () => bar.remove(),
  };
}
