/**
 * Smoke test of the whole pipeline: the production build loads offline, draws the 2023
 * choropleth, and known counties show their tier's colour at their label points.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIER_COLORS, UNKNOWN_GROUND, UNKNOWN_STRIPE } from '../../src/domain/palette';
import { ARTIFACTS, launchBrowser, openOfflinePage, waitForMark, type OfflinePage } from './helpers/browser';
import { colorsAround, decodePng, distance, hexToRgb, pixelAt } from './helpers/pixels';
import { labelPoint } from './helpers/map-pixels';
import { serveDirectory, type StaticServer } from './helpers/static-server';

let server: StaticServer;
let browser: Browser;
let session: OfflinePage;
let screenshot: Buffer;

beforeAll(async () => {
  server = await serveDirectory(process.env.E2E_DIST ?? 'dist');
  browser = await launchBrowser();
  session = await openOfflinePage(browser);
  await session.page.goto(server.url);
  await waitForMark(session.page, 'map-interactive');
  screenshot = await session.page.screenshot();
  writeFileSync(join(ARTIFACTS, 'smoke-2023.png'), screenshot);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('first view (2023)', () => {
  it('makes no request outside the loopback interface', () => {
    expect(session.externalRequests).toEqual([]);
  });

  it('raises no page or console error', () => {
    expect(session.errors).toEqual([]);
  });

  it('marks choropleth-ready once', async () => {
    const marks = await session.page.evaluate(() => performance.getEntriesByName('choropleth-ready').length);
    expect(marks).toBe(1);
  });

  it.each([
    ['130110', '鹿泉区, stated A', TIER_COLORS.A],
    ['130131', '平山县, stated B', TIER_COLORS.B],
    ['131126', '故城县, derived A', TIER_COLORS.A],
  ])('colours %s (%s) with its tier colour', async (code, _label, expected) => {
    const { x, y } = await labelPoint(session.page, code, 2023);
    const png = decodePng(screenshot);
    expect(distance(pixelAt(png, x, y), hexToRgb(expected))).toBeLessThan(12);
  });

  it('draws 围场 (no source states its tier) as the unknown hatch, not a tier colour', async () => {
    const { x, y } = await labelPoint(session.page, '130828', 2023);
    const png = decodePng(screenshot);
    const around = colorsAround(png, x, y, 6);
    const near = (hex: string) => around.filter((c) => distance(c, hexToRgb(hex)) < 20).length;
    expect(near(UNKNOWN_GROUND)).toBeGreaterThan(around.length / 3);
    expect(near(UNKNOWN_STRIPE)).toBeGreaterThan(around.length / 10);
    for (const tier of Object.values(TIER_COLORS)) expect(near(tier)).toBe(0);
  });

  it('shows the legend with counts next to the official totals', async () => {
    const legend = session.page.getByRole('region', { name: /Tiers in 2023/ });
    await expect.poll(() => legend.textContent()).toContain('official 66');
    await expect.poll(() => legend.textContent()).toContain('66 of 167 units known');
  });
});
