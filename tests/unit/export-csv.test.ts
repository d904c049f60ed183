/**
 * CSV exports (src/domain/export-csv.ts): the whole dataset in the data/ formats reads back to
 * the same rows (and, for the committed tables, to the same bytes), and the table CSV has one
 * line per visible row with RFC 4180 quoting.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv, spreadsheetSafe } from '../../src/domain/csv';
import { applyImports } from '../../src/domain/import/apply';
import { formatParseError, TABLE_NAMES, type TableName } from '../../src/domain/dataset/fields';
import { parseDataset } from '../../src/domain/dataset/parse';
import {
  cellCodes,
  exportDataset,
  plainNumber,
  tableCsv,
  tableCsvColumns,
  tableCsvFileName,
  withBom,
  type DatasetFiles,
} from '../../src/domain/export-csv';
import { parseImportCsv } from '../../src/domain/import/csv-input';
import { NO_FILTER, filterRows, sortRows, tableRows } from '../../src/domain/table-rows';
import type { Dataset } from '../../src/domain/types';
import { indexStates } from '../../src/domain/unit-state';
import { importFact, importLayer, readDataTexts, total } from '../fixtures/builders';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

function parse(texts: Record<TableName, string>): Dataset {
  const parsed = parseDataset(texts);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatParseError).join('\n'));
  return parsed.dataset;
}

/** The exported files keyed by table name, as parseDataset takes them. */
function asTexts(files: DatasetFiles): Record<TableName, string> {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, files[`${t}.csv`]])) as Record<TableName, string>;
}

const committed = readDataTexts();
const real = parse(committed);

describe('exportDataset', () => {
  const files = exportDataset(real);

  it('writes the six data/ files with their headers', () => {
    expect(Object.keys(files).sort()).toEqual(TABLE_NAMES.map((t) => `${t}.csv`).sort());
    for (const t of TABLE_NAMES) {
      expect(files[`${t}.csv`].split('\n')[0]).toBe(committed[t].split(/\r?\n/)[0]);
    }
  });

  it('reads back to rows deep-equal to the real dataset', () => {
    const again = parse(asTexts(files));
    expect(again).toEqual(real);
    expect(again.tiers).toHaveLength(real.tiers.length);
    expect(again.units).toHaveLength(172);
  });

  it('equals the committed data/ files byte for byte (line endings aside)', () => {
    for (const t of TABLE_NAMES) {
      expect(files[`${t}.csv`], `${t}.csv`).toBe(committed[t].replace(/\r\n/g, '\n'));
    }
  });

  it('round-trips awkward values: quotes, commas, line breaks, empty cells, tiny and huge numbers', () => {
    const ds = syntheticDataset();
    const first = ds.units[0];
    const firstTier = ds.tiers[0];
    if (!first || !firstTier) throw new Error('fixture changed');
    ds.units[0] = {
      ...first,
      nameEn: 'Jia, "the first" District',
      boundaryNote: 'Line one\nline two, "quoted"',
      boundaryNoteZh: '第一行\n第二行，“引号”',
    };
    ds.tiers[0] = { ...firstTier, rank: 3, rankOf: 168, note: ' leading and trailing spaces ', noteZh: ' 首尾有空格 ' };
    ds.sources = [
      {
        sourceId: 'P001',
        title: 'A, B',
        publisher: '',
        date: '2024-01',
        url: 'https://example.org/a?b=1,2',
        language: 'en',
        note: '',
        noteZh: '',
      },
    ];
    ds.tiers = ds.tiers.map((t) => ({ ...t, sourceIds: ['P001'] }));
    ds.ranges = ds.ranges.map((r) => ({ ...r, sourceIds: ['P001'] }));
    ds.totals = [
      total(2023, {
        units: 167,
        counts: { A: 66, B: null, C: 28 },
        minimums: { A: null, B: 70, C: null },
        avgScore: 61.07,
        basis: 'derived',
        confidence: 'medium',
        sourceIds: ['P001'],
        note: 'n',
        noteZh: '注',
      }),
    ];
    ds.indicators = [
      {
        scope: 'province',
        code: '',
        year: 2022,
        indicator: 'rd_intensity',
        value: 0.0000015,
        unit: '%',
        sourceIds: ['P001'],
        note: 'tiny',
        noteZh: '很小',
      },
      {
        scope: 'unit',
        code: '990101',
        year: 2023,
        indicator: 'reward_cny',
        value: 2e21,
        unit: 'CNY',
        sourceIds: ['P001'],
        note: 'huge',
        noteZh: '很大',
      },
    ];
    const again = parse(asTexts(exportDataset(ds)));
    expect(again).toEqual(ds);
  });
});

