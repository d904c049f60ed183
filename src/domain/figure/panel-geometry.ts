/**
 * Where a map panel's geometry lands in a figure: the topology's shapes in world pixels (zoom 0),
 * traced once per geometry, the box of some units, and the transforms from world pixels to
 * figure pixels (a fit of a box, or a map camera).
 */
import type { MapGeometry } from '../geometry';
import { TILE_SIZE, mercatorX, mercatorY } from '../mercator';
import {
  decodeArcs,
  objectPolygons,
  tracePolygons,
  type ArcPolygons,
  type Box,
  type PathSink,
} from '../topology-paths';
import { vintageOf, type UnitCode, type Vintage, type Year } from '../types';
import type { View } from '../view';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** World pixels of zoom 0 → figure pixels: (x · k + dx, y · k + dy). */
export interface Transform {
  k: number;
  dx: number;
  dy: number;
}

export interface WorldShapes {
  arcs: Float64Array[];
  units: Record<Vintage, Map<UnitCode, ArcPolygons>>;
  areas: ArcPolygons[];
  province: ArcPolygons[];
  context: ArcPolygons[];
}

const shapesCache = new WeakMap<MapGeometry, WorldShapes>();

export function worldShapes(geometry: MapGeometry): WorldShapes {
  const found = shapesCache.get(geometry);
  if (found) return found;
  const { topology } = geometry;
  const shapes: WorldShapes = {
    arcs: decodeArcs(topology),
    units: {
      2019: new Map(objectPolygons(topology, 'units_2019')),
      2021: new Map(objectPolygons(topology, 'units_2021')),
    },
    areas: objectPolygons(topology, 'areas').map(([, p]) => p),
    province: objectPolygons(topology, 'province').map(([, p]) => p),
    context: objectPolygons(topology, 'context').map(([, p]) => p),
  };
  shapesCache.set(geometry, shapes);
  return shapes;
}

/** A sink that records only the box (tracePolygons returns it). */
export const NO_PATH: PathSink = { moveTo: () => {}, lineTo: () => {}, closePath: () => {} };

/**
 * The box (world pixels of zoom 0) of the units `codes` in the boundaries of `year`, or of all
 * the year's units when `codes` is omitted; null when none of them has a shape.
 */
export function unitsBox(geometry: MapGeometry, year: Year, codes?: Iterable<UnitCode>): Box | null {
  const shapes = worldShapes(geometry);
  const units = shapes.units[vintageOf(year)];
  let box: Box | null = null;
  for (const code of codes ?? units.keys()) {
    const polygons = units.get(code);
    if (!polygons) continue;
    const b = tracePolygons(shapes.arcs, polygons, NO_PATH);
    box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b;
  }
  return box;
}

/** The transform that fits `box` (world pixels) in `rect` with `padding` figure px on every side, centred. */
export function fitTransform(box: Box, rect: Rect, padding: number): Transform {
  const w = Math.max(box[2] - box[0], 1e-9);
  const h = Math.max(box[3] - box[1], 1e-9);
  const k = Math.max(Math.min((rect.width - 2 * padding) / w, (rect.height - 2 * padding) / h), 1e-9);
  return {
    k,
    dx: rect.x + rect.width / 2 - ((box[0] + box[2]) / 2) * k,
    dy: rect.y + rect.height / 2 - ((box[1] + box[3]) / 2) * k,
  };
}

/** The transform of a map camera (centre and zoom) shown in `rect`: the view as on screen. */
export function viewTransform(view: View, rect: Rect): Transform {
  const k = 2 ** view.zoom;
  return {
    k,
    dx: rect.x + rect.width / 2 - mercatorX(view.lng) * TILE_SIZE * k,
    dy: rect.y + rect.height / 2 - mercatorY(view.lat) * TILE_SIZE * k,
  };
}

/** The map zoom a transform draws at (its lines are the map's at that zoom). */
export const zoomOf = (t: Transform): number => Math.log2(t.k);

/** A point in degrees → figure pixels. */
export function projectPoint(t: Transform, [lng, lat]: readonly [number, number]): { x: number; y: number } {
  return { x: mercatorX(lng) * TILE_SIZE * t.k + t.dx, y: mercatorY(lat) * TILE_SIZE * t.k + t.dy };
}
