/**
 * The page's layout against the production build, offline (issue 16, points 7 and 8): a shared
 * link's banner and the notices lie over the map without moving it; choosing a row of the table
 * closes it and shows the unit on the map with its details; the table's counts say what they are
 * out of; no column header is clipped, in English or Chinese; on a phone (390 and 360 px wide,
 * touch) the sheet's peek shows the tier legend with counts, the unit table keeps its names
 * pinned while the years scroll sideways, and the area table keeps its header rows in view.
 * Screenshots go to /tmp/layout-*.png to be looked at.
 */
import { writeFileSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ImportLayer } from '../../src/domain/import/types';
import { encodeImportLayers } from '../../src/url/import-fragment';
import { offlineSuite } from './helpers/suite';

const suite = offlineSuite();

const phone = (width: number, height: number): BrowserContextOptions => ({
  viewport: { width, height },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 2,
});

const openDesktop = async (path = ''): Promise<Page> => (await suite.open(path, { reducedMotion: true })).page;
const openPhone = async (path: string, width: number, height: number): Promise<Page> =>
  (await suite.open(path, { reducedMotion: true, context: phone(width, height) })).page;

const snap = async (page: Page, name: string) => writeFileSync(`/tmp/layout-${name}.png`, await page.screenshot());
const mapBox = (page: Page) => page.locator('.map').boundingBox();

async function box(page: Page, selector: string) {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on the page`);
  return found;
}

/** A layer as a shared link carries it: B in 2022 for three 承德 units data/ says nothing about. */
function linkLayer(): ImportLayer {
  const codes = ['130821', '130822', '130881'];
  return {
    id: 'IMP1',
    source: { title: 'Linked notice', date: '2022-12-30', url: 'https://example.org/notice' },
    createdAt: '2026-11-25T00:00:00.000Z',
    facts: codes.map((code, i) => ({
      code,
      year: 2022,
      tier: 'B' as const,
      rank: null,
      rankOf: null,
      raw: ['承德县', '兴隆县', '平泉市'][i] ?? code,
    })),
    origin: 'link',
  };
}

async function openTable(page: Page) {
  const more = page.locator('.more-toggle');
  if (await more.isVisible()) await more.tap();
  const button = page.locator('#table-view-button');
  if (await more.isVisible()) await button.tap();
  else await button.click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.getByRole('row').count()).toBeGreaterThan(100);
  return dialog;
}

/** Headers (and their sort buttons) whose text is wider than their box: clipped. */
const clippedHeaders = (page: Page) =>
  page.evaluate(`(() => {
    const out = [];
    for (const el of document.querySelectorAll('.tbv-table thead th, .tbv-table thead th .tbv-sort')) {
      if (el.scrollWidth > el.clientWidth + 1) out.push((el.textContent || '').trim() + ' ' + el.scrollWidth + '>' + el.clientWidth);
    }
    return out;
  })()`) as Promise<string[]>;

describe('banners and notices over the map', () => {
  it('a shared link’s banner lies over the map: the map keeps its box', async () => {
    const plain = await mapBox(await openDesktop('?year=2022'));
    const fragment = `#imp=${(await encodeImportLayers([linkLayer()])) ?? ''}`;
    const page = await openDesktop(`?year=2022${fragment}`);
    const banner = page.getByRole('region', { name: 'Data from the link' });
    await expect.poll(() => banner.count()).toBe(1);
    expect(await mapBox(page)).toEqual(plain);
    // Over the top of the map, clear of the zoom buttons at its top right.
    const bannerBox = await box(page, '.import-banner');
    const zoom = await box(page, '.map-column .maplibregl-ctrl-group, .map-column .map-zoom');
    expect(bannerBox.y).toBeGreaterThanOrEqual((plain?.y ?? 0) - 1);
    expect(bannerBox.x + bannerBox.width).toBeLessThanOrEqual(zoom.x);
    await snap(page, 'banner');
    // Discarded, it goes and the map has not moved.
    await banner.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    expect(await mapBox(page)).toEqual(plain);
  });

  it('a notice and the banner together still leave the map where it was (phone)', async () => {
    const plain = await mapBox(await openPhone('?year=2022', 390, 844));
    const fragment = `#imp=${(await encodeImportLayers([linkLayer()])) ?? ''}`;
    const page = await openPhone(`?year=2022&mode=nonsense${fragment}`, 390, 844);
    await expect.poll(() => page.getByRole('region', { name: 'Data from the link' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('list', { name: 'Notices' }).locator('> li').count()).toBe(1);
    expect(await mapBox(page)).toEqual(plain);
    await snap(page, 'banner-phone');
  });
});

