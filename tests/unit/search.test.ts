import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AREA_NAMES_EN, areaNameEn } from '../../src/domain/areas';
import { isValidIn } from '../../src/domain/dataset/units';
import { buildSearchIndex, normalizePinyin, searchUnits, type SearchResult } from '../../src/domain/search';
import type { Unit } from '../../src/domain/types';
import { realDataset } from '../fixtures/builders';

const units = realDataset().units;
const index2019 = buildSearchIndex(units, 2019);
const index2023 = buildSearchIndex(units, 2023);
const allCodes = new Set(units.map((u) => u.code));

/** The pinyin the index derives from name_en: "Chang'an District" → "changan". */
function pinyinOf(unit: Unit): string {
  return normalizePinyin(unit.nameEn.replace(/(?:\s+(?:Manchu|Mongol|Hui|and|Mining|Autonomous))*\s+\w+$/, ''));
}

/**
 * The results tied with the first one: names repeat (two current 桥西区; 魏县 and 威县 are both
 * "wei"), so "found first" means found among the equally good first results.
 */
function topTied(results: SearchResult[], key: (r: SearchResult) => string): SearchResult[] {
  const first = results[0];
  return first === undefined ? [] : results.filter((r) => key(r) === key(first) && !r.note === !first.note);
}

describe('areas', () => {
  it('names exactly the 13 areas of data/units.csv', () => {
    const areaCodes = new Set(units.map((u) => u.prefectureCode));
    expect(areaCodes.size).toBe(13);
    expect(new Set(Object.keys(AREA_NAMES_EN))).toEqual(areaCodes);
    expect(areaNameEn('130682')).toBe('Dingzhou');
    expect(areaNameEn('130181')).toBe('Xinji');
    expect(areaNameEn('toString')).toBeUndefined();
  });

  it('keeps 定州 and 辛集 as their own areas', () => {
    const own = units.filter((u) => u.code === u.prefectureCode).map((u) => u.nameZh);
    expect(own.sort()).toEqual(['定州市', '辛集市'].sort());
  });
});

describe.each([
  [2019, index2019],
  [2023, index2023],
] as const)('every unit of %i', (year, index) => {
  const current = units.filter((u) => isValidIn(u, year));

  it(`has the expected number of units (${year})`, () => {
    expect(current).toHaveLength(year === 2019 ? 168 : 167);
  });

  it.each(current.map((u) => [u.nameZh, u] as const))('is found first by its Chinese name: %s', (_, unit) => {
    const results = searchUnits(index, unit.nameZh);
    expect(results[0]?.nameZh).toBe(unit.nameZh);
    expect(results[0]?.matchedOn).toBe('zh');
    expect(topTied(results, (r) => r.nameZh).map((r) => r.code)).toContain(unit.code);
  });

  it.each(current.map((u) => [u.nameEn, u] as const))('is found first by its full pinyin: %s', (_, unit) => {
    const results = searchUnits(index, pinyinOf(unit));
    expect(results[0]?.matchedOn).toBe('pinyin');
    expect(results[0] && normalizePinyin(results[0].nameEn)).toMatch(new RegExp(`^${pinyinOf(unit)}`));
    expect(topTied(results, (r) => pinyinOf({ ...unit, nameEn: r.nameEn })).map((r) => r.code)).toContain(unit.code);
  });

  it.each(current.map((u) => [u.code, u] as const))('is found first by its code: %s', (code, unit) => {
    const results = searchUnits(index, code);
    expect(results[0]).toMatchObject({ code, unitCode: code, nameZh: unit.nameZh, matchedOn: 'code' });
    expect(results[0]?.note).toBeUndefined();
  });
});

