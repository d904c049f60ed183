/**
 * The notice parser in linear time (issue 17): white space is normalised once, up front, and
 * again after dropped brackets (the only step that makes white space); no pattern has unbounded
 * quantifiers next to each other over the same characters. Properties, seeded so a failure
 * replays:
 *
 * 1. On generated notice text (names, headers, city headings, numbering, prose, full-width
 *    forms, mixed white space of up to a dozen characters) the parser gives exactly what the
 *    parser before the change gave (tests/fixtures/notice-reference.ts, kept only for this).
 *    The old parser is cubic in a run's length, which is why the runs here stay short.
 * 2. Lengthening every white-space run (to thousands of characters, as a PDF copy can have)
 *    changes nothing: the result equals that of the text with the runs as generated.
 * 3. With runs of brackets of every kind (empty, with a space, a digit or an area inside, mixed,
 *    unbalanced), mixed scripts and full-width forms, the parser gives what the parser before
 *    the change gave (the same reference; cubic in a run of dropped brackets too: short runs
 *    only), and lengthening each bracket run changes nothing.
 * 4. 200,000 characters of each shape that was super-linear or overflowed the stack (bracket
 *    runs, white space, separators, a name list far over the entry limit) are read, with the
 *    result they should have. Not timed: the test only has to finish; `npm run bench` times it.
 *
 * How long parsing takes is measured by `npm run bench` (the import section), never here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNotice, type NoticeDefaults } from '../../src/domain/import/notice';
import { normalizeSpace } from '../../src/domain/import/notice-tokens';
import { IMPORT_LIMITS } from '../../src/domain/import/types';
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

const chosenTier: NoticeDefaults = { year: 2023, tier: 'A', scoreOrdered: false };
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

describe('trailing marks', () => {
  it('trims a lone surrogate after a name as any other mark, as the first parser did', () => {
    // The one-pass trim once stepped back two units over a lone low surrogate, taking the
    // name's last character with it (鹿泉区\udc00 → 鹿泉).
    for (const text of ['鹿泉区\udc00', '鹿泉区\ud800', '鹿泉区\udc00\udc00、栾城区😀', '𠀀鹿泉区\udc00']) {
      expect(parseNotice(text, chosenTier)).toEqual(parseNoticeBefore(text, chosenTier));
    }
    expect(parseNotice('鹿泉区\udc00', chosenTier)).toMatchObject({ ok: true, entries: [{ raw: '鹿泉区' }] });
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

// ---------------------------------------------------------------------------------------------
// Bracket runs, mixed scripts, full-width forms

const OPENING = ['(', '（', '[', '【', '〔', '［'];
const CLOSING = [')', '）', ']', '】', '〕', '］'];
/** What a bracket holds: nothing, white space, a digit, a count, an area (kept), prose, a name. */
const inside = fc.constantFrom(
  '',
  '',
  ' ',
  '\u3000',
  '1',
  '１２',
  '7个',
  '共2个',
  '石家庄',
  '张家口市',
  '并列',
  'x',
  '鹿泉区',
);
/** One bracket pair, matched or of two kinds, or a lone bracket. */
const bracket = fc.oneof(
  {
    arbitrary: fc.tuple(fc.integer({ min: 0, max: 5 }), inside).map(([k, i]) => `${OPENING[k]}${i}${CLOSING[k]}`),
    weight: 4,
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...OPENING), inside, fc.constantFrom(...CLOSING))
      .map(([o, i, c]) => `${o}${i}${c}`),
    weight: 2,
  },
  { arbitrary: fc.constantFrom(...OPENING, ...CLOSING), weight: 1 },
);
/** A run of brackets, with white space between them or not. */
const bracketRun = fc
  .tuple(fc.array(bracket, { minLength: 1, maxLength: 12 }), fc.constantFrom('', '', ' ', '\u3000', '\n'))
  .map(([pairs, gap]) => pairs.join(gap));
