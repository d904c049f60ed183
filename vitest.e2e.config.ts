import { defineConfig } from 'vitest/config';

// End-to-end tests: a production build (made by tests/e2e/run-e2e.mjs) served on 127.0.0.1 and
// driven in Debian's Chromium with playwright-core. One browser at a time: the machine has 2 cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    // Software WebGL blocks the page for up to a second or two per frame on this 2-core machine,
    // so a poll's default 1 s would make the tests flaky rather than stricter.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
