/**
 * Hostile addresses in Chromium, against the production build served with its
 * Content-Security-Policy, offline. A seeded generator (fast-check) makes query strings with
 * repeated keys, unknown and look-alike keys, huge values, bad percent-encoding, unicode and
 * markup or javascript: payloads, and `#imp=` fragments that are not imported data. They are
 * opened as full page loads and applied through history navigation (pushState with popstate,
 * then real back steps). The pure part (codec and binder) is tests/unit/url-fuzz.test.ts.
 *
 * The run is bounded by its fixed, seeded size (about 40–60 s here; the test's timeout is the
 * bound, the time is logged, not asserted: a shared 2-core machine makes a timed assertion
 * flaky). What must hold: no uncaught page error and no
 * console error; no injected value ever runs as script (each payload would set
 * window.__pwned); no Content-Security-Policy violation (`securitypolicyviolation`); the map is
 * still there and has not moved; at most three notices on screen, one of them about the
 * address; and no data lost: a layer of imported facts stored before the fuzz is still stored,
 * byte for byte, with nothing else written beside it (no backup of an entry found unreadable),
 * after every full load and every batch of navigations, and the map still shows it at the end.
 */
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../../scripts/csp';
import { IMPORT_STORAGE_KEY, IMPORT_STORAGE_VERSION } from '../../src/data/import-storage';
import type { ImportLayer } from '../../src/domain/import/types';
import { URL_KEYS } from '../../src/url/url-state';
import { launchBrowser, openOfflinePage, waitForMark, type OfflinePage } from './helpers/browser';
import { serveDirectory, type StaticServer } from './helpers/static-server';

declare global {
  interface Window {
    /** Set only by an injected payload: it must never exist. */
    __pwned?: number;
    /** Filled by the init script: every CSP violation the document reported. */
    __violations?: string[];
  }
}

const SEED = 20_261_717;
/** Links applied through history navigation, and full page loads. */
const NAVIGATIONS = 300;
const FULL_LOADS = 3;
/** The bound of the browser part: the test fails if it has not finished by then. */
const TIMEOUT_MS = 180_000;

const RECORD_VIOLATIONS = `
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sample);
  });
`;

/**
 * The user's own layer, stored before the fuzz as the app stores a kept layer: 承德县 (130821) as
 * B in 2022, a year data/ says nothing about it (so the map flags it as imported).
 */
const KEPT_UNIT = '130821';
const KEPT_LAYER: ImportLayer = {
  id: 'IMP1',
  source: { title: 'Kept before the fuzz', date: '2022-12-30', url: 'https://example.org/notice' },
  createdAt: '2026-11-25T00:00:00.000Z',
  facts: [{ code: KEPT_UNIT, year: 2022, tier: 'B', rank: null, rankOf: null, raw: '承德县' }],
  origin: 'local',
};
const STORED = JSON.stringify({ version: IMPORT_STORAGE_VERSION, layers: [KEPT_LAYER] });

/** Units the map flags as imported, in the year it shows. */
const importedOnMap = (page: Page) =>
  page.evaluate("window.hebeiExplorer ? window.hebeiExplorer.unitsFlagged('imported') : []") as Promise<string[]>;

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><img src=x onerror=window.__pwned=1>',
  "'><svg onload=window.__pwned=1>",
  'javascript:window.__pwned=1',
  '<script>window.__pwned=1</script>',
  '</ul><iframe srcdoc="<script>parent.__pwned=1</script>">',
];
const BAD_PERCENT = ['%', '%2', '%ZZ', '%%', '%E0%A4%A', '%ED%A0%80', '%C0%AF', '%FF%FE'];
const UNICODE = ['河北', '😀', '\uD800', 'e\u0301', '\u0000', '\uFEFF', '\u202Eedom\u202C', '２０２０', '٢٠٢٠'];

const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('2019', '2020', '130102', '130100', 'change', 'C-B', 'zh', '116.5,39,7') },
  { weight: 3, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_PERCENT) },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE) },
  fc.constantFrom('', 'NaN', '1e3', '1,2,3,4', 'A-Z'),
  fc.integer({ min: 50, max: 3000 }).map((n) => '9'.repeat(n)),
  fc.string({ maxLength: 20 }),
);

