/**
 * The figure exports in the production build, offline: the Export menu's PNG 2×, PNG 1× and SVG
 * of the view (the figure as wide as the map on screen, the map where the layout puts it, not
 * blank); the Figure dialog for a flow link (default title naming the flow, an edited title kept
 * while the page lives, PNG 1×/2× and SVG downloads, the SVG parsed with DOMParser: title, legend
 * naming the flow, the flow units' names, <text> in named fonts); the five years (five panels,
 * A4 landscape PNG and SVG) on a desktop and a phone. The menu works from the keyboard.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { fileOf, formatParseError, TABLE_NAMES, type TableName } from '../../src/domain/dataset/fields';
import { parseDataset } from '../../src/domain/dataset/parse';
import { HEADER_HEIGHT } from '../../src/domain/export-png';
import { shortEnglishName } from '../../src/domain/figure/names';
import { geometryFromTopology } from '../../src/domain/geometry';
import { unitIn } from '../../src/domain/lineage';
import { TIER_COLORS } from '../../src/domain/palette';
import { selectFlowCodes } from '../../src/store/selectors';
import { createAppStore } from '../../src/store/store';
import { waitForMark } from './helpers/browser';
import { decodePng, distance, hexToRgb, pixelAt, type Rgb } from './helpers/pixels';
import { offlineSuite } from './helpers/suite';

const suite = offlineSuite();

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };

/** The flow C → A from 2019 to 2023 as the store computes it: its units' codes and English names. */
function flowUnits(): { code: string; name: string }[] {
  const texts = Object.fromEntries(TABLE_NAMES.map((n: TableName) => [n, readFileSync(`data/${fileOf(n)}`, 'utf8')]));
  const parsed = parseDataset(texts as Record<TableName, string>);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatParseError).join('\n'));
  const topology = JSON.parse(readFileSync('geo/out/hebei.topo.json', 'utf8')) as Topology;
  const store = createAppStore({ year: 2023, base: 2019, flow: { from: 'C', to: 'A' } });
  store.getState().dataLoaded(parsed.dataset, geometryFromTopology(topology));
  return [...(selectFlowCodes(store.getState()) ?? [])].map((code) => ({
    code,
    name: shortEnglishName(unitIn(parsed.dataset.units, code, 2023)?.nameEn ?? ''),
  }));
}

/** WCAG 2.1 A and AA violations inside the open figure dialog (axe-core). */
async function dialogViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .include('.figure-dialog')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The map area's CSS size, which the figure of the view takes. */
async function mapSize(page: Page): Promise<{ width: number; height: number }> {
  // A string, so the page runs exactly this code (tsx would add helpers the page lacks).
  return page.evaluate(`(() => {
    const m = document.querySelector('.map');
    return { width: m.clientWidth, height: m.clientHeight };
  })()`);
}

async function openMenu(page: Page): Promise<void> {
  const more = page.getByRole('button', { name: /^(More|更多)/ });
  if ((await more.count()) > 0 && (await more.first().isVisible())) await more.first().click();
  await page.getByRole('button', { name: /^(Export|导出)$/ }).click();
}

async function downloadFrom(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { download, bytes: await readFile(await download.path()) };
}

async function menuDownload(page: Page, item: string) {
  await openMenu(page);
  return downloadFrom(page, () => page.getByRole('button', { name: item, exact: true }).click());
}

/** Pixels near a colour inside a band of rows, sampled every `step` pixels. */
function countNear(png: PNG, hex: string, region: { y0: number; y1: number }, step = 2, tolerance = 12): number {
  const target = hexToRgb(hex);
  let n = 0;
  for (let y = region.y0; y < Math.min(region.y1, png.height); y += step)
    for (let x = 0; x < png.width; x += step) if (distance(pixelAt(png, x, y), target) < tolerance) n += 1;
  return n;
}

function distinctColours(png: PNG, step = 3): number {
  const seen = new Set<string>();
  for (let y = 0; y < png.height; y += step)
    for (let x = 0; x < png.width; x += step) seen.add(pixelAt(png, x, y).join(','));
  return seen.size;
}

