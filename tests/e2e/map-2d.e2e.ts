/**
 * The map without WebGL (issue 13): in Chromium with WebGL turned off, against the production
 * build, offline, the 2D map is the map. It paints the linked year, says why it is the simple
 * map, and does everything the map does: year slider and play, click and keyboard selection
 * with details, hover tooltip, legend highlight, change and first-year-in-A modes, an area's
 * zoom, pan and zoom by drag, wheel, buttons and keys, the view kept in the address.
 */
import { readFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HEADER_HEIGHT } from '../../src/domain/export-png';
import { TIER_COLORS, TRAJECTORY_COLORS } from '../../src/domain/palette';
import { ARTIFACTS, waitForMark } from './helpers/browser';
import { decodePng, distance, hexToRgb, pixelAt } from './helpers/pixels';
import { labelPoint, tierPixels } from './helpers/map-pixels';
import { offlineSuite } from './helpers/suite';

const suite = offlineSuite({ webgl: false });
const open = async (path = ''): Promise<Page> => (await suite.open(path, { reducedMotion: true })).page;

const PINGSHAN = '130131';

const flagged = (page: Page, flag: 'flow' | 'muted' | 'unlit' | 'selected') =>
  page.evaluate((f) => window.hebeiExplorer?.unitsFlagged(f) ?? [], flag);

const viewOf = (page: Page) => new URL(page.url()).searchParams.get('view');
const snap = async (page: Page, name: string) =>
  writeFileSync(join(ARTIFACTS, `map-2d-${name}.png`), await page.screenshot());