describe('query forms', () => {
  it.each([
    '鹿泉',
    '鹿泉区',
    '石家庄市鹿泉区',
    '石家庄鹿泉',
    '河北省石家庄市鹿泉区',
    'luquan',
    'Lùquán',
    'lu4quan2',
    'lu quan',
    'luq',
    'LUQUAN',
    'Luquan District',
    'luquanqu',
    '130110',
    '130 110',
    '１３０１１０',
  ])('%s finds 鹿泉区 (130110) first', (query) => {
    const results = searchUnits(index2023, query);
    expect(results[0]).toMatchObject({ code: '130110', nameZh: '鹿泉区', prefectureZh: '石家庄市' });
  });

  it('matches on the language of the query', () => {
    expect(searchUnits(index2023, '鹿泉')[0]?.matchedOn).toBe('zh');
    expect(searchUnits(index2023, 'luquan')[0]?.matchedOn).toBe('pinyin');
    expect(searchUnits(index2023, '130110')[0]?.matchedOn).toBe('code');
  });

  it('ranks exact before prefix before inside the name', () => {
    const results = searchUnits(index2023, '井陉');
    // 井陉县 and 井陉矿区 both shorten to 井陉: equal, ordered by name.
    expect(results.map((r) => r.nameZh).slice(0, 2)).toEqual(['井陉县', '井陉矿区']);
    const inside = searchUnits(index2023, '泉');
    const names = inside.map((r) => r.nameZh);
    expect(names).toContain('鹿泉区');
    expect(names).toContain('平泉市');
    expect(searchUnits(index2023, 'xinji')[0]?.nameZh).toBe('辛集市');
    const starts = searchUnits(index2023, 'xin', 50).map((r) => normalizePinyin(r.nameEn).startsWith('xin'));
    expect(starts).toContain(true);
    expect(starts).toContain(false);
    // Every prefix match comes before every match inside a name.
    expect(starts.lastIndexOf(true)).toBeLessThan(starts.indexOf(false));
  });

  it('finds codes by prefix from three digits, not fewer', () => {
    expect(searchUnits(index2023, '13')).toEqual([]);
    const xingtai = searchUnits(index2023, '1305', 50);
    expect(xingtai.length).toBeGreaterThan(10);
    expect(xingtai.every((r) => r.unitCode.startsWith('1305'))).toBe(true);
    expect(searchUnits(index2023, '130')).toHaveLength(10);
  });

  it('finds 蔚县 by its reading "yu"', () => {
    expect(searchUnits(index2023, 'yu')[0]).toMatchObject({ code: '130726', nameZh: '蔚县' });
    expect(searchUnits(index2023, 'yuxian')[0]).toMatchObject({ code: '130726', nameZh: '蔚县' });
    expect(searchUnits(index2023, 'Yù xiàn')[0]?.code).toBe('130726');
  });

  it('finds names with apostrophes and autonomous counties', () => {
    expect(searchUnits(index2023, 'changan')[0]).toMatchObject({ code: '130102', nameZh: '长安区' });
    expect(searchUnits(index2023, "Chang'an")[0]?.code).toBe('130102');
    expect(searchUnits(index2023, '青龙')[0]?.code).toBe('130321');
    expect(searchUnits(index2023, 'qinglong')[0]?.code).toBe('130321');
    expect(searchUnits(index2023, 'weichang')[0]?.nameZh).toBe('围场满族蒙古族自治县');
    expect(searchUnits(index2023, '孟村')[0]?.code).toBe('130930');
  });
});

describe('duplicates and areas', () => {
  it('returns both current 桥西区, each with its area', () => {
    const results = searchUnits(index2023, '桥西区').filter((r) => r.note === undefined);
    expect(results.map((r) => [r.code, r.prefectureZh, r.prefectureEn])).toEqual([
      ['130104', '石家庄市', 'Shijiazhuang'],
      ['130703', '张家口市', 'Zhangjiakou'],
    ]);
  });

  it('lists 邢台’s former 桥西区 after the current ones, as now 信都区', () => {
    const results = searchUnits(index2023, '桥西区');
    expect(results).toHaveLength(3);
    expect(results[2]).toMatchObject({
      code: '130503',
      unitCode: '130503',
      prefectureZh: '邢台市',
      note: { kind: 'former', validFrom: 2019, validTo: 2020, counterparts: [{ code: '130503', nameZh: '信都区' }] },
    });
    // In 2019 all three are current.
    expect(searchUnits(index2019, '桥西区').map((r) => r.note)).toEqual([undefined, undefined, undefined]);
  });

  it('narrows a duplicate name by the area in front of it', () => {
    for (const [query, code] of [
      ['张家口市桥西区', '130703'],
      ['石家庄桥西', '130104'],
      ['沧州新华区', '130902'],
      ['石家庄市新华区', '130105'],
      ['zhangjiakou qiaoxi', '130703'],
    ] as const) {
      expect(searchUnits(index2023, query)[0]?.code, query).toBe(code);
    }
  });

  it('does not list every 县 of an area after its name', () => {
    const results = searchUnits(index2023, '承德县');
    expect(results.map((r) => r.nameZh)).toEqual(['承德县']);
  });

  it('keeps every result’s area, in Chinese and English', () => {
    for (const r of searchUnits(index2023, '新华区')) {
      expect(r.prefectureZh).not.toBe('');
      expect(r.prefectureEn).toBeDefined();
    }
    expect(searchUnits(index2023, '新华区').map((r) => r.prefectureZh)).toEqual(['石家庄市', '沧州市']);
  });
});

