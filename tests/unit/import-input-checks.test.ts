/**
 * What the import refuses or reads, and how it says so (issue 17, item 6): impossible source
 * dates, UTF-16 files, size limits in the unit that applies, bidirectional control characters.
 */
import { describe, expect, it } from 'vitest';
import { checkLayers, isSourceDate } from '../../src/data/import-check';
import { createAppStore } from '../../src/store/store';
import { realDataset } from '../fixtures/import/real-data';
import { IMPORT_LIMITS, decodeImportBytes, parseImportText } from '../../src/domain/import';
import { hasBidiControls, stripBidiControls } from '../../src/domain/text-safety';
import { problemText } from '../../src/features/import/import-problems';

describe('isSourceDate', () => {
  it('takes a year, a month or a day that exists', () => {
    for (const ok of ['', '2019', '2023-12', '2023-12-22', '2024-02-29', '2023-01-31', '2023-04-30']) {
      expect(isSourceDate(ok), ok).toBe(true);
    }
  });

  it('refuses dates the calendar does not have', () => {
    for (const bad of ['2023-02-30', '2023-02-29', '2023-04-31', '2023-06-31', '2023-13', '2023-00', '2023-01-00']) {
      expect(isSourceDate(bad), bad).toBe(false);
    }
  });

  it('refuses years no source of these evaluations can have, and other forms', () => {
    for (const bad of ['0000', '1899-01-01', '9999-12-31', '2023/12/22', '20231222', ' 2023', '2023-1-2']) {
      expect(isSourceDate(bad), bad).toBe(false);
    }
  });
});

describe('decodeImportBytes: UTF-16', () => {
  const text = 'name\ttier\n鹿泉区\tA\n栾城区\tB\n';
  const utf16le = (s: string, bom: boolean) => {
    const bytes = new Uint8Array((bom ? 2 : 0) + s.length * 2);
    if (bom) bytes.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      bytes[(bom ? 2 : 0) + 2 * i] = c & 0xff;
      bytes[(bom ? 2 : 0) + 2 * i + 1] = c >> 8;
    }
    return bytes;
  };
  const swap = (bytes: Uint8Array) => bytes.map((_, i) => bytes[i % 2 === 0 ? i + 1 : i - 1] ?? 0);

  it("reads Excel's Unicode Text (UTF-16 LE with a mark) and says so; tab-separated columns are read", () => {
    const decoded = decodeImportBytes(utf16le(text, true));
    expect(decoded).toMatchObject({ ok: true, text, encoding: 'utf-16le' });
    expect(decoded.problems.map((p) => p.code)).toEqual(['decoded-utf16']);
    if (!decoded.ok) return;
    const parsed = parseImportText(decoded.text, { year: 2023, tier: null, scoreOrdered: false });
    expect(parsed.ok && parsed.entries.map((e) => [e.raw, e.tier])).toEqual([
      ['鹿泉区', 'A'],
      ['栾城区', 'B'],
    ]);
  });

  it('reads UTF-16 BE with a mark', () => {
    expect(decodeImportBytes(swap(utf16le(text, true)))).toMatchObject({ ok: true, text, encoding: 'utf-16be' });
  });

  it('names UTF-16 without a mark for what it is instead of calling it binary', () => {
    expect(decodeImportBytes(utf16le(text, false)).problems.map((p) => p.code)).toEqual(['utf16-no-bom']);
    expect(decodeImportBytes(swap(utf16le(text, false))).problems.map((p) => p.code)).toEqual(['utf16-no-bom']);
  });

  it('still refuses binary files (an image header, scattered NULs)', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    expect(decodeImportBytes(png).problems.map((p) => p.code)).toEqual(['binary']);
    expect(decodeImportBytes(new Uint8Array([0xff, 0xfe, 0x00, 0xd8])).problems.map((p) => p.code)).toEqual(['binary']);
  });
});

