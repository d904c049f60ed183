/**
 * The Content-Security-Policy (scripts/csp.ts), in Chromium against the production build served
 * with the policy as a header (and, from the build, as a <meta> tag), offline:
 * - every response carries the header, and the built page the <meta>;
 * - the main features run with no violation: year steps, play, a county from the search box,
 *   a map mode, the table and its CSV files, and the PNG export;
 * - a negative control proves the policy is in force: an injected inline <script> does not run
 *   and is reported, and so are eval, a style attribute and a worker from a blob: URL.
 * Violations are collected twice: `securitypolicyviolation` events (an init script keeps them on
 * window) and the browser's own "Refused to …" console messages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from '../../scripts/csp';
import { launchBrowser, openOfflinePage, waitForMark, type OfflinePage } from './helpers/browser';
import { serveDirectory, type StaticServer } from './helpers/static-server';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

declare global {
  interface Window {
    /** Filled by the init script below: every CSP violation the document reported. */
    __cspViolations?: Violation[];
    /** Set only if an injected inline script ran: it must never exist. */
    __cspInlineRan?: boolean;
  }
}

// A string, so the page runs exactly this code before any of its own.
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push({
      directive: e.effectiveDirective,
      blocked: e.blockedURI,
      sample: e.sample,
      source: e.sourceFile,
    });
  });
