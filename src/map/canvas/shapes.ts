/**
 * The geometry as the 2D map draws it: every polygon projected once to the 512-pixel Web
 * Mercator world of zoom 0 (framing.ts), straight from the topology's arcs (each arc decoded
 * once), and kept as a Path2D, with its box for quick hit tests.
 * A frame only sets the canvas transform for the camera; nothing is projected again on a pan,
 * a zoom or a year step.
 */
import type { Topology } from 'topojson-specification';
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

/** Each arc of the topology decoded once, in world pixels of zoom 0, as flat [x0, y0, x1, y1, …]. */
function decodeArcs(topology: Topology): Float64Array[] {
  const t = topology.transform;
  const [sx, sy] = t ? t.scale : [1, 1];
  const [tx, ty] = t ? t.translate : [0, 0];
  return topology.arcs.map((arc) => {
    const out = new Float64Array(arc.length * 2);
    let x = 0;
    let y = 0;
    for (let i = 0; i < arc.length; i += 1) {
      const p = arc[i] ?? [0, 0];
      // Quantized topologies store each position as a delta from the previous one.
      x = t ? x + (p[0] ?? 0) : (p[0] ?? 0);
      y = t ? y + (p[1] ?? 0) : (p[1] ?? 0);
      out[i * 2] = worldX(x * sx + tx);
      out[i * 2 + 1] = worldY(y * sy + ty);
    }
    return out;
  });
}

/**
 * A polygon or multipolygon of the topology as one path (rings filled with the non-zero rule),
 * walking its arcs (a negative index is the arc reversed; joined arcs share their end point).
 */
function shapeOfArcs(arcs: readonly Float64Array[], polygons: readonly (readonly (readonly number[])[])[]): Shape {
  const path = new Path2D();
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of polygons) {
    for (const ring of rings) {
      let first = true;
      for (let k = 0; k < ring.length; k += 1) {
        const index = ring[k] ?? 0;
        const arc = arcs[index < 0 ? ~index : index];
        if (!arc) continue;
        const n = arc.length / 2;
        // Every arc after the first starts where the previous one ended.
        for (let j = k === 0 ? 0 : 1; j < n; j += 1) {
          const at = index < 0 ? n - 1 - j : j;
          const x = arc[at * 2] ?? 0;
          const y = arc[at * 2 + 1] ?? 0;
          if (first) path.moveTo(x, y);
          else path.lineTo(x, y);
          first = false;
          if (x < x0) x0 = x;
          if (y < y0) y0 = y;
          if (x > x1) x1 = x;
          if (y > y1) y1 = y;
        }
      }
      path.closePath();
    }
  }
  return { path, box: [x0, y0, x1, y1] };
}

type ArcGeometry = { type: string; arcs?: unknown; properties?: { code?: string } };

/** The shapes of a topology object's polygons, with each one's code. */
function objectShapes(topology: Topology, arcs: readonly Float64Array[], name: string): [string, Shape][] {
  const object = topology.objects[name] as { geometries?: ArcGeometry[] } | undefined;
  return (object?.geometries ?? []).flatMap((g): [string, Shape][] => {
    const polygons =
      g.type === 'Polygon' ? [g.arcs as number[][]] : g.type === 'MultiPolygon' ? (g.arcs as number[][][]) : null;
    return polygons ? [[g.properties?.code ?? '', shapeOfArcs(arcs, polygons)]] : [];
  });
}

const cache = new WeakMap<MapGeometry, Shapes>();

/**
 * The shapes of a geometry, built once per geometry from its topology's arcs (no GeoJSON is
 * made for the first paint); the labels, drawn only from zoom 7, on first use.
 */
export function shapesOf(geometry: MapGeometry, units: readonly Unit[]): Shapes {
  const found = cache.get(geometry);
  if (found) return found;
  const { topology } = geometry;
  const arcs = decodeArcs(topology);
  let labels: Record<Vintage, Label[]> | null = null;
  const shapes: Shapes = {
    units: {
      2019: new Map(objectShapes(topology, arcs, 'units_2019')),
      2021: new Map(objectShapes(topology, arcs, 'units_2021')),
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