describe('size limits in the unit that applies', () => {
  const tr = (key: string, params: Record<string, string | number> = {}) =>
    `${key}(${Object.entries(params)
      .map(([k, v]) => `${k}=${v}`)
      .join(',')})`;

  it('a file over its limit is worded in bytes; a paste over its limit in characters', () => {
    const file = decodeImportBytes(new Uint8Array(IMPORT_LIMITS.maxFileBytes + 1));
    const [fileProblem] = file.problems;
    expect(fileProblem).toMatchObject({ code: 'too-large', unit: 'bytes', limit: IMPORT_LIMITS.maxFileBytes });
    if (fileProblem) expect(problemText(tr, fileProblem, 'chars')).toContain('importBytes(kb=2048)');
    const paste = parseImportText('鹿'.repeat(IMPORT_LIMITS.maxTextChars + 1), {
      year: 2023,
      tier: 'A',
      scoreOrdered: false,
    });
    const [pasteProblem] = paste.problems;
    expect(pasteProblem).toMatchObject({ code: 'too-large', unit: 'chars', limit: IMPORT_LIMITS.maxTextChars });
    if (pasteProblem) expect(problemText(tr, pasteProblem, 'bytes')).toContain('importChars(n=200000)');
  });

  it('a text refused where no background reader starts is worded as that, in characters, whatever was read', () => {
    const problem = { code: 'no-worker-too-large', severity: 'error', limit: IMPORT_LIMITS.maxTextChars } as const;
    expect(problemText(tr, problem, 'bytes')).toBe(
      'importProblemNoWorkerTooLarge(detail=,limit=importChars(n=200000))',
    );
  });

  it("a file's text is bounded by the file limit, not the paste limit (a 300 KB file is read)", () => {
    const names = '鹿泉区、'.repeat(75_000); // 300,000 characters, ~900 KB of UTF-8
    const parsed = parseImportText(names, { year: 2023, tier: 'A', scoreOrdered: false }, IMPORT_LIMITS.maxFileBytes);
    // Read, then refused for what it holds (more names than one import takes), not for its size.
    expect(parsed.problems.map((p) => p.code)).toEqual(['too-many-entries']);
  });
});

describe('bidirectional control characters', () => {
  it('are removed from names read from a notice or a CSV', () => {
    const notice = parseImportText('\u202e鹿泉区\u202c、栾\u2067城区', { year: 2023, tier: 'A', scoreOrdered: false });
    expect(notice.ok && notice.entries.map((e) => e.raw)).toEqual(['鹿泉区', '栾城区']);
    const csv = parseImportText('name,tier\n\u202e鹿泉区,A\n', { year: 2023, tier: null, scoreOrdered: false });
    expect(csv.ok && csv.entries.map((e) => e.raw)).toEqual(['鹿泉区']);
  });

  it('stripBidiControls removes every kind and keeps the rest', () => {
    expect(
      stripBidiControls('a\u202ab\u202bc\u202cd\u202de\u202ef\u2066g\u2067h\u2068i\u2069j\u200ek\u200fl\u061cm'),
    ).toBe('abcdefghijklm');
    expect(hasBidiControls('公告\u202e')).toBe(true);
    expect(hasBidiControls('公告')).toBe(false);
    expect(stripBidiControls('河北省 2023 ABC')).toBe('河北省 2023 ABC');
  });
});

describe('layers read back from a link or storage', () => {
  const units = realDataset().units;
  const layer = (title: string, raw = '承德县') => ({
    id: 'IMP1',
    source: { title, date: '2022-12-30', url: '' },
    createdAt: '2026-11-25T00:00:00.000Z',
    facts: [{ code: '130821', year: 2022, tier: 'B', rank: null, rankOf: null, raw }],
    origin: 'link',
  });

  it('lose their bidirectional controls in titles and names', () => {
    const checked = checkLayers([layer('Notice \u202etxt.exe', '承德\u202e县')], units, 'link');
    expect(checked.layers.map((l) => [l.source.title, l.facts[0]?.raw])).toEqual([['Notice txt.exe', '承德县']]);
  });

  it('a title of nothing but controls is no title: the layer is dropped and said to be', () => {
    const checked = checkLayers([layer('\u202e\u2066')], units, 'link');
    expect(checked.layers).toEqual([]);
    expect(checked.problems).toEqual([{ code: 'layer-dropped', title: '', reason: 'title' }]);
  });
});

describe('a layer applied in this tab', () => {
  it('is kept without bidirectional controls, as a read-back would give it', () => {
    const store = createAppStore();
    store.getState().applyImport({
      id: 'IMP0',
      source: { title: 'Notice \u202etxt.exe', date: '', url: '' },
      createdAt: '2026-11-25T00:00:00.000Z',
      facts: [{ code: '130821', year: 2022, tier: 'B', rank: null, rankOf: null, raw: '承德\u2067县' }],
      origin: 'local',
    });
    const [layer] = store.getState().imports;
    expect([layer?.source.title, layer?.facts[0]?.raw]).toEqual(['Notice txt.exe', '承德县']);
  });
});
