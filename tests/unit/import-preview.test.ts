/**
 * The import preview (src/domain/import/preview.ts) against the real dataset: the dataset's own
 * export and the real 2023 A list read back as confirmations only; new facts, conflicts,
 * repeats, the user's choices and the consistency rules an import would newly break.
 */
import { describe, expect, it } from 'vitest';
import { isValidIn } from '../../src/domain/dataset/units';
import { validateDataset } from '../../src/domain/dataset/validate';
import { exportDataset } from '../../src/domain/export-csv';
import {
  layerFacts,
  parseImportCsv,
  parseImportText,
  parseNotice,
  previewImport,
  resolveEntries,
  type ImportEntry,
  type ParsedInput,
} from '../../src/domain/import';
import type { Unit } from '../../src/domain/types';
import { realDataset } from '../fixtures/import/real-data';

const dataset = realDataset();
const units = dataset.units;

function entriesOf(parsed: ParsedInput): ImportEntry[] {
  if (!parsed.ok) throw new Error(`not ok: ${JSON.stringify(parsed.problems)}`);
  return parsed.entries;
}

function unitOf(code: string, year: number): Unit {
  const unit = units.find((u) => u.code === code && isValidIn(u, year));
  if (!unit) throw new Error(`no ${code} in ${year}`);
  return unit;
}

function entry(raw: string, year: number, tier: 'A' | 'B' | 'C', rank: number | null = null): ImportEntry {
  return { raw, year, tier, rank, score: null, line: 1, areaHint: null };
}

it('the dataset is consistent to begin with', () => {
  expect(validateDataset(dataset)).toEqual([]);
});

describe('round trip', () => {
  it("reads the dataset's own tiers.csv export back as confirmations only, ranks included", () => {
    const text = exportDataset(dataset)['tiers.csv'];
    const resolved = resolveEntries(units, entriesOf(parseImportCsv(text, { year: null })));
    expect(resolved.every((r) => r.resolution.kind === 'matched' && r.resolution.via === 'code')).toBe(true);
    const preview = previewImport(dataset, resolved);
    expect(preview.newFacts).toEqual([]);
    expect(preview.conflicts).toEqual([]);
    expect(preview.duplicates).toEqual([]);
    expect(preview.violations).toEqual([]);
    expect(preview.confirmations).toHaveLength(dataset.tiers.length);
    for (const { imported, existing } of preview.confirmations) {
      expect(imported.code).toBe(existing.code);
      expect(imported.tier).toBe(existing.tier);
      expect(imported.rank).toBe(existing.rank);
      expect(imported.rankOf).toBe(existing.rankOf);
    }
  });
});

