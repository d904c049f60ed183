/**
 * Builds the plain MapLibre page (plain-maplibre/, an anchor of the side-by-side bench) with the
 * project's MapLibre into a temporary folder, with the reference page's county GeoJSON beside
 * it. Built at bench time, so it always uses the MapLibre version the explorer ships.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), 'plain-maplibre');

/** The built page's folder. `reference`: the reference page's folder (it holds hebei-counties.geojson). */
export async function buildPlainMapLibre(reference: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'plain-maplibre-'));
  await build({
    root: ROOT,
    base: './',
    configFile: false,
    logLevel: 'warn',
    // MapLibre is one chunk of ~1 MB, as on any page that imports it: no size warning for it.
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2048 },
  });
  copyFileSync(join(reference, 'hebei-counties.geojson'), join(outDir, 'hebei-counties.geojson'));
  return outDir;
}