describe('plainNumber', () => {
  it('writes plain decimals that read back to the same number', () => {
    for (const n of [0, 7, -3, 45.87, 0.1, 1.5e-7, -2.5e-9, 1.2345678901234567e-12, 1e21, 2.5e22, 123456789e20]) {
      const text = plainNumber(n);
      expect(text, String(n)).toMatch(/^-?\d+(\.\d+)?$/);
      expect(Number(text)).toBe(n);
    }
    expect(plainNumber(1.5e-7)).toBe('0.00000015');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
  });
});

describe('tableCsv', () => {
  const index = indexStates(real);
  const table = tableRows(real, index, 2023, null);

  it('has a header and one line per visible row, in the shown order', () => {
    const shown = sortRows(
      filterRows(table.rows, { ...NO_FILTER, area: '131100' }, 2023),
      { column: 'name', direction: 'desc' },
      'zh',
    );
    expect(shown.length).toBe(11);
    const text = tableCsv(shown, { year: 2023, baseYear: table.baseYear, lang: 'en' });
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + shown.length);
    // The default base (most units comparable with 2023, domain/base-year.ts), not simply 2022.
    expect(table.baseYear).toBe(2020);
    expect(lines[0]).toBe(tableCsvColumns({ year: 2023, baseYear: 2020, lang: 'en' }).join(','));
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.rows.map((r) => r.code)).toEqual(shown.map((r) => r.code));
  });

  it('writes states as codes, names in both languages, and lineage in via_<year>', () => {
    const renze = table.rows.find((r) => r.code === '130505');
    const luquan = table.rows.find((r) => r.code === '130110');
    if (!renze || !luquan) throw new Error('rows missing');
    const parsed = parseCsv(tableCsv([renze, luquan], { year: 2023, baseYear: table.baseYear, lang: 'en' }));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const [r, l] = parsed.rows;
    expect(r).toMatchObject({ name_zh: '任泽区', name_en: 'Renze District', area_zh: '邢台市', area_en: 'Xingtai' });
    expect(r).toMatchObject({ tier_2020: 'C', basis_2020: 'derived', via_2020: '130526', via_2023: '' });
    expect(l).toMatchObject({ tier_2023: 'A', basis_2023: 'stated', rank_2023: '1', rank_of_2023: '167' });
    expect(l?.change_2020_2023).toMatch(/^(up2|up1|same|down1|down2|unknown-base|unknown-current|unknown-both)$/);
    const codes = new Set(parsed.rows.flatMap((row) => [1, 2, 3, 4, 5].map((i) => row[`basis_${2018 + i}`])));
    for (const code of codes) expect(['stated', 'derived', 'range', 'unknown', 'none']).toContain(code);
  });

  it('has no change column for 2019 without a chosen base, and one with it', () => {
    const rows2019 = tableRows(real, index, 2019, null);
    expect(tableCsv(rows2019.rows, { year: 2019, baseYear: null, lang: 'en' }).split('\n')[0]).not.toContain('change_');
    const withBase = tableRows(real, index, 2023, 2019);
    expect(tableCsv(withBase.rows, { year: 2023, baseYear: 2019, lang: 'en' }).split('\n')[0]).toContain(
      ',change_2019_2023',
    );
  });

  it('quotes names with commas and quotes, and reads them back unchanged', () => {
    const ds = syntheticDataset();
    const first = ds.units[0];
    if (!first) throw new Error('fixture changed');
    ds.units[0] = { ...first, nameZh: '甲,区', nameEn: 'Jia "North", District' };
    const rows = tableRows(ds, indexStates(ds), 2019, null).rows;
    const text = tableCsv(rows, { year: 2019, baseYear: null, lang: 'en' });
    expect(text).toContain('"甲,区","Jia ""North"", District"');
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.rows[0]).toMatchObject({ name_zh: '甲,区', name_en: 'Jia "North", District' });
    expect(parsed.rows).toHaveLength(rows.length);
  });

  it('codes partly known and non-existent years distinctly from unknown', () => {
    const ds = syntheticDataset();
    const rows = tableRows(ds, indexStates(ds), 2019, null).rows;
    const yi = rows.find((r) => r.nameZh === '乙县');
    const wu = rows.find((r) => r.nameZh === '戊县');
    const bing = rows.find((r) => r.nameZh === '丙县');
    expect(cellCodes(yi?.cells.find((c) => c.year === 2021))).toEqual({ tier: 'B;C', basis: 'range', via: '' });
    expect(cellCodes(wu?.cells.find((c) => c.year === 2021))).toEqual({ tier: '', basis: 'none', via: '' });
    expect(cellCodes(bing?.cells.find((c) => c.year === 2021))).toEqual({ tier: '', basis: 'unknown', via: '' });
  });

  it('names the download after the year', () => {
    expect(tableCsvFileName(2023, 'en')).toBe('hebei-innovation-table-2023-en.csv');
    expect(tableCsvFileName(2021, 'zh', '130100')).toBe('hebei-innovation-table-2021-130100-zh.csv');
  });
});

