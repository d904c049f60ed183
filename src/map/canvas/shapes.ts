/**
 * The geometry as the 2D map draws it: every polygon projected once to the 512-pixel Web
 * Mercator world of zoom 0 and traced from the topology's arcs (domain/topology-paths.ts) into
 * a Path2D, kept with its box for quick hit tests.
 * A frame only sets the canvas transform for the camera; nothing is projected again on a pan,
 * a zoom or a year step.
 */
import type { Topology } from 'topojson-specification';
import { VINTAGES, type MapGeometry } from '../../domain/geometry';
import type { Unit, UnitCode, Vintage } from '../../domain/types';
import { decodeArcs, objectPolygons, tracePolygons, worldX, worldY, type Box } from '../../domain/topology-paths';
import { labelFeatures } from '../label-features';

export type { Box };

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

/** The shapes of a topology object's polygons, with each one's code. */
function objectShapes(topology: Topology, arcs: readonly Float64Array[], name: string): [string, Shape][] {
  return objectPolygons(topology, name).map(([code, polygons]) => {
    const path = new Path2D();
    return [code, { path, box: tracePolygons(arcs, polygons, path) }];
  });
}

const cache = new WeakMap<MapGeometry, Shapes>();

/**
 * The shapes of a geometry, built once per geometry from its topology's arcs (no GeoJSON is
 * made for the first paint); each vintage's units, and the labels (drawn only from zoom 7), on
 * first use.
 */
export function shapesOf(geometry: MapGeometry, units: readonly Unit[]): Shapes {
  const found = cache.get(geometry);
  if (found) return found;
  const { topology } = geometry;
  const arcs = decodeArcs(topology);
  let labels: Record<Vintage, Label[]> | null = null;
  // Each vintage's units on first use: the first paint needs only the year's.
  const byVintage = new Map<Vintage, Map<UnitCode, Shape>>();
  const unitsOf = (vintage: Vintage) => {
    let found = byVintage.get(vintage);
    if (!found) byVintage.set(vintage, (found = new Map(objectShapes(topology, arcs, `units_${vintage}`))));
    return found;
  };
  const shapes: Shapes = {
    units: {
      get 2019() {
        return unitsOf(2019);
      },
      get 2021() {
        return unitsOf(2021);
      },
    },
    areas: objectShapes(topology, arcs, 'areas').map(([, shape]) => shape),
    province: objectShapes(topology, arcs, 'province').map(([, shape]) => shape),
    context: objectShapes(topology, arcs, 'context').map(([, shape]) => shape),
    get labels() {
      labels ??= labelsOf(geometry, units);
      return labels;
    },
  };
  cache.set(geometry, shapes);
  return shapes;
}

function labelsOf(geometry: MapGeometry, units: readonly Unit[]): Record<Vintage, Label[]> {
  const labels: Record<Vintage, Label[]> = { 2019: [], 2021: [] };
  for (const f of labelFeatures(geometry, units).features) {
    const p = f.properties as { code: UnitCode; vintage: Vintage; name_zh: string; name_en: string };
    const [lng = 0, lat = 0] = f.geometry.coordinates;
    if (VINTAGES.includes(p.vintage)) {
      labels[p.vintage].push({ code: p.code, x: worldX(lng), y: worldY(lat), zh: p.name_zh, en: p.name_en });
    }
  }
  return labels;
}
