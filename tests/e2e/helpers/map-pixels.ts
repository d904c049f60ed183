/** Reading the map area (off screenshots, and where a unit is drawn), whichever renderer draws it. */
import type { Page } from 'playwright-core';
import { TIER_COLORS } from '../../../src/domain/palette';
import { decodePng, distance, hexToRgb, pixelAt } from './pixels';

/** Pixels of the map area, sampled every 4 px, whose colour is one of the three tier colours. */
export async function tierPixels(page: Page): Promise<number> {
  const box = await page.locator('.map').boundingBox();
  if (!box) throw new Error('map not found');
  const png = decodePng(await page.screenshot());
  const tiers = Object.values(TIER_COLORS).map(hexToRgb);
  let n = 0;
  for (let y = box.y; y < box.y + box.height; y += 4)
    for (let x = box.x; x < box.x + box.width; x += 4) {
      if (tiers.some((t) => distance(pixelAt(png, x, y), t) < 12)) n += 1;
    }
  return n;
}

/** A unit's label point in page coordinates, from the probe of the map on screen. */
export async function labelPoint(page: Page, code: string, year: number): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(([c, y]) => window.hebeiExplorer?.labelPointOnScreen(c, y) ?? null, [
    code,
    year,
  ] as const);
  if (!point) throw new Error(`no label point for ${code} in ${year}`);
  const box = await page.locator('.map').boundingBox();
  if (!box) throw new Error('map container not found');
  return { x: box.x + point.x, y: box.y + point.y };
}
