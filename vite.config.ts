import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { cspMetaPlugin, securityHeaders } from './scripts/csp.ts';
import { datasetBundlePlugin } from './scripts/dataset-bundle.ts';
import { preloadDataPlugin } from './scripts/preload-data.ts';
import { paletteCssPlugin } from './scripts/vite-palette-css.ts';

/** Modules loading which has no effect: see treeshake below. */
const CSV_PARSER = /[\\/]node_modules[\\/]papaparse[\\/]|[\\/]src[\\/]domain[\\/]csv\.ts$/;

// One config for the app build and the unit/data tests. End-to-end tests have their own
// config (vitest.e2e.config.ts) because they need a production build and a browser.
export default defineConfig({
  // The built index.html carries the Content-Security-Policy as a <meta> tag (scripts/csp.ts);
  // data/*.csv reach the page as one bundle (scripts/dataset-bundle.ts), preloaded with the
  // geometry (scripts/preload-data.ts); the palette's colours reach the stylesheets as custom
  // properties in `virtual:palette.css` (scripts/vite-palette-css.ts).
  plugins: [react(), cspMetaPlugin(), datasetBundlePlugin(), preloadDataPlugin(), paletteCssPlugin()],
  base: './',
  // `npm start` / `npm run preview` send the same policy as a header (with frame-ancestors).
  preview: { headers: securityHeaders() },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Every module the entry imports statically goes into the entry's chunk. Left to itself
      // the bundler splits the modules that lazily loaded chunks share with the first view into
      // a dozen small chunks; over HTTP/1.1 the browser opens at most six connections to a host,
      // so those requests queued, and the preloaded data waited behind them for a connection
      // (~200 ms on this machine). Now the first view asks for five files: the entry, the
      // bundler's runtime, the stylesheet, the data bundle and the geometry. Lazily loaded
      // chunks import what they share from the entry, which is always loaded before them.
      output: { codeSplitting: { groups: [{ name: 'first-view', tags: ['$initial'] }] } },
      // The CSV parser (papaparse, and src/domain/csv.ts, which wraps it) is not needed for the
      // first view, which reads the tables already split (scripts/dataset-bundle.ts). But
      // papaparse is CommonJS: the bundler cannot tell that loading it does nothing, and keeps
      // it, with csv.ts's call that loads it, wherever csv.ts is reachable, here through the
      // domain/dataset barrel's re-export of the text parsers (parse.ts). Neither has an effect
      // on load that anything relies on, so they are kept only where their exports are used
      // (the table's downloads, the import dialog and its worker).
      treeshake: { moduleSideEffects: (id: string) => (CSV_PARSER.test(id) ? false : undefined) },
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/data/**/*.test.ts', 'tests/geo/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
