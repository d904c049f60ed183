/**
 * Builds the dataset bundle (src/domain/dataset/bundle.ts) from data/*.csv, and the Vite plugin
 * that ships it: `import url from 'virtual:dataset-bundle?url'` gives the bundle's address. The
 * build emits it as an asset (assets/dataset-<hash>.json: data, not code, so it adds nothing to
 * the JavaScript); `vite dev` serves it from the current files at every request.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { encodeDatasetBundle } from '../src/domain/dataset/bundle.ts';
import { TABLE_NAMES, fileOf, type TableName } from '../src/domain/dataset/fields.ts';
import { csvOfTexts } from '../src/domain/dataset/parse.ts';

/** What the app imports. The `?url` suffix gives it vite/client's type for asset URLs (a string). */
const MODULE_ID = 'virtual:dataset-bundle?url';
const RESOLVED_ID = '\0virtual:dataset-bundle-url';
/** Where `vite dev` serves the bundle. */
const DEV_PATH = '/__data/dataset.json';

/** The bundle's text for the tables in `dir` (data/ by default), read as data/<table>.csv. */
export function datasetBundleText(dir = 'data'): string {
  const texts = Object.fromEntries(TABLE_NAMES.map((t) => [t, readFileSync(join(dir, fileOf(t)), 'utf8')]));
  return encodeDatasetBundle(csvOfTexts(texts as Record<TableName, string>));
}

export function datasetBundlePlugin(): Plugin {
  let dataDir = 'data';
  let building = false;
  return {
    name: 'dataset-bundle',
    enforce: 'pre',
    configResolved(config) {
      dataDir = join(config.root, 'data');
      building = config.command === 'build';
    },
    resolveId(id) {
      return id === MODULE_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      for (const table of TABLE_NAMES) this.addWatchFile(join(dataDir, fileOf(table)));
      if (!building) return `export default ${JSON.stringify(DEV_PATH)};`;
      const ref = this.emitFile({ type: 'asset', name: 'dataset.json', source: datasetBundleText(dataDir) });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use(DEV_PATH, (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(datasetBundleText(dataDir));
      });
    },
  };
}
