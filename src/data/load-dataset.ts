/**
 * Loads the project's files — data/*.csv and the built geometry — from the same origin (Vite
 * emits them as assets of the build: no network beyond the page's own server), then parses and
 * joins them into domain types.
 */
import type { Topology } from 'topojson-specification';
import geometryUrl from '../../geo/out/hebei.topo.json?url';
import indicatorsUrl from '../../data/indicators.csv?url';
import sourcesUrl from '../../data/sources.csv?url';
import tierRangesUrl from '../../data/tier_ranges.csv?url';
import tiersUrl from '../../data/tiers.csv?url';
import totalsUrl from '../../data/totals.csv?url';
import unitsUrl from '../../data/units.csv?url';
import { formatParseError, type TableName } from '../domain/dataset/fields';
import { parseDataset } from '../domain/dataset/parse';
import { geometryFromTopology, type MapGeometry } from '../domain/geometry';
import type { Dataset } from '../domain/types';

const TABLE_URLS: Record<TableName, string> = {
  units: unitsUrl,
  sources: sourcesUrl,
  tiers: tiersUrl,
  tier_ranges: tierRangesUrl,
  totals: totalsUrl,
  indicators: indicatorsUrl,
};

/** The file's name without the build's hash ("tiers.csv"), for messages. */
function fileName(url: string): string {
  const last = url.split(/[?#]/)[0]?.split('/').pop() ?? url;
  return last.replace(/-[\w-]{8}(\.\w+)$/, '$1');
}

async function fetchText(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    // A network error says only "Failed to fetch": name the file it was.
    throw new Error(`${fileName(url)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!response.ok) throw new Error(`${fileName(url)}: HTTP ${response.status}`);
  return response.text();
}

export async function loadDataset(): Promise<Dataset> {
  const entries = await Promise.all(
    Object.entries(TABLE_URLS).map(async ([table, url]) => [table, await fetchText(url)] as const),
  );
  const parsed = parseDataset(Object.fromEntries(entries) as Record<TableName, string>);
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
