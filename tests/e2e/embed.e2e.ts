/**
 * Share and the embedded view (issue 15), in Chromium against the production build served with
 * its Content-Security-Policy header (scripts/csp.ts), offline:
 * - Share opens a dialog with the link (copied at once) and the <iframe> code of the same view,
 *   whose height can be chosen; Copy puts each on the clipboard; Escape closes it and focus
 *   returns to Share; on a phone it opens from More;
 * - the code copied from the dialog, pasted into an article page on another origin (a second
 *   server), frames the embedded view at 360 and 700 px in English and Chinese: the map paints,
 *   the year slider and a click on the map work, there are no header tools or side panels, the
 *   explorer link is the same view without embed=1, the address keeps embed=1, and the page
 *   reports no CSP violation (frame-ancestors lets any page frame it).
 * Screenshots go to tests/artifacts (embed-*.png, share-dialog-*.png).
 */
import { AxeBuilder } from '@axe-core/playwright';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../../scripts/csp';
import { ARTIFACTS, launchBrowser, openOfflinePage, waitForMark, type OfflinePage } from './helpers/browser';
import { serveDirectory, type StaticServer } from './helpers/static-server';

interface Violation {
  directive: string;
  blocked: string;
}

declare global {
  interface Window {
    __embedCspViolations?: Violation[];
  }
}

// Runs in every document of the context, the frame included.
const RECORD_VIOLATIONS = `
  window.__embedCspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__embedCspViolations.push({ directive: e.effectiveDirective, blocked: e.blockedURI });
  });
`;

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

let app: StaticServer;
let browser: Browser;
/** The article page the host server returns, set by each test. */
let hostHtml = '<!doctype html><title>empty</title>';
let host: { server: Server; url: string };
const sessions: OfflinePage[] = [];

beforeAll(async () => {
  app = await serveDirectory(process.env.E2E_DIST ?? 'dist', { headers: securityHeaders() });
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostHtml);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  host = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const s of sessions) {
    expect(s.externalRequests, 'requests outside the loopback interface').toEqual([]);
    expect(s.errors, 'page and console errors').toEqual([]);
  }
  await browser.close();
  await app.close();
  await new Promise<void>((done) => host.server.close(() => done()));
});

async function session(options: { context?: BrowserContextOptions; width?: number; height?: number } = {}) {
  const s = await openOfflinePage(browser, { ...options, renderer: 'auto' });
  await s.page.addInitScript(RECORD_VIOLATIONS);
  await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  sessions.push(s);
  return s;
}

const snap = async (page: Page, name: string) => writeFileSync(join(ARTIFACTS, `${name}.png`), await page.screenshot());

/** Opens Share on the explorer at `path` and returns the dialog's link and code (after choosing `height`). */
async function shareCode(path: string, height: string, shot?: string) {
  const { page } = await session();
  await page.goto(app.url + path);
  await waitForMark(page, 'map-interactive');
  await page.getByRole('button', { name: /^(Share|分享)$/ }).click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.isVisible()).toBe(true);
  await dialog.getByRole('combobox').selectOption(height);
  const code = await dialog.getByRole('textbox').nth(1).inputValue();
  if (shot) await snap(page, shot);
  await page.close();
  return code;
}

