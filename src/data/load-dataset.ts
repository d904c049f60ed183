/**
 * Loads the project's files — the six tables of data/*.csv, in one bundle the build makes from
 * them (src/domain/dataset/bundle.ts), and the built geometry — from the same origin (Vite
 * emits them as assets of the build: no network beyond the page's own server), then parses and
 * joins them into domain types. Two requests in all; the tables arrive already split, so no
 * CSV parser is loaded for them.
 */
import type { Topology } from 'topojson-specification';
import geometryUrl from '../../geo/out/hebei.topo.json?url';
import datasetUrl from 'virtual:dataset-bundle?url';
import { decodeDatasetBundle } from '../domain/dataset/bundle';
import { formatParseError } from '../domain/dataset/fields';
import { datasetFromCsv } from '../domain/dataset/parse-rows';
import { geometryFromTopology, type MapGeometry } from '../domain/geometry';
import type { Dataset } from '../domain/types';

/** The file's name without the build's hash ("tiers.csv"), for messages. */
function fileName(url: string): string {
  const last = url.split(/[?#]/)[0]?.split('/').pop() ?? url;
  return last.replace(/-[\w-]{8}(\.\w+)$/, '$1');
}

/** `name` is what a message calls the file: by default its name without the hash. */
async function fetchText(url: string, name = fileName(url)): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    // A network error says only "Failed to fetch": name the file it was.
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response.text();
}

export async function loadDataset(): Promise<Dataset> {
  // The bundle's own name means nothing to a reader: say which files it holds.
  const name = `${fileName(datasetUrl)} (data/*.csv)`;
  const bundle = decodeDatasetBundle(await fetchText(datasetUrl, name));
  if (!bundle.ok) throw new Error(`${name}: ${bundle.message}`);
  const parsed = datasetFromCsv(bundle.tables);
  if (!parsed.ok) throw new Error(parsed.errors.slice(0, 5).map(formatParseError).join('; '));
  return parsed.dataset;
}

export async function loadGeometry(): Promise<MapGeometry> {
  const topology = JSON.parse(await fetchText(geometryUrl)) as Topology;
  return geometryFromTopology(topology);
}

export async function loadAll(): Promise<{ dataset: Dataset; geometry: MapGeometry }> {
  const [dataset, geometry] = await Promise.all([loadDataset(), loadGeometry()]);
  return { dataset, geometry };
}

/** What receives a load's outcome: the store's two actions (this layer does not import the store). */
export interface LoadTarget {
  dataLoaded: (dataset: Dataset, geometry: MapGeometry) => void;
  dataFailed: (message: string) => void;
}

/**
 * Loads everything and hands the outcome to `target`; resolves whether it loaded. Called at
 * start and again by the map area's Retry after a failure: the page, its address and the
 * user's choices stay as they are.
 */
export async function loadInto(target: LoadTarget, load = loadAll): Promise<boolean> {
  try {
    const { dataset, geometry } = await load();
    target.dataLoaded(dataset, geometry);
    return true;
  } catch (error) {
    target.dataFailed(error instanceof Error ? error.message : String(error));
    return false;
  }
}
