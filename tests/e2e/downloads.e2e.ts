/**
 * Data downloads in the production build (issue 15): the Export menu's "Table (CSV)" and "All
 * data (ZIP)" in English and Chinese, caught as real downloads and opened as a user would: the
 * CSV parsed back (byte-order mark, headers and words in the UI language, the area filter), the
 * ZIP unzipped (its files, BOMs, README), exactly one download for "All data", and the Table
 * dialog's own ZIP. A kept #imp= import shows up as imported, with its hostile title neutralised.
 */
import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import type { ImportLayer } from '../../src/domain/import/types';
import { encodeImportLayers } from '../../src/url/import-fragment';
import { offlineSuite } from './helpers/suite';

const { open } = offlineSuite();

const EXPORT = /^(Export|导出)/;

async function bytesOf(download: Download): Promise<Uint8Array> {
  return new Uint8Array(await readFile(await download.path()));
}

/** Clicks an Export menu item and returns its one download. */
async function exportItem(page: Page, item: string): Promise<Download> {
  await page.getByRole('button', { name: EXPORT }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: item }).click(),
  ]);
  return download;
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
const hasBom = (bytes: Uint8Array) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

function csvOf(bytes: Uint8Array) {
  const parsed = parseCsv(decoder.decode(bytes));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed;
}

function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** How many downloads the page starts from now on. */
function countDownloads(page: Page): () => number {
  let n = 0;
  page.on('download', () => {
    n += 1;
  });
  return () => n;
}

describe('Export → Table (CSV)', () => {
  it('in English: the 2023 table with English column names, a BOM, and one row per unit', async () => {
    const { page } = await open('?year=2023&lang=en');
    const download = await exportItem(page, 'Table (CSV)');
    expect(download.suggestedFilename()).toBe('hebei-innovation-table-2023-en.csv');
    const bytes = await bytesOf(download);
    expect(hasBom(bytes)).toBe(true);
    const csv = csvOf(bytes);
    expect(csv.header.slice(0, 7)).toEqual([
      'code',
      'name_zh',
      'name_en',
      'area_code',
      'area_zh',
      'area_en',
      'tier_2019',
    ]);
    expect(csv.rows).toHaveLength(167);
    expect(csv.rows.find((r) => r.code === '130110')).toMatchObject({
      tier_2023: 'A',
      basis_2023: 'stated',
      rank_2023: '1',
    });
    const bases = new Set(csv.rows.map((r) => r.basis_2023));
    for (const b of bases) expect(['stated', 'derived', 'range', 'unknown']).toContain(b);
  });

  it('in Chinese: Chinese headers and words, limited to the area filter of the view', async () => {
    const { page } = await open('?year=2021&lang=zh&pref=130100');
    const download = await exportItem(page, '表格（CSV）');
    expect(download.suggestedFilename()).toBe('hebei-innovation-table-2021-130100-zh.csv');
    const bytes = await bytesOf(download);
    expect(hasBom(bytes)).toBe(true);
    const csv = csvOf(bytes);
    expect(csv.header.slice(0, 8)).toEqual([
      '代码',
      '名称',
      '英文名称',
      '所属市代码',
      '所属市',
      '所属市英文名称',
      '2019年分类',
      '2019年依据',
    ]);
    expect(csv.header.at(-1)).toMatch(/^20\d\d—2021年变化$/u);
    expect(csv.rows.length).toBeGreaterThan(10);
    expect(csv.rows.every((r) => r['所属市'] === '石家庄市')).toBe(true);
    expect(csv.rows.find((r) => r['代码'] === '130110')).toMatchObject({ 名称: '鹿泉区' });
    for (const row of csv.rows)
      for (const [key, value] of Object.entries(row))
        if (key.endsWith('依据'))
          expect(['已公布', '推得', '导入', '区间（部分已知）', '未知', '当年不存在']).toContain(value);
  });
});

