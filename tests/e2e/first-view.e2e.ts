/**
 * What the first view loads, and code that loads on first use, in Chromium against the
 * production build, offline:
 * - the data comes in two requests (the tables' bundle and the geometry), the whole first view in
 *   at most six (scripts, stylesheet and data), and neither the search code nor the transition
 *   view's is part of the page's first JavaScript;
 * - text typed in the search box while its code is still loading is searched once it is in: the
 *   box says it is loading (aria-busy) and keeps focus, and an Enter pressed meanwhile opens the
 *   best match;
 * - while the geometry is slow to come, the map area says it is drawing the map, until it has;
 * - the page's icon is served (no 404 for it in the console).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openOfflinePage, waitForMark, type OfflinePage } from './helpers/browser';
import { serveDirectory, type StaticServer } from './helpers/static-server';

const DIST = process.env.E2E_DIST ?? 'dist';
let server: StaticServer;
let browser: Browser;
const sessions: OfflinePage[] = [];

beforeAll(async () => {
  server = await serveDirectory(DIST);
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

const open = async (): Promise<Page> => {
  const session = await openOfflinePage(browser);
  sessions.push(session);
  return session.page;
};

/** The chunks the page's first JavaScript is made of: the entry and what it imports statically. */
function firstViewChunks(): Set<string> {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (entry === undefined) throw new Error('no entry script in index.html');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(DIST, 'assets', file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) if (m[1]) visit(m[1]);
  };
  visit(entry);
  return seen;
}

/** Holds the page's requests matching `pattern` until `release` is called. */
async function holdRequests(page: Page, pattern: string) {
  const held: Route[] = [];
  let released = false;
  await page.route(pattern, (route) => {
    if (released) return route.continue();
    held.push(route);
    return undefined;
  });
  return {
    requested: () => held.length > 0,
    release: async () => {
      released = true;
      await Promise.all(held.map((r) => r.continue()));
    },
  };
}

describe('first view', () => {
  it('loads the data in two requests and the first view in six at most, and no search or transition code', async () => {
    const chunks = [...firstViewChunks()];
    expect(chunks.some((f) => /^index-/.test(f))).toBe(true);
    for (const lazy of [/^search-/, /^transition-view-/, /^table-view-/, /^import-dialog-/]) {
      expect(chunks.filter((f) => lazy.test(f))).toEqual([]);
    }

    const page = await open();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}?year=2021`);
    await waitForMark(page, 'choropleth-ready');
    const data = requests.filter((p) => /\.(json|csv)$/.test(p));
    expect(data.map((p) => p.replace(/^.*\/assets\//, '').replace(/-[\w-]+\./, '-*.'))).toEqual(
      expect.arrayContaining(['dataset-*.json', 'hebei.topo-*.json']),
    );
    expect(data).toHaveLength(2);
    expect(requests.filter((p) => /\/search-[\w-]+\.js$/.test(p))).toEqual([]);
    // All of the first view's files at once: no more than the six connections a browser opens
    // to one host over HTTP/1.1, so none waits for another to finish (vite.config.ts).
    const files = (
      await page.evaluate(() => {
        const ready = performance.getEntriesByName('choropleth-ready', 'mark')[0]?.startTime ?? Infinity;
        return performance
          .getEntriesByType('resource')
          .filter((r) => r.startTime <= ready)
          .map((r) => new URL(r.name).pathname);
      })
    ).filter((p) => /\.(js|mjs|css|json)$/.test(p));
    expect(files.length, files.join(', ')).toBeLessThanOrEqual(6);
  });

  it('says in the map area that it is drawing while the geometry is slow to come, and no longer once drawn', async () => {
    const page = await open();
    const hold = await holdRequests(page, '**/assets/hebei.topo-*.json');
    await page.goto(`${server.url}?year=2023`);
    const drawing = page
      .getByRole('region', { name: /^Map of Hebei/ })
      .getByRole('status')
      .filter({ hasText: 'Drawing the map…' });
    await expect.poll(() => drawing.isVisible()).toBe(true);
    await expect.poll(() => hold.requested()).toBe(true);
    expect(await page.evaluate(() => performance.getEntriesByName('choropleth-ready').length)).toBe(0);
    await hold.release();
    await waitForMark(page, 'choropleth-ready');
    await expect.poll(() => drawing.isVisible()).toBe(false);
  });

  it('serves the icon index.html links to', async () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const href = /<link rel="icon"[^>]*href="\.\/([^"]+)"/.exec(html)?.[1];
    expect(href).toBe('favicon.svg');
    const response = await fetch(`${server.url}${href}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(await response.text()).toContain('<svg');
  });
});

describe('search code on first use', () => {
  /** Holds the search code's chunk until `release` is called. */
  const holdSearchCode = (page: Page) => holdRequests(page, '**/assets/search-*.js');

  it('searches what was typed while it loaded, saying so and keeping focus', async () => {
    const page = await open();
    const hold = await holdSearchCode(page);
    await page.goto(`${server.url}?year=2023&lang=en`);
    await waitForMark(page, 'choropleth-ready');
    const search = page.getByRole('combobox', { name: 'Search county' });
    await search.click();
    await search.pressSequentially('luquan');
    await expect.poll(hold.requested).toBe(true);
    expect(await search.getAttribute('aria-busy')).toBe('true');
    await expect.poll(() => page.locator('.search-empty').textContent()).toBe('Loading…');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);

    await hold.release();
    const options = page.getByRole('listbox', { name: 'Search county' }).getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    expect(await options.first().textContent()).toContain('Luquan');
    expect(await search.getAttribute('aria-busy')).toBe('false');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await search.inputValue()).toBe('luquan');
  });

  it('takes an Enter pressed while it loaded as a choice of the best match', async () => {
    const page = await open();
    const hold = await holdSearchCode(page);
    await page.goto(`${server.url}?year=2023&lang=en`);
    await waitForMark(page, 'choropleth-ready');
    const search = page.getByRole('combobox', { name: 'Search county' });
    await search.fill('luquan');
    await search.press('Enter');
    await expect.poll(hold.requested).toBe(true);
    expect(await page.getByRole('region', { name: /Luquan District/ }).count()).toBe(0);
    await hold.release();
    await expect.poll(() => page.getByRole('region', { name: /Luquan District/ }).count()).toBe(1);
    expect(page.url()).toContain('county=130110');
  });
});