describe('the table', () => {
  it('says what its counts are out of, in English and Chinese', async () => {
    const page = await openDesktop('?year=2023');
    const dialog = await openTable(page);
    await dialog.getByRole('combobox', { name: 'State in 2023' }).selectOption('A');
    const status = dialog.getByRole('status');
    await expect
      .poll(() => status.textContent())
      .toMatch(/^Showing (\d+) of 167 units \(Hebei: A \1 known of 66 official\)$/);
    const tally = (await dialog.locator('.tbv-tally').textContent()) ?? '';
    expect(tally).toMatch(/^Hebei, 2023, 167 units: A \d+ known of 66 official · B \d+ known of 73 official · C \d+/);
    expect(tally).toMatch(/\d+ unknown\.$/);
    // An area: its own official counts where a source gives them, else "not published".
    await dialog.getByRole('combobox', { name: 'Prefecture' }).selectOption('130700');
    await expect.poll(() => dialog.locator('.tbv-tally').textContent()).toMatch(/^Zhangjiakou, 2023, 16 units: /);
    expect(await status.textContent()).toMatch(/^Showing (\d+) of 167 units \(Zhangjiakou: A \1 known of /);
    await snap(page, 'table-counts-en');

    const zh = await openDesktop('?year=2023&lang=zh');
    const zhDialog = await openTable(zh);
    await zhDialog.getByRole('combobox', { name: '2023年状态' }).selectOption('A');
    await expect
      .poll(() => zhDialog.getByRole('status').textContent())
      .toMatch(/^共167个单位，显示(\d+)个（全省A类已知\1个，官方共66个）$/);
    expect(await zhDialog.locator('.tbv-tally').textContent()).toMatch(
      /^2023年全省167个单位：A类已知\d+个，官方共66个/,
    );
  });

  it('choosing a row closes the table and shows the unit on the map with its details', async () => {
    const page = await openDesktop('?year=2023');
    const dialog = await openTable(page);
    await dialog.getByRole('searchbox', { name: /Filter/ }).fill('chicheng');
    await expect.poll(() => dialog.getByRole('row').count()).toBe(2);
    await dialog.getByRole('button', { name: /^Chicheng County/ }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => new URL(page.url()).searchParams.get('county')).toBe('130732');
    const details = page.getByRole('region', { name: /Chicheng County/ });
    await expect.poll(() => details.isVisible()).toBe(true);
    // The keyboard focus goes on to the chosen unit's details.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.details-panel') !== null)).toBe(true);
    // Nothing dims the page: the map can be clicked at once.
    expect(await page.locator('dialog[open]').count()).toBe(0);
    await snap(page, 'table-chosen');
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`clips no column header (${lang}, 1280 × 800) and fits the table in its frame`, async () => {
      const page = await openDesktop(`?year=2023&lang=${lang}`);
      await openTable(page);
      expect(await clippedHeaders(page)).toEqual([]);
      const wrap = page.locator('.tbv-table-wrap');
      const [scroll, client] = await wrap.evaluate((el) => [el.scrollWidth, el.clientWidth]);
      expect(scroll, 'the table is wider than its frame: the last column is cut off').toBeLessThanOrEqual(client);
      await snap(page, `table-${lang}`);
    });
  }
});

describe('the import preview', () => {
  it('shows the year read and the names per tier first, unfolded', async () => {
    const page = await openDesktop('?year=2023');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import tier results' });
    await dialog
      .getByRole('textbox', { name: 'Notice text' })
      .fill(
        '2023年度县域科技创新能力评价结果\nA类县（市、区）：鹿泉区、正定县\nB类县（市、区）：赤城县、宽城县x\nC类县（市、区）：兴隆县',
      );
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const glance = dialog.getByRole('table', { name: /evaluation year and the names per tier/ });
    await expect.poll(() => glance.isVisible()).toBe(true);
    expect(await glance.locator('xpath=ancestor::details').count()).toBe(0);
    expect(await glance.getByRole('rowheader').textContent()).toBe('2023');
    const cells = await glance.locator('tbody td').allTextContents();
    expect(cells).toEqual(['22 of 2 matched', '21 of 2 matched', '11 of 1 matched', '54 of 5 matched']);
    await glance.scrollIntoViewIfNeeded();
    await snap(page, 'import-glance');
  });
});

describe('phone', () => {
  for (const [width, height, lang] of [
    [390, 844, 'en'],
    [360, 740, 'zh'],
  ] as const) {
    it(`the peek shows the tier legend with counts (${width} px, ${lang})`, async () => {
      const page = await openPhone(`?lang=${lang}`, width, height);
      const legend = page.locator('.sheet-handle .peek-legend');
      await expect.poll(() => legend.isVisible()).toBe(true);
      expect(await page.locator('.bottom-sheet').getAttribute('data-snap')).toBe('peek');
      const text = (await legend.textContent()) ?? '';
      if (lang === 'en') {
        expect(text).toMatch(/A\d+ knownofficial 66/);
        expect(text).toMatch(/B\d+ knownofficial 73/);
        expect(text).toMatch(/C\d+ knownofficial 28/);
        expect(text).toMatch(/unknown\d+/);
      } else {
        expect(text).toMatch(/A已知\d+个官方66个/);
        expect(text).toMatch(/未知\d+个/);
      }
      // Whole, on screen, and no word broken across lines.
      const legendBox = await box(page, '.sheet-handle .peek-legend');
      expect(legendBox.y + legendBox.height).toBeLessThanOrEqual(height);
      expect(legendBox.x + legendBox.width).toBeLessThanOrEqual(width);
      const names = await page
        .locator('.peek-name')
        .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
      for (const h of names) expect(h).toBeLessThan(24);
      await snap(page, `peek-${width}-${lang}`);
    });
  }

  it('the unit table is usable at 360 px: names pinned while the years scroll sideways', async () => {
    const page = await openPhone('?lang=en', 360, 740);
    const dialog = await openTable(page);
    // The page does not scroll sideways; the table does, in its frame.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const wrap = page.locator('.tbv-table-wrap');
    const [scroll, client] = await wrap.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scroll).toBeGreaterThan(client);
    await wrap.evaluate((el) => {
      el.scrollIntoView();
      el.scrollLeft = 400;
    });
    const wrapBox = await box(page, '.tbv-table-wrap');
    const name = await box(page, '.tbv-table tbody th.tbv-name');
    const nameHeader = await box(page, '.tbv-table thead th:first-child');
    expect(Math.abs(name.x - wrapBox.x)).toBeLessThanOrEqual(2);
    expect(Math.abs(nameHeader.x - wrapBox.x)).toBeLessThanOrEqual(2);
    // At most half the width, so the years beside it can be read.
    expect(name.width).toBeLessThanOrEqual(0.5 * wrapBox.width);
    expect(await clippedHeaders(page)).toEqual([]);
    await snap(page, 'table-360');
    // A tap on a pinned name (the table scrolled sideways) closes the table and shows the unit.
    await dialog.getByRole('button', { name: /^Chang'an District/ }).tap();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.locator('.bottom-sheet').getAttribute('data-snap')).toBe('half');
    expect(await page.locator('.sheet-handle').textContent()).toMatch(/Chang'an District/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.details-panel') !== null)).toBe(true);
  });

  it('the area table keeps its header rows in view while the sheet scrolls', async () => {
    const page = await openPhone('?lang=en', 390, 844);
    const handle = page.locator('.sheet-handle');
    await handle.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.locator('.bottom-sheet').getAttribute('data-snap')).toBe('full');
    // Scroll the sheet until the table's first rows have gone up past its top.
    await page.locator('.sheet-body').evaluate((body) => {
      const table = body.querySelector<HTMLElement>('.prefecture-table table');
      if (!table) throw new Error('no area table');
      body.scrollTop += table.getBoundingClientRect().top - body.getBoundingClientRect().top + 150;
    });
    // At the top of the sheet's scrolling area (inside its 1 px top border).
    const body = await box(page, '.sheet-body');
    await expect
      .poll(async () => Math.abs((await box(page, '.prefecture-table thead')).y - (body.y + 1)))
      .toBeLessThanOrEqual(1);
    // The header is what is seen there, not a row scrolled under it.
    const head = await box(page, '.prefecture-table thead');
    const seen = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('thead') !== null, [
      head.x + head.width / 2,
      head.y + head.height / 2,
    ] as const);
    expect(seen).toBe(true);
    const firstRow = await box(page, '.prefecture-table tbody tr');
    expect(firstRow.y).toBeLessThan(head.y);
    // The table is no wider than the sheet.
    const [scroll, client] = await page.locator('.sheet-body').evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    await snap(page, 'area-sticky');
  });
});
