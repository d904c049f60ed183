/**
 * Robustness, in a real browser against the production build, offline (the map without WebGL is
 * tests/e2e/map-2d.e2e.ts):
 * - URL fuzzing: 500 generated query strings and fragments (wrong types, out-of-range years,
 *   unknown codes, huge values, repeated keys, encoded HTML and script) applied through history
 *   navigation, then a sample of the worst opened as full page loads: the map always loads, one
 *   notice names what was ignored, nothing throws and no injected script runs.
 */
import fc from 'fast-check';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidParams, parseUrlState } from '../../src/url/url-state';
import { CHROMIUM_ARGS, openOfflinePage, waitForMark, type OfflinePage } from './helpers/browser';
import { serveDirectory, type StaticServer } from './helpers/static-server';

declare global {
  interface Window {
    /** Set only by an injected payload: it must never exist. */
    __xss?: number;
  }
}

let server: StaticServer;
const browsers: Browser[] = [];
const sessions: OfflinePage[] = [];

const launch = async (extraArgs: string[] = []) => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  browsers.push(browser);
  return browser;
};

beforeAll(async () => {
  server = await serveDirectory(process.env.E2E_DIST ?? 'dist');
});

afterAll(async () => {
  for (const s of sessions) {
    expect(s.externalRequests, 'requests outside the loopback interface').toEqual([]);
    expect(s.errors, 'page and console errors').toEqual([]);
  }
  for (const b of browsers) await b.close();
  await server?.close();
});

// ---------------------------------------------------------------------------------------------
// URL fuzzing

const SEED = 20261124;
const FUZZ_RUNS = 500;
const FULL_LOADS = 10;

/** Every payload, if it ever ran, would set window.__xss. */
const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '"><img src=x onerror="window.__xss=1">',
  "'><svg onload=window.__xss=1>",
  'javascript:window.__xss=1',
  '</ul><iframe srcdoc="<script>parent.__xss=1</script>">',
  '{{constructor.constructor("window.__xss=1")()}}',
];

const KEYS = ['year', 'county', 'mode', 'base', 'flow', 'pref', 'lang', 'view'] as const;

const valueArb = fc.oneof(
  // Valid values.
  fc.constantFrom('2019', '2020', '2021', '2022', '2023', '130110', '130131', '130100', '1301', 'tier', 'change'),
  fc.constantFrom('trajectory', 'C-B', 'unknown-A', 'zh', 'en', '116.5,39,7', '114.5,38.04,8'),
  // Wrong types and shapes.
  fc.constantFrom('', ' ', 'abc', 'true', 'null', '[]', '{}', '1e3', '0x7E7', 'NaN', 'Infinity', '-1', '2023.0'),
  fc.constantFrom('A-Z', 'C-B-A', '-', 'fr', 'ZH', 'view', '1,2', '1,2,3,4', 'a,b,c', '%', '%ZZ', '%ED%A0%80'),
  // Out-of-range years and unknown codes.
  fc.integer({ min: -100_000, max: 100_000 }).map(String),
  fc.integer({ min: 100000, max: 999999 }).map(String),
  // Huge values.
  fc.integer({ min: 50, max: 3000 }).map((n) => '9'.repeat(n)),
  fc.tuple(fc.double({ noNaN: false }), fc.double(), fc.double()).map((xs) => xs.join(',')),
  // HTML and script.
  fc.constantFrom(...PAYLOADS),
  fc.string({ maxLength: 30 }),
);

const keyArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 1, arbitrary: fc.constantFrom('ref', 'utm_source', '__proto__', 'constructor', 'Year', '', ...PAYLOADS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);

/** A path ("?…#…") relative to the app's root. Values are usually percent-encoded, sometimes raw. */
const urlArb = fc
  .record({
    pairs: fc.array(fc.tuple(keyArb, valueArb, fc.boolean()), { maxLength: 10 }),
    fragment: fc.option(fc.oneof(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 20 })), { nil: undefined }),
  })
  .map(({ pairs, fragment }) => {
    const query = pairs
      .map(
        ([k, v, raw]) =>
          `${encodeURIComponent(k)}=${raw ? v.replace(/[&#%]/g, encodeURIComponent) : encodeURIComponent(v)}`,
      )
      .join('&');
    return `?${query}${fragment === undefined ? '' : `#${encodeURIComponent(fragment)}`}`;
  });

