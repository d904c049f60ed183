/**
 * PNG export in the production build, offline: Export → PNG 2× downloads a file that decodes,
 * has the size the layout promises for the map's CSS size, and shows the map (tier colours),
 * not a blank canvas. The menu works from the keyboard.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Download, Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER_HEIGHT, exportPixelSize } from '../../src/domain/export-png';
import { TIER_COLORS } from '../../src/domain/palette';
import { launchBrowser, openOfflinePage, waitForMark, type OfflinePage } from './helpers/browser';
import { decodePng, distance, hexToRgb, pixelAt, type Rgb } from './helpers/pixels';
import { serveDirectory, type StaticServer } from './helpers/static-server';

let server: StaticServer;
let browser: Browser;
let session: OfflinePage;

/** The map canvas's CSS size, which the export copies at the chosen scale. */
async function mapSize(page: Page): Promise<{ width: number; height: number }> {
  // A string, so the page runs exactly this code (tsx would add helpers the page lacks).
  return page.evaluate(`(() => {
    const c = document.querySelector('.map canvas.maplibregl-canvas');
    return { width: c.clientWidth, height: c.clientHeight };
  })()`);
}

async function exportPng(page: Page, item: string): Promise<{ download: Download; png: PNG }> {
  await page.getByRole('button', { name: /^(Export|导出)$/ }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: item }).click(),
  ]);
  const path = await download.path();
  return { download, png: decodePng(await readFile(path)) };
}

/** Pixels near a colour inside a region of the image, sampled every `step` pixels. */
function countNear(png: PNG, hex: string, region: { y0: number; y1: number }, step = 2, tolerance = 12): number {
  const target = hexToRgb(hex);
  let n = 0;
  for (let y = region.y0; y < region.y1; y += step)
    for (let x = 0; x < png.width; x += step) if (distance(pixelAt(png, x, y), target) < tolerance) n += 1;
  return n;
}

function distinctColours(png: PNG, step = 3): number {
  const seen = new Set<string>();
  for (let y = 0; y < png.height; y += step)
    for (let x = 0; x < png.width; x += step) seen.add(pixelAt(png, x, y).join(','));
  return seen.size;
}

beforeAll(async () => {
  server = await serveDirectory(process.env.E2E_DIST ?? 'dist');
  browser = await launchBrowser();
  session = await openOfflinePage(browser);
  await session.page.goto(server.url);
  await waitForMark(session.page, 'map-interactive');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Export → PNG 2× (2023, English)', () => {
  let size: { width: number; height: number };
  let download: Download;
  let png: PNG;

  beforeAll(async () => {
    size = await mapSize(session.page);
    ({ download, png } = await exportPng(session.page, 'PNG 2×'));
  });

  it('names the file after the year and the scale', () => {
    expect(download.suggestedFilename()).toBe('hebei-innovation-2023@2x.png');
  });

  it('has the expected size: the map’s CSS size × 2, plus the header and footer bands', () => {
    expect(size.width).toBeGreaterThan(300);
    expect(size.height).toBeGreaterThan(200);
    const expected = exportPixelSize(size.width, size.height, 2);
    expect({ width: png.width, height: png.height }).toEqual(expected);
    expect(png.width).toBe(size.width * 2);
  });

  it('is not blank: many colours, the A tier colour on the map and in the legend', () => {
    expect(distinctColours(png)).toBeGreaterThan(50);
    const mapTop = HEADER_HEIGHT * 2;
    const mapBottom = mapTop + size.height * 2;
    expect(countNear(png, TIER_COLORS.A, { y0: mapTop, y1: mapBottom })).toBeGreaterThan(500);
    expect(countNear(png, TIER_COLORS.A, { y0: mapBottom, y1: png.height }, 1, 2)).toBeGreaterThan(20);
    // Header and footer are drawn on white, with dark text on them.
    const white: Rgb = [255, 255, 255];
    expect(distance(pixelAt(png, 2, 2), white)).toBe(0);
    expect(countNear(png, '#1d1d1d', { y0: 0, y1: mapTop }, 1, 60)).toBeGreaterThan(100);
  });

  it('tells the user the file was saved', async () => {
    await expect
      .poll(() => session.page.getByRole('status').filter({ hasText: 'Saved' }).textContent())
      .toContain('hebei-innovation-2023@2x.png');
  });
});

describe('the export menu from the keyboard', () => {
  it('opens with Enter, moves with the arrow keys, closes with Escape back on the button', async () => {
    const { page } = session;
    const button = page.getByRole('button', { name: /^Export$/ });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    const focused = () => page.evaluate('document.activeElement && document.activeElement.textContent');
    await expect.poll(focused).toBe('PNG 1×');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('PNG 2×');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('PNG 1×');
    await page.keyboard.press('Escape');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('button', { name: 'PNG 1×' }).count()).toBe(0);
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.textContent'))
      .toMatch(/^Export/);
  });
});

describe('Export → PNG 1× in Chinese, filtered to 石家庄', () => {
  it('downloads an image of the 1× size with the map on it', async () => {
    const page = await session.context.newPage();
    page.on('pageerror', (e) => session.errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') session.errors.push(`console: ${m.text()}`);
    });
    await page.goto(`${server.url}?lang=zh&pref=130100`);
    await waitForMark(page, 'map-interactive');
    await expect.poll(() => page.getByText('已筛选为石家庄').count()).toBe(1);
    const size = await mapSize(page);
    const { download, png } = await exportPng(page, 'PNG 1×');
    expect(download.suggestedFilename()).toBe('hebei-innovation-2023@1x.png');
    expect({ width: png.width, height: png.height }).toEqual(exportPixelSize(size.width, size.height, 1));
    expect(countNear(png, TIER_COLORS.A, { y0: HEADER_HEIGHT, y1: HEADER_HEIGHT + size.height })).toBeGreaterThan(100);
    await page.close();
  });
});

describe('offline and clean', () => {
  it('makes no request outside the loopback interface', () => {
    expect(session.externalRequests).toEqual([]);
  });

  it('raises no page or console error', () => {
    expect(session.errors).toEqual([]);
  });
});
