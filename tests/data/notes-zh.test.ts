/**
 * The Chinese notes (note_zh, boundary_note_zh): the parsers require one exactly where there is
 * an English note, refuse English left in it, and the real data's Chinese notes keep the source
 * ids, dates, numbers and Chinese names of their English notes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatParseError,
  parseIndicators,
  parseSources,
  parseTierRanges,
  parseTiers,
  parseTotals,
  parseUnits,
  type ParseResult,
} from '../../src/domain/dataset/index.ts';
import {
  INDICATOR_COLUMNS,
  SOURCE_COLUMNS,
  TIER_COLUMNS,
  TIER_RANGE_COLUMNS,
  TOTAL_COLUMNS,
  UNIT_COLUMNS,
} from '../../src/domain/tables.ts';
import type { Dataset } from '../../src/domain/types.ts';
import { mustParse, realTexts } from './helpers.ts';

const messages = <T>(r: ParseResult<T>): string[] => (r.ok ? [] : r.errors.map(formatParseError));
const csv = (columns: readonly string[], ...rows: string[]) => [columns.join(','), ...rows].join('\n') + '\n';

describe('note_zh in the parsers', () => {
  it('reads note_zh next to note in every table that has a note', () => {
    const tiers = parseTiers(csv(TIER_COLUMNS, '130110,2021,A,1,167,stated,high,P900,Named in P900.,P900点名。'));
    expect(tiers.ok && tiers.rows[0]).toMatchObject({ note: 'Named in P900.', noteZh: 'P900点名。' });
    const ranges = parseTierRanges(csv(TIER_RANGE_COLUMNS, '130110,C,B,2019,2020,P900,Rose.,升类。'));
    expect(ranges.ok && ranges.rows[0]).toMatchObject({ note: 'Rose.', noteZh: '升类。' });
    const totals = parseTotals(csv(TOTAL_COLUMNS, '2021,province,167,32,66,69,,,,,,stated,high,P900,Stated.,公布数。'));
    expect(totals.ok && totals.rows[0]).toMatchObject({ note: 'Stated.', noteZh: '公布数。' });
    const indicators = parseIndicators(
      csv(INDICATOR_COLUMNS, 'province,,2021,reward_cny,140000000,CNY,P900,Total reward.,奖励总额。'),
    );
    expect(indicators.ok && indicators.rows[0]).toMatchObject({ note: 'Total reward.', noteZh: '奖励总额。' });
    const sources = parseSources(
      csv(SOURCE_COLUMNS, 'P900,标题,出版者,2021,https://example.org/,A repost.,转载。,zh-Hans'),
    );
    expect(sources.ok && sources.rows[0]).toMatchObject({ note: 'A repost.', noteZh: '转载。', language: 'zh-Hans' });
    const units = parseUnits(
      csv(UNIT_COLUMNS, '130284,滦州市,Luanzhou City,130200,唐山市,2019,,130223,Drawn from 滦县.,按滦县绘制。'),
    );
    expect(units.ok && units.rows[0]).toMatchObject({
      boundaryNote: 'Drawn from 滦县.',
      boundaryNoteZh: '按滦县绘制。',
    });
  });

  it('keeps an empty note and an empty note_zh empty', () => {
    const sources = parseSources(csv(SOURCE_COLUMNS, 'P900,标题,,,https://example.org/,,,zh-Hans'));
    expect(sources.ok && sources.rows[0]).toMatchObject({ note: '', noteZh: '' });
    const units = parseUnits(csv(UNIT_COLUMNS, "130102,长安区,Chang'an District,130100,石家庄市,2019,,,,"));
    expect(units.ok && units.rows[0]).toMatchObject({ boundaryNote: '', boundaryNoteZh: '' });
  });

  it('requires note_zh where there is a note, and none where there is not', () => {
    expect(messages(parseTiers(csv(TIER_COLUMNS, '130110,2021,A,,,stated,high,P900,Named.,')))).toEqual([
      'tiers.csv, line 2, column note_zh: is empty while note is not',
    ]);
    expect(messages(parseSources(csv(SOURCE_COLUMNS, 'P900,标题,,,https://example.org/,,说明,zh-Hans')))).toEqual([
      'sources.csv, line 2, column note_zh: is given while note is empty',
    ]);
    expect(messages(parseUnits(csv(UNIT_COLUMNS, '130102,长安区,Chang,130100,石家庄市,2019,,,Coarse.,  ')))).toEqual([
      'units.csv, line 2, column boundary_note_zh: is empty while boundary_note is not',
    ]);
  });

  it('refuses English left in note_zh, but not ids, tiers or single terms', () => {
    expect(
      messages(parseTiers(csv(TIER_COLUMNS, '130110,2021,A,,,stated,high,P900,Named.,Repost of a report.'))),
    ).toEqual(['tiers.csv, line 2, column note_zh: has English text ("Repost of a report"); write it in Chinese']);
    const ok = parseTiers(
      csv(TIER_COLUMNS, '130110,2021,A,,,stated,high,P900,Named.,P017称其为A类（B或C类之外）；见totals.csv，WGS84。'),
    );
    expect(messages(ok)).toEqual([]);
  });

  it('requires a D source’s Chinese note to say it has no web address, as its English note does', () => {
    const row = (zh: string) => `D900,文件,,2021,,Document without a web address. A report.,${zh},zh-Hans`;
    expect(messages(parseSources(csv(SOURCE_COLUMNS, row('无网址的文件。一篇报道。'))))).toEqual([]);
    expect(messages(parseSources(csv(SOURCE_COLUMNS, row('一篇报道。'))))).toEqual([
      'sources.csv, line 2, column note_zh: must start as the note does, with “无网址的文件”',
    ]);
  });
});

describe('the Chinese notes of data/', () => {
  let d: Dataset;
  let pairs: { where: string; en: string; zh: string }[];
  beforeAll(() => {
    d = mustParse(realTexts());
    pairs = [
      ...d.sources.map((s) => ({ where: `sources ${s.sourceId}`, en: s.note, zh: s.noteZh })),
      ...d.tiers.map((t) => ({ where: `tiers ${t.code} ${t.year}`, en: t.note, zh: t.noteZh })),
      ...d.ranges.map((r) => ({ where: `tier_ranges ${r.code} ${r.yearFrom}`, en: r.note, zh: r.noteZh })),
      ...d.totals.map((t) => ({ where: `totals ${t.year} ${t.scope}`, en: t.note, zh: t.noteZh })),
      ...d.indicators.map((i) => ({ where: `indicators ${i.code} ${i.indicator}`, en: i.note, zh: i.noteZh })),
      ...d.units.map((u) => ({ where: `units ${u.code}`, en: u.boundaryNote, zh: u.boundaryNoteZh })),
    ];
  });

  it('has a Chinese note for every English note, and none without one', () => {
    const notes = pairs.filter((p) => p.en.trim() !== '');
    expect(notes.length).toBeGreaterThan(300);
    expect(pairs.filter((p) => (p.en.trim() === '') !== (p.zh.trim() === '')).map((p) => p.where)).toEqual([]);
    // A Chinese note is written in Chinese: at least a third of its letters are Han characters.
    const hanShare = (text: string) =>
      (text.match(/\p{Script=Han}/gu) ?? []).length / Math.max(1, (text.match(/\p{L}/gu) ?? []).length);
    expect(notes.filter((p) => hanShare(p.zh) < 1 / 3).map((p) => p.where)).toEqual([]);
  });

  it('keeps the source ids, dates, numbers and Chinese names of each English note', () => {
    // Numbers followed by letters are English ordinals ("14th"), written in Chinese words.
    const TOKENS = /[DP]\d{3}|\d{4}-\d{2}-\d{2}|\d+(?:\.\d+)?(?![\d.a-z])|[\u3400-\u9fff]+/gu;
    const lost = pairs.flatMap((p) => {
      const missing = [...new Set(p.en.match(TOKENS) ?? [])].filter((token) => !p.zh.includes(token));
      return missing.length > 0 ? [`${p.where}: ${missing.join(', ')}`] : [];
    });
    expect(lost).toEqual([]);
  });
});
