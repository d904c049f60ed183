/**
 * The geometry as the 2D map draws it: every polygon projected once to the 512-pixel Web
 * Mercator world of zoom 0 (framing.ts) and kept as a Path2D, with its box for quick hit tests.
 * A frame only sets the canvas transform for the camera; nothing is projected again on a pan,
 * a zoom or a year step.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { VINTAGES, type MapGeometry } from '../../domain/geometry';
import type { Unit, UnitCode, Vintage } from '../../domain/types';
import { mercatorX, mercatorY, TILE_SIZE } from '../framing';
import { labelFeatures } from '../label-features';

/** [minX, minY, maxX, maxY] in world pixels of zoom 0. */
export type Box = [number, number, number, number];

export interface Shape {
  path: Path2D;
  box: Box;
}

export interface Label {
  code: UnitCode;
  /** The label point in world pixels of zoom 0. */
  x: number;
  y: number;
  zh: string;
  en: string;
}

export interface Shapes {
  units: Record<Vintage, Map<UnitCode, Shape>>;
  areas: Shape[];
  province: Shape[];
  context: Shape[];
  labels: Record<Vintage, Label[]>;
}

const worldX = (lng: number) => mercatorX(lng) * TILE_SIZE;
const worldY = (lat: number) => mercatorY(lat) * TILE_SIZE;

/** The rings of a polygon or multipolygon as one path (filled with the non-zero rule, holes by winding). */
export function shapeOf(geometry: Polygon | MultiPolygon): Shape {
  const path = new Path2D();
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons) {
    for (const ring of rings) {
      ring.forEach(([lng = 0, lat = 0], i) => {
        const x = worldX(lng);
        const y = worldY(lat);
        if (i === 0) path.moveTo(x, y);
        else path.lineTo(x, y);
        if (x < box[0]) box[0] = x;
        if (y < box[1]) box[1] = y;
        if (x > box[2]) box[2] = x;
        if (y > box[3]) box[3] = y;
      });
      path.closePath();
    }
  }
  return { path, box };
}

const cache = new WeakMap<MapGeometry, Shapes>();

/** The shapes of a geometry, built once per geometry (and units, for the labels' names). */
export function shapesOf(geometry: MapGeometry, units: readonly Unit[]): Shapes {
  const found = cache.get(geometry);
  if (found) return found;
  const byVintage = { 2019: new Map<UnitCode, Shape>(), 2021: new Map<UnitCode, Shape>() };
  for (const f of geometry.units.features) byVintage[f.properties.vintage].set(f.properties.code, shapeOf(f.geometry));
  const labels: Record<Vintage, Label[]> = { 2019: [], 2021: [] };
  for (const f of labelFeatures(geometry, units).features) {
    const p = f.properties as { code: UnitCode; vintage: Vintage; name_zh: string; name_en: string };
    const [lng = 0, lat = 0] = f.geometry.coordinates;
    if (VINTAGES.includes(p.vintage))
      labels[p.vintage].push({ code: p.code, x: worldX(lng), y: worldY(lat), zh: p.name_zh, en: p.name_en });
  }
  const shapes: Shapes = {
    units: byVintage,
    areas: geometry.areas.features.map((f) => shapeOf(f.geometry)),
    province: geometry.province.features.map((f) => shapeOf(f.geometry)),
    context: geometry.context.features.map((f) => shapeOf(f.geometry)),
    labels,
  };
  cache.set(geometry, shapes);
  return shapes;
}
