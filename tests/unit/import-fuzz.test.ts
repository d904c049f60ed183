/**
 * Property tests of the import core: arbitrary bytes and text, and text built from the pieces
 * notices and CSV files are made of (bracket runs of every kind among them), never make
 * decodeImportBytes, parseImportText, parseImportCsv, the name resolver or previewImport throw,
 * and what they return is well-formed. Large inputs too (issue 17): runs repeated up to the paste
 * limit and files up to the 2 MB limit, parsed and read through the import reader, which always
 * settles. Seeded, so a failure replays; bounded in size and count, so the file runs in seconds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createImportReader } from '../../src/data/import-reader';
import { isValidIn } from '../../src/domain/dataset/units';
import {
  AREA_NAMES_ZH,
  IMPORT_LIMITS,
  createNameResolver,
  decodeImportBytes,
  layerFacts,
  parseImportCsv,
  parseImportText,
  pastedInput,
  previewImport,
  readImportInput,
  resolveEntries,
  type ImportEntry,
  type ImportInput,
  type ImportRead,
  type ImportProblem,
  type ParsedInput,
  type Resolution,
} from '../../src/domain/import';
import { TIERS, YEARS } from '../../src/domain/types';
import { realDataset } from '../fixtures/import/real-data';

const RUNS = { seed: 20_231_222, numRuns: 500 };
const dataset = realDataset();
const units = dataset.units;
const resolve = createNameResolver(units);
const validIn = (code: string, year: number) => units.some((u) => u.code === code && isValidIn(u, year));

// ---------------------------------------------------------------------------------------------
// Checks of well-formedness

function checkProblems(problems: readonly ImportProblem[]): void {
  for (const p of problems) {
    expect(['error', 'info']).toContain(p.severity);
    expect(typeof p.code).toBe('string');
    if (p.line !== undefined) expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
    if (p.detail !== undefined) expect(typeof p.detail).toBe('string');
  }
}

function checkEntry(e: ImportEntry): void {
  expect((TIERS as readonly string[]).includes(e.tier)).toBe(true);
  expect((YEARS as readonly number[]).includes(e.year)).toBe(true);
  expect(typeof e.raw).toBe('string');
  expect(e.raw.length).toBeGreaterThan(0);
  expect([...e.raw].length).toBeLessThanOrEqual(IMPORT_LIMITS.maxFieldChars);
  if (e.rank !== null) expect(Number.isInteger(e.rank) && e.rank >= 1 && e.rank <= 168).toBe(true);
  if (e.score !== null) expect(e.score >= 0 && e.score <= 100).toBe(true);
  expect(Number.isInteger(e.line) && e.line >= 1).toBe(true);
  if (e.areaHint !== null) expect(e.areaHint).toMatch(/^\d{6}$/);
}

function checkParsed(parsed: ParsedInput): void {
  checkProblems(parsed.problems);
  if (!parsed.ok) {
    expect(parsed.problems.some((p) => p.severity === 'error')).toBe(true);
    return;
  }
  expect(parsed.problems.every((p) => p.severity === 'info')).toBe(true);
  expect(parsed.entries.length).toBeGreaterThan(0);
  expect(parsed.entries.length).toBeLessThanOrEqual(IMPORT_LIMITS.maxEntries);
  parsed.entries.forEach(checkEntry);
}

function checkResolution(r: Resolution, year: number): void {
  switch (r.kind) {
    case 'matched':
      expect(validIn(r.code, year)).toBe(true);
      expect(['code', 'name', 'prefixed', 'short', 'renamed', 'context', 'chosen']).toContain(r.via);
      break;
    case 'ambiguous':
      expect(r.candidates.length).toBeGreaterThanOrEqual(2);
      expect(new Set(r.candidates).size).toBe(r.candidates.length);
      for (const c of r.candidates) expect(validIn(c, year)).toBe(true);
      break;
    case 'unmatched':
      expect(r.suggestions.length).toBeLessThanOrEqual(5);
      for (const c of r.suggestions) expect(validIn(c, year)).toBe(true);
      break;
  }
}

// ---------------------------------------------------------------------------------------------
// Generators: arbitrary text, and text made of the pieces real input is made of

const names = [...new Set(units.map((u) => u.nameZh))];
const areas = Object.values(AREA_NAMES_ZH);
/** Brackets of every kind, matched, mixed or alone, empty or holding a space, a digit, an area, a name. */
const OPENING = ['(', '（', '[', '【', '〔', '［'];
const CLOSING = [')', '）', ']', '】', '〕', '］'];
const bracketRun = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc
          .tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom('', ' ', '1', '７个', '石家庄', '鹿泉区', '并列'))
          .map(([k, inner]) => `${OPENING[k]}${inner}${CLOSING[k]}`),
        fc.constantFrom(...OPENING, ...CLOSING),
      ),
      { minLength: 1, maxLength: 8 },
    ),
    fc.integer({ min: 1, max: 40 }),
  )
  .map(([run, times]) => run.join('').repeat(times));
