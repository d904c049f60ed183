/**
 * The notice parser in linear time (issue 17): white space is normalised once, up front, and no
 * pattern meets a long run of it. Two properties, seeded so a failure replays:
 *
 * 1. On generated notice text (names, headers, city headings, numbering, prose, full-width
 *    forms, mixed white space of up to a dozen characters) the parser gives exactly what the
 *    parser before the change gave (tests/fixtures/notice-reference.ts, kept only for this).
 *    The old parser is cubic in a run's length, which is why the runs here stay short.
 * 2. Lengthening every white-space run (to thousands of characters, as a PDF copy can have)
 *    changes nothing: the result equals that of the text with the runs as generated.
 *
 * How long parsing takes is measured by `npm run bench` (the import section), never here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeSpace, parseNotice, type NoticeDefaults } from '../../src/domain/import/notice';
import { TIERS, YEARS } from '../../src/domain/types';
import { parseNotice as parseNoticeBefore } from '../fixtures/notice-reference';
import { realDataset } from '../fixtures/import/real-data';

const RUNS = { seed: 20_261_206, numRuns: 400 };
const units = realDataset().units;
const names = [...new Set(units.map((u) => u.nameZh))];

/** White space as pasted text has it: ASCII, tabs, ideographic and no-break spaces, line ends. */
const spaceChar = fc.constantFrom(' ', ' ', ' ', '\t', '\u3000', '\u00a0', '\n', '\r\n', '\r', '\u2003');
const space = fc.array(spaceChar, { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''));

const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...names), weight: 6 },
  { arbitrary: fc.constantFrom(...names).map((n) => `石家庄市${n}`), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      'A类县（市、区）（共66个，以分数从高到低为序）：',
      'B类县(市、区)(共73个)',
      'C类（28个）',
      'A类',
      'B 类 ：',
      '石家庄市（7个）：',
      '石家庄市 7 个 ：',
      '衡水市：',
      '共 2 个',
      '（共２个）',
      '以分数从高到低为序',
      '排名不分先后',
      '名单如下：',
      '2023年度',
      '２０２２年',
      '二〇二一年',
      '1.',
      '12、',
      '一、',
      '（三）',
      '——',
      '《',
      '》',
      '赵　县',
      '桥西区（张家口）',
      '【石家庄】',
      '…',
      '---',
    ),
    weight: 3,
  },
);
const separator = fc.oneof(
  { arbitrary: fc.constantFrom('、', '，', ',', '；', '。', '：', ':', '|', '/', ''), weight: 3 },
  { arbitrary: space, weight: 3 },
);
/** A text, and the indices of its white-space separators (for lengthening them). */
const noticeText = fc.array(fc.tuple(piece, separator), { maxLength: 50 });

const defaultsArb: fc.Arbitrary<NoticeDefaults> = fc.record({
  year: fc.oneof(fc.constantFrom(...YEARS), fc.constant(null)),
  tier: fc.oneof(fc.constantFrom(...TIERS), fc.constant(null)),
  scoreOrdered: fc.boolean(),
});

const join = (parts: readonly [string, string][]) => parts.map(([p, sep]) => p + sep).join('');

describe('parseNotice in linear time', () => {
  it('gives what the parser before the change gave, on generated notices', () => {
    fc.assert(
      fc.property(noticeText, defaultsArb, (parts, defaults) => {
        const text = join(parts);
        expect(parseNotice(text, defaults)).toEqual(parseNoticeBefore(text, defaults));
      }),
      RUNS,
    );
  });

  it('gives the same result when every white-space run is thousands of characters long', () => {
    fc.assert(
      fc.property(noticeText, defaultsArb, fc.integer({ min: 500, max: 5_000 }), (parts, defaults, length) => {
        const long = parts.map(([p, sep]): [string, string] => [
          p,
          /^\s+$/u.test(sep) ? sep.padEnd(length, sep.includes('\n') ? ' ' : '\u3000') : sep,
        ]);
        expect(parseNotice(join(long), defaults)).toEqual(parseNotice(join(parts), defaults));
      }),
      { ...RUNS, numRuns: 60 },
    );
  });

  it('reads a name after a very long run of white space, or of punctuation', () => {
    const defaults: NoticeDefaults = { year: 2023, tier: 'A', scoreOrdered: false };
    const afterSpace = parseNotice(`${' '.repeat(150_000)}鹿泉区、${'\u3000'.repeat(40_000)}栾城区`, defaults);
    expect(afterSpace.ok && afterSpace.entries.map((e) => e.raw)).toEqual(['鹿泉区', '栾城区']);
    const afterDashes = parseNotice(`鹿泉区${'-'.repeat(150_000)}`, defaults);
    expect(afterDashes.ok && afterDashes.entries.map((e) => e.raw)).toEqual(['鹿泉区']);
    const header = parseNotice(`2023年 A类${' '.repeat(100_000)}（共1个）：鹿泉区`, { ...defaults, year: null });
    expect(header.ok && header.entries.map((e) => [e.raw, e.tier, e.rank])).toEqual([['鹿泉区', 'A', null]]);
  });
});

describe('normalizeSpace', () => {
  it('turns each run of white space into one line break, or one space where it has none', () => {
    expect(normalizeSpace('a \t\u3000b')).toBe('a b');
    expect(normalizeSpace('a  \r\n  b\n\nc')).toBe('a\nb\nc');
    expect(normalizeSpace(' a ')).toBe(' a ');
    expect(normalizeSpace('ab')).toBe('ab');
  });
});
