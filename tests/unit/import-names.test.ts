/**
 * Name resolution (src/domain/import/names.ts) over every unit of data/units.csv in every
 * evaluation year: full names, prefixed forms, short names, codes, former names, duplicates.
 */
import { describe, expect, it } from 'vitest';
import { areaName, isValidIn } from '../../src/domain/dataset/units';
import { AREA_NAMES_ZH, areaCodeOfName } from '../../src/domain/import/areas-zh';
import { normalizeName, shortForms } from '../../src/domain/import/name-forms';
import { createNameResolver } from '../../src/domain/import/names';
import { YEARS, type Unit } from '../../src/domain/types';
import { realDataset } from '../fixtures/import/real-data';

const units = realDataset().units;
const resolve = createNameResolver(units);
const byName = (nameZh: string, year: number): Unit => {
  const unit = units.find((u) => u.nameZh === nameZh && isValidIn(u, year));
  if (!unit) throw new Error(`no ${nameZh} in ${year}`);
  return unit;
};

/** Names of areas that are not units (承德, 邢台市): the resolver never reads them as a unit. */
const AREA_ONLY = new Set(
  Object.entries(AREA_NAMES_ZH)
    .filter(([code]) => !units.some((u) => u.code === code))
    .flatMap(([, zh]) => [zh, areaName(zh)]),
);

describe('areas-zh', () => {
  it('names exactly the areas of data/units.csv, as prefecture_zh writes them', () => {
    const fromUnits = new Map(units.map((u) => [u.prefectureCode, u.prefectureZh]));
    expect(new Map(Object.entries(AREA_NAMES_ZH))).toEqual(fromUnits);
  });

  it('reads headings and city cells', () => {
    expect(areaCodeOfName('石家庄市')).toBe('130100');
    expect(areaCodeOfName('石家庄')).toBe('130100');
    expect(areaCodeOfName('　定州 ')).toBe('130682');
    expect(areaCodeOfName('雄安新区')).toBe('130600');
    expect(areaCodeOfName('河北雄安新区')).toBe('130600');
    expect(areaCodeOfName('渤海新区')).toBe('130900');
    expect(areaCodeOfName('鹿泉区')).toBeNull();
    expect(areaCodeOfName('toString')).toBeNull();
  });

  it("keeps 雄安's three counties and 黄骅市 in the areas the new-area prefixes point at", () => {
    for (const name of ['雄县', '容城县', '安新县']) expect(byName(name, 2023).prefectureZh).toBe('保定市');
    expect(byName('黄骅市', 2023).prefectureZh).toBe('沧州市');
  });
});

describe('shortForms', () => {
  it('drops the type, including the autonomous-county words', () => {
    expect(shortForms('鹿泉区')).toEqual(['鹿泉']);
    expect(shortForms('固安县')).toEqual(['固安']);
    expect(shortForms('大厂回族自治县')).toEqual(['大厂', '大厂回族']);
    expect(shortForms('围场满族蒙古族自治县')).toEqual(['围场', '围场满族蒙古族']);
    expect(shortForms('孟村回族自治县')).toEqual(['孟村', '孟村回族']);
    expect(shortForms('井陉矿区')).toEqual(['井陉']);
    expect(shortForms('定州市')).toEqual(['定州']);
    // One-character stems are not names on their own.
    expect(shortForms('涉县')).toEqual([]);
  });
});

describe.each(YEARS.map((y) => [y]))('every unit of %i', (year) => {
  const current = units.filter((u) => isValidIn(u, year));
  const withName = (name: string) => current.filter((u) => u.nameZh === name).map((u) => u.code);
  const withShort = (form: string) =>
    current.filter((u) => u.nameZh === form || shortForms(u.nameZh).includes(form)).map((u) => u.code);

  it('resolves each full name to itself, or to every unit carrying a repeated name', () => {
    for (const unit of current) {
      const same = withName(unit.nameZh);
      const r = resolve(unit.nameZh, year);
      if (same.length === 1) expect(r, unit.nameZh).toEqual({ kind: 'matched', code: unit.code, via: 'name' });
      else expect(r, unit.nameZh).toEqual({ kind: 'ambiguous', candidates: [...same].sort() });
    }
  });

  it('resolves each name with its area prefix, with and without 市', () => {
    for (const unit of current) {
      for (const prefix of [unit.prefectureZh, areaName(unit.prefectureZh)]) {
        const r = resolve(`${prefix}${unit.nameZh}`, year);
        expect(r, `${prefix}${unit.nameZh}`).toEqual({ kind: 'matched', code: unit.code, via: 'prefixed' });
      }
    }
  });

  it('resolves each unique short name to itself and lists every unit of a shared one', () => {
    let unique = 0;
    for (const unit of current) {
      for (const form of shortForms(unit.nameZh)) {
        const r = resolve(form, year);
        const same = withShort(form);
        if (AREA_ONLY.has(form)) {
          // 承德 (and 邢台 up to 2020) name a city first: offered, never matched.
          expect(r.kind, form).toBe('unmatched');
          expect(r.kind === 'unmatched' && r.suggestions, form).toContain(unit.code);
        } else if (same.length === 1) {
          unique++;
          expect(r, form).toEqual({ kind: 'matched', code: unit.code, via: 'short' });
        } else {
          expect(r, form).toEqual({ kind: 'ambiguous', candidates: [...same].sort() });
        }
      }
    }
    expect(unique).toBeGreaterThan(140);
  });

  it('resolves each short name with its area prefix', () => {
    for (const unit of current) {
      for (const form of shortForms(unit.nameZh)) {
        const inArea = current.filter(
          (u) => u.prefectureCode === unit.prefectureCode && shortForms(u.nameZh).includes(form),
        );
        if (inArea.length !== 1) continue; // 井陉: 井陉县 and 井陉矿区, both in 石家庄
        expect(resolve(`${areaName(unit.prefectureZh)}${form}`, year)).toEqual({
          kind: 'matched',
          code: unit.code,
          via: 'prefixed',
        });
      }
    }
  });

  it('resolves each code', () => {
    for (const unit of current)
      expect(resolve(unit.code, year)).toEqual({ kind: 'matched', code: unit.code, via: 'code' });
  });
});

