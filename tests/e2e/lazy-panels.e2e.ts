/**
 * The details panel, the Share dialog and the embedded view's footer load on first use, in
 * Chromium against the production build, offline:
 * - none of their code is part of the page's first JavaScript, and the explorer never asks for
 *   the footer's; a reader who only looks loads none of it, and the details and the Share dialog
 *   are loaded ahead of use at the first input after the first choropleth;
 * - a link that opens on a unit shows its name and "Loading…" where the details go until their
 *   code is in, and the map does not move when they arrive; Escape closes it meanwhile; a failed
 *   load says so there, and "Try again" brings the details with focus on their heading;
 * - Share pressed while the dialog's code loads copies the link at once, says "Loading…"
 *   (aria-busy) and keeps focus, and the dialog opens once the code is in; a failed load is
 *   said in a notice and Share works when pressed again;
 * - the embedded view's footer keeps its place while its code loads.
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
    // A chunk made to fail is logged as a failed resource: that is the test, not an error.
    expect(
      s.errors.filter((e) => !/Failed to load resource|dynamically imported module/.test(e)),
      'page and console errors',
    ).toEqual([]);
  }
  await browser?.close();
  await server?.close();
});

const open = async (options: { width?: number; height?: number } = {}): Promise<Page> => {
  const session = await openOfflinePage(browser, { ...options, renderer: 'auto' });
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  sessions.push(session);
  return session.page;
};

/** Holds (or, with `fail`, aborts) the requests for a chunk until `release` is called. */
async function holdChunk(page: Page, chunk: string, fail = false) {
  const held: Route[] = [];
  let released = false;
  let requests = 0;
  // A retry asks for the chunk under another address (?retry=n): held or failed all the same.
  await page.route(new RegExp(`/assets/${chunk}-[\\w-]+\\.js(\\?.*)?$`), (route) => {
    requests += 1;
    if (released) return route.continue();
    if (fail) return route.abort('failed');
    held.push(route);
    return undefined;
  });
  return {
    requested: () => requests > 0,
    release: async () => {
      released = true;
      await Promise.all(held.map((r) => r.continue()));
    },
  };
}

/** When the first request for a chunk started, and when the first choropleth was marked. */
const startedAfterPaint = (page: Page, chunk: RegExp) =>
  page.evaluate((source) => {
    const ready = performance.getEntriesByName('choropleth-ready', 'mark')[0]?.startTime ?? Infinity;
    const re = new RegExp(source);
    const starts = performance
      .getEntriesByType('resource')
      .filter((r) => re.test(new URL(r.name).pathname))
      .map((r) => r.startTime);
    return starts.length > 0 && starts.every((t) => t >= ready);
  }, chunk.source);

const mapBox = (page: Page) => page.locator('.map-column').boundingBox();

describe('first JavaScript', () => {
  it('holds none of the details, Share dialog or embed footer code', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(join(DIST, 'assets', file), 'utf8');
      for (const m of code.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) if (m[1]) visit(m[1]);
    };
    visit(entry ?? '');
    expect([...seen].filter((f) => /^(details-panel|share-dialog|embed-footer)-/.test(f))).toEqual([]);
    // The chunks exist: the features were split, not dropped.
    const code = [...seen].map((f) => readFileSync(join(DIST, 'assets', f), 'utf8')).join('\n');
    for (const chunk of ['details-panel', 'share-dialog', 'embed-footer']) {
      expect(code).toMatch(new RegExp(`${chunk}-[\\w-]+\\.js`));
    }
  });
});

