/**
 * The map's geometry as the app uses it, converted once from the built TopoJSON
 * (geo/out/hebei.topo.json, see geo/README.md). Both unit vintages share one topology, so
 * their common borders are identical.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { feature, neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { UnitCode, Vintage } from './types';

export const VINTAGES: readonly Vintage[] = [2019, 2021];

export interface UnitProperties {
  code: UnitCode;
  vintage: Vintage;
}
export type UnitFeature = Feature<Polygon | MultiPolygon, UnitProperties>;
export type AreaFeature = Feature<Polygon | MultiPolygon, { code: string }>;

export interface MapGeometry {
  /** The topology it is read from (the 2D map draws from its arcs). */
  topology: Topology;
  /** Units of both vintages; `id` is unique across them (see unitFeatureId). */
  units: FeatureCollection<Polygon | MultiPolygon, UnitProperties>;
  areas: FeatureCollection<Polygon | MultiPolygon, { code: string }>;
  province: FeatureCollection<Polygon | MultiPolygon>;
  context: FeatureCollection<Polygon | MultiPolygon, { name?: string }>;
  /** [west, south, east, north] of everything drawn, context included: the camera stays inside. */
  extent: [number, number, number, number];
  /** One label point per unit and vintage, inside the unit's polygon. */
  labels: Record<Vintage, Map<UnitCode, [number, number]>>;
  /** Units sharing a border with each unit, per vintage, in code order (see unitNeighbours). */
  neighbours: Record<Vintage, Map<UnitCode, UnitCode[]>>;
}

/**
 * Feature ids for MapLibre feature-state must be unique numbers, and a code can name a unit in
 * both vintages (130502 is 桥东区 and later 襄都区), so the vintage is folded into the id.
 */
export function unitFeatureId(code: UnitCode, vintage: Vintage): number {
  return Number(code) * 10 + (vintage === 2019 ? 0 : 1);
}

/** The vintage of a feature id made by unitFeatureId. */
export const unitFeatureVintage = (id: number): Vintage => (id % 10 === 0 ? 2019 : 2021);

type Polygonal = Polygon | MultiPolygon;

function collection<P>(topology: Topology, name: string): FeatureCollection<Polygonal, P> {
  const object = topology.objects[name];
  if (!object) throw new Error(`geometry: the topology has no "${name}" object`);
  const result = feature(topology, object as GeometryCollection<P & object>);
  return result as unknown as FeatureCollection<Polygonal, P>;
}

function labelPoints(topology: Topology, name: string): Map<UnitCode, [number, number]> {
  const object = topology.objects[name];
  if (!object) throw new Error(`geometry: the topology has no "${name}" object`);
  const points = feature(topology, object as GeometryCollection<{ code: string }>) as unknown as FeatureCollection<
    Point,
    { code: string }
  >;
  return new Map(points.features.map((f) => [f.properties.code, f.geometry.coordinates as [number, number]]));
}

/**
 * Adjacency from the topology itself: two units are neighbours when their rings share an arc.
 * The pipeline simplifies with topology preserved, so neighbours share the very same arcs and
 * this is exact topological adjacency, with no tolerance to tune as a geometric test on
 * coordinates (turf) would need, and cheap (one pass over the arcs). Each vintage is its own
 * object, so adjacency never crosses vintages. Units that meet at a single point share no arc
 * and are not neighbours.
 */
function unitNeighbours(topology: Topology, name: string): Map<UnitCode, UnitCode[]> {
  const object = topology.objects[name];
  if (!object || object.type !== 'GeometryCollection') {
    throw new Error(`geometry: the topology has no "${name}" geometry collection`);
  }
  const geometries = (object as GeometryCollection<{ code: string }>).geometries;
  // The typings widen a member's properties to `{}` (null geometries); every unit has a code.
  const codes = geometries.map((g) => (g.properties as { code?: string } | undefined)?.code ?? '');
  const result = new Map<UnitCode, UnitCode[]>();
  neighbors(geometries).forEach((indices, i) => {
    const code = codes[i];
    if (!code) return;
    const around = indices.map((j) => codes[j]).filter((c): c is UnitCode => c !== undefined && c !== '' && c !== code);
    result.set(code, [...new Set(around)].sort());
  });
  return result;
}

function unitFeatures(topology: Topology): UnitFeature[] {
  const units: UnitFeature[] = [];
  for (const vintage of VINTAGES) {
    for (const f of collection<{ code: string }>(topology, `units_${vintage}`).features) {
      units.push({
        type: 'Feature',
        id: unitFeatureId(f.properties.code, vintage),
        properties: { code: f.properties.code, vintage },
        geometry: f.geometry,
      });
    }
  }
  return units;
}

/** A value computed on first use, then kept. */
function once<T>(make: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: make() }).v;
}

/**
 * The geometry of a topology. Each collection is converted to GeoJSON on first use, not here:
 * the 2D map paints the first view from the topology's arcs (src/map/canvas/shapes.ts), so the
 * conversion (tens of milliseconds, more before the code is compiled) waits until MapLibre, a
 * camera move or the details panel asks for it.
 */
export function geometryFromTopology(topology: Topology): MapGeometry {
  const [west, south, east, north] = topology.bbox ?? [];
  if (west === undefined || south === undefined || east === undefined || north === undefined) {
    throw new Error('geometry: the topology has no bbox');
  }
  for (const name of ['units_2019', 'units_2021', 'areas', 'province', 'context', 'labels_2019', 'labels_2021']) {
    if (!topology.objects[name]) throw new Error(`geometry: the topology has no "${name}" object`);
  }
  const units = once(() => ({ type: 'FeatureCollection' as const, features: unitFeatures(topology) }));
  const areas = once(() => collection<{ code: string }>(topology, 'areas'));
  const province = once(() => collection<Record<string, never>>(topology, 'province'));
  const context = once(() => collection<{ name?: string }>(topology, 'context'));
  const labels = once(() => ({
    2019: labelPoints(topology, 'labels_2019'),
    2021: labelPoints(topology, 'labels_2021'),
  }));
  // A few milliseconds over ~170 units, then plain map lookups.
  const neighbours = once(() => ({
    2019: unitNeighbours(topology, 'units_2019'),
    2021: unitNeighbours(topology, 'units_2021'),
  }));
  return {
    topology,
    extent: [west, south, east, north],
    get units() {
      return units();
    },
    get areas() {
      return areas();
    },
    get province() {
      return province();
    },
    get context() {
      return context();
    },
    get labels() {
      return labels();
    },
    get neighbours() {
      return neighbours();
    },
  };
}