describe('the map without WebGL', () => {
  it('paints the linked year in 2D, says why, and is the map (no MapLibre canvas)', async () => {
    const page = await open('?year=2023');
    expect(await page.evaluate(() => window.hebeiExplorer?.renderer)).toBe('2d');
    expect(await page.evaluate(() => performance.getEntriesByName('choropleth-ready').length)).toBe(1);
    expect(await page.locator('canvas.maplibregl-canvas').count()).toBe(0);
    expect(await tierPixels(page)).toBeGreaterThan(500);
    const note = page.getByRole('region', { name: 'Simple map' });
    expect(await note.textContent()).toContain('so the map is drawn in 2D');
    await snap(page, 'first-view');
    // The map area, its note and its controls are accessible (axe, WCAG 2.1 A and AA).
    const axe = await new AxeBuilder({ page })
      .include('.map-column')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await note.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => note.count()).toBe(0);
  });

  it('steps and plays the years, marking each year it draws', async () => {
    const page = await open('?year=2023');
    const slider = page.getByRole('slider', { name: 'Year' });
    const before = await tierPixels(page);
    await slider.press('Home');
    await waitForMark(page, 'year-rendered:2019', 10_000);
    // 2019 has far fewer known units than 2023: less of the map is in tier colours.
    await expect.poll(() => tierPixels(page)).toBeLessThan(before / 2);
    await page.evaluate(() => performance.clearMarks());
    await page.getByRole('button', { name: /^\W*Play/ }).click();
    await waitForMark(page, 'year-rendered:2023', 30_000);
    for (const year of [2020, 2021, 2022]) await waitForMark(page, `year-rendered:${year}`, 1000);
  });

  it('selects a unit by click with its details, shows a tooltip on hover, and clears on blank map', async () => {
    const page = await open('?year=2023');
    const point = await labelPoint(page, PINGSHAN, 2023);
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => page.getByRole('tooltip').textContent()).toContain('Pingshan County');
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => page.getByRole('region', { name: /Pingshan County/ }).count()).toBe(1);
    expect(page.url()).toContain(`county=${PINGSHAN}`);
    expect(await flagged(page, 'selected')).toEqual([PINGSHAN]);
    await snap(page, 'selected');
    // Blank sea, in the map's lower right corner.
    const box = await page.locator('.map').boundingBox();
    if (!box) throw new Error('map not found');
    await page.mouse.click(box.x + box.width - 60, box.y + box.height - 60);
    await expect.poll(() => flagged(page, 'selected')).toEqual([]);
  });

  it('selects by keyboard through search, and the map draws the selection', async () => {
    const page = await open('?year=2023');
    const search = page.getByRole('combobox', { name: 'Search county' });
    await search.fill('pingshan');
    await expect
      .poll(() => page.getByRole('listbox', { name: 'Search county' }).getByRole('option').first().textContent())
      .toContain('平山县');
    await search.press('ArrowDown');
    await search.press('Enter');
    await expect.poll(() => page.url()).toContain('view=');
    await expect.poll(() => flagged(page, 'selected')).toEqual([PINGSHAN]);
    // The camera went to it: its label point is in the map.
    const point = await labelPoint(page, PINGSHAN, 2023);
    const box = await page.locator('.map').boundingBox();
    if (!box) throw new Error('map not found');
    expect(point.x).toBeGreaterThan(box.x);
    expect(point.x).toBeLessThan(box.x + box.width);
  });

  it('washes out units outside the legend entry under focus', async () => {
    const page = await open('?year=2023');
    const legend = page.getByRole('region', { name: /Tiers in 2023/ });
    const entryA = legend.locator('li[data-state="A"]');
    const knownA = Number(/(\d+) known/.exec((await entryA.textContent()) ?? '')?.[1]);
    await entryA.focus();
    await expect.poll(async () => (await flagged(page, 'unlit')).length).toBe(167 - knownA);
    await entryA.blur();
    await expect.poll(async () => (await flagged(page, 'unlit')).length).toBe(0);
  });

  it('draws change and first-year-in-A modes, and a flow', async () => {
    const page = await open('?year=2021');
    const tier = decodePng(await page.screenshot());
    await page.getByRole('radio', { name: 'Change' }).check();
    await expect.poll(() => page.url()).toContain('mode=change');
    await waitForMark(page, 'year-rendered:2021', 5000);
    const change = decodePng(await page.screenshot());
    const box = await page.locator('.map').boundingBox();
    if (!box) throw new Error('map not found');
    let differ = 0;
    for (let y = box.y; y < box.y + box.height; y += 8)
      for (let x = box.x; x < box.x + box.width; x += 8)
        if (distance(pixelAt(tier, x, y), pixelAt(change, x, y)) > 30) differ += 1;
    expect(differ).toBeGreaterThan(100);
    await snap(page, 'change');
    const band = page.getByRole('button', { name: /^C → B: \d+ unit/ }).first();
    const count = Number(/: (\d+) unit/.exec((await band.getAttribute('aria-label')) ?? '')?.[1]);
    await band.click();
    await expect.poll(async () => (await flagged(page, 'flow')).length).toBe(count);
    await page.getByRole('radio', { name: 'First year in A' }).check();
    await expect.poll(() => page.url()).toContain('mode=trajectory');
    await snap(page, 'trajectory');
    // Drawn as the legend says (without a flow, which washes out the other units): 鹿泉区 was A in
    // 2019 (the first evaluation), 平山县 in no known year up to 2023.
    const plain = await open('?year=2023&mode=trajectory');
    const colourAt = async (code: string) => {
      const point = await labelPoint(plain, code, 2023);
      return pixelAt(decodePng(await plain.screenshot()), Math.round(point.x), Math.round(point.y));
    };
    await expect
      .poll(async () => distance(await colourAt('130110'), hexToRgb(TRAJECTORY_COLORS[2019])))
      .toBeLessThan(12);
    expect(distance(await colourAt(PINGSHAN), hexToRgb(TRAJECTORY_COLORS.never))).toBeLessThan(12);
  });

  it('zooms to a linked area, and pans and zooms by drag, wheel, buttons and keys, keeping the view in the address', async () => {
    const page = await open('?year=2023&pref=130100');
    // 石家庄's units fill the map: two of its label points are far apart.
    const a = await labelPoint(page, PINGSHAN, 2023);
    const b = await labelPoint(page, '130110', 2023);
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(60);
    expect(await flagged(page, 'muted')).not.toEqual([]);

    const box = await page.locator('.map').boundingBox();
    if (!box) throw new Error('map not found');
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // Drag: the point under the pointer follows it.
    const before = await labelPoint(page, PINGSHAN, 2023);
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + 40, cy + 30, { steps: 5 });
    await page.mouse.up();
    const after = await labelPoint(page, PINGSHAN, 2023);
    expect(after.x - before.x).toBeCloseTo(40, 0);
    expect(after.y - before.y).toBeCloseTo(30, 0);
    await expect.poll(() => viewOf(page)).not.toBeNull();
    const dragged = viewOf(page);

    // Wheel: zooms in about the pointer.
    await page.mouse.move(cx, cy);
    await page.mouse.wheel(0, -200);
    await expect.poll(() => viewOf(page)).not.toBe(dragged);
    const zoomOf = () => Number(viewOf(page)?.split(',')[2]);
    const wheeled = zoomOf();

    // The zoom buttons, then the keys on the focused map.
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(zoomOf).toBeCloseTo(wheeled - 1, 1);
    await page.locator('canvas.map-2d').focus();
    await page.keyboard.press('+');
    await expect.poll(zoomOf).toBeCloseTo(wheeled, 1);
    const keyed = viewOf(page);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => viewOf(page)).not.toBe(keyed);

    // A reload opens the same view.
    const view = viewOf(page);
    await page.reload();
    await waitForMark(page, 'map-interactive');
    expect(viewOf(page)).toBe(view);
  });

  it('shows a metric scale bar like MapLibre’s, bottom left, that follows the zoom', async () => {
    const page = await open('?year=2023');
    // The note on the simple map lies over the map's lower left corner: closed, the bar is seen.
    await page.getByRole('region', { name: 'Simple map' }).getByRole('button', { name: 'Close' }).click();
    const bar = page.locator('.map > .map-2d-scale');
    const read = () => bar.evaluate((el) => ({ text: el.textContent, width: el.getBoundingClientRect().width }));
    await expect.poll(() => bar.isVisible()).toBe(true);
    const first = await read();
    // MapLibre's ScaleControl text: a nice number and km, with a no-break space ("100 km").
    expect(first.text).toMatch(/^(1|2|3|5)0*\u00a0km$/);
    expect(first.width).toBeGreaterThan(40);
    expect(first.width).toBeLessThanOrEqual(100);
    expect(await bar.getAttribute('aria-hidden')).toBe('true');
    // MapLibre's place: 10 px from the map's left and bottom edges.
    const box = await page.locator('.map').boundingBox();
    const barBox = await bar.boundingBox();
    if (!box || !barBox) throw new Error('map or scale bar not found');
    expect(barBox.x - box.x).toBeCloseTo(10, 0);
    expect(box.y + box.height - (barBox.y + barBox.height)).toBeCloseTo(10, 0);
    // It takes no pointer events: a pointer over it is over the map.
    const under = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.className, [
      barBox.x + barBox.width / 2,
      barBox.y + barBox.height / 2,
    ] as const);
    expect(under).toBe('map-2d');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => (await read()).text).not.toBe(first.text);
    expect((await read()).text).toMatch(/^(1|2|3|5)0*\u00a0k?m$/);
  });

  it('exports the 2D map as a PNG, with the map on it', async () => {
    const page = await open('?year=2023');
    await page.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PNG 1×' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('hebei-innovation-2023@1x.png');
    const png = decodePng(await readFile(await download.path()));
    const mapBox = await page.locator('.map').boundingBox();
    if (!mapBox) throw new Error('map not found');
    const a = hexToRgb(TIER_COLORS.A);
    let near = 0;
    for (let y = HEADER_HEIGHT; y < HEADER_HEIGHT + mapBox.height; y += 2)
      for (let x = 0; x < png.width; x += 2) if (distance(pixelAt(png, x, y), a) < 12) near += 1;
    expect(near).toBeGreaterThan(100);
    writeFileSync(join(ARTIFACTS, 'map-2d-export.png'), await readFile(await download.path()));
  });

  it('reads in Chinese, with Chinese names for its controls', async () => {
    const page = await open('?year=2023&lang=zh');
    expect(await page.getByRole('button', { name: '放大' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '缩小' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: '简易地图' }).count()).toBe(1);
    await snap(page, 'zh');
  });
});
