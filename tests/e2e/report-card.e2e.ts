/**
 * The county report card against the production build, offline: opened from the details by the
 * keyboard, its content checked against data/ (through the same model, domain/report-card.ts, on
 * the tables read in Node), focus kept inside and given back on Escape; printed (print media
 * shows only the card; page.pdf() gives 1–2 A4 portrait pages) and saved as a PNG (2× the A4
 * sheet's width, not blank). Chinese on a phone: the whole card is Chinese and fits the screen.
 * A unit of the 2020 邢台 change shows its Chinese boundary note and the unit it continues.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { geometryFromTopology } from '../../src/domain/geometry';
import { reportCard } from '../../src/domain/report-card';
import { scopeCounts } from '../../src/domain/unit-comparison';
import { indexStates } from '../../src/domain/unit-state';
import { realDataset } from '../fixtures/builders';
import { decodePng, pixelAt } from './helpers/pixels';
import { offlineSuite } from './helpers/suite';

const { open } = offlineSuite();

const real = realDataset();
const index = indexStates(real);
const geometry = geometryFromTopology(JSON.parse(readFileSync('geo/out/hebei.topo.json', 'utf8')) as Topology);
const counts = scopeCounts(real);
const model = (code: string, year: number) => {
  const card = reportCard(real, index, geometry.neighbours, counts, code, year);
  if (!card) throw new Error(`no card for ${code}`);
  return card;
};

const snap = async (page: Page, name: string) => writeFileSync(`/tmp/report-card-${name}.png`, await page.screenshot());

/** Keyboard from the details' heading to the Report card button, then Enter. */
async function openByKeyboard(page: Page) {
  await page.locator('.details-panel h2').first().focus();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-card-button');
  await page.keyboard.press('Enter');
  await page.locator('.rc-dialog[open] .rc-sheet').waitFor();
}

const activeInDialog = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('.rc-dialog') !== null && document.activeElement !== null);