describe('the real 2023 A list', () => {
  // The A units of 2023 with a stated rank, in rank order: positions 1–49 of the notice's 66.
  const ranked = dataset.tiers
    .filter((t) => t.year === 2023 && t.tier === 'A' && t.rank !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  // As a notice writes them: a few with their city or new area, the repeated names always so.
  const PREFIXED: Record<string, string> = {
    '130110': '石家庄市鹿泉区',
    '130983': '渤海新区黄骅市',
    '131103': '衡水市冀州区',
    '130104': '石家庄市桥西区',
    '130105': '石家庄新华区',
  };
  const names = ranked.map((t) => PREFIXED[t.code] ?? unitOf(t.code, 2023).nameZh);

  it('holds positions 1–49 without a gap', () => {
    expect(ranked.map((t) => t.rank)).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));
  });

  it('resolves every name and confirms every fact; without the full 66 the positions are not ranks', () => {
    const text = `2023年度县域科技创新能力评价结果\nA类县（市、区）（共66个，以分数从高到低为序）：${names.join('、')}`;
    const parsed = parseImportText(text, { year: null, tier: null, scoreOrdered: false });
    const entries = entriesOf(parsed);
    expect(parsed.problems).toEqual([]);
    expect(entries).toHaveLength(49);
    expect(entries.every((e) => e.year === 2023 && e.tier === 'A' && e.rank === null)).toBe(true);
    const resolved = resolveEntries(units, entries);
    expect(resolved.map((r) => (r.resolution.kind === 'matched' ? r.resolution.code : r.resolution.kind))).toEqual(
      ranked.map((t) => t.code),
    );
    const preview = previewImport(dataset, resolved);
    expect(preview.confirmations).toHaveLength(49);
    expect(preview.newFacts).toEqual([]);
    expect(preview.conflicts).toEqual([]);
    expect(preview.duplicates).toEqual([]);
    expect(preview.violations).toEqual([]);
  });

  it('gives the ranks of the data when the list is complete and score-ordered', () => {
    // The same names as a list of 49 that says so: positions are then ranks, and they agree.
    const text = `2023年A类县（市、区）（共49个，以分数从高到低为序）：${names.join('、')}`;
    const parsed = parseNotice(text, { year: null, tier: null, scoreOrdered: false });
    expect(parsed.problems).toEqual([{ code: 'ranks-from-order', severity: 'info', detail: 'A' }]);
    const preview = previewImport(dataset, resolveEntries(units, entriesOf(parsed)));
    expect(preview.confirmations).toHaveLength(49);
    for (const { imported, existing } of preview.confirmations) {
      expect([imported.rank, imported.rankOf]).toEqual([existing.rank, existing.rankOf]);
    }
    expect(preview.violations).toEqual([]);
  });

  it('leaves a bare repeated name ambiguous even in a province-wide list', () => {
    const bare = ranked.map((t) => unitOf(t.code, 2023).nameZh);
    const resolved = resolveEntries(
      units,
      entriesOf(parseNotice(bare.join('、'), { year: 2023, tier: 'A', scoreOrdered: false })),
    );
    const ambiguous = resolved.filter((r) => r.resolution.kind === 'ambiguous').map((r) => r.entry.raw);
    // 桥西区 (石家庄 and 张家口) and 新华区 (石家庄 and 沧州): the list holds units of all four areas.
    expect(ambiguous.sort()).toEqual(['新华区', '桥西区'].sort());
  });
});

describe('resolveEntries', () => {
  it("settles a repeated name by the areas of the list's other names", () => {
    const list = ['鹿泉区', '栾城区', '桥西区', '辛集市'].map((n) => entry(n, 2023, 'A'));
    const resolved = resolveEntries(units, list);
    expect(resolved[2]?.resolution).toEqual({ kind: 'matched', code: '130104', via: 'context' });
    // One unit of 张家口 in the list and 桥西区 is open again.
    const mixed = resolveEntries(units, [...list, entry('怀来县', 2023, 'A')]);
    expect(mixed[2]?.resolution).toEqual({ kind: 'ambiguous', candidates: ['130104', '130703'] });
  });

  it('uses only the names of the same year as context', () => {
    const resolved = resolveEntries(units, [entry('鹿泉区', 2022, 'A'), entry('桥西区', 2023, 'A')]);
    expect(resolved[1]?.resolution.kind).toBe('ambiguous');
  });
});