const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...URL_KEYS) },
  fc.constantFrom('__proto__', 'constructor', 'Year', 'yea%72', 'imp', ...PAYLOADS),
  fc.string({ maxLength: 6 }),
);

const pair = fc.tuple(key, value, fc.boolean()).map(([k, v, raw]) => {
  if (raw) return `${k}=${v.replace(/[&#]/g, encodeURIComponent)}`;
  try {
    return `${k}=${encodeURIComponent(v)}`;
  } catch {
    return `${k}=${v}`;
  }
});

/** A key repeated up to 400 times. */
const repeated = fc
  .tuple(fc.constantFrom(...URL_KEYS), fc.constantFrom('2020', 'x', ...PAYLOADS), fc.integer({ min: 2, max: 400 }))
  .map(([k, v, n]) => Array.from({ length: n }, () => `${k}=${encodeURIComponent(v)}`));

/** Fragments that are not imported data (and a few that are not even for imports). */
const fragment = fc.oneof(
  fc.constantFrom('', '#', '#imp=', '#imp=garbage', '#imp=%%%', '#imp=v1.AAAA', '#imp=😀', '#map'),
  fc.constantFrom(...PAYLOADS).map((p) => `#imp=${encodeURIComponent(p)}`),
  fc.base64String({ maxLength: 400 }).map((b) => `#imp=${b}`),
);

const link = fc
  .tuple(
    fc.array(fc.oneof({ weight: 5, arbitrary: pair.map((p) => [p]) }, { weight: 1, arbitrary: repeated }), {
      maxLength: 8,
    }),
    fc.option(fragment, { nil: '' }),
  )
  .map(([groups, hash]) => `?${groups.flat().join('&')}${hash}`);

let server: StaticServer;
let browser: Browser;
const sessions: OfflinePage[] = [];

beforeAll(async () => {
  server = await serveDirectory(process.env.E2E_DIST ?? 'dist', { headers: securityHeaders() });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const s of sessions) {
    expect(s.externalRequests, 'requests outside the loopback interface').toEqual([]);
    expect(s.errors, 'page and console errors').toEqual([]);
  }
  await browser?.close();
  await server?.close();
});

/**
 * Where the map starts below the header. The header's height depends on the language (a link
 * may switch it), so the map is checked against the header rather than a fixed position.
 */
async function mapOffset(page: Page): Promise<number> {
  const [header, map] = await Promise.all([
    page.locator('.app-header').boundingBox(),
    page.locator('.map').boundingBox(),
  ]);
  if (!header || !map) throw new Error('no header or no map');
  return map.y - (header.y + header.height);
}

/**
 * What the page shows after hostile input: nothing ran, nothing was refused, the map is where it
 * was, and storage holds the stored layer as it was written and nothing else.
 */
async function checkPage(page: Page, session: OfflinePage, offset: number, context: string) {
  // Images with onerror handlers fail asynchronously: give them a moment.
  await page.waitForTimeout(300);
  const state = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    violations: window.__violations ?? ['the recorder is missing'],
    canvases: document.querySelectorAll('.map canvas.maplibregl-canvas').length,
    shown: document.querySelectorAll('.notices > ul > li').length,
    stored: Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])),
  }));
  expect(state.stored, `stored data (${context})`).toEqual({ [IMPORT_STORAGE_KEY]: STORED });
  expect(state.pwned, `a payload ran (${context})`).toBeNull();
  expect(state.violations, `CSP violations (${context})`).toEqual([]);
  expect(state.canvases, `the map (${context})`).toBe(1);
  expect(await mapOffset(page), `the map moved (${context})`).toBe(offset);
  expect(state.shown, `notices on screen (${context})`).toBeLessThanOrEqual(3);
  expect(session.errors, `errors (${context})`).toEqual([]);
}

