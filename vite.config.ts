import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { cspMetaPlugin, securityHeaders } from './scripts/csp.ts';

// One config for the app build and the unit/data tests. End-to-end tests have their own
// config (vitest.e2e.config.ts) because they need a production build and a browser.
export default defineConfig({
  // The built index.html carries the Content-Security-Policy as a <meta> tag (scripts/csp.ts).
  plugins: [react(), cspMetaPlugin()],
  base: './',
  // `npm start` / `npm run preview` send the same policy as a header (with frame-ancestors).
  preview: { headers: securityHeaders() },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/data/**/*.test.ts', 'tests/geo/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