interface ParsedSvg {
  error: string | null;
  width: string | null;
  height: string | null;
  viewBox: string | null;
  title: string;
  desc: string;
  texts: string[];
  fonts: string[];
  labels: { id: string; text: string }[];
  panels: string[];
}

/** The SVG parsed by the page's DOMParser (as a layout program would read it). */
async function parseSvg(page: Page, svg: string): Promise<ParsedSvg> {
  return page.evaluate(
    `((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const error = doc.querySelector('parsererror');
      const root = doc.documentElement;
      const texts = [...doc.querySelectorAll('text')];
      return {
        error: error ? error.textContent : null,
        width: root.getAttribute('width'),
        height: root.getAttribute('height'),
        viewBox: root.getAttribute('viewBox'),
        title: (root.querySelector(':scope > title') || {}).textContent || '',
        desc: (root.querySelector(':scope > desc') || {}).textContent || '',
        texts: texts.map((t) => t.textContent),
        fonts: [...new Set(texts.map((t) => t.getAttribute('font-family')))],
        labels: [...doc.querySelectorAll('g[id^="map-l"]')].filter((g) => /^map-l\\d{6}$/.test(g.id)).map((g) => ({ id: g.id, text: g.lastElementChild.textContent })),
        panels: [...doc.querySelectorAll('g[id$="-panel"]')].map((g) => g.id),
      };
    })(${JSON.stringify(svg)})`,
  );
}

describe('Export → PNG 2× of the view (2023, English)', () => {
  it('is as wide as the map × 2, has the map under the header and dark text on white', async () => {
    const { page } = await suite.open('?year=2023');
    const size = await mapSize(page);
    expect(size.width).toBeGreaterThan(300);
    const { download, bytes } = await menuDownload(page, 'PNG 2×');
    expect(download.suggestedFilename()).toBe('hebei-innovation-2023@2x.png');
    const png = decodePng(bytes);
    expect(png.width).toBe(size.width * 2);
    // The header, the map as tall as on screen, then the legend and notes.
    expect(png.height).toBeGreaterThan((HEADER_HEIGHT + size.height + 100) * 2);
    expect(distinctColours(png)).toBeGreaterThan(50);
    const mapTop = HEADER_HEIGHT * 2;
    const mapBottom = mapTop + size.height * 2;
    expect(countNear(png, TIER_COLORS.A, { y0: mapTop, y1: mapBottom })).toBeGreaterThan(500);
    // The legend's A swatch under the map.
    expect(countNear(png, TIER_COLORS.A, { y0: mapBottom, y1: png.height }, 1, 2)).toBeGreaterThan(20);
    const white: Rgb = [255, 255, 255];
    expect(distance(pixelAt(png, 2, 2), white)).toBe(0);
    expect(countNear(png, '#1d1d1d', { y0: 0, y1: mapTop }, 1, 60)).toBeGreaterThan(100);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).first().textContent())
      .toContain('hebei-innovation-2023@2x.png');

    // The same figure as SVG: the same size at 1×.
    const svg = await menuDownload(page, 'SVG');
    expect(svg.download.suggestedFilename()).toBe('hebei-innovation-2023.svg');
    const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
    expect(parsed.error).toBeNull();
    expect(Number(parsed.width)).toBe(png.width / 2);
    expect(Number(parsed.height)).toBe(png.height / 2);
    expect(parsed.title).toBe('Innovation tiers 2023');
    // At province zoom some names fit, not all 167.
    expect(parsed.labels.length).toBeGreaterThan(5);
    expect(parsed.labels.length).toBeLessThan(167);
  });
});

describe('the export menu from the keyboard', () => {
  it('opens with Enter, moves with the arrow keys, closes with Escape back on the button', async () => {
    const { page } = await suite.open('?year=2023');
    const button = page.getByRole('button', { name: /^Export$/ });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    const focused = () => page.evaluate('document.activeElement && document.activeElement.textContent');
    await expect.poll(focused).toBe('PNG 1×');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('PNG 2×');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('SVG');
    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe('PNG 2×');
    await page.keyboard.press('Home');
    await expect.poll(focused).toBe('PNG 1×');
    await page.keyboard.press('Escape');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('button', { name: 'PNG 1×' }).count()).toBe(0);
    await expect.poll(focused).toMatch(/^Export/);
  });
});