/** Every notice, the earlier ones included: how many are about the address. */
async function addressNotices(page: Page): Promise<number> {
  const earlier = page.locator('.notices-bar .notice-toggle');
  if ((await earlier.count()) > 0 && (await earlier.getAttribute('aria-expanded')) === 'false') await earlier.click();
  const texts = await page.locator('.notices > ul > li .notice-text').allTextContents();
  if ((await earlier.count()) > 0) await earlier.click();
  return texts.filter((t) => /of this link (were|was) ignored/.test(t)).length;
}

describe('hostile addresses in the browser', () => {
  const navigations = fc.sample(link, { seed: SEED, numRuns: NAVIGATIONS });
  // Full loads: the links with the most pieces that a server takes in one request line.
  const loads = fc
    .sample(link, { seed: SEED + 1, numRuns: 200 })
    .filter((l) => l.length < 6000)
    .sort((a, b) => b.split('&').length - a.split('&').length)
    .slice(0, FULL_LOADS);

  it(
    `survives ${FULL_LOADS} full loads and ${NAVIGATIONS} history navigations (seed ${SEED})`,
    async () => {
      const started = Date.now();
      const session = await openOfflinePage(browser);
      sessions.push(session);
      const { page } = session;
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.addInitScript(RECORD_VIOLATIONS);
      await page.goto(server.url);
      await waitForMark(page, 'map-interactive');
      // The user's layer, stored, then read by a fresh load: the map shows it.
      await page.evaluate(([k, text]) => localStorage.setItem(k, text), [IMPORT_STORAGE_KEY, STORED] as const);
      await page.goto(`${server.url}?year=2022`);
      await waitForMark(page, 'map-interactive');
      await expect.poll(() => importedOnMap(page)).toEqual([KEPT_UNIT]);
      const offset = await mapOffset(page);

      for (const [i, path] of loads.entries()) {
        await page.goto(server.url + path);
        await waitForMark(page, 'map-interactive');
        await checkPage(page, session, offset, `full load ${i}: ${path.slice(0, 120)}`);
        expect(await addressNotices(page)).toBeLessThanOrEqual(1);
      }

      const CHUNK = 50;
      for (let i = 0; i < navigations.length; i += CHUNK) {
        const chunk = navigations.slice(i, i + CHUNK);
        // Synthetic popstate after each pushState (as a router would see), then real back steps.
        await page.evaluate((links) => {
          for (const l of links) {
            history.pushState(null, '', l);
            window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
          }
        }, chunk);
        for (let back = 0; back < 3; back += 1) {
          const popped = page.evaluate(
            () => new Promise<void>((done) => window.addEventListener('popstate', () => done(), { once: true })),
          );
          await page.evaluate(() => history.back());
          await popped;
        }
        await checkPage(page, session, offset, `navigations ${i}–${i + chunk.length - 1}`);
      }
      expect(await addressNotices(page)).toBe(1);

      // The page still works: a valid link applies, and a notice-free page has no notices left.
      await page.evaluate(() => {
        history.pushState(null, '', '?year=2020');
        window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
      });
      await expect.poll(() => page.locator('.year-now').textContent()).toBe('2020');
      // No data lost: the stored layer is still there and still shown in its year.
      await page.evaluate(() => {
        history.pushState(null, '', '?year=2022');
        window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
      });
      await expect.poll(() => page.locator('.year-now').textContent()).toBe('2022');
      await expect.poll(() => importedOnMap(page)).toEqual([KEPT_UNIT]);
      expect(await page.evaluate((k) => localStorage.getItem(k), IMPORT_STORAGE_KEY)).toBe(STORED);
      const bar = page.locator('.notices-bar');
      if ((await bar.count()) > 0) await bar.getByRole('button', { name: 'Dismiss all' }).click();
      else await page.locator('.notice-dismiss').click();
      await expect.poll(() => page.locator('.notices > ul > li').count()).toBe(0);

      const elapsed = Date.now() - started;
      console.log(
        `Address fuzz: ${loads.length} full loads and ${navigations.length} navigations (seed ${SEED}) in ${Math.round(elapsed / 1000)} s: no error, no script, no CSP violation, the map unmoved, the stored layer kept`,
      );
    },
    TIMEOUT_MS,
  );
});
