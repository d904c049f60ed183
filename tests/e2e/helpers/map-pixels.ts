/** Reading the map area off screenshots, whichever renderer draws it. */
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