describe('previewImport', () => {
  it('sorts facts into new, confirming, conflicting and repeated', () => {
    const entries = [
      entry('鹿泉区', 2023, 'A', 1), // the data: A, rank 1
      entry('迁西县', 2023, 'B'), // nothing in the data for 2023
      entry('栾城区', 2023, 'B'), // the data: A
      entry('正定县', 2021, 'B'),
      entry('130123', 2021, 'C'), // 正定县 again, another tier
      entry('无极县', 2022, 'C'),
      entry('无极', 2022, 'C'), // the same fact twice
      entry('不存在县', 2023, 'A'),
    ];
    const existing = (code: string, year: number) => dataset.tiers.find((t) => t.code === code && t.year === year);
    expect(existing('130227', 2023)).toBeUndefined();
    expect(existing('130123', 2021)).toBeUndefined();
    const preview = previewImport(dataset, resolveEntries(units, entries));
    expect(preview.newFacts).toEqual([
      { code: '130227', year: 2023, tier: 'B', rank: null, rankOf: null, raw: '迁西县' },
    ]);
    expect(preview.confirmations.map((c) => [c.imported.code, c.imported.rank, c.imported.rankOf])).toEqual([
      ['130110', 1, 167],
    ]);
    expect(preview.conflicts.map((c) => [c.imported.code, c.imported.tier, c.existing.tier])).toEqual([
      ['130111', 'B', 'A'],
    ]);
    expect(preview.duplicates.map((d) => d.map((f) => [f.code, f.year, f.tier, f.raw]))).toEqual([
      [
        ['130123', 2021, 'B', '正定县'],
        ['130123', 2021, 'C', '130123'],
      ],
      [
        ['130130', 2022, 'C', '无极县'],
        ['130130', 2022, 'C', '无极'],
      ],
    ]);
    expect(preview.resolved[7]?.resolution.kind).toBe('unmatched');
  });

  it('gives rank_of 168 up to 2020 and 167 after, only with a rank', () => {
    const preview = previewImport(
      dataset,
      resolveEntries(units, [
        entry('迁西县', 2020, 'C', 150),
        entry('迁西县', 2021, 'C', 150),
        entry('迁西县', 2022, 'C'),
      ]),
    );
    expect(preview.newFacts.map((f) => [f.year, f.rank, f.rankOf])).toEqual([
      [2020, 150, 168],
      [2021, 150, 167],
      [2022, null, null],
    ]);
  });

  it("takes the user's choice for an ambiguous or unmatched entry, if it names a unit of that year", () => {
    const resolved = resolveEntries(units, [
      entry('桥西区', 2023, 'B'),
      entry('桥四区', 2023, 'B'),
      entry('桥东区', 2019, 'B'),
    ]);
    expect(resolved.map((r) => r.resolution.kind)).toEqual(['ambiguous', 'unmatched', 'ambiguous']);
    const choices = new Map([
      [0, '130703'],
      [1, '130104'],
      // 130505 (任泽区) is no unit of 2019: the choice is ignored.
      [2, '130505'],
    ]);
    const preview = previewImport(dataset, resolved, choices);
    expect(preview.resolved.map((r) => r.resolution)).toEqual([
      { kind: 'matched', code: '130703', via: 'chosen' },
      { kind: 'matched', code: '130104', via: 'chosen' },
      resolved[2]?.resolution,
    ]);
    expect(preview.newFacts.map((f) => f.code)).toEqual(['130703']);
    expect(preview.conflicts.map((c) => c.imported.code)).toEqual(['130104']);
    expect(previewImport(dataset, resolved).resolved).toEqual(resolved);
  });

  it('lists the rules an import would newly break', () => {
    // 2023: the province has 66 A units, 50 are known; 17 more A units are one too many.
    const known = new Set(dataset.tiers.filter((t) => t.year === 2023).map((t) => t.code));
    const free = units.filter((u) => isValidIn(u, 2023) && !known.has(u.code) && u.prefectureCode === '130600');
    const more = [
      ...free,
      ...units.filter((u) => isValidIn(u, 2023) && !known.has(u.code) && u.prefectureCode === '130700'),
    ]
      .slice(0, 17)
      .map((u) => entry(u.code, 2023, 'A'));
    const preview = previewImport(dataset, resolveEntries(units, more));
    expect(preview.newFacts).toHaveLength(17);
    expect(preview.violations.some((v) => v.startsWith('[known-exceeds-total]') && v.includes('2023 province'))).toBe(
      true,
    );
    // 16 fit.
    expect(previewImport(dataset, resolveEntries(units, more.slice(0, 16))).violations).toEqual([]);
    // A rank another unit holds, on an imported row: said without a data/ line number.
    const rank = previewImport(dataset, resolveEntries(units, [entry('迁西县', 2023, 'A', 1)]));
    const duplicate = rank.violations.find((v) => v.startsWith('[rank-duplicate]'));
    expect(duplicate).toBeDefined();
    expect(duplicate).not.toMatch(/tiers\.csv line/);
  });

  it('applies new facts and only the conflicts the user took', () => {
    const preview = previewImport(
      dataset,
      resolveEntries(units, [entry('迁西县', 2023, 'B'), entry('栾城区', 2023, 'B'), entry('鹿泉区', 2023, 'C')]),
    );
    expect(preview.conflicts).toHaveLength(2);
    expect(layerFacts(preview, new Set()).map((f) => f.code)).toEqual(['130227']);
    expect(layerFacts(preview, new Set(['130111@2023'])).map((f) => f.code)).toEqual(['130227', '130111']);
    expect(layerFacts(preview, new Set(['130111@2023', '130110@2023', '999999@2023'])).map((f) => f.code)).toEqual([
      '130227',
      '130111',
      '130110',
    ]);
  });
});
