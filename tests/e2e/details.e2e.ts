/**
 * The county details panel against the production build, offline: a county chosen by search, by
 * a click on the map or from the panel itself opens with its heading in view (the side panel had
 * been scrolled down before), the comparison table is above the fold with the county's, its
 * neighbours', its area's and the province's five years, and one button goes back to the
 * province view. Both languages, and the phone's bottom sheet.
 *
 * The numbers checked for 鹿泉区 (130110) and 石家庄 were counted by hand from data/tiers.csv,
 * data/units.csv and data/totals.csv: 鹿泉区 A every year (2019 and 2023 stated, 2020–2022
 * derived); 石家庄's 21 units: 2019 seven A named (official A 7, B and C not given), 2020 and 2021
 * only 鹿泉区 known, 2022 鹿泉区 and six C units, 2023 all 21 (A 10, B 11, C 0 as the row gives);
 * the province's official 2019 totals A 13, B 42, C 113 of 168 units.
 */
import { writeFileSync } from 'node:fs';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { labelPoint } from './helpers/map-pixels';
import { offlineSuite } from './helpers/suite';

const { open } = offlineSuite();

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 2,
};

const snap = async (page: Page, name: string) => writeFileSync(`/tmp/details-${name}.png`, await page.screenshot());

/** The element that scrolls the details: the side panel, or the phone sheet's body. */
const scroller = (page: Page) => page.locator('.sheet-body, .side-panel:not(.bottom-sheet)').first();

/** Scrolls the panel to its end, as a reader of the province summaries would have left it. */
async function scrollPanelDown(page: Page) {
  await scroller(page).evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
}

/** Whether the element is wholly inside the visible part of the panel and of the viewport. */
async function inView(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const panel = await scroller(page).boundingBox();
  const viewport = page.viewportSize();
  if (!box || !panel || !viewport) return false;
  return (
    box.y >= panel.y - 0.5 &&
    box.y + box.height <= Math.min(panel.y + panel.height, viewport.height) + 0.5 &&
    box.height > 0
  );
}

/** The cells of the table row whose header is exactly `header`, as their text (visible figure and words). */
async function rowCells(table: Locator, header: string): Promise<string[]> {
  const row = table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: header, exact: true }) });
  expect(await row.count(), `one row headed "${header}"`).toBe(1);
  return row.getByRole('cell').allTextContents();
}

async function search(page: Page, name: string, query: string) {
  const box = page.getByRole('combobox', { name });
  await box.fill(query);
  await expect.poll(() => page.getByRole('listbox', { name }).getByRole('option').count()).toBeGreaterThan(0);
  await box.press('ArrowDown');
  await box.press('Enter');
}