describe('Export → All data (ZIP)', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`in ${lang}: one download, a ZIP of the README, the reading tables and the data/ files`, async () => {
      const { page } = await open(`?year=2023&lang=${lang}`);
      const downloads = countDownloads(page);
      const download = await exportItem(page, lang === 'zh' ? '全部数据（ZIP）' : 'All data (ZIP)');
      expect(download.suggestedFilename()).toBe('hebei-innovation-data-2019-2023.zip');
      const files = unzip(await bytesOf(download));
      // A second download would have started by now (the old "download all" spaced six by 300 ms).
      await page.waitForTimeout(2500);
      expect(downloads()).toBe(1);

      const reading = ['table-2023', 'units', 'tiers', 'tier_ranges', 'totals', 'indicators', 'sources'];
      const data = ['units', 'sources', 'tiers', 'tier_ranges', 'totals', 'indicators'];
      expect(Object.keys(files).sort()).toEqual(
        ['README.txt', ...reading.map((f) => `${f}-${lang}.csv`), ...data.map((f) => `data/${f}.csv`)].sort(),
      );
      for (const [name, bytes] of Object.entries(files)) expect(hasBom(bytes), name).toBe(true);
      const readme = decoder.decode(files['README.txt']);
      expect(readme).toContain(lang === 'zh' ? 'A类（80分及以上）' : 'A (80 points and above)');
      expect(readme).toContain(lang === 'zh' ? '各文件的列' : 'Columns of each file');

      const tiers = csvOf(files[`tiers-${lang}.csv`] ?? new Uint8Array());
      expect(tiers.header[0]).toBe(lang === 'zh' ? '代码' : 'code');
      const dataTiers = csvOf(files['data/tiers.csv'] ?? new Uint8Array());
      expect(dataTiers.header).toEqual([
        'code',
        'year',
        'tier',
        'rank',
        'rank_of',
        'basis',
        'confidence',
        'source_ids',
        'note',
        'note_zh',
      ]);
      expect(tiers.rows).toHaveLength(dataTiers.rows.length);
    });
  }

  it('from the Table dialog: one download, the same ZIP', async () => {
    const { page } = await open('?year=2023&lang=en');
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('row').count()).toBeGreaterThan(100);
    const downloads = countDownloads(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download all data (ZIP)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('hebei-innovation-data-2019-2023.zip');
    expect(Object.keys(unzip(await bytesOf(download)))).toContain('README.txt');
    await page.waitForTimeout(2500);
    expect(downloads()).toBe(1);
  });
});

describe('a kept #imp= import in the downloads', () => {
  it('is marked imported (导入), and its formula-like source title is neutralised', async () => {
    const title = '=HYPERLINK("http://example.org","2022")';
    const layer: ImportLayer = {
      id: 'IMP1',
      source: { title, date: '2022-12-30', url: '' },
      createdAt: '2026-12-06T00:00:00.000Z',
      // 承德县: nothing in data/ for 2022.
      facts: [{ code: '130821', year: 2022, tier: 'B', rank: null, rankOf: null, raw: '承德县' }],
      origin: 'link',
    };
    const { page } = await open(`?year=2022&lang=zh#imp=${(await encodeImportLayers([layer])) ?? ''}`);
    // Kept, as a reader who trusts the link would.
    await page.getByRole('button', { name: '保留', exact: true }).click();

    const table = csvOf(await bytesOf(await exportItem(page, '表格（CSV）')));
    expect(table.rows.find((r) => r['代码'] === '130821')).toMatchObject({ '2022年分类': 'B', '2022年依据': '导入' });

    const files = unzip(await bytesOf(await exportItem(page, '全部数据（ZIP）')));
    const data = csvOf(files['data/tiers.csv'] ?? new Uint8Array());
    expect(data.rows.find((r) => r.code === '130821' && r.year === '2022')?.basis).toBe('imported');
    const sources = csvOf(files['sources-zh.csv'] ?? new Uint8Array());
    expect(sources.rows.find((r) => r['编号'] === 'IMP1')?.['标题']).toBe(`'${title}`);
    const dataSources = csvOf(files['data/sources.csv'] ?? new Uint8Array());
    expect(dataSources.rows.find((r) => r.source_id === 'IMP1')?.title).toBe(`'${title}`);
    const tiers = csvOf(files['tiers-zh.csv'] ?? new Uint8Array());
    expect(tiers.rows.find((r) => r['代码'] === '130821' && r['年份'] === '2022')).toMatchObject({
      依据: '导入',
      来源标题: `'${title}`,
    });
  });
});