/** Text in other scripts and forms: Latin, Cyrillic, Greek, Arabic, emoji, full-width Latin and digits. */
const foreign = fc.constantFrom(
  'County',
  'Luquan District',
  'Район',
  'Αθήνα',
  'مدينة',
  '😀',
  '👨‍👩‍👧',
  'Ａ类',
  'Ｂ类：',
  'ＡＢＣ',
  '２０２３年度',
  '（２０２２）',
  '１２３',
  '：',
  '，',
  '；',
  '｜',
  '／',
  '\uFEFF',
  '\u00ad',
  'é',
  'e\u0301',
);
const bracketPiece = fc.oneof(
  { arbitrary: piece, weight: 5 },
  { arbitrary: fc.constantFrom(...names).chain((n) => bracketRun.map((b) => `${n}${b}`)), weight: 2 },
  { arbitrary: bracketRun, weight: 3 },
  { arbitrary: foreign, weight: 2 },
);
/** Parts of a text, each marked when it is a bracket run (to lengthen it). */
const bracketText = fc.array(fc.tuple(bracketPiece, separator), { maxLength: 40 });

/** The text with every run of dropped-looking brackets repeated `times` times. */
const lengthen = (parts: readonly [string, string][], times: number) =>
  parts.map(([p, sep]): [string, string] => [
    /^[\s()（）[\]【】〔〕［］1１2２7个共]+$/u.test(p) && p !== '' ? p.repeat(times) : p,
    sep,
  ]);