describe('former and new names by year', () => {
  it.each([
    ['任县', 2019, '130526', 'name'],
    ['任县', 2020, '130526', 'name'],
    ['任县', 2021, '130505', 'renamed'],
    ['任县', 2023, '130505', 'renamed'],
    ['任泽区', 2021, '130505', 'name'],
    ['任泽区', 2019, '130526', 'renamed'],
    ['南和县', 2020, '130527', 'name'],
    ['南和县', 2022, '130506', 'renamed'],
    ['南和区', 2021, '130506', 'name'],
    ['南和区', 2020, '130527', 'renamed'],
    ['邢台市任县', 2023, '130505', 'renamed'],
    ['邢台县', 2019, '130521', 'name'],
    ['130526', 2021, '130505', 'renamed'],
    ['130505', 2019, '130526', 'renamed'],
    ['130502', 2021, '130502', 'code'],
    ['冀州区', 2023, '131103', 'name'],
    ['冀州', 2023, '131103', 'short'],
    ['衡水市冀州区', 2023, '131103', 'prefixed'],
    ['衡水冀州区', 2019, '131103', 'prefixed'],
    ['冀州市', 2023, '131103', 'renamed'],
    ['滦县', 2021, '130284', 'renamed'],
    ['平泉县', 2019, '130881', 'renamed'],
    ['定州', 2023, '130682', 'short'],
    ['定州市', 2023, '130682', 'name'],
    ['保定市定州市', 2023, '130682', 'prefixed'],
    ['辛集', 2019, '130181', 'short'],
    ['辛集市', 2019, '130181', 'name'],
    ['石家庄市辛集市', 2019, '130181', 'prefixed'],
    ['渤海新区黄骅市', 2023, '130983', 'prefixed'],
    ['沧州市渤海新区黄骅市', 2023, '130983', 'prefixed'],
    ['渤海新区黄骅', 2023, '130983', 'prefixed'],
    ['雄安新区雄县', 2023, '130638', 'prefixed'],
    ['雄安新区容城县', 2021, '130629', 'prefixed'],
    ['雄安新区安新县', 2019, '130632', 'prefixed'],
    ['河北雄安新区安新县', 2019, '130632', 'prefixed'],
    ['石家庄市鹿泉区', 2023, '130110', 'prefixed'],
    ['石家庄鹿泉区', 2023, '130110', 'prefixed'],
    ['河北省石家庄市鹿泉区', 2023, '130110', 'prefixed'],
    ['邢台市任泽区', 2023, '130505', 'prefixed'],
    ['鹿泉', 2023, '130110', 'short'],
    ['固安', 2023, '131022', 'short'],
    ['大厂', 2023, '131028', 'short'],
    ['大厂县', 2023, '131028', 'short'],
    ['围场', 2023, '130828', 'short'],
    ['孟村', 2023, '130930', 'short'],
    ['邢台市桥西区', 2019, '130503', 'prefixed'],
    // 邢台's 桥西区 ended in 2020; its code carries on as 信都区.
    ['邢台市桥西区', 2021, '130503', 'renamed'],
    ['张家口市桥东区', 2019, '130702', 'prefixed'],
    ['桥西区（张家口市）', 2023, '130703', 'prefixed'],
    ['沧州新华区', 2023, '130902', 'prefixed'],
  ] as const)('%s in %i → %s (%s)', (raw, year, code, via) => {
    expect(resolve(raw, year)).toEqual({ kind: 'matched', code, via });
  });

  it('lists both successors of 邢台县 after the split, and of its code', () => {
    for (const raw of ['邢台县', '130521', '邢台市邢台县']) {
      expect(resolve(raw, 2021)).toEqual({ kind: 'ambiguous', candidates: ['130502', '130503'] });
    }
  });
});

