/**
 * WebGL drawn in software (this machine's SwiftShader, as in virtual machines and remote
 * desktops): the explorer keeps its 2D map, where every MapLibre frame would hold the page for
 * hundreds of milliseconds, says so, and starts the full map when the user asks — for the rest of
 * the tab. Pages open with the explorer's own choice (`renderer: 'auto'`); the other e2e files
 * choose the full map first, as a machine with a GPU would get it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForMark } from './helpers/browser';
import { tierPixels } from './helpers/map-pixels';
import { offlineSuite } from './helpers/suite';

const suite = offlineSuite();
const open = async (path: string): Promise<Page> =>
  (await suite.open(path, { reducedMotion: true, renderer: 'auto' })).page;

const renderer = (page: Page) => page.evaluate(() => window.hebeiExplorer?.renderer);

describe('WebGL drawn in software', () => {
  it('keeps the 2D map, says why, and starts the full map when asked, for the rest of the tab', async () => {
    const page = await open('?year=2023');
    expect(await renderer(page)).toBe('2d');
    expect(await page.locator('.map').getAttribute('data-renderer')).toBe('2d');
    expect(await page.locator('canvas.maplibregl-canvas').count()).toBe(0);
    expect(await tierPixels(page)).toBeGreaterThan(500);
    const note = page.getByRole('region', { name: 'Simple map' });
    expect(await note.textContent()).toContain('draws WebGL without a graphics card');
    // The year still changes on the 2D map.
    await page.getByRole('slider', { name: 'Year' }).press('ArrowLeft');
    await waitForMark(page, 'year-rendered:2022');

    await note.getByRole('button', { name: 'Use the full map anyway' }).click();
    await expect.poll(() => page.locator('.map').getAttribute('data-renderer'), { timeout: 60_000 }).toBe('webgl');
    expect(await renderer(page)).toBe('webgl');
    expect(await note.count()).toBe(0);
    // The view carried over: the year chosen on the 2D map.
    expect(new URL(page.url()).searchParams.get('year')).toBe('2022');

    await page.reload();
    await waitForMark(page, 'map-interactive');
    await expect.poll(() => page.locator('.map').getAttribute('data-renderer'), { timeout: 60_000 }).toBe('webgl');
    expect(await page.getByRole('region', { name: 'Simple map' }).count()).toBe(0);
  });

  it('says it in Chinese too', async () => {
    const page = await open('?year=2023&lang=zh');
    const note = page.getByRole('region', { name: '简易地图' });
    expect(await note.textContent()).toContain('以软件绘制 WebGL');
    expect(await note.getByRole('button', { name: '仍然使用完整地图' }).count()).toBe(1);
  });
});
