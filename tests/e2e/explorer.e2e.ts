/**
 * The explorer's first minute, in a real browser against the production build, offline:
 * step years by keyboard, play to the end, click a county and read its details, search by
 * pinyin, share a link and reopen it in a fresh page, and open a broken link.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TIER_COLORS } from '../../src/domain/palette';
import { ARTIFACTS, waitForMark } from './helpers/browser';
import { decodePng, distance, hexToRgb, pixelAt } from './helpers/pixels';
import { labelPoint } from './helpers/map-pixels';
import { offlineSuite } from './helpers/suite';

const { open, url } = offlineSuite();

async function colourAt(page: Page, code: string, year: number) {
  const { x, y } = await labelPoint(page, code, year);
  return pixelAt(decodePng(await page.screenshot()), x, y);
}

const snap = async (page: Page, name: string) =>
  writeFileSync(join(ARTIFACTS, `explorer-${name}.png`), await page.screenshot());

describe('timeline', () => {
  it('steps years with the keyboard, marks each drawn year and recolours the map', async () => {
    const { page } = await open('', { reducedMotion: true });
    const slider = page.getByRole('slider', { name: 'Year' });
    await slider.focus();
    await slider.press('ArrowLeft');
    await waitForMark(page, 'year-rendered:2022', 15_000);
    await expect.poll(() => page.locator('.year-now').textContent()).toBe('2022');
    await expect.poll(() => page.getByRole('heading', { name: 'Tiers in 2022' }).count()).toBe(1);
    await slider.press('Home');
    await waitForMark(page, 'year-rendered:2019', 15_000);
    await page.waitForTimeout(500);
    // 鹿泉区 is stated A in 2019 (rank 1), 平山县 is unknown that year: not a tier colour.
    expect(distance(await colourAt(page, '130110', 2019), hexToRgb(TIER_COLORS.A))).toBeLessThan(12);
    await snap(page, '2019');
    await slider.press('End');
    await waitForMark(page, 'year-rendered:2023', 15_000);
    await page.waitForTimeout(500);
    expect(distance(await colourAt(page, '130131', 2023), hexToRgb(TIER_COLORS.B))).toBeLessThan(12);
    expect(await slider.inputValue()).toBe('2023');
  });

  it('plays 2019 to 2023, says what changed each year, stops at the end and keeps the camera', async () => {
    const { page } = await open('?year=2019');
    const before = await labelPoint(page, '130110', 2019);
    const play = page.getByRole('button', { name: 'Play' });
    await play.click();
    await expect.poll(() => page.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    for (const year of [2020, 2021, 2022, 2023]) await waitForMark(page, `year-rendered:${year}`, 20_000);
    await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    expect(await page.locator('.year-now').textContent()).toBe('2023');
    expect(await page.locator('.year-summary').textContent()).toMatch(
      /^2023 against \d{4} \(default base: most units comparable\): \d+ up, \d+ down/,
    );
    expect(await labelPoint(page, '130110', 2023)).toEqual(before);
    // Play at the end starts again from 2019.
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => page.locator('.year-now').textContent()).toBe('2019');
    await page.getByRole('button', { name: 'Pause' }).click();
  });
});

describe('details', () => {
  it('opens the details of a county clicked at its label point, with its history and sources', async () => {
    const { page } = await open('', { reducedMotion: true });
    const { x, y } = await labelPoint(page, '130110', 2023);
    await page.mouse.move(x, y);
    await expect.poll(() => page.getByRole('tooltip').textContent()).toContain('Luquan District');
    await page.mouse.click(x, y);
    const panel = page.getByRole('region', { name: /Luquan District/ });
    await expect.poll(() => panel.count()).toBe(1);
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('鹿泉区');
    expect(text).toContain('130110');
    expect(text).toMatch(/A \(stated\)/);
    expect(await panel.getByRole('link').count()).toBeGreaterThan(0);
    await snap(page, 'details');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
  });
});

describe('search and sharing', () => {
  it('finds a county by pinyin, flies to it, and a shared link reopens the same view', async () => {
    const { page } = await open('', { reducedMotion: true });
    const search = page.getByRole('combobox', { name: 'Search county' });
    await search.fill('pingshan');
    await expect
      .poll(() => page.getByRole('listbox', { name: 'Search county' }).getByRole('option').first().textContent())
      .toContain('平山县');
    await search.press('ArrowDown');
    await search.press('Enter');
    const panel = page.getByRole('region', { name: /Pingshan County/ });
    await expect.poll(() => panel.count()).toBe(1);
    await expect.poll(() => page.url()).toContain('county=130131');
    await expect.poll(() => page.url()).toContain('view=');
    await page.getByRole('slider', { name: 'Year' }).press('ArrowLeft');
    await expect.poll(() => page.url()).toContain('year=2022');
    await page.getByRole('button', { name: 'Share' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Link copied' }).count()).toBe(1);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(page.url());
    await snap(page, 'shared-source');

    const fresh = await open(link.slice(url().length), { reducedMotion: true });
    await expect.poll(() => fresh.page.getByRole('region', { name: /Pingshan County/ }).count()).toBe(1);
    expect(await fresh.page.locator('.year-now').textContent()).toBe('2022');
    const a = await labelPoint(page, '130131', 2022);
    const b = await labelPoint(fresh.page, '130131', 2022);
    expect(Math.abs(a.x - b.x) + Math.abs(a.y - b.y)).toBeLessThan(2);
    await snap(fresh.page, 'shared-reopened');
  });

  it('opens a broken link on the map with a notice, applying what is valid and keeping unknown keys', async () => {
    const { page } = await open('?year=1999&county=12ab&lang=en&view=foo&ref=newsletter', { reducedMotion: true });
    const notices = page.getByRole('list', { name: 'Notices' });
    await expect.poll(() => notices.textContent()).toContain('year=1999');
    expect(await notices.textContent()).toContain('view=foo');
    expect(await page.locator('.year-now').textContent()).toBe('2023');
    expect(page.url()).toContain('ref=newsletter');
    await snap(page, 'broken-link');
    await notices.getByRole('button', { name: 'Dismiss' }).first().click();
    await expect.poll(async () => (await notices.textContent())?.includes('year=1999')).toBe(false);
  });

  it('switches to Chinese, with the accessible names of the contracts', async () => {
    const { page } = await open('?lang=zh', { reducedMotion: true });
    expect(await page.getByRole('slider', { name: '年份' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '播放' }).count()).toBe(1);
    const search = page.getByRole('combobox', { name: '搜索县区' });
    await search.fill('鹿泉');
    await expect
      .poll(() => page.getByRole('listbox', { name: '搜索县区' }).getByRole('option').first().textContent())
      .toContain('鹿泉区');
    await search.press('Enter');
    await expect.poll(() => page.getByRole('region', { name: /鹿泉区/ }).count()).toBe(1);
    await page.waitForTimeout(1500);
    // Chinese labels are drawn by the browser from local CJK fonts: no glyph requests (checked in afterAll).
    await snap(page, 'zh');
    // The map's canvas is named in the language shown, and renamed when it changes.
    const canvasName = () =>
      page.locator('.map[data-renderer="webgl"] canvas.maplibregl-canvas').getAttribute('aria-label');
    expect(await canvasName()).toBe('河北省县级单位科技创新能力分类地图');
    // MapLibre's zoom buttons too (the 2D map's are hidden once it has taken over).
    const zoomIn = page.locator('.map-gl .maplibregl-ctrl-zoom-in');
    expect(await zoomIn.getAttribute('aria-label')).toBe('放大');
    expect(await page.getByRole('button', { name: '缩小', exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: /English/ }).click();
    await expect.poll(canvasName).toBe('Map of Hebei’s county-level units coloured by innovation tier');
    expect(await zoomIn.getAttribute('aria-label')).toBe('Zoom in');
    expect(await zoomIn.getAttribute('title')).toBe('Zoom in');
  });
});
