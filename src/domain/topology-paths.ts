/**
 * The topology's polygons walked as paths in the 512-pixel Web Mercator world of zoom 0
 * (domain/mercator.ts), straight from its arcs (each arc decoded once), into any sink that
 * takes moveTo / lineTo / closePath: a Path2D for the 2D map (src/map/canvas/shapes.ts), SVG
 * path data for the exported figures (domain/figure/). No GeoJSON is made. Pure.
 */
import type { Topology } from 'topojson-specification';
import { mercatorX, mercatorY, TILE_SIZE } from './mercator';

/** [minX, minY, maxX, maxY] in world pixels of zoom 0. */
export type Box = [number, number, number, number];

/** What a path is traced into (Path2D has these three). */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
}

/** A polygon's rings as arc indexes (a negative index is the arc reversed), one entry per polygon. */
export type ArcPolygons = readonly (readonly (readonly number[])[])[];

export const worldX = (lng: number) => mercatorX(lng) * TILE_SIZE;
export const worldY = (lat: number) => mercatorY(lat) * TILE_SIZE;

/** Each arc of the topology decoded once, in world pixels of zoom 0, as flat [x0, y0, x1, y1, …]. */
export function decodeArcs(topology: Topology): Float64Array[] {
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
 * Traces a polygon or multipolygon into `sink` (rings to be filled with the non-zero rule),
 * walking its arcs (joined arcs share their end point), and returns its box.
 */
export function tracePolygons(arcs: readonly Float64Array[], polygons: ArcPolygons, sink: PathSink): Box {
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
          if (first) sink.moveTo(x, y);
          else sink.lineTo(x, y);
          first = false;
          if (x < x0) x0 = x;
          if (y < y0) y0 = y;
          if (x > x1) x1 = x;
          if (y > y1) y1 = y;
        }
      }
      sink.closePath();
    }
  }
  return [x0, y0, x1, y1];
}

type ArcGeometry = { type: string; arcs?: unknown; properties?: { code?: string } };

/** The polygons of a topology object, with each one's code ('' where it has none). */
export function objectPolygons(topology: Topology, name: string): [string, ArcPolygons][] {
  const object = topology.objects[name] as { geometries?: ArcGeometry[] } | undefined;
  return (object?.geometries ?? []).flatMap((g): [string, ArcPolygons][] => {
    const polygons =
      g.type === 'Polygon' ? [g.arcs as number[][]] : g.type === 'MultiPolygon' ? (g.arcs as number[][][]) : null;
    return polygons ? [[g.properties?.code ?? '', polygons]] : [];
  });
}