describe('loading ahead of use', () => {
  it('loads nothing for a reader who only looks, and the details and Share dialog at the first input', async () => {
    const page = await open();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}?year=2023&lang=en`);
    await waitForMark(page, 'choropleth-ready');
    await page.waitForTimeout(1500);
    const lazy = () => requests.filter((p) => /\/(details-panel|share-dialog|embed-footer)-[\w-]+\.js$/.test(p));
    expect(lazy()).toEqual([]);
    await page.mouse.move(400, 300);
    await page.mouse.move(420, 320);
    await expect
      .poll(() =>
        lazy()
          .map((p) => p.replace(/^.*\/assets\/([a-z-]+)-[\w-]+\.js$/, '$1'))
          .sort(),
      )
      .toEqual(['details-panel', 'share-dialog']);
  });
});

describe('details on first use', () => {
  it('a link on a unit shows its name and Loading… until the code is in, after the first paint', async () => {
    const page = await open();
    const hold = await holdChunk(page, 'details-panel');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}?year=2023&county=130131&lang=en`);
    await waitForMark(page, 'choropleth-ready');
    await expect.poll(hold.requested).toBe(true);
    const pending = page.locator('.details-panel[aria-busy="true"]');
    await expect.poll(() => pending.locator('h2').textContent()).toBe('Pingshan County 平山县');
    expect(await pending.getByRole('status').textContent()).toBe('Loading…');
    const before = await mapBox(page);

    await hold.release();
    const details = page.getByRole('region', { name: /Pingshan County/ });
    await expect.poll(() => details.isVisible()).toBe(true);
    expect(await pending.count()).toBe(0);
    expect(await mapBox(page)).toEqual(before);
    expect(await startedAfterPaint(page, /\/details-panel-[\w-]+\.js$/)).toBe(true);
    // The explorer never shows the embedded view's footer: its code is never asked for.
    expect(requests.filter((p) => /\/embed-footer-/.test(p))).toEqual([]);
  });

  it('Escape closes the details while their code loads, as it does once it is in', async () => {
    const page = await open();
    const hold = await holdChunk(page, 'details-panel');
    await page.goto(`${server.url}?year=2023&county=130131&lang=en`);
    await waitForMark(page, 'choropleth-ready');
    const pending = page.locator('.details-panel[aria-busy="true"]');
    await expect.poll(() => pending.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('county')).toBe(null);
    expect(await pending.count()).toBe(0);

    // Once the code is in, the panel closes on Escape too.
    await hold.release();
    await page.goto(`${server.url}?year=2023&county=130131&lang=en`);
    const details = page.getByRole('region', { name: /Pingshan County/ });
    await expect.poll(() => details.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => details.count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('county')).toBe(null);
  });

  it('a failed load says so where the details go, and Try again brings them with focus on their heading', async () => {
    const page = await open();
    const hold = await holdChunk(page, 'details-panel', true);
    await page.goto(`${server.url}?year=2023&county=130131&lang=en`);
    await waitForMark(page, 'choropleth-ready');
    const alert = page.locator('.details-panel').getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toBe('“Pingshan County 平山县” could not be loaded: check the connection and try again.');
    await hold.release();
    await page.getByRole('button', { name: 'Try again' }).click();
    const details = page.getByRole('region', { name: /Pingshan County/ });
    await expect.poll(() => details.isVisible()).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.matches('.details-panel h2') ?? false))
      .toBe(true);
  });
});

describe('Share dialog on first use', () => {
  it('copies the link at once, says Loading… and keeps focus, then opens the dialog', async () => {
    const page = await open();
    const hold = await holdChunk(page, 'share-dialog');
    await page.goto(`${server.url}?year=2021&lang=en`);
    await waitForMark(page, 'choropleth-ready');
    const share = page.locator('#share-button');
    await share.click();
    await expect.poll(() => share.getAttribute('aria-busy')).toBe('true');
    expect(await share.textContent()).toBe('Share Loading…');
    expect(await share.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());

    await hold.release();
    const dialog = page.getByRole('dialog', { name: 'Share this view' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Link copied');
    expect(await share.getAttribute('aria-busy')).toBe('false');
    expect(await startedAfterPaint(page, /\/share-dialog-[\w-]+\.js$/)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('share-button');
  });

  it('a failed load is said in a notice, and Share works when pressed again', async () => {
    const page = await open();
    const hold = await holdChunk(page, 'share-dialog', true);
    await page.goto(`${server.url}?year=2021&lang=en`);
    await waitForMark(page, 'choropleth-ready');
    const share = page.locator('#share-button');
    await share.click();
    const notices = page.getByRole('list', { name: 'Notices' });
    await expect.poll(() => notices.textContent()).toContain('“Share” could not be loaded');
    expect(await share.getAttribute('aria-expanded')).toBe('false');
    await hold.release();
    await share.click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Share this view' }).isVisible()).toBe(true);
  });
});

describe('embedded view footer', () => {
  it('keeps its place while its code loads', async () => {
    const page = await open({ width: 480, height: 600 });
    const hold = await holdChunk(page, 'embed-footer');
    await page.goto(`${server.url}?year=2023&lang=en&embed=1`);
    await waitForMark(page, 'choropleth-ready');
    const footer = page.locator('.embed-footer');
    await expect.poll(() => footer.getAttribute('aria-busy')).toBe('true');
    expect(await footer.getByRole('status').innerText()).toContain('Loading…');
    const before = await mapBox(page);
    await hold.release();
    await expect.poll(() => footer.getByRole('link', { name: /Open in the explorer/ }).isVisible()).toBe(true);
    expect(await mapBox(page)).toEqual(before);
  });
});