describe('Export → PNG 1× in Chinese, filtered to 石家庄', () => {
  it('names the area in the file and the title, at the map’s width', async () => {
    const { page } = await suite.open('?lang=zh&pref=130100&year=2023');
    await expect.poll(() => page.getByText('已筛选为石家庄').count()).toBe(1);
    const size = await mapSize(page);
    const { download, bytes } = await menuDownload(page, 'PNG 1×');
    expect(download.suggestedFilename()).toBe('hebei-innovation-2023-shijiazhuang@1x.png');
    const png = decodePng(bytes);
    expect(png.width).toBe(size.width);
    expect(countNear(png, TIER_COLORS.A, { y0: HEADER_HEIGHT, y1: HEADER_HEIGHT + size.height })).toBeGreaterThan(100);
    const svg = await menuDownload(page, 'SVG');
    const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
    expect(parsed.title).toBe('2023年县域科技创新能力分类 · 石家庄');
    expect(parsed.texts).toContain('淡化：石家庄以外');
    expect(parsed.labels.map((l) => l.text)).toContain('正定县');
  });
});

describe('the Figure dialog, from a flow link (2019 C → 2023 A)', () => {
  it('titles the figure after the flow, names it in the legend, labels its units, in PNG 1×, 2× and SVG', async () => {
    const units = flowUnits();
    expect(units.length).toBeGreaterThan(0);
    const { page } = await suite.open('?year=2023&base=2019&flow=C-A');
    await openMenu(page);
    await page.getByRole('button', { name: /^Figure/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Figure of the current view' });
    await dialog.waitFor();
    const title = dialog.getByRole('textbox', { name: 'Title', exact: true });
    const n = units.length;
    await expect.poll(() => title.inputValue()).toBe(`2019 C → 2023 A: ${n} unit${n === 1 ? '' : 's'}`);
    // Focus starts in the dialog, on the title.
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.tagName')).toBe('INPUT');
    expect(await dialogViolations(page)).toEqual([]);
    await title.fill('Counties that reached A');
    await expect
      .poll(() => dialog.getByRole('img').getAttribute('alt'))
      .toBe('Preview of the figure: Counties that reached A');

    const one = await downloadFrom(page, () => dialog.getByRole('button', { name: 'PNG 1×' }).click());
    const two = await downloadFrom(page, () => dialog.getByRole('button', { name: 'PNG 2×' }).click());
    const svg = await downloadFrom(page, () => dialog.getByRole('button', { name: 'SVG' }).click());
    expect(one.download.suggestedFilename()).toBe('hebei-innovation-2019-2023@1x.png');
    expect(two.download.suggestedFilename()).toBe('hebei-innovation-2019-2023@2x.png');
    expect(svg.download.suggestedFilename()).toBe('hebei-innovation-2019-2023.svg');
    const png1 = decodePng(one.bytes);
    const png2 = decodePng(two.bytes);
    expect({ width: png2.width, height: png2.height }).toEqual({ width: png1.width * 2, height: png1.height * 2 });
    expect(distinctColours(png1)).toBeGreaterThan(30);

    const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
    expect(parsed.error).toBeNull();
    expect(parsed.viewBox).toBe(`0 0 ${png1.width} ${png1.height}`);
    expect(parsed.title).toBe('Counties that reached A');
    expect(parsed.desc).toContain('Counties that reached A');
    expect(parsed.texts).toContain('Counties that reached A');
    expect(parsed.texts.some((t) => t.startsWith(`Outlined: 2019 C → 2023 A (${n} unit`))).toBe(true);
    expect(parsed.texts.some((t) => t.startsWith('Faded: not in the flow'))).toBe(true);
    expect(parsed.texts.some((t) => t.includes('see sources.csv'))).toBe(true);
    for (const unit of units) expect(parsed.labels).toContainEqual({ id: `map-l${unit.code}`, text: unit.name });
    expect(parsed.fonts).toEqual([
      "'Noto Sans', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
    ]);

    // The A4 size: 1123 × 794 at 1×.
    await dialog.getByRole('radio', { name: /A4 landscape/ }).check();
    const a4 = await downloadFrom(page, () => dialog.getByRole('button', { name: 'PNG 1×' }).click());
    const a4png = decodePng(a4.bytes);
    expect({ width: a4png.width, height: a4png.height }).toEqual({ width: 1123, height: 794 });

    // Escape closes it; the edited title is kept for the next opening and for the menu's quick items.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const quick = await menuDownload(page, 'SVG');
    expect((await parseSvg(page, quick.bytes.toString('utf8'))).title).toBe('Counties that reached A');
    await openMenu(page);
    await page.getByRole('button', { name: /^Figure/ }).click();
    await expect
      .poll(() => page.getByRole('dialog').getByRole('textbox', { name: 'Title', exact: true }).inputValue())
      .toBe('Counties that reached A');
    await page.getByRole('dialog').getByRole('button', { name: 'Default texts' }).click();
    await expect
      .poll(() => page.getByRole('dialog').getByRole('textbox', { name: 'Title', exact: true }).inputValue())
      .toMatch(/^2019 C → 2023 A/);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });
});

describe('the five years side by side', () => {
  it('five panels titled by year, in A4 landscape PNG and SVG, saying that they show tiers in change mode', async () => {
    const { page } = await suite.open('?year=2023&mode=change');
    await openMenu(page);
    await page.getByRole('button', { name: /^Five years/ }).click();
    const dialog = page.getByRole('dialog', { name: 'The five years, 2019–2023' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByText(/The five years show tiers/).count()).toBe(1);
    const png = await downloadFrom(page, () => dialog.getByRole('button', { name: 'PNG 2×' }).click());
    expect(png.download.suggestedFilename()).toBe('hebei-innovation-five-years-2019-2023@2x.png');
    const image = decodePng(png.bytes);
    expect({ width: image.width, height: image.height }).toEqual({ width: 2246, height: 1588 });
    expect(countNear(image, TIER_COLORS.A, { y0: 0, y1: image.height })).toBeGreaterThan(200);
    const svg = await downloadFrom(page, () => dialog.getByRole('button', { name: 'SVG' }).click());
    const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
    expect(parsed.error).toBeNull();
    expect(parsed.panels).toEqual(['p1-panel', 'p2-panel', 'p3-panel', 'p4-panel', 'p5-panel']);
    for (const year of ['2019', '2020', '2021', '2022', '2023']) expect(parsed.texts).toContain(year);
    expect(parsed.texts.some((t) => /^A \d+\/66 · B \d+\/73 · C \d+\/28; \d+ of 167/.test(t))).toBe(true);
    expect(parsed.texts).toContain('A (80 points and above)');
    await page.keyboard.press('Escape');
  });

  it('reads on a phone: two panels per row, the downloads offered, in Chinese', async () => {
    const { page } = await suite.open('?year=2023&lang=zh', { context: PHONE });
    await waitForMark(page, 'map-interactive');
    await openMenu(page);
    await page.getByRole('button', { name: /^五年并列/ }).click();
    const dialog = page.getByRole('dialog', { name: '五年对比（2019–2023年）' });
    await dialog.waitFor();
    const img = dialog.getByRole('img');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
    const box = await img.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(390);
    // Drawn for the dialog's width, not scaled down from A4: two panels of about 160 px in a row.
    const natural = await img.evaluate((el: HTMLImageElement) => el.naturalWidth);
    expect(Math.abs(natural - (box?.width ?? 0))).toBeLessThan(4);
    for (const name of ['PNG 1×', 'PNG 2×', 'SVG']) expect(await dialog.getByRole('button', { name }).count()).toBe(1);
    expect(await dialogViolations(page)).toEqual([]);
    const svg = await downloadFrom(page, () => dialog.getByRole('button', { name: 'SVG' }).click());
    const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
    expect(parsed.width).toBe('1123');
    expect(parsed.title).toBe('2019–2023年县域科技创新能力分类');
  });
});