`;

const CSP_MESSAGE = /Content Security Policy|Refused to/i;

let server: StaticServer;
let browser: Browser;
const clean: OfflinePage[] = [];

interface CspPage extends OfflinePage {
  /** Console messages (any level) that are about the policy. */
  cspMessages: string[];
}

async function openWithPolicy(path = ''): Promise<CspPage> {
  const session = await openOfflinePage(browser);
  const cspMessages: string[] = [];
  session.page.on('console', (m) => {
    if (CSP_MESSAGE.test(m.text())) cspMessages.push(`${m.type()}: ${m.text()}`);
  });
  await session.page.addInitScript(RECORD_VIOLATIONS);
  await session.page.goto(server.url + path);
  await waitForMark(session.page, 'map-interactive');
  return { ...session, cspMessages };
}

const violations = (page: Page) => page.evaluate(() => window.__cspViolations ?? []);

beforeAll(async () => {
  server = await serveDirectory(process.env.E2E_DIST ?? 'dist', { headers: securityHeaders() });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const s of clean) {
    expect(s.externalRequests, 'requests outside the loopback interface').toEqual([]);
    expect(s.errors, 'page and console errors').toEqual([]);
  }
  await browser?.close();
  await server?.close();
});

describe('the policy', () => {
  it('is sent as a header with every file, and built into the page as a <meta> tag', async () => {
    const page = await fetch(server.url);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    const html = await page.text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(contentSecurityPolicy({ for: 'meta' }));
    // frame-ancestors is ignored in a <meta>: only the header carries it.
    expect(meta).not.toContain('frame-ancestors');
    // Any page may frame the site: the embedded view is for articles elsewhere (embed.e2e frames it).
    expect(contentSecurityPolicy()).toContain('frame-ancestors *');
    // The policy is in force before any script: the <meta> comes before the first <script>.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    for (const policy of [contentSecurityPolicy(), meta ?? '']) {
      expect(policy).not.toMatch(/unsafe-(eval|inline)/);
    }
    const script = /src="\.\/(assets\/index-[\w-]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const bundle = await fetch(server.url + script);
    expect(bundle.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
  });
});

describe('the app under the policy', () => {
  it('runs the main features with no violation', async () => {
    const session = await openWithPolicy('?lang=en');
    clean.push(session);
    const { page } = session;

    // The worker started (the map is drawn) from a same-origin module file, not a blob:.
    const workers = page.workers().map((w) => w.url());
    expect(workers.length).toBeGreaterThan(0);
    for (const w of workers) {
      expect(w).toMatch(new RegExp(`^${server.url}assets/maplibre-gl-worker-[\\w-]+\\.mjs`));
      // A worker's policy comes from its own response, not from the page's <meta>.
      expect((await fetch(w)).headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    }

    // Year steps and play.
    const slider = page.getByRole('slider', { name: 'Year' });
    await slider.focus();
    await slider.press('ArrowLeft');
    await waitForMark(page, 'year-rendered:2022', 20_000);
    await slider.press('Home');
    await waitForMark(page, 'year-rendered:2019', 20_000);
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForMark(page, 'year-rendered:2020', 20_000);
    // Played to the end (a click on Pause would race the last step on a slow machine).
    await expect.poll(() => page.locator('.year-now').textContent(), { timeout: 60_000 }).toBe('2023');
    await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);

    // A county from the search box: the details panel and the camera move.
    const search = page.getByRole('combobox', { name: 'Search county' });
    await search.fill('luquan');
    await expect
      .poll(() => page.getByRole('listbox', { name: 'Search county' }).getByRole('option').count())
      .toBeGreaterThan(0);
    await search.press('Enter');
    await expect.poll(() => page.getByRole('region', { name: /Luquan District/ }).count()).toBe(1);

    // A map mode, the transition view and the area table.
    await page.getByRole('radio', { name: 'Change' }).check();
    await expect.poll(() => page.url()).toContain('mode=change');
    await page.getByRole('radio', { name: 'Tier' }).check();
    await expect.poll(() => page.url()).toContain('mode=tier');

    // The table, its CSV, and one of the data/ files.
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('row').count()).toBeGreaterThan(100);
    const [tableCsv] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download table (CSV)' }).click(),
    ]);
    expect(tableCsv.suggestedFilename()).toMatch(/\.csv$/);
    const [unitsCsv] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('link', { name: /^units\.csv/ }).click(),
    ]);
    expect(unitsCsv.suggestedFilename()).toBe('units.csv');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    // The PNG export, both scales.
    for (const item of ['PNG 1×', 'PNG 2×']) {
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      const [png] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: item }).click(),
      ]);
      expect(png.suggestedFilename()).toMatch(/\.png$/);
    }

    // Give late reports (they are queued as tasks) a moment to arrive.
    await page.waitForTimeout(500);
    expect(await violations(page)).toEqual([]);
    expect(session.cspMessages).toEqual([]);
  }, 180_000);
});

describe('negative control: the policy is in force', () => {
  it('blocks and reports an inline script, eval, a style attribute and a blob: worker', async () => {
    // Not in `clean`: this page is meant to produce violations (and their console errors).
    const session = await openWithPolicy();
    const { page } = session;

    // An inline <script> inserted by (hypothetically) injected code must not run.
    await page.evaluate(`(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__cspInlineRan = true';
      document.body.append(s);
    })()`);
    // eval from page code: script-src has no 'unsafe-eval'. (Run from a task of the page's own:
    // DevTools lets code evaluated directly through the protocol eval regardless of the policy.)
    const evalResult = await page.evaluate(`new Promise((done) => setTimeout(() => {
      try { done(String(window.eval('1 + 1'))); } catch (e) { done(e.name); }
    }, 0))`);
    // A style attribute: style-src has no 'unsafe-inline' (the CSSOM stays allowed).
    const colours = await page.evaluate(`(() => {
      const a = document.createElement('p');
      a.setAttribute('style', 'color: rgb(1, 2, 3)');
      const b = document.createElement('p');
      b.style.color = 'rgb(4, 5, 6)';
      document.body.append(a, b);
      const out = [getComputedStyle(a).color, getComputedStyle(b).color];
      a.remove();
      b.remove();
      return out;
    })()`);
    // A worker from a blob: URL: worker-src is 'self' only. Chromium reports the block as the
    // worker's error event (not an exception), so the script must never post its message.
    const blobWorker = await page.evaluate(`new Promise((done) => {
      const url = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
      const w = new Worker(url);
      w.onmessage = () => done('ran');
      w.onerror = () => done('blocked');
      setTimeout(() => done('silent'), 5000);
    })`);

    await expect.poll(async () => (await violations(page)).length).toBeGreaterThanOrEqual(4);
    expect(await page.evaluate(() => window.__cspInlineRan ?? false)).toBe(false);
    expect(evalResult).toBe('EvalError');
    expect(colours).toHaveLength(2);
    expect((colours as string[])[0]).not.toBe('rgb(1, 2, 3)');
    expect((colours as string[])[1]).toBe('rgb(4, 5, 6)');
    expect(blobWorker).toBe('blocked');

    const reported = await violations(page);
    const directives = reported.map((v) => v.directive);
    expect(reported).toContainEqual(expect.objectContaining({ directive: 'script-src-elem', blocked: 'inline' }));
    expect(reported).toContainEqual(expect.objectContaining({ directive: 'script-src', blocked: 'eval' }));
    expect(directives).toContain('style-src-attr');
    expect(reported).toContainEqual(expect.objectContaining({ directive: 'worker-src', blocked: 'blob' }));
    // The browser says so on the console too.
    await expect.poll(() => session.cspMessages.some((m) => m.includes('inline script'))).toBe(true);
    // And the app is unharmed: the map and the page still work.
    expect(session.externalRequests).toEqual([]);
    expect(session.errors.every((e) => CSP_MESSAGE.test(e))).toBe(true);
  });
});
