/**
 * Notice parsing (src/domain/import/notice.ts): year, tier sections, city headings, separators,
 * numbering and prose, and when positions are ranks.
 */
import { describe, expect, it } from 'vitest';
import { AREA_NAMES_ZH, NEW_AREAS_ZH } from '../../src/domain/import/areas-zh';
import { parseNotice, type NoticeDefaults } from '../../src/domain/import/notice';
import { PROSE_CHARS } from '../../src/domain/import/notice-tokens';
import { IMPORT_LIMITS, type ImportEntry, type ParsedInput } from '../../src/domain/import/types';
import { realDataset } from '../fixtures/import/real-data';

const FROM_TEXT: NoticeDefaults = { year: null, tier: null, scoreOrdered: false };

function entriesOf(parsed: ParsedInput): ImportEntry[] {
  if (!parsed.ok) throw new Error(`not ok: ${JSON.stringify(parsed.problems)}`);
  return parsed.entries;
}

const brief = (e: ImportEntry) => [e.raw, e.tier, e.rank];

describe('tier sections', () => {
  it('splits a notice with A/B/C headers, drops the prose, and ranks the complete score-ordered list', () => {
    const text = [
      '河北省科学技术厅关于公布2023年度县域科技创新能力评价结果的通知',
      '各市（含定州、辛集市）科技局：',
      '根据评价工作安排，现将评价结果公布如下：',
      '一、A类县（市、区）（共3个，以分数从高到低为序）：鹿泉区、迁安市、桃城区',
      '二、B类县(市、区)(共2个)',
      '1.正定县 2.赵县',
      '三、C类：沧县；献县。',
      '河北省科学技术厅',
      '2024年1月5日',
    ].join('\n');
    const parsed = parseNotice(text, FROM_TEXT);
    expect(entriesOf(parsed).map(brief)).toEqual([
      ['鹿泉区', 'A', 1],
      ['迁安市', 'A', 2],
      ['桃城区', 'A', 3],
      ['正定县', 'B', null],
      ['赵县', 'B', null],
      ['沧县', 'C', null],
      ['献县', 'C', null],
    ]);
    expect(entriesOf(parsed).every((e) => e.year === 2023 && e.score === null && e.areaHint === null)).toBe(true);
    expect(entriesOf(parsed).map((e) => e.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(parsed.problems).toEqual([{ code: 'ranks-from-order', severity: 'info', detail: 'A' }]);
  });

  it("starts B's ranks after A's count only when the A list is complete", () => {
    const complete = 'A类（共2个，以分数从高到低为序）：鹿泉区、栾城区\nB类（共2个，以分数从高到低为序）：正定县、赵县';
    expect(entriesOf(parseNotice(complete, { ...FROM_TEXT, year: 2023 })).map(brief)).toEqual([
      ['鹿泉区', 'A', 1],
      ['栾城区', 'A', 2],
      ['正定县', 'B', 3],
      ['赵县', 'B', 4],
    ]);
    // The A list says 66 and holds 2: neither A's positions nor B's are ranks.
    const partial = 'A类（共66个，以分数从高到低为序）：鹿泉区、栾城区\nB类（共2个，以分数从高到低为序）：正定县、赵县';
    const parsed = parseNotice(partial, { ...FROM_TEXT, year: 2023 });
    expect(entriesOf(parsed).map((e) => e.rank)).toEqual([null, null, null, null]);
    expect(parsed.problems).toEqual([]);
    // B alone, complete and ordered, still has no known start.
    const bOnly = 'B类县（市、区）（共2个，以分数从高到低为序）：正定县、赵县';
    expect(entriesOf(parseNotice(bOnly, { ...FROM_TEXT, year: 2023 })).map((e) => e.rank)).toEqual([null, null]);
  });

  it('gives no ranks without a stated count, even when the user says the list is ordered', () => {
    const parsed = parseNotice('鹿泉区、栾城区', { year: 2023, tier: 'A', scoreOrdered: true });
    expect(entriesOf(parsed).map((e) => e.rank)).toEqual([null, null]);
  });

  it("takes the user's word for the order when the count is stated", () => {
    const text = 'A类县(市、区)(共2个):鹿泉区、栾城区';
    expect(entriesOf(parseNotice(text, { ...FROM_TEXT, year: 2022 })).map((e) => e.rank)).toEqual([null, null]);
    expect(entriesOf(parseNotice(text, { year: 2022, tier: null, scoreOrdered: true })).map((e) => e.rank)).toEqual([
      1, 2,
    ]);
    // …but not against the text saying the order means nothing.
    const unordered = 'A类县(市、区)(共2个,排名不分先后):鹿泉区、栾城区';
    expect(
      entriesOf(parseNotice(unordered, { year: 2022, tier: null, scoreOrdered: true })).map((e) => e.rank),
    ).toEqual([null, null]);
  });

  it('reads full-width and ASCII headers alike, and "按得分排序"', () => {
    const a = parseNotice('Ａ类县（市、区）（共２个，按得分排序）：鹿泉区、栾城区', { ...FROM_TEXT, year: 2023 });
    const b = parseNotice('A类县(市、区)(共2个,按得分排序):鹿泉区、栾城区', { ...FROM_TEXT, year: 2023 });
    expect(entriesOf(a)).toEqual(entriesOf(b));
    expect(entriesOf(a).map((e) => e.rank)).toEqual([1, 2]);
  });

  it('uses the chosen tier for names outside any header, and says when there is none', () => {
    expect(entriesOf(parseNotice('鹿泉区', { year: 2023, tier: 'B', scoreOrdered: false }))[0]?.tier).toBe('B');
    const noTier = parseNotice('鹿泉区、栾城区', { ...FROM_TEXT, year: 2023 });
    expect(noTier).toEqual({
      ok: false,
      problems: [{ code: 'no-tier', severity: 'error', line: 1, detail: '鹿泉区' }],
    });
  });

  it('keeps a prose summary of the counts from becoming names, and takes the count from it', () => {
    const text =
      '评价结果显示，全省A类县（市、区）2个、B类县（市、区）1个、C类县（市、区）0个，平均得分72.92分。' +
      '\nA类（以分数从高到低为序）：鹿泉区、栾城区\nB类：正定县';
    const parsed = parseNotice(text, { ...FROM_TEXT, year: 2023 });
    expect(entriesOf(parsed).map(brief)).toEqual([
      ['鹿泉区', 'A', 1],
      ['栾城区', 'A', 2],
      ['正定县', 'B', null],
    ]);
  });
});

describe('city headings', () => {
  it('puts the names after a city heading under that area, and positions in a grouped list are not ranks', () => {
    const text = '石家庄市（2个）：鹿泉区、桥西区；唐山市：迁安市\n张家口市 3个：桥西区\n雄安新区：雄县';
    const entries = entriesOf(parseNotice(text, { year: 2023, tier: 'A', scoreOrdered: true }));
    expect(entries.map((e) => [e.raw, e.areaHint, e.rank])).toEqual([
      ['鹿泉区', '130100', null],
      ['桥西区', '130100', null],
      ['迁安市', '130200', null],
      ['桥西区', '130700', null],
      ['雄县', '130600', null],
    ]);
  });

  it('reads a city on its own line as a heading', () => {
    const entries = entriesOf(parseNotice('沧州市\n新华区、运河区', { year: 2021, tier: 'C', scoreOrdered: false }));
    expect(entries.map((e) => [e.raw, e.areaHint])).toEqual([
      ['新华区', '130900'],
      ['运河区', '130900'],
    ]);
  });

  it('keeps 定州市 and 辛集市 as names (they are units), and as headings only with a colon', () => {
    const entries = entriesOf(
      parseNotice('定州市、辛集市\n保定市：涿州市', { year: 2023, tier: 'A', scoreOrdered: false }),
    );
    expect(entries.map((e) => [e.raw, e.areaHint])).toEqual([
      ['定州市', null],
      ['辛集市', null],
      ['涿州市', '130600'],
    ]);
  });
});

describe('separators, numbering and brackets', () => {
  const opts: NoticeDefaults = { year: 2023, tier: 'A', scoreOrdered: false };
  const names = (text: string) => entriesOf(parseNotice(text, opts)).map((e) => e.raw);
  /** The first six names of the lists below, as the parser should give them back. */
  const six = ['鹿泉区', '栾城区', '藁城区', '正定县', '赵县', '晋州市'];

  it('splits on 、，,;； spaces and new lines', () => {
    expect(names('鹿泉区，栾城区,藁城区;正定县；赵县 晋州市\n新乐市\r\n无极县\u3000深泽县')).toEqual([
      ...six,
      '新乐市',
      '无极县',
      '深泽县',
    ]);
  });

  it('joins two-character names a PDF padded with a space', () => {
    expect(names('赵　县、涉 县\n魏  县 鹿泉区')).toEqual(['赵县', '涉县', '魏县', '鹿泉区']);
  });

  it('strips list numbering and trailing punctuation', () => {
    expect(names('1.鹿泉区 （2）栾城区 三、藁城区 ④正定县 5、赵县。 6) 晋州市！')).toEqual(six);
  });

  it('keeps a bracketed area with its name and drops other brackets', () => {
    expect(names('桥西区（张家口市）、鹿泉区（并列）、任泽区(原任县)')).toEqual([
      '桥西区(张家口市)',
      '鹿泉区',
      '任泽区',
    ]);
  });

  it('keeps prefixed forms and codes', () => {
    expect(names('石家庄市鹿泉区、渤海新区黄骅市、130110、衡水市冀州区')).toEqual([
      '石家庄市鹿泉区',
      '渤海新区黄骅市',
      '130110',
      '衡水市冀州区',
    ]);
  });

  it('drops tokens that cannot be names: counts, dates, scores, markup, Latin text', () => {
    expect(names('共66个 2023年 85.3 第一名 <img src=x onerror=alert(1)> Luquan 县 鹿泉区')).toEqual(['鹿泉区']);
  });

  it('uses characters for prose that no unit or area name holds', () => {
    const names = [
      ...realDataset().units.map((u) => u.nameZh),
      ...Object.values(AREA_NAMES_ZH),
      ...Object.keys(NEW_AREAS_ZH),
      '河北省',
    ];
    for (const name of names) for (const c of name) expect(PROSE_CHARS.has(c), `${c} in ${name}`).toBe(false);
  });
});

describe('year', () => {
  const tier: NoticeDefaults = { year: null, tier: 'A', scoreOrdered: false };
  const yearOf = (text: string) => parseNotice(text, tier);

  it.each([
    ['2023年度A类：鹿泉区', 2023],
    ['（2022）鹿泉区', 2022],
    ['2021年评价结果：鹿泉区', 2021],
    ['二〇二〇年度评价结果：鹿泉区', 2020],
    // The publication date is not the evaluation year.
    ['2023年度结果：鹿泉区。2024年1月5日', 2023],
    ['2019年结果：鹿泉区。2024年1月5日', 2019],
  ])('reads %s as %i', (text, year) => {
    expect(entriesOf(yearOf(text))[0]?.year).toBe(year);
  });

  it('asks for the year when the text names none, or several', () => {
    expect(yearOf('鹿泉区').ok).toBe(false);
    expect(yearOf('鹿泉区')).toMatchObject({ problems: [{ code: 'no-year', severity: 'error' }] });
    expect(yearOf('2021年和2023年：鹿泉区')).toMatchObject({
      problems: [{ code: 'no-year', severity: 'error', detail: '2021, 2023' }],
    });
    expect(yearOf('2024年度：鹿泉区')).toMatchObject({ problems: [{ code: 'bad-year', detail: '2024' }] });
  });

  it('takes the chosen year over the text', () => {
    expect(entriesOf(parseNotice('2023年度：鹿泉区', { ...tier, year: 2021 }))[0]?.year).toBe(2021);
    expect(parseNotice('鹿泉区', { ...tier, year: 2030 })).toMatchObject({
      ok: false,
      problems: [{ code: 'bad-year' }],
    });
  });
});

describe('limits and odd input', () => {
  const opts: NoticeDefaults = { year: 2023, tier: 'A', scoreOrdered: false };

  it('refuses empty text and text without a name', () => {
    expect(parseNotice('', opts)).toEqual({ ok: false, problems: [{ code: 'empty', severity: 'error' }] });
    expect(parseNotice(' \n\t ', opts)).toEqual({ ok: false, problems: [{ code: 'empty', severity: 'error' }] });
    expect(parseNotice('<script>alert(1)</script>', opts)).toEqual({
      ok: false,
      problems: [{ code: 'empty', severity: 'error' }],
    });
  });

  it('refuses text over the size limit before reading it', () => {
    expect(parseNotice('鹿'.repeat(IMPORT_LIMITS.maxTextChars + 1), opts)).toEqual({
      ok: false,
      problems: [{ code: 'too-large', severity: 'error', limit: IMPORT_LIMITS.maxTextChars, unit: 'chars' }],
    });
  });

  it('refuses more names than an import may hold', () => {
    const text = Array.from({ length: IMPORT_LIMITS.maxEntries + 1 }, () => '鹿泉区').join('、');
    expect(parseNotice(text, opts)).toMatchObject({ ok: false, problems: [{ code: 'too-many-entries' }] });
  });
});