/** The ignored keys a path's query holds, as the app parses it (before the codes are known). */
const ignoredKeys = (path: string) => {
  const { search } = new URL(path, 'http://127.0.0.1/');
  return invalidParams(parseUrlState(search)).map((p) => p.key);
};

describe('URL fuzzing', () => {
  const paths = fc.sample(urlArb, { seed: SEED, numRuns: FUZZ_RUNS });

  it(`applies ${FUZZ_RUNS} generated links through history navigation without an error or script`, async () => {
    const browser = await launch();
    const session = await openOfflinePage(browser);
    sessions.push(session);
    const { page } = session;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(server.url);
    await waitForMark(page, 'map-interactive');

    let applied = 0;
    let ignoredValues = 0;
    const CHUNK = 25;
    for (let i = 0; i < paths.length; i += CHUNK) {
      const chunk = paths.slice(i, i + CHUNK);
      const result = await page.evaluate((links) => {
        let mapsPresent = 0;
        for (const link of links) {
          history.pushState(null, '', link);
          window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
          if (document.querySelector('.map canvas')) mapsPresent += 1;
        }
        return { mapsPresent, xss: window.__xss ?? null };
      }, chunk);
      expect(result.xss, `a payload ran in links ${i}–${i + chunk.length - 1}`).toBeNull();
      expect(result.mapsPresent).toBe(chunk.length);
      applied += chunk.length;
      ignoredValues += chunk.reduce((n, path) => n + ignoredKeys(path).length, 0);
      expect(session.errors, `errors after links ${i}–${i + chunk.length - 1}`).toEqual([]);
    }
    // Images with onerror handlers would fail asynchronously: give them time.
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => window.__xss ?? null)).toBeNull();
    expect(await page.locator('.map canvas.maplibregl-canvas').count()).toBe(1);
    // One notice stands for the last ignored address: each navigation replaced the one before
    // (issue 17), so hundreds of ignored values leave one notice, not hundreds.
    const notices = await page.locator('.notices > ul > li').count();
    expect(notices).toBe(1);
    // The page still works: a valid link after the fuzz applies.
    await page.evaluate(() => {
      history.pushState(null, '', '?year=2020');
      window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    });
    await expect.poll(() => page.locator('.year-now').textContent()).toBe('2020');
    console.log(
      `URL fuzzing: ${applied} generated links applied (seed ${SEED}), ${ignoredValues} ignored values, ${notices} notice shown, 0 errors, no script ran`,
    );
  }, 300_000);

  it(`opens the ${FULL_LOADS} worst links as full page loads: map, notices, no script`, async () => {
    const browser = browsers.at(-1) ?? (await launch());
    // Worst: the most ignored values, then the longest.
    const worst = [...paths]
      .map((path) => ({ path, ignored: ignoredKeys(path) }))
      .sort((a, b) => b.ignored.length - a.ignored.length || b.path.length - a.path.length)
      .slice(0, FULL_LOADS);
    let loads = 0;
    for (const { path, ignored } of worst) {
      const session = await openOfflinePage(browser);
      sessions.push(session);
      const { page } = session;
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(server.url + path);
      await waitForMark(page, 'map-interactive');
      const notices = page.getByRole('list', { name: /^(Notices|提示)$/ });
      // The address notice lists its first items; the rest are shown on request.
      await expect.poll(() => notices.locator('> li').count()).toBeGreaterThan(0);
      const showAll = notices.locator('.notice-body > .notice-toggle[aria-expanded="false"]');
      if ((await showAll.count()) > 0) await showAll.first().click();
      for (const key of new Set(ignored)) {
        await expect
          .poll(() => notices.textContent(), { message: `notice for ${key} in ${path}` })
          .toContain(`${key}=`);
      }
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => window.__xss ?? null), `a payload ran for ${path}`).toBeNull();
      expect(await page.locator('.map canvas.maplibregl-canvas').count()).toBe(1);
      await session.context.close();
      loads += 1;
    }
    console.log(`URL fuzzing: ${loads} full page loads of the worst links, each with its notices, no script ran`);
  }, 300_000);
});