describe('units of other years', () => {
  it('finds 任县 in 2023 as a former unit that selects 任泽区 (130505)', () => {
    const results = searchUnits(index2023, '任县');
    expect(results[0]).toMatchObject({
      code: '130505',
      unitCode: '130526',
      nameZh: '任县',
      note: { kind: 'former', validFrom: 2019, validTo: 2020, counterparts: [{ code: '130505', nameZh: '任泽区' }] },
    });
    expect(searchUnits(index2023, 'renxian')[0]?.code).toBe('130505');
    expect(searchUnits(index2023, '130526')[0]?.code).toBe('130505');
  });

  it('ranks a current unit before a former one of equal match', () => {
    const results = searchUnits(index2023, '南和');
    expect(results.map((r) => [r.nameZh, r.code, r.note?.kind])).toEqual([
      ['南和区', '130506', undefined],
      ['南和县', '130506', 'former'],
    ]);
  });

  it('shows 邢台县 in 2023 with both successors and selects its own code', () => {
    const result = searchUnits(index2023, '邢台县')[0];
    expect(result).toMatchObject({ code: '130521', unitCode: '130521', nameZh: '邢台县' });
    expect(result?.note?.counterparts.map((c) => c.nameZh).sort()).toEqual(['信都区', '襄都区'].sort());
  });

  it('finds 邢台’s former 桥东区 in 2023, which selects 襄都区 under the same code', () => {
    const results = searchUnits(index2023, '桥东区');
    const xingtai = results.find((r) => r.prefectureZh === '邢台市');
    expect(xingtai).toMatchObject({ code: '130502', note: { kind: 'former', counterparts: [{ nameZh: '襄都区' }] } });
    // The code finds the current unit first.
    expect(searchUnits(index2023, '130502').map((r) => r.nameZh)).toEqual(['襄都区', '桥东区']);
  });

  it('finds 任泽区 in 2019 as a later unit that selects 任县', () => {
    expect(searchUnits(index2019, '任泽区')[0]).toMatchObject({
      code: '130526',
      unitCode: '130505',
      note: { kind: 'later', validFrom: 2021, validTo: null, counterparts: [{ code: '130526', nameZh: '任县' }] },
    });
  });

  it('gives every result a unique id and a code the data knows', () => {
    for (const index of [index2019, index2023]) {
      const results = [...searchUnits(index, '130', 500), ...searchUnits(index, '131', 500)];
      const ids = results.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(units.length);
      expect(results.every((r) => allCodes.has(r.code))).toBe(true);
    }
  });
});

describe('highlights', () => {
  it('marks the matched part of the name', () => {
    expect(searchUnits(index2023, '泉区')[0]?.highlight).toEqual({ field: 'zh', start: 1, end: 3 });
    expect(searchUnits(index2023, 'changa')[0]?.highlight).toEqual({ field: 'en', start: 0, end: 7 });
    expect(searchUnits(index2023, 'yuxian')[0]?.highlight).toEqual({ field: 'en', start: 0, end: 2 });
    expect(searchUnits(index2023, '130110')[0]?.highlight).toEqual({ field: 'code', start: 0, end: 6 });
  });
});

describe('odd input', () => {
  it.each([
    '',
    '   ',
    '\n\t',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '😀',
    '🏳️‍🌈🏳️‍🌈',
    '%%%',
    '\u0000',
    '\uD800',
    'x'.repeat(100_000),
    '鹿'.repeat(10_000),
    '1'.repeat(1_000),
    '13',
    '999999',
    'zzzz',
    '北京市',
  ])('%j gives no results', (query) => {
    expect(searchUnits(index2023, query)).toEqual([]);
  });

  it('treats a bad limit as no room', () => {
    expect(searchUnits(index2023, '鹿泉', 0)).toEqual([]);
    expect(searchUnits(index2023, '鹿泉', Number.NaN)).toEqual([]);
    expect(searchUnits(index2023, '鹿泉', -3)).toEqual([]);
    expect(searchUnits(index2023, '1', 2.7)).toEqual([]);
    expect(searchUnits(index2023, '130', 2.7)).toHaveLength(2);
  });

  it('works on an empty index (before the data loads)', () => {
    expect(searchUnits(buildSearchIndex([], 2023), '鹿泉')).toEqual([]);
  });

  it('never throws and returns at most `limit` known units for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: -2, max: 20 }), (query, limit) => {
        const results = searchUnits(index2023, query, limit);
        expect(results.length).toBeLessThanOrEqual(Math.max(0, limit));
        expect(results.every((r) => allCodes.has(r.code))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds nothing in text without letters, digits or Chinese characters', () => {
    const symbols = fc.constantFrom(...'<>/"\'&;:!?@#$%^*()[]{}|\\~` \t\n-_=+.,😀🙂🚀✨👍🏽'.split(''));
    fc.assert(
      fc.property(fc.array(symbols, { maxLength: 80 }), (chars) => {
        expect(searchUnits(index2023, chars.join(''))).toEqual([]);
      }),
    );
  });

  it('finds a unit inside any surrounding whitespace and letter case', () => {
    fc.assert(
      fc.property(fc.constantFrom(...units.filter((u) => isValidIn(u, 2023))), fc.boolean(), (unit, upper) => {
        const py = pinyinOf(unit);
        const query = ` ${upper ? py.toUpperCase() : py}\t`;
        expect(searchUnits(index2023, query, 20).map((r) => r.unitCode)).toContain(unit.code);
      }),
    );
  });
});
