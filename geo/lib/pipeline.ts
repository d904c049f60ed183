/**
 * The steps of the geometry pipeline that do not depend on where the boundaries come from, shared
 * by geo/build.ts (Hebei, the app's geometry) and scripts/scale/build-china.ts (all of China, a
 * benchmark input), so the scale benchmark measures exactly the geometry the app's build makes.
 * See geo/README.md for the measurements behind the tolerances.
 */
import gcoord from 'gcoord';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import mapshaper from 'mapshaper';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { labelPoint } from './label-points.ts';
import type { Datum, Polygonal } from './sources.ts';
import { addPointLayer } from './topology.ts';

/** Simplification tolerance of the units. */
export const SIMPLIFY = 'dp interval=150m keep-shapes';
/**
 * The grey context is only a backdrop: simplified about four times as coarsely. Arcs it shares
 * with the units belong to a unit too and keep the units' 150 m (mapshaper takes the finest
 * interval among the features that use an arc).
 */
const SIMPLIFY_BY_SIDE = `dp variable interval='side === "units" ? 150 : 600' keep-shapes`;
/** The output grid. */
const QUANTIZATION = 1e5;

export async function mapshaperRun(commands: string, input: Record<string, object>): Promise<Record<string, string>> {
  const output = await mapshaper.applyCommands(`${commands} -quiet`, input);
  return Object.fromEntries(Object.entries(output).map(([k, v]) => [k, v.toString()]));
}

export function toWgs84<T extends FeatureCollection>(collection: T, datum: Datum): T {
  if (datum === 'wgs84') return collection;
  // gcoord converts each vertex independently and deterministically: shared vertices stay shared.
  // gcoord's own GeoJSON types differ from @types/geojson in tuple shape only.
  return gcoord.transform(
    collection as unknown as Parameters<typeof gcoord.transform>[0],
    gcoord.GCJ02,
    gcoord.WGS84,
  ) as unknown as T;
}

/**
 * Seams between the source's files: fills gaps up to 1 km wide, gives overlaps to the earlier
 * (more detailed) feature and drops slivers. Runs in the source's datum. `P`: the properties the
 * features carry (mapshaper keeps them).
 */
export async function cleanSeams<P>(drawn: FeatureCollection): Promise<FeatureCollection<Polygonal, P>> {
  const cleaned = await mapshaperRun(
    '-i counties.json -clean gap-width=1km overlap-rule=min-id -filter-slivers gap-width=150m ' +
      '-clean gap-width=1km -o counties.json format=geojson',
    { 'counties.json': drawn },
  );
  return JSON.parse(cleaned['counties.json'] ?? '{}') as FeatureCollection<Polygonal, P>;
}

/**
 * From atoms (tagged with their 2019 and 2021 unit codes and their area) and the grey context to
 * the map's TopoJSON: one dataset, so every layer shares one set of arcs and is simplified once
 * (units of both vintages, areas, province and context meet exactly, with no slivers between
 * them); then the units of each vintage, the areas, the province and the context provinces as
 * layers, and a label point per unit on the geometry the browser draws.
 * `clipContextTo` (a "w,s,e,n" box) keeps only that much of the context.
 */
export async function assembleTopology(
  atoms: readonly Feature[],
  context: FeatureCollection,
  clipContextTo?: string,
): Promise<Topology> {
  const outputs = await mapshaperRun(
    [
      '-i atoms.json context.json combine-files',
      ...(clipContextTo ? [`-clip bbox=${clipContextTo} target=context`] : []),
      '-dissolve province target=context',
      `-each 'side="units"' target=atoms`,
      `-each 'side="context"' target=context`,
      '-merge-layers target=atoms,context force name=all',
      // The units come first, so they keep their shape where a neighbour's file overlaps them.
      '-clean gap-width=1km overlap-rule=min-id target=all',
      `-simplify ${SIMPLIFY_BY_SIDE}`,
      `-filter 'side==="units"' target=all + name=units`,
      `-filter 'side==="context"' target=all + name=context`,
      '-dissolve code_2019 target=units + name=units_2019',
      '-dissolve code_2021 target=units + name=units_2021',
      '-dissolve area target=units + name=areas',
      '-dissolve target=units + name=province',
      '-dissolve province target=context + name=context_provinces',
      '-rename-fields code=code_2019 target=units_2019',
      '-rename-fields code=code_2021 target=units_2021',
      '-rename-fields code=area target=areas',
      '-rename-fields name=province target=context_provinces',
      `-o map.topo.json format=topojson quantization=${QUANTIZATION} bbox target=units_2019,units_2021,areas,province,context_provinces`,
    ].join(' '),
    { 'atoms.json': { type: 'FeatureCollection', features: atoms }, 'context.json': context },
  );
  const topology = JSON.parse(outputs['map.topo.json'] ?? '{}') as Topology;
  const contextObject = topology.objects.context_provinces;
  if (contextObject) {
    topology.objects.context = contextObject;
    delete topology.objects.context_provinces;
  }
  for (const vintage of [2019, 2021]) {
    const object = topology.objects[`units_${vintage}`] as GeometryCollection<{ code: string }>;
    const features = (
      feature(topology, object) as unknown as FeatureCollection<Polygon | MultiPolygon, { code: string }>
    ).features;
    addPointLayer(
      topology,
      `labels_${vintage}`,
      features.map((f) => ({ position: labelPoint(f.geometry), properties: { code: f.properties.code } })),
    );
  }
  return topology;
}