describe('the county report card', () => {
  it('opens from 鹿泉区’s details by keyboard, shows what data/ holds, prints on A4 and saves a PNG', async () => {
    const { page } = await open('?county=130110&year=2023&lang=en', { context: { acceptDownloads: true } });
    await openByKeyboard(page);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Print');
    const sheet = page.locator('.rc-sheet');
    const card = model('130110', 2023);

    await expect.poll(() => sheet.locator('.rc-title').textContent()).toBe('Luquan District 鹿泉区');
    expect(await sheet.locator('.rc-sub').textContent()).toBe('Shijiazhuang · code 130110 · evaluations 2019 onwards');
    expect(await sheet.locator('.rc-boundary').count()).toBe(0);
    // The strip: 2019 and 2023 stated, 2020–2022 derived, each with the rank its row states.
    expect(await sheet.locator('.rc-year').allTextContents()).toEqual([
      '2019A (stated)Rank 1 of 168',
      '2020A (derived)Rank 1 of 168 (derived)',
      '2021A (derived)Rank 1 of 167 (derived)',
      '2022A (derived)Rank 1 of 167 (derived)',
      '2023A (stated)Rank 1 of 167',
    ]);
    // Against the province: 2019's known / official per tier (totals.csv: A 13, B 42, C 113).
    const province = sheet.locator('.rc-cmp tbody.rc-cmp-scope').last();
    const row = (n: number) => province.locator('tr').nth(n).locator('td');
    expect(await row(0).allTextContents()).toEqual(card.comparison.province.map((y) => String(y.units)));
    const y2019 = card.comparison.province[0];
    const shown = (n: number) => row(n).first().locator('span[aria-hidden="true"]').textContent();
    expect(await shown(1)).toBe(`${y2019?.known.A}/13`);
    expect(await shown(2)).toBe(`${y2019?.known.B}/42`);
    expect(await shown(3)).toBe(`${y2019?.known.C}/113`);
    // … and in words for a screen reader.
    expect(await row(1).first().locator('.rc-sr').textContent()).toBe(`A: ${y2019?.known.A} known of 13 official`);
    // Neighbours: the unit first, then each neighbour of the 2023 boundaries, named.
    const names = await sheet.locator('.rc-nlist .rc-nname').allTextContents();
    expect(names).toEqual(card.map.units.filter((m) => m.role !== 'area').map((m) => m.unit.nameEn));
    expect(names).toContain('Zhengding County');
    expect(await sheet.locator('svg.rc-map path[id^="rc-map-u"]').count()).toBeGreaterThanOrEqual(
      card.map.units.length,
    );
    // Every source, once, with its address as text.
    const ids = await sheet.locator('.rc-source-id').allTextContents();
    expect(ids).toEqual(card.sources.map((s) => s.id));
    const p001 = real.sources.find((s) => s.sourceId === 'P001');
    expect(await sheet.locator('.rc-source-list').textContent()).toContain(p001?.url ?? 'P001 has an address');
    // The footer: coverage, the boundary note, the date and this unit's link.
    const foot = (await sheet.locator('.rc-foot').textContent()) ?? '';
    expect(foot).toContain('Not an official standard map');
    expect(foot).toMatch(/Made on \d{1,2} \w+ 20\d\d/);
    expect(foot).toMatch(/county=130110/);

    // Focus stays inside the dialog.
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.press('Tab');
      expect(await activeInDialog(page)).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await activeInDialog(page)).toBe(true);
    await snap(page, 'en-desktop');

    // axe (WCAG 2.0/2.1 A and AA) on the open card: no serious or critical violation.
    const axe = await new AxeBuilder({ page })
      .include('.rc-dialog')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.passes.length).toBeGreaterThan(10);
    const serious = axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
    expect(serious).toEqual([]);

    // Print: only the card is shown.
    await page.emulateMedia({ media: 'print' });
    const others = await page.evaluate(() =>
      [...document.body.children]
        .filter((el) => !el.classList.contains('rc-dialog'))
        .filter((el) => getComputedStyle(el).display !== 'none')
        .map((el) => el.tagName),
    );
    expect(others.filter((tag) => tag !== 'SCRIPT')).toEqual([]);
    expect(await page.locator('.rc-toolbar').isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    writeFileSync('/tmp/report-card-print.png', await page.screenshot({ fullPage: true }));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync('/tmp/report-card.pdf', pdf);
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    expect(boxes.length).toBe(pages.length);
    for (const [, w, h] of boxes) {
      // A4 portrait: 210 × 297 mm = 595.3 × 841.9 pt.
      expect(Math.abs(Number(w) - 595.3)).toBeLessThan(1);
      expect(Math.abs(Number(h) - 841.9)).toBeLessThan(1);
    }
    await page.emulateMedia({ media: 'screen' });

    // PNG: twice the A4 sheet's 794 CSS px, the whole card, not blank.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PNG', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('report-card-130110-2023-en.png');
    const path = await download.path();
    const png = decodePng(readFileSync(path));
    writeFileSync('/tmp/report-card-en.png', readFileSync(path));
    expect(png.width).toBe(1588);
    expect(png.height).toBeGreaterThan(2000);
    const colours = new Set<string>();
    for (let y = 0; y < png.height; y += 23) {
      for (let x = 0; x < png.width; x += 23) colours.add(pixelAt(png, x, y).join(','));
    }
    expect(colours.size).toBeGreaterThan(20);
    // The 2019 strip cell's swatch is A's fill (palette TIER_COLORS.A), drawn in the PNG.
    const swatch = await sheet
      .locator('.rc-year .rc-swatch')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(swatch).not.toBe('rgba(0, 0, 0, 0)');

    // Escape closes; focus is back on the button.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.rc-dialog[open]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-card-button');
    // The details are still there (Escape closed only the card).
    expect(await page.locator('.details-panel h2').first().textContent()).toContain('Luquan District');
  });

  it('is wholly Chinese in zh and fits a 390 × 844 phone', async () => {
    const { page } = await open('?county=130110&year=2023&lang=zh', {
      context: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
    });
    const button = page.locator('#report-card-button');
    await button.scrollIntoViewIfNeeded();
    expect(await button.textContent()).toBe('报告卡');
    const box = await button.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    await button.tap();
    const sheet = page.locator('.rc-dialog[open] .rc-sheet');
    await sheet.waitFor();
    expect(await sheet.locator('.rc-title').textContent()).toBe('鹿泉区');
    const text = (await sheet.textContent()) ?? '';
    expect(text).toContain('各评价年度分类');
    expect(text).toContain('A类（推得）');
    expect(text).toContain('第1名（共168个）');
    expect(text).toContain('并非官方标准地图');
    // A derived year says how it was derived, from note_zh.
    const derived2020 = real.tiers.find((t) => t.code === '130110' && t.year === 2020);
    expect(derived2020?.basis).toBe('derived');
    expect(text).toContain(`2020 · 推导依据：${derived2020?.noteZh ?? ''}`);
    // No English words outside the sources' own titles and addresses (and the "PNG" tool, outside the sheet).
    const own = await sheet.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.rc-source-list, .rc-url').forEach((n) => n.remove());
      return copy.textContent ?? '';
    });
    // Latin words the Chinese texts themselves hold: the boundary package and datum names, and a
    // data file a derivation note cites (totals.csv).
    const latin = new Set(['npm', 'echarts', 'china', 'cities', 'GCJ', 'WGS', 'totals', 'csv']);
    expect((own.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !latin.has(w))).toEqual([]);
    // The A4 sheet is shown smaller, within the screen's width.
    const sheetBox = await sheet.boundingBox();
    expect(sheetBox?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((sheetBox?.x ?? 0) + (sheetBox?.width ?? 999)).toBeLessThanOrEqual(390);
    await snap(page, 'zh-phone');
    await page.getByRole('button', { name: '关闭报告卡' }).tap();
    await expect.poll(() => page.locator('.rc-dialog[open]').count()).toBe(0);
  });

  it('gives 襄都区 its Chinese 2020 boundary note and names 桥东区 for 2019–2020', async () => {
    const { page } = await open('?county=130502&year=2021&lang=zh');
    await openByKeyboard(page);
    const sheet = page.locator('.rc-sheet');
    const unit = real.units.find((u) => u.nameZh === '襄都区');
    expect(await sheet.locator('.rc-boundary').textContent()).toBe(`边界说明：${unit?.boundaryNoteZh ?? ''}`);
    const years = await sheet.locator('.rc-year').allTextContents();
    expect(years[0]).toBe('2019未知即桥东区未公布排名');
    expect(years[1]).toBe('2020C类（推得）即桥东区未公布排名');
    expect(years[2]).toBe('2021未知未公布排名');
    expect(await sheet.textContent()).toContain('邢台县');
    await snap(page, 'zh-xiangdu');
  });
});