describe('Share dialog', () => {
  it('copies the link at once and offers it with the iframe code, whose height can be chosen', async () => {
    const { page } = await session();
    await page.goto(`${app.url}?year=2021&county=130131&lang=en`);
    await waitForMark(page, 'map-interactive');
    const share = page.getByRole('button', { name: 'Share' });
    await share.click();
    const dialog = page.getByRole('dialog', { name: 'Share this view' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Link copied');
    const link = await dialog.getByRole('textbox', { name: 'Link to this view' }).inputValue();
    expect(link).toBe(page.url());
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    // The link pins what is shown: the version, year, mode, language and (2021) the base.
    const params = new URL(link).searchParams;
    expect([params.get('v'), params.get('year'), params.get('mode'), params.get('lang')]).toEqual([
      '2',
      '2021',
      'tier',
      'en',
    ]);
    expect(params.get('base')).toMatch(/^20(19|20)$/);

    const code = dialog.getByRole('textbox', { name: 'HTML code for an article' });
    const height = dialog.getByRole('combobox', { name: 'Height' });
    expect(await height.inputValue()).toBe('600');
    expect(await code.inputValue()).toContain('height="600"');
    await height.selectOption('480');
    const snippet = await code.inputValue();
    expect(snippet).toContain('height="480"');
    expect(snippet).toContain('loading="lazy"');
    expect(snippet).toContain('max-width:700px');
    expect(snippet).toContain('title="Hebei County Innovation Explorer: map of county innovation tiers, 2021"');
    expect(snippet).toContain(`src="${link.replace(/&/g, '&amp;')}&amp;embed=1"`);
    await dialog.getByRole('button', { name: 'Copy code' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Code copied');
    await snap(page, 'share-dialog-desktop-en');

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('share-button');
    // Escape closed the dialog only: the county stays selected.
    expect(new URL(page.url()).searchParams.get('county')).toBe('130131');
  });

  it('shows the link selected when the clipboard is refused', async () => {
    const { page, context } = await session();
    await context.clearPermissions();
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: undefined });
    });
    await page.goto(`${app.url}?lang=en`);
    await waitForMark(page, 'map-interactive');
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this view' });
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Copying was refused');
    // The link field has the focus, with all of its text selected, ready for Ctrl+C.
    const selected = await page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLInputElement ? el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0) : null;
    });
    expect(selected).toBe(page.url());
  });

  it('opens from More on a phone, in both languages', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const { page } = await session({ context: PHONE });
      await page.goto(`${app.url}?year=2023&lang=${lang}`);
      await waitForMark(page, 'map-interactive');
      await page.getByRole('button', { name: lang === 'en' ? 'More' : '更多' }).click();
      await page.getByRole('button', { name: lang === 'en' ? 'Share' : '分享' }).click();
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      const box = await dialog.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
      for (const button of await dialog.getByRole('button').all()) {
        const b = await button.boundingBox();
        expect(b && b.height >= 44 && b.width >= 44).toBe(true);
      }
      await snap(page, `share-dialog-phone-${lang}`);
    }
  });
});

/** The frame of the embedded view in the host page, once its map has painted. */
async function embedFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().length).toBe(2);
  const frame = page.frames()[1];
  if (!frame) throw new Error('no frame');
  await frame.waitForFunction(() => performance.getEntriesByName('choropleth-ready', 'mark').length > 0, undefined, {
    timeout: 60_000,
  });
  await frame.waitForFunction(() => performance.getEntriesByName('map-interactive', 'mark').length > 0, undefined, {
    timeout: 60_000,
  });
  return frame;
}