describe('county details, desktop', () => {
  it('opens a county found by search with its heading, its row, its area and the province in view', async () => {
    const { page } = await open('?lang=en&year=2023', { reducedMotion: true });
    await scrollPanelDown(page);
    expect(await scroller(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await search(page, 'Search county', 'luquan');

    const region = page.getByRole('region', { name: /Luquan District/ });
    await expect.poll(() => region.count()).toBe(1);
    const heading = region.getByRole('heading', { level: 2 });
    await expect.poll(() => inView(page, heading)).toBe(true);

    const table = region.getByRole('table', { name: /Neighbours, Shijiazhuang and the province/ });
    expect(await table.count()).toBe(1);
    // The county, its area and the province are on screen without scrolling or unfolding.
    for (const header of ['Luquan District', 'Shijiazhuang units', 'Shijiazhuang unknown', 'Province units']) {
      const rowHeader = table.getByRole('rowheader', { name: header, exact: true });
      expect(await inView(page, rowHeader), `${header} in view`).toBe(true);
    }
    expect(await region.locator('details[open]').count()).toBe(0);

    // One column a year, the shown year marked in words.
    const years = await table.getByRole('columnheader').allTextContents();
    expect(years.slice(1)).toEqual(['2019', '2020', '2021', '2022', '2023(shown on the map)']);

    // 鹿泉区: A every year, stated in 2019 and 2023, derived in between.
    expect(await rowCells(table, 'Luquan District')).toEqual([
      'AA (stated)',
      'AA (derived)',
      'AA (derived)',
      'AA (derived)',
      'AA (stated)',
    ]);

    // Its nine neighbours, each a button that shows it; 平山县's five years.
    const neighbours = await table.getByRole('rowheader').getByRole('button').allTextContents();
    expect(neighbours).toEqual([
      'Qiaoxi District',
      'Xinhua District',
      'Yuhua District',
      'Luancheng District',
      'Jingxing County',
      'Zhengding County',
      'Lingshou County',
      'Pingshan County',
      'Yuanshi County',
    ]);
    expect(await rowCells(table, 'Pingshan County')).toEqual([
      '?unknown',
      '?unknown',
      '?unknown',
      'CC (derived)',
      'BB (stated)',
    ]);

    // 石家庄: every count with what it is out of (the figure, then the words a screen reader reads).
    expect(await rowCells(table, 'Shijiazhuang units')).toEqual([
      '2121 units',
      '2121 units',
      '2121 units',
      '2121 units',
      '2121 units',
    ]);
    const a = await rowCells(table, 'Shijiazhuang A');
    expect(a[0]).toBe('7/7A: 7 known of 7 official');
    expect(a[1]).toBe('1/?A: 1 known of 21 units, official count not stated');
    expect(a[4]).toBe('10/10A: 10 known of 10 official (official counts worked out from stated facts)');
    const c = await rowCells(table, 'Shijiazhuang C');
    expect(c[3]).toBe('6/?C: 6 known of 21 units, official count not stated');
    expect(await rowCells(table, 'Shijiazhuang unknown')).toEqual([
      '1414 of 21 units unknown',
      '2020 of 21 units unknown',
      '2020 of 21 units unknown',
      '1414 of 21 units unknown',
      '00 of 21 units unknown',
    ]);
    // The province: 2019's official totals, and 2022's minimum.
    const pa = await rowCells(table, 'Province A');
    expect(pa[0]).toMatch(/^\d+\/13A: \d+ known of 13 official$/);
    expect(pa[3]).toMatch(/^\d+\/≥24A: \d+ known, official at least 24/);
    expect((await rowCells(table, 'Province C'))[0]).toMatch(/^\d+\/113C: \d+ known of 113 official$/);
    expect((await rowCells(table, 'Province units'))[0]).toBe('168168 units');
    await snap(page, 'desktop-en');
  });

  it('keeps the heading in view when a county is clicked on the map or chosen in the panel, and goes back in one action', async () => {
    const { page } = await open('?lang=en&year=2023', { reducedMotion: true });
    await scrollPanelDown(page);
    const { x, y } = await labelPoint(page, '130110', 2023);
    await page.mouse.click(x, y);
    const luquan = page.getByRole('region', { name: /Luquan District/ });
    await expect.poll(() => luquan.count()).toBe(1);
    await expect.poll(() => inView(page, luquan.getByRole('heading', { level: 2 }))).toBe(true);

    // Read down to the sources, then choose a neighbour in the table: its heading comes into view and takes focus.
    await scrollPanelDown(page);
    await page.getByRole('button', { name: 'Pingshan County' }).click();
    const pingshan = page.getByRole('region', { name: /Pingshan County/ });
    await expect.poll(() => pingshan.count()).toBe(1);
    const heading = pingshan.getByRole('heading', { level: 2 });
    await expect.poll(() => inView(page, heading)).toBe(true);
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('county')).toBe('130131');
    // 鹿泉区 is now among 平山县's neighbours.
    const table = pingshan.getByRole('table');
    expect(await table.getByRole('button', { name: 'Luquan District' }).count()).toBe(1);

    // Back to the province view: one labelled button clears the selection.
    await pingshan.getByRole('button', { name: 'Back to the province view' }).click();
    await expect.poll(() => pingshan.count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('county')).toBeNull();
    // The keyboard focus goes to the province view's heading, not back to the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('province-summary-title');
  });

  it('shows the comparison in Chinese, with a neighbour in another area named by its area', async () => {
    const { page } = await open('?lang=zh&year=2023', { reducedMotion: true });
    await scrollPanelDown(page);
    await search(page, '搜索县区', '鹿泉');
    const region = page.getByRole('region', { name: /鹿泉区/ });
    await expect.poll(() => region.count()).toBe(1);
    await expect.poll(() => inView(page, region.getByRole('heading', { level: 2 }))).toBe(true);
    const table = region.getByRole('table', { name: /与相邻单位、石家庄及全省比较/ });
    expect(await table.count()).toBe(1);
    expect((await rowCells(table, '石家庄 A'))[0]).toBe('7/7A类：已知7个，官方7个');
    expect((await rowCells(table, '石家庄 未知'))[0]).toBe('1421个单位中14个未知');
    expect((await rowCells(table, '全省 单位数'))[0]).toBe('168168个单位');
    expect(await table.getByRole('button', { name: '平山县' }).count()).toBe(1);
    expect(await region.getByRole('button', { name: '返回全省概览' }).count()).toBe(1);
    await snap(page, 'desktop-zh');

    // 辛集市 is its own area: every neighbour is in another one, and says which.
    await search(page, '搜索县区', '辛集');
    const xinji = page.getByRole('region', { name: /辛集市/ });
    await expect.poll(() => xinji.count()).toBe(1);
    const areas = await xinji.locator('.dp-cmp-area').allTextContents();
    expect(areas.length).toBeGreaterThan(0);
    expect(areas.length).toBe(await xinji.getByRole('table').getByRole('rowheader').getByRole('button').count());
    expect(areas.every((a) => /^属\S+$/.test(a) && a !== '属辛集')).toBe(true);
    expect(areas).toContain('属石家庄');
  });
});

describe('county details, phone', () => {
  it('shows the heading and the comparison in the raised sheet, with controls a finger can use', async () => {
    const { page } = await open('?lang=en&year=2023', { reducedMotion: true, context: PHONE });
    await page.getByRole('button', { name: /^Details/ }).tap();
    await expect.poll(() => page.locator('.bottom-sheet').getAttribute('data-snap')).toBe('half');
    await scrollPanelDown(page);
    await search(page, 'Search county', 'luquan');
    const region = page.getByRole('region', { name: /Luquan District/ });
    await expect.poll(() => region.count()).toBe(1);
    await expect.poll(() => inView(page, region.getByRole('heading', { level: 2 }))).toBe(true);
    const table = region.getByRole('table');
    expect(await table.isVisible()).toBe(true);
    expect((await rowCells(table, 'Shijiazhuang A'))[0]).toBe('7/7A: 7 known of 7 official');
    // The table fits the sheet's width: no sideways scrolling.
    const fits = await table.evaluate((el) => el.scrollWidth <= (el.parentElement?.clientWidth ?? 0) + 1);
    expect(fits).toBe(true);
    for (const control of [
      region.getByRole('button', { name: 'Back to the province view' }),
      table.getByRole('button', { name: 'Pingshan County' }),
    ]) {
      const box = await control.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44 - 0.5);
    }
    await snap(page, 'phone-en');
    await region.getByRole('button', { name: 'Back to the province view' }).tap();
    await expect.poll(() => region.count()).toBe(0);
  });
});