describe('formula injection (issue 17)', () => {
  const HOSTILE = ['=HYPERLINK("http://evil","x")', '+cmd|" /C calc"!A0', '-2+3', '@SUM(1,1)', '\t=1+1', '\r=1+1'];

  it('spreadsheetSafe prefixes an apostrophe to every cell a spreadsheet would run', () => {
    // A leading tab is also where a spreadsheet pasting on tabs splits: what follows gets one too.
    for (const cell of HOSTILE) expect(spreadsheetSafe(cell)).toBe(cell === '\t=1+1' ? "'\t'=1+1" : `'${cell}`);
  });

  it('spreadsheetSafe leaves plain numbers and ordinary text alone', () => {
    for (const cell of ['-1', '+2', '-0.5', '12', '', '鹿泉区', 'A', "it's", 'a=b', 'stated']) {
      expect(spreadsheetSafe(cell)).toBe(cell);
    }
  });

  it('sources.csv of the whole dataset neutralises imported source titles, and reads back', () => {
    const layers = HOSTILE.map((title, i) =>
      importLayer([importFact('130110', 2023, 'A', { raw: '鹿泉区' })], { id: `IMP${i + 1}`, source: { title } }),
    );
    const files = exportDataset(applyImports(real, layers));
    const sources = parseCsv(files['sources.csv']);
    if (!sources.ok) throw new Error(sources.errors.join('\n'));
    const titles = sources.rows.filter((r) => /^IMP\d+$/u.test(r.source_id ?? '')).map((r) => r.title);
    expect(titles).toEqual(HOSTILE.map(spreadsheetSafe));
    // No cell of any exported file starts with a character a spreadsheet runs (numbers aside).
    for (const text of Object.values(files)) {
      const parsed = parseCsv(text);
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      for (const row of parsed.rows) {
        for (const cell of Object.values(row))
          expect(/^[=+\-@\t\r]/u.test(cell) && !/^[+-]?[\d.]+$/u.test(cell)).toBe(false);
      }
    }
  });

  it('the table CSV neutralises names and raw text from the data', () => {
    const dataset = syntheticDataset();
    const [first] = dataset.units;
    if (!first) throw new Error('no units');
    const hostile: Dataset = {
      ...dataset,
      units: dataset.units.map((u) => (u.code === first.code ? { ...u, nameZh: '=1+1', nameEn: '@SUM(A1)' } : u)),
    };
    const { rows } = tableRows(hostile, indexStates(hostile), 2023, 2022);
    const parsed = parseCsv(tableCsv(rows, { year: 2023, baseYear: 2022, lang: 'en' }));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const row = parsed.rows.find((r) => r.code === first.code);
    expect(row?.name_zh).toBe("'=1+1");
    expect(row?.name_en).toBe("'@SUM(A1)");
  });
});