describe('repeated names and context', () => {
  it('lists every unit carrying a repeated name', () => {
    expect(resolve('桥西区', 2019)).toEqual({ kind: 'ambiguous', candidates: ['130104', '130503', '130703'] });
    expect(resolve('桥西区', 2021)).toEqual({ kind: 'ambiguous', candidates: ['130104', '130703'] });
    expect(resolve('桥东区', 2020)).toEqual({ kind: 'ambiguous', candidates: ['130502', '130702'] });
    // From 2021 only 张家口 has a 桥东区.
    expect(resolve('桥东区', 2021)).toEqual({ kind: 'matched', code: '130702', via: 'name' });
    expect(resolve('新华区', 2023)).toEqual({ kind: 'ambiguous', candidates: ['130105', '130902'] });
    expect(resolve('井陉', 2023)).toEqual({ kind: 'ambiguous', candidates: ['130107', '130121'] });
  });

  it('settles a repeated name by the area hint, as a code or a name', () => {
    expect(resolve('新华区', 2023, { areaHint: '130900' })).toEqual({
      kind: 'matched',
      code: '130902',
      via: 'context',
    });
    expect(resolve('新华区', 2023, { areaHint: '石家庄市' })).toEqual({
      kind: 'matched',
      code: '130105',
      via: 'context',
    });
    expect(resolve('桥西区', 2019, { areaHint: '130500' })).toEqual({
      kind: 'matched',
      code: '130503',
      via: 'context',
    });
  });

  it("settles a repeated name by the list's areas only when one candidate is left", () => {
    expect(resolve('桥西区', 2023, { listAreas: ['130100', '130181'] })).toEqual({
      kind: 'matched',
      code: '130104',
      via: 'context',
    });
    expect(resolve('桥西区', 2023, { listAreas: ['130100', '130700'] })).toEqual({
      kind: 'ambiguous',
      candidates: ['130104', '130703'],
    });
    // The hint comes first; a hint leaving none falls back to the list.
    expect(resolve('新华区', 2023, { areaHint: '130500', listAreas: ['130900'] })).toEqual({
      kind: 'matched',
      code: '130902',
      via: 'context',
    });
    expect(resolve('新华区', 2023, { areaHint: '130500' })).toEqual({
      kind: 'ambiguous',
      candidates: ['130105', '130902'],
    });
  });

  it('never lets a hint override a name that is unique by itself', () => {
    // Notices list 辛集 under 石家庄 and 定州 under 保定; a stray name under a heading stays itself.
    expect(resolve('黄骅市', 2023, { areaHint: '130100' })).toEqual({ kind: 'matched', code: '130983', via: 'name' });
    expect(resolve('辛集市', 2023, { areaHint: '130100' })).toEqual({ kind: 'matched', code: '130181', via: 'name' });
  });
});

describe('normalising and unmatched names', () => {
  it('reads full-width characters, spaces, 〇 and trailing punctuation', () => {
    expect(resolve(' 鹿 泉 区。', 2023)).toMatchObject({ kind: 'matched', code: '130110' });
    expect(resolve('鹿泉区\u200b；', 2023)).toMatchObject({ kind: 'matched', code: '130110' });
    expect(resolve('１３０１１０', 2023)).toEqual({ kind: 'matched', code: '130110', via: 'code' });
    expect(resolve('13〇11〇', 2023)).toEqual({ kind: 'matched', code: '130110', via: 'code' });
    expect(resolve('石家庄市·鹿泉区', 2023)).toMatchObject({ kind: 'matched', code: '130110' });
    expect(normalizeName('（1）鹿泉区、')).toBe('1)鹿泉区');
  });

  it('does not read a city as one of its units', () => {
    for (const city of ['承德市', '承德', '邢台市', '邢台', '石家庄市', '雄安新区', '渤海新区']) {
      expect(resolve(city, 2019).kind, city).toBe('unmatched');
    }
    const chengde = resolve('承德', 2023);
    expect(chengde.kind === 'unmatched' && chengde.suggestions).toContain('130821');
  });

  it('suggests near names, at most five, of units valid that year', () => {
    const near = resolve('鹿全区', 2023);
    expect(near.kind).toBe('unmatched');
    if (near.kind !== 'unmatched') return;
    expect(near.suggestions[0]).toBe('130110');
    expect(near.suggestions.length).toBeLessThanOrEqual(5);
    const pinyin = resolve('Luquan', 2023);
    expect(pinyin.kind === 'unmatched' && pinyin.suggestions).toContain('130110');
    const renze = resolve('任泽县', 2019);
    expect(renze).toMatchObject({ kind: 'matched', code: '130526' });
    // A name under the wrong city is not matched, but offered.
    const prefixed = resolve('邢台市鹿泉区', 2023);
    expect(prefixed.kind === 'unmatched' && prefixed.suggestions).toContain('130110');
  });

  it('is total on hostile input', () => {
    for (const raw of [
      '<img src=x onerror=alert(1)>',
      '',
      '　',
      '县',
      '市区',
      'x'.repeat(10_000),
      '\u0000\u0001',
      '()',
    ]) {
      const r = resolve(raw, 2023);
      expect(r.kind, raw).toBe('unmatched');
    }
    expect(resolve('鹿泉区', 2018)).toEqual({ kind: 'unmatched', suggestions: [] });
    expect(resolve('鹿泉区', Number.NaN)).toEqual({ kind: 'unmatched', suggestions: [] });
  });
});