const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...names), weight: 5 },
  fc.constantFrom(...areas, ...areas.map((a) => `${a}：`), '雄安新区', '渤海新区', '河北省'),
  fc.constantFrom('、', '，', ',', ';', '；', ' ', '\n', '\r\n', '　', '。', '：', ':', '|', '/'),
  fc.constantFrom(
    'A类县（市、区）（共66个，以分数从高到低为序）：',
    'B类县(市、区)(共73个)',
    'C类：',
    'A类',
    '（共2个）',
    '以分数从高到低为序',
    '排名不分先后',
    '2023年度',
    '（2021）',
    '二〇二〇年',
    '2024年1月5日',
    '1.',
    '（3）',
    '一、',
    '④',
    '"',
    '<img src=x onerror=alert(1)>',
    '\u0000',
    '\uFEFF',
    '130110',
    '130526',
    '999999',
  ),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.integer({ min: 0, max: 200 }).map(String),
  bracketRun,
);
const separator = fc.constantFrom('、', '，', ',', ';', '；', ' ', '\n', '\r\n', '　', '。', '');
const builtText = fc
  .array(fc.tuple(piece, separator), { maxLength: 60 })
  .map((parts) => parts.map(([p, sep]) => p + sep).join(''));
const anyText = fc.oneof(
  { arbitrary: builtText, weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 400 }), weight: 1 },
  { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
);

const defaultsArb = fc.record({
  year: fc.oneof(
    { arbitrary: fc.constantFrom(...YEARS), weight: 4 },
    { arbitrary: fc.constantFrom<number | null>(null, 2018, 2030, Number.NaN), weight: 1 },
  ),
  tier: fc.oneof({ arbitrary: fc.constantFrom(...TIERS), weight: 3 }, { arbitrary: fc.constant(null), weight: 1 }),
  scoreOrdered: fc.boolean(),
});