describe('the table CSV in Chinese (issue 15)', () => {
  const index = indexStates(real);
  const table = tableRows(real, index, 2023, null);
  const pick = (...codes: string[]) =>
    codes.map((c) => table.rows.find((r) => r.code === c)).filter((r) => r !== undefined);

  it('has Chinese headers in the same order as the English column names', () => {
    const zh = tableCsvColumns({ year: 2023, baseYear: 2020, lang: 'zh' });
    const en = tableCsvColumns({ year: 2023, baseYear: 2020, lang: 'en' });
    expect(zh).toHaveLength(en.length);
    expect(zh.slice(0, 9)).toEqual([
      '代码',
      '名称',
      '英文名称',
      '所属市代码',
      '所属市',
      '所属市英文名称',
      '2019年分类',
      '2019年依据',
      '2019年对应单位代码',
    ]);
    expect(zh.slice(-3)).toEqual(['2023年排名', '2023年参与排名单位数', '2020—2023年变化']);
    expect(en.slice(-3)).toEqual(['rank_2023', 'rank_of_2023', 'change_2020_2023']);
    // No English column name is left in the Chinese header.
    for (const h of zh) expect(h, h).not.toMatch(/[a-z]/u);
  });

  it('writes the states in Chinese: 已公布, 推得, 未知, a range as 甲或乙, the change in words', () => {
    const parsed = parseCsv(tableCsv(pick('130505', '130110'), { year: 2023, baseYear: 2020, lang: 'zh' }));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const [renze, luquan] = parsed.rows;
    expect(renze).toMatchObject({ 名称: '任泽区', 所属市: '邢台市', '2020年分类': 'C', '2020年依据': '推得' });
    expect(renze?.['2020年对应单位代码']).toBe('130526');
    expect(luquan).toMatchObject({ '2023年分类': 'A', '2023年依据': '已公布', '2023年排名': '1' });
    expect(luquan?.['2023年参与排名单位数']).toBe('167');
    const words = new Set([
      '上升两级',
      '上升一级',
      '级别不变',
      '下降一级',
      '下降两级',
      '2020年未知',
      '2023年未知',
      '两年均未知',
    ]);
    expect(words).toContain(luquan?.['2020—2023年变化']);

    const ds = syntheticDataset();
    const rows = tableRows(ds, indexStates(ds), 2019, null).rows;
    const text = tableCsv(rows, { year: 2019, baseYear: null, lang: 'zh' });
    const synthetic = parseCsv(text);
    if (!synthetic.ok) throw new Error(synthetic.errors.join('\n'));
    const yi = synthetic.rows.find((r) => r['名称'] === '乙县');
    const wu = synthetic.rows.find((r) => r['名称'] === '戊县');
    const bing = synthetic.rows.find((r) => r['名称'] === '丙县');
    expect(yi).toMatchObject({ '2021年分类': 'B或C', '2021年依据': '区间（部分已知）' });
    expect(wu).toMatchObject({ '2021年分类': '', '2021年依据': '当年不存在' });
    expect(bing).toMatchObject({ '2021年分类': '', '2021年依据': '未知' });
    // No English code among the values of the state columns.
    for (const row of synthetic.rows)
      for (const [key, value] of Object.entries(row))
        if (key.endsWith('依据')) expect(value, key).not.toMatch(/stated|derived|imported|range|unknown|none/u);
  });
});

describe('imported facts are exported as imported (issue 15)', () => {
  // 2022 has no notice: 130111 栾城区's 2022 tier is not in data/ (checked below).
  const layer = importLayer([importFact('130111', 2022, 'A', { raw: '栾城区' })], {
    source: { title: '=HYPERLINK("http://evil","2022 results")', date: '2023-01-05' },
  });
  const withImport = applyImports(real, [layer]);

  it('applying an import gives a fact the data/ export writes with basis imported', () => {
    expect(real.tiers.some((t) => t.code === '130111' && t.year === 2022)).toBe(false);
    const tiers = parseCsv(exportDataset(withImport)['tiers.csv']);
    if (!tiers.ok) throw new Error(tiers.errors.join('\n'));
    const row = tiers.rows.find((r) => r.code === '130111' && r.year === '2022');
    expect(row).toMatchObject({ tier: 'A', basis: 'imported', source_ids: 'IMP1' });
    // Every other row keeps its data/ basis.
    expect(tiers.rows.filter((r) => r.basis === 'imported')).toHaveLength(1);
  });

  it('the importer reads that tiers.csv back, byte-order mark and all (it ignores the basis)', () => {
    const text = withBom(exportDataset(withImport)['tiers.csv']);
    const read = parseImportCsv(text, { year: null }, text.length);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.entries).toHaveLength(withImport.tiers.length);
    expect(read.entries.find((e) => e.raw === '130111' && e.year === 2022)).toMatchObject({ tier: 'A' });
  });

  it('the table CSV marks it imported (English) and 导入 (Chinese)', () => {
    const table = tableRows(withImport, indexStates(withImport), 2022, null);
    const row = table.rows.filter((r) => r.code === '130111');
    const en = parseCsv(tableCsv(row, { year: 2022, baseYear: table.baseYear, lang: 'en' }));
    const zh = parseCsv(tableCsv(row, { year: 2022, baseYear: table.baseYear, lang: 'zh' }));
    if (!en.ok || !zh.ok) throw new Error('unparsable');
    expect(en.rows[0]).toMatchObject({ tier_2022: 'A', basis_2022: 'imported' });
    expect(zh.rows[0]).toMatchObject({ '2022年分类': 'A', '2022年依据': '导入' });
  });

  it('the imported source title is neutralised in data/sources.csv', () => {
    const sources = parseCsv(exportDataset(withImport)['sources.csv']);
    if (!sources.ok) throw new Error(sources.errors.join('\n'));
    expect(sources.rows.find((r) => r.source_id === 'IMP1')?.title).toBe(`'${layer.source.title}`);
  });
});
