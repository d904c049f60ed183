/**
 * "All data (ZIP)" (src/domain/dataset-zip.ts, issue 15): one ZIP with the data/ files exactly
 * as exportDataset writes them, the tables for reading in the UI language, and a README that
 * names every file and documents every column. Opened here as a user's unzip would.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { datasetZip, datasetZipFileName, datasetZipFiles } from '../../src/domain/dataset-zip';
import { fileOf, TABLE_NAMES } from '../../src/domain/dataset/fields';
import { exportDataset } from '../../src/domain/export-csv';
import { applyImports } from '../../src/domain/import/apply';
import type { Lang } from '../../src/domain/lang';
import { importFact, importLayer, readDataTexts, realDataset } from '../fixtures/builders';

const real = realDataset();
const BOM = '\uFEFF';

/** The ZIP's files as text; the decoder keeps the byte-order mark, so the tests can see it. */
function unzip(bytes: Uint8Array): Record<string, string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, decoder.decode(data)]));
}

function parsed(text: string) {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
}

const READING = ['table-2023', 'units', 'tiers', 'tier_ranges', 'totals', 'indicators', 'sources'];

describe.each<Lang>(['zh', 'en'])('the dataset ZIP in %s', (lang) => {
  const files = unzip(datasetZip(real, lang));
  const readme = files['README.txt'] ?? '';

  it('holds the README, the reading tables in the language and the six data/ files', () => {
    expect(Object.keys(files).sort()).toEqual(
      [
        'README.txt',
        ...READING.map((name) => `${name}-${lang}.csv`),
        ...TABLE_NAMES.map((t) => `data/${fileOf(t)}`),
      ].sort(),
    );
  });

  it('starts every CSV with a byte-order mark and uses LF line ends only', () => {
    for (const [name, text] of Object.entries(files)) {
      expect(text.startsWith(BOM), name).toBe(true);
      expect(text.includes('\r\n'), name).toBe(false);
    }
  });

  it('keeps the data/ files as exportDataset writes them, and for the committed data byte for byte', () => {
    const exported = exportDataset(real);
    const committed = readDataTexts();
    for (const t of TABLE_NAMES) {
      const text = files[`data/${fileOf(t)}`] ?? '';
      expect(text.slice(1), t).toBe(exported[`${t}.csv`]);
      expect(text.slice(1), t).toBe(committed[t].replace(/\r\n/g, '\n'));
    }
  });

  it('documents every column of every CSV in the README, and names every file', () => {
    for (const [name, text] of Object.entries(files)) {
      if (name === 'README.txt') continue;
      expect(readme, name).toContain(`${name}: `);
      // The file's own section lists each header of the file, one per line.
      const section = readme.slice(readme.lastIndexOf(`\n${name}\n`));
      expect(section.length, name).toBeGreaterThan(name.length + 2);
      for (const h of parsed(text).header)
        expect(section, `${name}: ${h}`).toMatch(new RegExp(`\\n  ${escape(h)}[：:（]`, 'u'));
    }
  });

  it('states the tier rules, the unit totals and the meaning of derived and imported', () => {
    if (lang === 'zh') {
      for (const words of [
        '80分及以上',
        '60分至80分以下',
        '60分以下',
        '共168个单位',
        '2021年起共167个',
        '推得',
        '导入',
        'sources',
      ])
        expect(readme).toContain(words);
    } else {
      for (const words of [
        '80 points and above',
        '60 to under 80',
        'under 60',
        '168 units',
        '167 from 2021',
        'derived:',
        'imported:',
        'sources',
      ])
        expect(readme).toContain(words);
    }
    // Counts of units say what they are out of: known per tier next to the official totals.
    expect(readme).toMatch(
      lang === 'zh'
        ? /2023年：共167个单位；分类已知A类\d+个.*官方总数：A类66个、B类73个、C类28个/u
        : /2023: 167 units; tier known for A \d+.*Official totals: A 66, B 73, C 28/u,
    );
  });

  it('writes the reading tables in the language', () => {
    const tiers = parsed(files[`tiers-${lang}.csv`] ?? '');
    const luquan2019 = tiers.rows.find((r) => Object.values(r)[0] === '130110' && Object.values(r)[4] === '2019');
    if (lang === 'zh') {
      expect(tiers.header.slice(0, 6)).toEqual(['代码', '名称', '英文名称', '所属市', '年份', '分类']);
      expect(luquan2019).toMatchObject({ 名称: '鹿泉区', 分类: 'A', 依据: '已公布', 可信度: '高', 排名: '1' });
      for (const row of tiers.rows) expect(['已公布', '推得']).toContain(row['依据']);
      const totals = parsed(files['totals-zh.csv'] ?? '');
      expect(totals.rows.find((r) => r['年份'] === '2023' && r['范围'] === '河北省（全省）')).toMatchObject({
        A类数量: '66',
        B类数量: '73',
        C类数量: '28',
      });
      expect(parsed(files['table-2023-zh.csv'] ?? '').header[0]).toBe('代码');
    } else {
      expect(tiers.header.slice(0, 6)).toEqual(['code', 'name_zh', 'name_en', 'area', 'year', 'tier']);
      expect(luquan2019).toMatchObject({
        name_en: 'Luquan District',
        area: 'Shijiazhuang',
        basis: 'stated',
        confidence: 'high',
      });
      expect(parsed(files['table-2023-en.csv'] ?? '').header[0]).toBe('code');
    }
    // The table has every unit of 2023.
    expect(parsed(files[`table-2023-${lang}.csv`] ?? '').rows).toHaveLength(167);
  });
});