/** Cells by column, mostly valid, sometimes not: the parser must sort out which. */
const CELLS: Record<string, fc.Arbitrary<string>> = {
  name: fc.constantFrom(...names),
  code: fc.constantFrom(...units.map((u) => u.code)),
  prefecture: fc.constantFrom(...areas, ...areas.map((a) => a.slice(0, -1))),
  year: fc.constantFrom(...YEARS.map(String), '2023年'),
  tier: fc.constantFrom('A', 'B', 'C', 'a', 'B类', 'C级'),
  rank: fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 167 }).map(String)),
  score: fc.oneof(
    fc.constant(''),
    fc.float({ min: 0, max: 100, noNaN: true }).map((n) => n.toFixed(2)),
  ),
  note: fc.string({ maxLength: 10 }),
};
const SHAPES: readonly (readonly [string, string][])[] = [
  [
    ['name', 'name'],
    ['tier', 'tier'],
  ],
  [
    ['code', 'code'],
    ['year', 'year'],
    ['tier', 'tier'],
    ['rank', 'rank'],
    ['note', 'note'],
  ],
  [
    ['prefecture', 'prefecture'],
    ['county', 'name'],
    ['year', 'year'],
    ['tier', 'tier'],
    ['rank', 'rank'],
  ],
  [
    ['县（市、区）', 'name'],
    ['等级', 'tier'],
    ['得分', 'score'],
    ['市', 'prefecture'],
  ],
  [
    ['x', 'note'],
    ['y', 'name'],
  ],
];
const garbage = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', 'D', '2030', '-1', '"', '999999'));
const csvText = fc
  .record({
    shape: fc.constantFrom(...SHAPES),
    rows: fc.integer({ min: 0, max: 25 }),
    bom: fc.boolean(),
    quote: fc.boolean(),
    newline: fc.constantFrom('\n', '\r\n'),
  })
  .chain(({ shape, rows, bom, quote, newline }) =>
    fc
      .array(
        fc.tuple(
          ...shape.map(([, kind]) =>
            fc.oneof({ arbitrary: CELLS[kind] ?? garbage, weight: 300 }, { arbitrary: garbage, weight: 1 }),
          ),
        ),
        { minLength: rows, maxLength: rows },
      )
      .map((records) => {
        const line = (cells: readonly string[]) =>
          cells.map((c) => (quote || /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
        const header = line(shape.map(([name]) => name));
        return (bom ? '\uFEFF' : '') + [header, ...records.map(line)].join(newline);
      }),
  );

// ---------------------------------------------------------------------------------------------

describe('import core under arbitrary input', () => {
  it('decodeImportBytes never throws and says why it refuses', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      builtText.map((t) => new TextEncoder().encode(t)),
      // GBK-shaped pairs.
      fc
        .array(fc.tuple(fc.integer({ min: 0x81, max: 0xfe }), fc.integer({ min: 0x40, max: 0xfe })), { maxLength: 50 })
        .map((pairs) => new Uint8Array(pairs.flat())),
    );
    fc.assert(
      fc.property(bytes, (input) => {
        const decoded = decodeImportBytes(input);
        checkProblems(decoded.problems);
        if (decoded.ok) {
          expect(typeof decoded.text).toBe('string');
          expect(['utf-8', 'utf-8-bom', 'gbk']).toContain(decoded.encoding);
          expect(decoded.problems.every((p) => p.severity === 'info')).toBe(true);
          expect(decoded.text.includes('\u0000')).toBe(false);
          checkParsed(parseImportText(decoded.text, { year: 2023, tier: 'A', scoreOrdered: false }));
        } else {
          expect(decoded.problems.some((p) => p.severity === 'error')).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('parseImportText never throws and returns well-formed entries', () => {
    fc.assert(
      fc.property(anyText, defaultsArb, (text, defaults) => {
        checkParsed(parseImportText(text, defaults));
      }),
      RUNS,
    );
  });

  it('parseImportCsv never throws and returns well-formed entries', () => {
    fc.assert(
      fc.property(fc.oneof(csvText, anyText), fc.constantFrom<number | null>(null, 2019, 2023, 2030), (text, year) => {
        checkParsed(parseImportCsv(text, { year }));
        checkParsed(parseImportText(text, { year, tier: null, scoreOrdered: false }));
      }),
      RUNS,
    );
  });

  it('the resolver never throws and answers with units of the year', () => {
    const raw = fc.oneof(
      anyText,
      fc
        .tuple(
          fc.constantFrom('', ...areas, '雄安新区', '渤海新区'),
          fc.constantFrom(...names),
          fc.constantFrom('', '（石家庄）', '。', ' '),
        )
        .map(([a, n, s]) => `${a}${n}${s}`),
    );
    const context = fc.option(
      fc.record({
        areaHint: fc.option(
          fc.oneof(fc.constantFrom(...Object.keys(AREA_NAMES_ZH), ...areas), fc.string({ maxLength: 8 })),
        ),
        listAreas: fc.array(fc.constantFrom(...Object.keys(AREA_NAMES_ZH), 'x'), { maxLength: 5 }),
      }),
      { nil: undefined },
    );
    fc.assert(
      fc.property(raw, fc.oneof(fc.constantFrom(...YEARS), fc.integer()), context, (text, year, ctx) => {
        const r = resolve(text, year, ctx);
        if ((YEARS as readonly number[]).includes(year)) checkResolution(r, year);
        else expect(r).toEqual({ kind: 'unmatched', suggestions: [] });
      }),
      RUNS,
    );
  });

  it('previewImport never throws and sorts every matched fact into exactly one place', () => {
    const entryArb = fc.record({
      raw: fc.oneof(
        fc.constantFrom(...names, '130110', '130526', '桥西区', '新华区', '任县'),
        fc.string({ maxLength: 6 }),
      ),
      year: fc.constantFrom(...YEARS),
      tier: fc.constantFrom(...TIERS),
      rank: fc.option(fc.integer({ min: 1, max: 167 })),
      score: fc.constant(null),
      line: fc.integer({ min: 1, max: 99 }),
      areaHint: fc.option(fc.constantFrom(...Object.keys(AREA_NAMES_ZH))),
    });
    const choiceArb = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom('130104', '130703', '130110', 'x')),
      {
        maxLength: 3,
      },
    );
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 12 }), choiceArb, (entries, choices) => {
        const resolved = resolveEntries(units, entries);
        expect(resolved).toHaveLength(entries.length);
        resolved.forEach((r) => checkResolution(r.resolution, r.entry.year));
        const preview = previewImport(dataset, resolved, new Map(choices));
        expect(preview.resolved).toHaveLength(entries.length);
        const matched = preview.resolved.filter((r) => r.resolution.kind === 'matched').length;
        const placed =
          preview.newFacts.length +
          preview.confirmations.length +
          preview.conflicts.length +
          preview.duplicates.reduce((n, d) => n + d.length, 0);
        expect(placed).toBe(matched);
        const stated = new Map(dataset.tiers.map((t) => [`${t.code}@${t.year}`, t]));
        for (const f of preview.newFacts) expect(stated.has(`${f.code}@${f.year}`)).toBe(false);
        for (const c of preview.confirmations) expect(c.imported.tier).toBe(c.existing.tier);
        for (const c of preview.conflicts) expect(c.imported.tier).not.toBe(c.existing.tier);
        for (const d of preview.duplicates) {
          expect(d.length).toBeGreaterThanOrEqual(2);
          expect(new Set(d.map((f) => `${f.code}@${f.year}`)).size).toBe(1);
        }
        for (const f of [...preview.newFacts, ...preview.conflicts.map((c) => c.imported)]) {
          expect(f.rankOf).toBe(f.rank === null ? null : f.year <= 2020 ? 168 : 167);
        }
        expect(preview.violations.every((v) => typeof v === 'string')).toBe(true);
        const all = new Set(preview.conflicts.map((c) => `${c.imported.code}@${c.imported.year}`));
        expect(layerFacts(preview, all)).toHaveLength(preview.newFacts.length + preview.conflicts.length);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Large inputs: what overflowed the stack or froze the parser (issue 17), and what is near it

/** A unit of text to repeat: a piece and a separator, or a bracket run, or white space. */
const unitText = fc.oneof(
  fc.tuple(piece, separator).map(([p, sep]) => p + sep),
  bracketRun,
  fc.constantFrom('赵县、', '赵 县、', 'A类：', '：', '、', ' \u3000\t', '\n', '石家庄市（7个）：', '（）', '【1】'),
);
/** A large text: a unit repeated to up to the paste limit, with a few pieces around it. */
const largeText = fc
  .tuple(builtText, unitText, fc.integer({ min: 1_000, max: IMPORT_LIMITS.maxTextChars }), builtText)
  .map(([head, unit, length, tail]) =>
    (head + unit.repeat(Math.ceil(length / Math.max(1, unit.length))) + tail).slice(0, IMPORT_LIMITS.maxTextChars),
  );
/** A large file: a unit repeated to up to the file limit, as UTF-8, UTF-16 or junk. */
const largeFile = fc
  .tuple(
    unitText,
    fc.integer({ min: 100_000, max: IMPORT_LIMITS.maxFileBytes }),
    fc.constantFrom('utf-8', 'utf-16', 'junk'),
  )
  .map(([unit, size, kind]): Uint8Array => {
    if (kind === 'junk') return Uint8Array.from({ length: size }, (_, i) => (i * 2_654_435_761) >>> 24);
    const text = unit.repeat(Math.ceil(size / Math.max(1, unit.length) / (kind === 'utf-8' ? 3 : 2)));
    if (kind === 'utf-8') return new TextEncoder().encode(text).slice(0, size);
    const bytes = new Uint8Array(2 + 2 * text.length);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    return bytes.slice(0, size);
  });

function checkRead(read: ImportRead | null): void {
  expect(read).not.toBeNull();
  if (read === null) return;
  checkProblems(read.ok ? read.notes : read.problems);
  if (!read.ok) expect(read.problems.some((p) => p.severity === 'error')).toBe(true);
  else read.resolved.forEach((r) => checkEntry(r.entry));
}

describe('import core under large input', () => {
  const LARGE = { seed: 20_261_207, numRuns: 30 };

  it('parseImportText never throws on text up to the paste limit', () => {
    fc.assert(
      fc.property(largeText, defaultsArb, (text, defaults) => {
        checkParsed(parseImportText(text, defaults));
      }),
      LARGE,
    );
  });

  it('readImportInput never throws on files up to the 2 MB limit', () => {
    fc.assert(
      fc.property(largeFile, (bytes) => {
        checkRead(readImportInput({ kind: 'bytes', bytes }, { year: 2023, tier: 'A', scoreOrdered: false }, units));
      }),
      { ...LARGE, numRuns: 8 },
    );
  });

  it('every read through the import reader settles, in a worker or on the main thread', async () => {
    const inputs = fc.oneof(
      largeText.map((text): ImportInput => pastedInput(text)),
      builtText.map((text): ImportInput => pastedInput(text)),
      largeFile.map((bytes): ImportInput => ({ kind: 'bytes', bytes })),
    );
    /** A worker stand-in that answers as the real worker's script does, a task later. */
    const answering = () => {
      const worker = {
        onmessage: null as ((event: MessageEvent) => void) | null,
        onerror: null,
        postMessage(request: { seq: number; input: ImportInput; defaults: typeof defaults; units: typeof units }) {
          setTimeout(() => {
            try {
              const read = readImportInput(request.input, request.defaults, request.units);
              worker.onmessage?.({ data: { seq: request.seq, read } } as MessageEvent);
            } catch (error) {
              worker.onmessage?.({ data: { seq: request.seq, error: String(error) } } as MessageEvent);
            }
          }, 0);
        },
        terminate() {},
      };
      return worker as unknown as Worker;
    };
    const defaults = { year: 2023, tier: 'A' as const, scoreOrdered: false };
    await fc.assert(
      fc.asyncProperty(inputs, fc.boolean(), async (input, inWorker) => {
        const reader = createImportReader(inWorker ? answering : null);
        checkRead(await reader.read(input, defaults, units));
        reader.dispose();
      }),
      { ...LARGE, numRuns: 16 },
    );
  });
});
