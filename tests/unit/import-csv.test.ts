/**
 * CSV input (src/domain/import/csv-input.ts) and file decoding (decode.ts): every shape, header
 * spellings, row checks with line numbers, encodings, and what the dialog does with a text.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { areaName } from '../../src/domain/dataset/units';
import { MAX_LISTED_PROBLEMS, parseImportCsv, parseImportText } from '../../src/domain/import/csv-input';
import { decodeImportBytes } from '../../src/domain/import/decode';
import { createNameResolver } from '../../src/domain/import/names';
import { IMPORT_LIMITS, type ImportEntry, type ParsedInput } from '../../src/domain/import/types';
import { readDataTexts, realDataset } from '../fixtures/import/real-data';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import');
const NO_YEAR = { year: null };

function entriesOf(parsed: ParsedInput): ImportEntry[] {
  if (!parsed.ok) throw new Error(`not ok: ${JSON.stringify(parsed.problems)}`);
  return parsed.entries;
}

describe('CSV shapes', () => {
  it('reads data/tiers.csv as it is, row for row', () => {
    const dataset = realDataset();
    const entries = entriesOf(parseImportCsv(readDataTexts().tiers, NO_YEAR));
    expect(entries).toHaveLength(dataset.tiers.length);
    entries.forEach((e, i) => {
      const fact = dataset.tiers[i];
      expect(e).toEqual({
        raw: fact?.code,
        year: fact?.year,
        tier: fact?.tier,
        rank: fact?.rank,
        score: null,
        line: i + 2,
        areaHint: null,
      });
    });
  });

  it("reads the facts package's county_tiers.csv, with the prefecture as the area", () => {
    const text = readFileSync(join(FIXTURES, 'county_tiers.sample.csv'), 'utf8');
    const entries = entriesOf(parseImportCsv(text, NO_YEAR));
    expect(entries[0]).toEqual({
      raw: '桥西区',
      year: 2019,
      tier: 'A',
      rank: null,
      score: null,
      line: 2,
      areaHint: '130100',
    });
    const resolve = createNameResolver(realDataset().units);
    // 桥东区 in 2020 is in 邢台 and 张家口: the prefecture column settles it.
    const qiaodong = entries.find((e) => e.raw === '桥东区');
    expect(qiaodong && resolve(qiaodong.raw, qiaodong.year, { areaHint: qiaodong.areaHint })).toEqual({
      kind: 'matched',
      code: '130502',
      via: 'context',
    });
    expect(entries.find((e) => e.raw === '辛集市')?.areaHint).toBe('130181');
  });

  it('reads a generated county_tiers.csv of every fact, with the right area for each', () => {
    const dataset = realDataset();
    const rows = dataset.tiers.map((t) => {
      const unit = dataset.units.find(
        (u) => u.code === t.code && u.validFrom <= t.year && (u.validTo ?? 9999) >= t.year,
      );
      return [areaName(unit?.prefectureZh ?? ''), unit?.nameZh, t.year, t.tier, t.rank ?? '', t.rankOf ?? ''].join(',');
    });
    const text = ['prefecture,county,year,tier,rank,rank_of', ...rows].join('\n');
    const entries = entriesOf(parseImportCsv(text, NO_YEAR));
    expect(entries).toHaveLength(dataset.tiers.length);
    const resolve = createNameResolver(dataset.units);
    entries.forEach((e, i) => {
      expect(resolve(e.raw, e.year, { areaHint: e.areaHint }), e.raw).toMatchObject({
        kind: 'matched',
        code: dataset.tiers[i]?.code,
      });
    });
  });

  it.each([
    ['name,tier\n鹿泉区,A\n栾城区,b', { year: 2023 }, [['鹿泉区', 2023, 'A', null, null, null]]],
    ['code,tier\n130110,A类', { year: 2021 }, [['130110', 2021, 'A', null, null, null]]],
    ['name,year,tier\n鹿泉区,2019,C级', NO_YEAR, [['鹿泉区', 2019, 'C', null, null, null]]],
    ['county,tier,rank,score\n鹿泉区,A,1,91.5', { year: 2023 }, [['鹿泉区', 2023, 'A', 1, 91.5, null]]],
    [
      '县（市、区）,等级,年份,排名,得分,市\n桥西区,A,2023年,28,,石家庄市',
      NO_YEAR,
      [['桥西区', 2023, 'A', 28, null, '130100']],
    ],
    ['名称,类别,年度\n鹿泉区,A类县,2022', NO_YEAR, [['鹿泉区', 2022, 'A', null, null, null]]],
    [' Name , TIER ,Year\n鹿泉区,A,2020', NO_YEAR, [['鹿泉区', 2020, 'A', null, null, null]]],
    ['名称\t等级\t年份\n鹿泉区\tA\t2020', NO_YEAR, [['鹿泉区', 2020, 'A', null, null, null]]],
    ['tier;name\nA;鹿泉区', { year: 2020 }, [['鹿泉区', 2020, 'A', null, null, null]]],
    ['\uFEFFname,tier\n鹿泉区,A', { year: 2023 }, [['鹿泉区', 2023, 'A', null, null, null]]],
    [
      'name,tier,note\n"石家庄市鹿泉区",A,"a note, quoted"',
      { year: 2023 },
      [['石家庄市鹿泉区', 2023, 'A', null, null, null]],
    ],
  ] as const)('reads %j', (text, defaults, expected) => {
    const entries = entriesOf(parseImportCsv(text, defaults));
    expect(entries.slice(0, 1).map((e) => [e.raw, e.year, e.tier, e.rank, e.score, e.areaHint])).toEqual(expected);
  });

  it('takes a tier in lower case or with 类/级 and a code before a name', () => {
    const entries = entriesOf(parseImportCsv('code,name,tier\n130110,鹿泉区,a\n,栾城区,B类', { year: 2023 }));
    expect(entries.map((e) => [e.raw, e.tier])).toEqual([
      ['130110', 'A'],
      ['栾城区', 'B'],
    ]);
  });
});

describe('CSV problems', () => {
  it('lists every bad row with its line, and applies nothing', () => {
    const text = [
      'name,year,tier,rank,score',
      '鹿泉区,2023,A,1,',
      '栾城区,2018,A,,',
      '藁城区,2023,D,,',
      '正定县,2023,A,0,',
      '赵县,2023,A,,101',
      '晋州市,2023,A,170,',
      '新乐市,,A,,',
      ',2023,A,,',
    ].join('\n');
    const parsed = parseImportCsv(text, NO_YEAR);
    expect(parsed).toEqual({
      ok: false,
      problems: [
        { code: 'bad-year', severity: 'error', line: 3, detail: '2018' },
        { code: 'bad-tier', severity: 'error', line: 4, detail: 'D' },
        { code: 'bad-rank', severity: 'error', line: 5, detail: '0' },
        { code: 'bad-rank', severity: 'error', line: 6, detail: '101' },
        { code: 'bad-rank', severity: 'error', line: 7, detail: '170' },
        { code: 'no-year', severity: 'error', line: 8, detail: '' },
        { code: 'csv-malformed', severity: 'error', line: 9, detail: 'no name or code' },
      ],
    });
  });

  it('checks rank_of against the year', () => {
    const parsed = parseImportCsv('code,year,tier,rank,rank_of\n130110,2023,A,1,168', NO_YEAR);
    expect(parsed).toEqual({
      ok: false,
      problems: [{ code: 'bad-rank', severity: 'error', line: 2, detail: 'rank_of 168' }],
    });
  });

  it(`lists at most ${MAX_LISTED_PROBLEMS} problems and counts the rest`, () => {
    const rows = Array.from({ length: 120 }, () => '鹿泉区,Z');
    const parsed = parseImportCsv(['name,tier', ...rows].join('\n'), { year: 2023 });
    expect(parsed.ok).toBe(false);
    expect(parsed.problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(parsed.problems[0]).toEqual({ code: 'bad-tier', severity: 'error', line: 2, detail: 'Z' });
    expect(parsed.problems.at(-1)).toMatchObject({ code: 'csv-malformed', detail: '70 more problems not listed' });
  });

  it('reports malformed quoting and field counts with the line', () => {
    const quoting = parseImportCsv('name,tier\n鹿泉区,A\n"栾城区,B\n藁城区,A', { year: 2023 });
    expect(quoting.ok).toBe(false);
    expect(quoting.problems[0]).toMatchObject({ code: 'csv-malformed', severity: 'error', line: 3 });
    const fields = parseImportCsv('name,tier\n鹿泉区,A,extra', { year: 2023 });
    expect(fields).toEqual({
      ok: false,
      problems: [{ code: 'csv-malformed', severity: 'error', line: 2, detail: '3 fields, expected 2' }],
    });
  });

  it('names the header it did not recognise', () => {
    expect(parseImportCsv('foo,bar\n1,2', NO_YEAR)).toEqual({
      ok: false,
      problems: [{ code: 'csv-header', severity: 'error', detail: 'foo,bar' }],
    });
    // A name without a tier column is not enough.
    expect(parseImportCsv('name,year\n鹿泉区,2023', NO_YEAR)).toMatchObject({ problems: [{ code: 'csv-header' }] });
  });

  it('refuses empty, header-only, over-long and over-full files', () => {
    expect(parseImportCsv('', NO_YEAR)).toEqual({ ok: false, problems: [{ code: 'empty', severity: 'error' }] });
    expect(parseImportCsv('\uFEFF\n', NO_YEAR)).toEqual({
      ok: false,
      problems: [{ code: 'empty', severity: 'error' }],
    });
    expect(parseImportCsv('name,tier\n', NO_YEAR)).toEqual({
      ok: false,
      problems: [{ code: 'empty', severity: 'error' }],
    });
    expect(parseImportCsv('x'.repeat(IMPORT_LIMITS.maxTextChars + 1), NO_YEAR)).toMatchObject({
      problems: [{ code: 'too-large', limit: IMPORT_LIMITS.maxTextChars }],
    });
    const many = ['name,tier', ...Array.from({ length: IMPORT_LIMITS.maxEntries + 1 }, () => '鹿泉区,A')].join('\n');
    expect(parseImportCsv(many, { year: 2023 })).toMatchObject({
      problems: [{ code: 'too-many-entries', limit: IMPORT_LIMITS.maxEntries }],
    });
  });

  it('cuts an over-long name and says so', () => {
    const parsed = parseImportCsv(`name,tier\n${'鹿'.repeat(300)},A`, { year: 2023 });
    expect(entriesOf(parsed)[0]?.raw).toHaveLength(IMPORT_LIMITS.maxFieldChars);
    expect(parsed.problems).toEqual([{ code: 'field-truncated', severity: 'info', line: 2 }]);
  });
});

describe('parseImportText', () => {
  const defaults = { year: 2023, tier: 'A' as const, scoreOrdered: false };

  it('reads a text with a known CSV header as CSV', () => {
    expect(entriesOf(parseImportText('name,tier\n鹿泉区,B', defaults))[0]).toMatchObject({ raw: '鹿泉区', tier: 'B' });
    expect(entriesOf(parseImportText('\n\n县,等级\n鹿泉区,C', defaults))[0]).toMatchObject({ tier: 'C' });
  });

  it('reads anything else as a notice', () => {
    expect(entriesOf(parseImportText('鹿泉区,栾城区', defaults)).map((e) => e.raw)).toEqual(['鹿泉区', '栾城区']);
    expect(entriesOf(parseImportText('A类：鹿泉区、栾城区', { ...defaults, tier: null })).map((e) => e.tier)).toEqual([
      'A',
      'A',
    ]);
  });
});

describe('decodeImportBytes', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeImportBytes(utf8('name,tier\n鹿泉区,A'))).toEqual({
      ok: true,
      text: 'name,tier\n鹿泉区,A',
      encoding: 'utf-8',
      problems: [],
    });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('县')]);
    expect(decodeImportBytes(bom)).toEqual({ ok: true, text: '县', encoding: 'utf-8-bom', problems: [] });
  });

  it('reads GBK (Excel) and says so', () => {
    // "县" is 0xCF 0xD8 in GBK; "赵" is 0xD5 0xD4. The file: name,tier\n赵县,A\n
    const gbk = new Uint8Array([...utf8('name,tier\n'), 0xd5, 0xd4, 0xcf, 0xd8, ...utf8(',A\n')]);
    const decoded = decodeImportBytes(gbk);
    expect(decoded).toEqual({
      ok: true,
      text: 'name,tier\n赵县,A\n',
      encoding: 'gbk',
      problems: [{ code: 'decoded-gbk', severity: 'info' }],
    });
    if (decoded.ok) expect(entriesOf(parseImportCsv(decoded.text, { year: 2023 }))[0]?.raw).toBe('赵县');
    expect(decodeImportBytes(new Uint8Array([0xcf, 0xd8]))).toMatchObject({ ok: true, text: '县', encoding: 'gbk' });
  });

  it('refuses NUL bytes, control characters and bytes valid in neither encoding', () => {
    const binary = { ok: false, problems: [{ code: 'binary', severity: 'error' }] };
    expect(decodeImportBytes(new Uint8Array([0x6e, 0x00, 0x61]))).toEqual(binary);
    // UTF-16 with a byte-order mark (Excel's "Unicode text") is read (import-input-checks.test.ts);
    // with a mark but an unpaired surrogate it is not text.
    expect(decodeImportBytes(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]))).toEqual(binary);
    expect(decodeImportBytes(utf8('name\u0001tier'))).toEqual(binary);
    expect(decodeImportBytes(new Uint8Array([0xff, 0xff, 0xff]))).toEqual(binary);
    expect(decodeImportBytes(new Uint8Array([0x41, 0xcf]))).toEqual(binary);
    expect(decodeImportBytes(new Uint8Array([0xcf, 0x20]))).toEqual(binary);
    // A UTF-8 mark on bytes that are not UTF-8.
    expect(decodeImportBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0xcf, 0xd8]))).toEqual(binary);
    // A PNG header.
    expect(decodeImportBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toEqual(binary);
  });

  it('refuses a file over the limit before decoding anything', () => {
    const spy = vi.spyOn(globalThis, 'TextDecoder');
    const big = new Uint8Array(IMPORT_LIMITS.maxFileBytes + 1).fill(0x41);
    expect(decodeImportBytes(big)).toEqual({
      ok: false,
      problems: [{ code: 'too-large', severity: 'error', limit: IMPORT_LIMITS.maxFileBytes, unit: 'bytes' }],
    });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(decodeImportBytes(new Uint8Array(IMPORT_LIMITS.maxFileBytes).fill(0x41)).ok).toBe(true);
  });

  it('refuses an empty file', () => {
    expect(decodeImportBytes(new Uint8Array(0))).toEqual({
      ok: false,
      problems: [{ code: 'empty', severity: 'error' }],
    });
  });
});