describe('the dataset ZIP with an imported layer', () => {
  const title = '@SUM(1,1) 2022 notice';
  const layer = importLayer([importFact('130111', 2022, 'B', { raw: '栾城区' })], {
    origin: 'link',
    source: { title, date: '2023-01-05' },
  });
  const dataset = applyImports(real, [layer]);

  it('marks the imported fact in every file and says so in the README', () => {
    for (const lang of ['zh', 'en'] as const) {
      const files = datasetZipFiles(dataset, lang);
      const tiers = parsed(files[`tiers-${lang}.csv`] ?? '');
      const row = tiers.rows.find((r) => Object.values(r)[0] === '130111' && Object.values(r)[4] === '2022');
      expect(row?.[lang === 'zh' ? '依据' : 'basis']).toBe(lang === 'zh' ? '导入' : 'imported');
      const data = parsed(files['data/tiers.csv'] ?? '');
      expect(data.rows.find((r) => r.code === '130111' && r.year === '2022')?.basis).toBe('imported');
      const table = parsed(files[`table-2023-${lang}.csv`] ?? '');
      expect(
        table.rows.find((r) => Object.values(r)[0] === '130111')?.[lang === 'zh' ? '2022年依据' : 'basis_2022'],
      ).toBe(lang === 'zh' ? '导入' : 'imported');
      expect(files['README.txt']).toContain(
        lang === 'zh' ? '本次导出包含1条导入的事实（来源IMP1）' : 'includes 1 imported fact(s) (sources IMP1)',
      );
    }
  });

  it('neutralises the imported source title in every file that repeats it', () => {
    for (const lang of ['zh', 'en'] as const) {
      const files = datasetZipFiles(dataset, lang);
      let seen = 0;
      for (const [name, text] of Object.entries(files)) {
        if (!name.endsWith('.csv')) continue;
        for (const row of parsed(text).rows)
          for (const cell of Object.values(row)) {
            if (cell.includes(title)) {
              seen += 1;
              expect(cell.startsWith(title), `${name}: ${cell}`).toBe(false);
            }
            expect(/^[=+\-@\t\r]/u.test(cell) && !/^[+-]?[\d.]+$/u.test(cell), `${name}: ${cell}`).toBe(false);
          }
      }
      // sources-<lang>.csv, data/sources.csv, tiers-<lang>.csv's source titles, and the notes.
      expect(seen).toBeGreaterThanOrEqual(3);
      expect(parsed(files[`sources-${lang}.csv`] ?? '').rows.some((r) => Object.values(r)[1] === `'${title}`)).toBe(
        true,
      );
    }
  });
});

describe('the ZIP file name', () => {
  it('names the evaluation years the data covers', () => {
    expect(datasetZipFileName(real)).toBe('hebei-innovation-data-2019-2023.zip');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
