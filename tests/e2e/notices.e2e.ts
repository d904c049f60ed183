/**
 * Notices and load failures, in Chromium against the production build, offline:
 * - a link with a key repeated 400 times gives one notice listing three of its 400 ignored parts
 *   with "Show all 400"; the map does not move for it (desktop and phone); back/forward through
 *   dozens of ignored links leaves one address notice; "Dismiss all" clears them and focus
 *   stays on the page; a `#imp=` link with 60 bad layers gives one notice listing its problems;
 * - a data or geometry file that is refused leaves a message with a retry in the map area, and
 *   the retry loads the data in place, keeping the address;
 * - a map worker that is refused leaves a message in the map area instead of a blank map.
 * Requests are refused with Playwright's page.route. The console lines those refusals cause
 * (and the map's own warning for the worker) are expected; any other error fails the test.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportLayer } from '../../src/domain/import/types';
import { encodeImportLayers } from '../../src/url/import-fragment';
import { launchBrowser, openOfflinePage, waitForMark, type OfflinePage } from './helpers/browser';
import { serveDirectory, type StaticServer } from './helpers/static-server';

let server: StaticServer;
let browser: Browser;
const sessions: { session: OfflinePage; expected: RegExp | null }[] = [];

beforeAll(async () => {
  server = await serveDirectory(process.env.E2E_DIST ?? 'dist');
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const { session, expected } of sessions) {
    expect(session.externalRequests, 'requests outside the loopback interface').toEqual([]);
    const unexpected = session.errors.filter((e) => expected === null || !expected.test(e));
    expect(unexpected, 'page and console errors').toEqual([]);
  }
  await browser?.close();
  await server?.close();
});

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** A fresh page; `expected` matches the console errors this test causes on purpose. */
async function open(options: { context?: BrowserContextOptions; expected?: RegExp } = {}): Promise<OfflinePage> {
  const session = await openOfflinePage(browser, options.context ? { context: options.context } : {});
  await session.page.emulateMedia({ reducedMotion: 'reduce' });
  sessions.push({ session, expected: options.expected ?? null });
  return session;
}

/** year=2019 then 399 repeats of year (2020, 2021, …): 399 ignored parts, plus one bad mode. */
const REPEATED = `?${Array.from({ length: 400 }, (_, i) => `year=${2019 + (i % 5)}`).join('&')}&mode=bogus`;

const mapBox = (page: Page) => page.locator('.map').boundingBox();

const activeElement = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el === null || el === document.body ? 'body' : `${el.tagName.toLowerCase()}.${el.className}`;
  });

describe('grouped notices', () => {
  for (const [name, context] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ] as const) {
    it(`shows a link with a key repeated 400 times as one short notice, and the map does not move (${name})`, async () => {
      const { page } = await open(context ? { context } : {});
      // The year the repeated link shows (the first year= wins): what is drawn under the map
      // (the timeline's line, the phone sheet's legend) depends on the year.
      await page.goto(server.url + '?year=2019');
      await waitForMark(page, 'map-interactive');
      const plain = await mapBox(page);

      await page.goto(server.url + REPEATED);
      await waitForMark(page, 'map-interactive');
      const notices = page.getByRole('list', { name: 'Notices' });
      await expect.poll(() => notices.locator('> li').count()).toBe(1);
      const notice = notices.locator('> li').first();
      expect(await notice.getByRole('alert').textContent()).toContain('400 parts of this link were ignored');
      expect(await notice.locator('.notice-details li').count()).toBe(3);
      expect(await mapBox(page)).toEqual(plain);
      // The stack stays within the top of the map area.
      const stack = await page.locator('.notices').boundingBox();
      if (!stack || !plain) throw new Error('no box');
      expect(stack.y + stack.height).toBeLessThan(plain.y + plain.height * 0.7);

      // "Show all" by keyboard: the list opens in place, still without moving the map.
      const toggle = notice.locator('.notice-body > .notice-toggle');
      expect(await toggle.textContent()).toBe('Show all 400');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await toggle.textContent()).toBe('Show fewer');
      expect(await notice.locator('.notice-details li').count()).toBe(400);
      expect(await notice.getByRole('list', { name: 'The other 397 items' }).count()).toBe(1);
      expect(await mapBox(page)).toEqual(plain);

      const axe = await new AxeBuilder({ page })
        .include('.notices')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

      // Dismissed by keyboard: the notice goes, and focus stays on the page, not on <body>.
      await notice.getByRole('button', { name: 'Dismiss' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => notices.locator('> li').count()).toBe(0);
      expect(await activeElement(page)).not.toBe('body');
    });
  }

  it('keeps one address notice through back/forward, and dismisses all at once', async () => {
    const { page } = await open();
    // A garbled imported-data fragment gives a second notice, from another part of the app.
    await page.goto(`${server.url}?year=1999#imp=garbage`);
    await waitForMark(page, 'map-interactive');
    const notices = page.getByRole('list', { name: 'Notices' });
    await expect.poll(() => notices.locator('> li').count()).toBe(2);

    const links = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? `?year=${1990 + i}&mode=x` : `?lang=x${i}`));
    await page.evaluate((list) => {
      for (const link of list) {
        history.pushState(null, '', link);
        window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
      }
    }, links);
    await page.goBack();
    await page.goBack();
    await expect.poll(() => notices.locator('> li').count()).toBe(2);
    // The latest address: two back steps from `?lang=x39` lead to `?lang=x37`.
    await expect.poll(() => notices.textContent()).toContain('lang=x37');
    expect(await notices.textContent()).not.toContain('year=1999');

    const bar = page.locator('.notices-bar');
    expect(await bar.textContent()).toContain('2 notices');
    await bar.getByRole('button', { name: 'Dismiss all' }).click();
    await expect.poll(() => notices.locator('> li').count()).toBe(0);
    expect(await bar.count()).toBe(0);
    expect(await activeElement(page)).not.toBe('body');
  });

  it('shows a link with 60 bad imported layers as one notice listing its problems', async () => {
    const { page } = await open();
    // Impossible dates (2023-02-30) and a direction override in the titles: every layer is refused.
    const bad: ImportLayer[] = Array.from({ length: 60 }, (_, i) => ({
      id: `IMP${i + 1}`,
      source: { title: `Bad ${i}\u202e`, date: '2023-02-30', url: '' },
      createdAt: '2026-11-25T00:00:00.000Z',
      facts: [{ code: '130821', year: 2022, tier: 'B', rank: null, rankOf: null, raw: '承德县' }],
      origin: 'link',
    }));
    const fragment = await encodeImportLayers(bad);
    if (fragment === null) throw new Error('the layers do not fit in a link');
    await page.goto(`${server.url}?year=2022#imp=${fragment}`);
    await waitForMark(page, 'map-interactive');
    const notices = page.getByRole('list', { name: 'Notices' });
    await expect.poll(() => notices.locator('> li').count()).toBe(1);
    const notice = notices.locator('> li');
    expect(await notice.locator('.notice-text').textContent()).toBe(
      'The imported data in this link has 51 problems; what passed the checks is shown:',
    );
    // Three items, the rest behind "Show all 51"; no title reads backwards.
    expect(await notice.locator('.notice-details li:visible').count()).toBe(3);
    expect(await notice.textContent()).toContain('the layer “Bad 0” was not applied (bad date)');
    expect(await notice.textContent()).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/u);
    await notice.getByRole('button', { name: 'Show all 51' }).click();
    expect(await notice.locator('.notice-details li:visible').count()).toBe(51);
  });
});