describe('embedded view in an article on another origin', () => {
  for (const width of [360, 700] as const) {
    for (const lang of ['en', 'zh'] as const) {
      it(`fits a ${width} px column (${lang}): map, year control, legend, source line, explorer link`, async () => {
        const code = await shareCode(`?year=2021&mode=tier&lang=${lang}`, '600');
        hostHtml = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Article</title>
          <body style="margin:0;font-family:serif"><article style="max-width:${width}px;margin:0 auto;padding:0 8px">
          <h1>Which counties reached A?</h1><p>Text of the article before the map.</p>${code}
          <p>Text after the map.</p></article></body></html>`;
        const { page } = await session({ width: width + 16, height: 900 });
        await page.goto(host.url);
        const frame = await embedFrame(page);
        const frameBox = await page.locator('iframe').boundingBox();
        expect(frameBox?.width).toBe(width);
        expect(frameBox?.height).toBe(600);
        // The iframe's title names it in the language of the link it was made from.
        expect(await page.locator('iframe').getAttribute('title')).toContain(lang === 'en' ? 'map of county' : '地图');

        // No header tools, no side panel.
        for (const name of ['Share', '分享', 'Export', '导出', 'Import', '导入', 'Table', '表格', 'More', '更多'])
          expect(await frame.getByRole('button', { name, exact: true }).count()).toBe(0);
        expect(await frame.locator('.app-header, .side-panel, .bottom-sheet').count()).toBe(0);
        // Nothing overflows the column.
        expect(await frame.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

        const slider = frame.getByRole('slider', { name: lang === 'en' ? 'Year' : '年份' });
        expect(await slider.isVisible()).toBe(true);
        const open = frame.getByRole('link', { name: lang === 'en' ? /Open in the explorer/ : /在地图工具中打开/ });
        expect(await open.getAttribute('target')).toBe('_blank');
        expect(await open.getAttribute('rel')).toBe('noopener');
        const openBox = await open.boundingBox();
        expect(openBox && openBox.y + openBox.height <= (frameBox?.y ?? 0) + 600 + 1).toBe(true);
        await snap(page, `embed-${width}-${lang}`);
        if (width === 360) {
          // axe (WCAG 2.1 A/AA) over the article and the frame: no serious or critical violation.
          const result = await new AxeBuilder({ page })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
            .analyze();
          expect(result.passes.length).toBeGreaterThan(10);
          const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
          expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);
        }

        // The year control works by keyboard; the address keeps embed=1, the explorer link follows without it.
        await slider.focus();
        await slider.press('ArrowLeft');
        await expect.poll(() => frame.locator('.year-now').textContent()).toBe('2020');
        await expect.poll(() => new URL(frame.url()).searchParams.get('year')).toBe('2020');
        expect(new URL(frame.url()).searchParams.get('embed')).toBe('1');
        const href = new URL((await open.getAttribute('href')) ?? '');
        expect(href.searchParams.get('year')).toBe('2020');
        expect(href.searchParams.get('lang')).toBe(lang);
        expect(href.searchParams.has('embed')).toBe(false);

        // A click on the map selects a county (承德县, in the north, clear of the simple-map note this
        // machine's software WebGL shows); its line shows under the map, and nothing breaks.
        const point = await frame.evaluate(() => window.hebeiExplorer?.labelPointOnScreen('130821', 2020) ?? null);
        const mapBox = await frame.locator('.map').boundingBox();
        if (!point || !mapBox) throw new Error('no label point');
        await page.mouse.click(mapBox.x + point.x, mapBox.y + point.y);
        await expect.poll(() => new URL(frame.url()).searchParams.get('county')).toBe('130821');
        await expect.poll(() => frame.locator('.embed-peek').textContent()).toContain('承德县');
        expect((await open.getAttribute('href')) ?? '').toContain('county=130821');

        expect(await frame.evaluate(() => window.__embedCspViolations ?? null)).toEqual([]);
        expect(await page.evaluate(() => window.__embedCspViolations ?? null)).toEqual([]);
      });
    }
  }

  it('opens the explorer from the link, in a new tab, on the same view without embed', async () => {
    const code = await shareCode('?year=2022&mode=change&lang=en', '480');
    hostHtml = `<!doctype html><meta charset="utf-8"><title>Article</title><body>${code}</body>`;
    const { page, context } = await session({ width: 700, height: 700 });
    await page.goto(host.url);
    const frame = await embedFrame(page);
    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      frame.getByRole('link', { name: /Open in the explorer/ }).click(),
    ]);
    if (!tab) throw new Error('no new tab');
    await waitForMark(tab, 'map-interactive');
    const params = new URL(tab.url()).searchParams;
    expect([params.get('year'), params.get('mode'), params.get('lang'), params.has('embed')]).toEqual([
      '2022',
      'change',
      'en',
      false,
    ]);
    // The explorer, with its header and tools (folded under More at this width).
    expect(await tab.locator('.app-header').count()).toBe(1);
    expect(await tab.getByRole('button', { name: 'More' }).count()).toBe(1);
    await tab.close();
  });
});