describe('parseNotice with bracket runs, mixed scripts and full-width forms', () => {
  it('gives what the parser gave before its bracket runs were made linear', () => {
    fc.assert(
      fc.property(bracketText, defaultsArb, (parts, defaults) => {
        const text = join(parts);
        expect(parseNotice(text, defaults)).toEqual(parseNoticeBefore(text, defaults));
      }),
      { ...RUNS, numRuns: 500 },
    );
  });

  it('gives the same result when every run of empty or numbered brackets is hundreds of times longer', () => {
    fc.assert(
      fc.property(bracketText, defaultsArb, fc.integer({ min: 50, max: 400 }), (parts, defaults, times) => {
        expect(parseNotice(join(lengthen(parts, times)), defaults)).toEqual(parseNotice(join(parts), defaults));
      }),
      { ...RUNS, numRuns: 80 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The largest paste of each adversarial shape

/** Text of exactly `n` characters: `unit` repeated, cut. */
const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const LONGEST = IMPORT_LIMITS.maxTextChars;
const chosen: NoticeDefaults = { year: 2023, tier: 'A', scoreOrdered: false };
const fromText: NoticeDefaults = { year: null, tier: null, scoreOrdered: false };
type Read = (text: string, defaults: NoticeDefaults) => ReturnType<typeof parseNotice>;
const namesRead = (text: string, defaults = chosen, parse: Read = parseNotice) => {
  const parsed = parse(text, defaults);
  return parsed.ok ? parsed.entries.map((e) => [e.raw, e.tier, e.areaHint]) : parsed.problems.map((p) => p.code);
};

/**
 * `head`, `unit` repeated to fill the largest paste, `tail`: read as the parser before the change
 * read `head`, `unit` ten times, `tail` (which is what `expected` says, so the expectation is the
 * old parser's and not only the new one's).
 */
function expectLongAsShort(head: string, unit: string, tail: string, defaults: NoticeDefaults, expected: unknown[]) {
  const times = Math.floor((LONGEST - head.length - tail.length) / unit.length);
  expect(namesRead(`${head}${unit.repeat(10)}${tail}`, defaults, parseNoticeBefore)).toEqual(expected);
  expect(namesRead(`${head}${unit.repeat(times)}${tail}`, defaults)).toEqual(expected);
}

describe('parseNotice on 200,000 characters of each shape that was super-linear', () => {
  const pairs = [
    '()',
    '（）',
    '[]',
    '【】',
    '〔〕',
    '［］',
    '( )',
    '（ ）',
    '(1)',
    '【1】',
    '〔 〕',
    '(（[【〔]】〕]))',
    '()（）[]【】〔〕',
  ];
  const luquan = ['鹿泉区', 'A', null];
  const luancheng = ['栾城区', 'A', null];

  it.each(pairs)('a run of %s then a name: the name, alone', (pair) => {
    expectLongAsShort('', pair, '鹿泉区', chosen, [luquan]);
  });

  it.each(pairs)('a run of %s between a city heading and its count and colon, then a name', (pair) => {
    expectLongAsShort('石家庄市', pair, '（7个）：鹿泉区', chosen, [['鹿泉区', 'A', '130100']]);
  });

  it.each(pairs)('a run of %s inside a tier header, then its names', (pair) => {
    expectLongAsShort('2023年度 A类', pair, '（共2个）：鹿泉区、栾城区', fromText, [luquan, luancheng]);
  });

  it.each([' ', '\u3000', '\t', '\n', ' \u3000\t\r\n'])('a run of %j around names', (space) => {
    expectLongAsShort('鹿泉区、', space, '栾城区', chosen, [luquan, luancheng]);
    expect(namesRead(`${fill(space, LONGEST / 2)}鹿泉区、${fill(space, LONGEST / 2 - 10)}栾城区`)).toEqual([
      luquan,
      luancheng,
    ]);
  });

  it.each(['、', '，', ',', ';', '。', '/', '|', '-', '、 ', '、:', ' : '])('a run of %j between names', (sep) => {
    expectLongAsShort('鹿泉区、', sep, '、栾城区', chosen, [luquan, luancheng]);
  });

  it.each([':', '：', '个:'])('a run of %j after a name makes it a label', (sep) => {
    expectLongAsShort('鹿泉区', sep, '', chosen, ['empty']);
  });

  it.each(['赵县、', '赵县 ', '赵县\n', '赵 县、', '鹿泉区（）、'])(
    '%j repeated: refused as too many names',
    (unit) => {
      expect(namesRead(fill(unit, LONGEST))).toEqual(['too-many-entries']);
      // Without a tier to put them under, the names are not counted: the tier is asked for.
      expect(namesRead(fill(unit, LONGEST), { year: 2023, tier: null, scoreOrdered: false })).toEqual(['no-tier']);
    },
  );

  it.each(['A类：', 'A类(x)', 'A类 共1个', 'B类（）'])(
    'tier headers, %j repeated, without names: nothing to import',
    (unit) => {
      expectLongAsShort('', unit, '', chosen, ['empty']);
    },
  );

  it('a tier header with parentheticals before and after its count reads as the parser before the change read it', () => {
    // Real notices have at most two (“（市、区）（共66个，以分数从高到低为序）”); this one has three each side.
    const text = [
      '2023年度',
      'A类县（市、区）（第一批）（县域） 共3个（以分数从高到低为序）（综合）（名单）：鹿泉区、迁安市、桃城区',
      'B类（含市辖区）（续） （共1个）（不分先后）：赵县',
    ].join('\n');
    const ranked = (parsed: ReturnType<typeof parseNotice>) =>
      parsed.ok ? parsed.entries.map((e) => [e.raw, e.tier, e.rank]) : parsed.problems.map((p) => p.code);
    const expected = [
      ['鹿泉区', 'A', 1],
      ['迁安市', 'A', 2],
      ['桃城区', 'A', 3],
      ['赵县', 'B', null],
    ];
    expect(ranked(parseNoticeBefore(text, fromText))).toEqual(expected);
    expect(ranked(parseNotice(text, fromText))).toEqual(expected);
  });

  it.each(['(x)', ' (x)', '（x）', '(共1个)'])(
    'a header with %j repeated before its count, then after it, then a name',
    (unit) => {
      const half = Math.floor((LONGEST - 20) / 2);
      const short = `A类${unit.repeat(10)}共1个${unit.repeat(10)}：鹿泉区`;
      const long = `A类${fill(unit, half)}共1个${fill(unit, half)}：鹿泉区`;
      expect(long.length).toBeLessThanOrEqual(LONGEST);
      expect(namesRead(short, chosen, parseNoticeBefore)).toEqual([luquan]);
      expect(namesRead(long)).toEqual([luquan]);
    },
  );

  it.each(['(x)', '(x)(', '(x)共'])('a header with %j repeated, then a name: the name, under the header', (unit) => {
    expectLongAsShort('B类', unit, '、鹿泉区', chosen, [['鹿泉区', 'B', null]]);
  });

  it('names repeated under tier headers: refused as too many names', () => {
    expect(namesRead(`A类：${fill('赵县、', LONGEST - 3)}`)).toEqual(['too-many-entries']);
    expect(namesRead(fill('A类：赵县、', LONGEST))).toEqual(['too-many-entries']);
  });

  it("2 MB of names in a file's text: refused as too many names, without overflowing the stack", () => {
    const limit = IMPORT_LIMITS.maxFileBytes;
    const parsed = parseNotice(fill('赵县、', limit), chosen, limit);
    expect(parsed).toMatchObject({ ok: false, problems: [{ code: 'too-many-entries' }] });
  });
});