describe('load failures', () => {
  // A refused request shows in the console as a failed resource.
  const REFUSED = /Failed to load resource|net::ERR_/;

  for (const [file, pattern] of [
    ['the data bundle', '**/assets/dataset-*.json'],
    ['the geometry', '**/assets/hebei.topo-*.json'],
  ] as const) {
    it(`says in the map area when ${file} is refused, and Retry loads it in place`, async () => {
      const { page } = await open({ expected: REFUSED });
      await page.route(pattern, (route) => route.abort('connectionrefused'));
      // The link as the binder writes it (v=2, every choice pinned), so it is the address that stays.
      const path = '?v=2&year=2020&mode=change&base=2019&lang=en&view=115.5,38.5,6.5';
      await page.goto(server.url + path);
      const box = page.getByRole('region', { name: 'The data could not be loaded' });
      await expect.poll(() => box.isVisible()).toBe(true);
      const alert = await box.getByRole('alert').textContent();
      expect(alert).toContain('The map stays empty until the data and the county boundaries load');
      expect(alert).toMatch(file === 'the geometry' ? /hebei\.topo\.json/ : /dataset\.json \(data\/\*\.csv\)/);
      // Nothing is being drawn, so nothing says so, and there is nothing to zoom.
      expect(await page.getByRole('status').filter({ hasText: 'Drawing the map' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Zoom in' }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Zoom out' }).isDisabled()).toBe(true);

      const axe = await new AxeBuilder({ page })
        .include('.map-load-failed')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

      // Still refused: the retry says so, and the page stays.
      const retry = box.getByRole('button', { name: 'Try again' });
      await retry.click();
      await expect.poll(() => box.textContent()).toContain('Retries so far: 1. It still fails.');

      // Reachable again: the retry loads it without reloading the page, and the address stays.
      await page.evaluate(() => {
        (window as Window & { __samePage?: boolean }).__samePage = true;
      });
      await page.unroute(pattern);
      await box.getByRole('button', { name: 'Try again' }).click();
      await waitForMark(page, 'map-interactive');
      await expect.poll(() => box.count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Zoom in' }).isDisabled()).toBe(false);
      expect(await page.evaluate(() => (window as Window & { __samePage?: boolean }).__samePage)).toBe(true);
      expect(await page.evaluate(() => window.location.search)).toBe(path);
      expect(await page.getByRole('radio', { name: 'Change' }).isChecked()).toBe(true);
      expect(await page.locator('.year-now').textContent()).toBe('2020');
      // Focus went to the map, not to <body>, when the box went away (and stayed on it when
      // MapLibre took over from the 2D map).
      expect(await activeElement(page)).toContain('maplibregl-canvas');
    });
  }

  it('keeps the 2D map as the map when the map worker is refused, and says why', async () => {
    const { page } = await open({ expected: /Failed to load resource|net::ERR_|Worker failed to load/ });
    await page.route('**/assets/maplibre-gl-worker-*.mjs', (route) => route.abort('blockedbyclient'));
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning' && m.text().includes('The map cannot draw')) warnings.push(m.text());
    });
    await page.goto(`${server.url}?year=2021`);
    const note = page.getByRole('region', { name: 'Simple map' });
    await expect.poll(() => note.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await note.textContent()).toContain('worker script) did not load');
    expect(await note.textContent()).toContain('Worker failed to load');
    expect(await note.getByRole('button', { name: 'Reload the page' }).count()).toBe(1);
    expect(warnings).toHaveLength(1);
    // The data did load, and the 2D map draws it and takes the year.
    await waitForMark(page, 'map-interactive');
    expect(await page.evaluate(() => window.hebeiExplorer?.renderer)).toBe('2d');
    await page.getByRole('slider', { name: 'Year' }).press('End');
    await waitForMark(page, 'year-rendered:2023', 10_000);
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('row').count()).toBe(168);
  });
});
