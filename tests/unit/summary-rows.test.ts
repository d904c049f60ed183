/** Province and prefecture summary rows against the real tables. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AREA_NAMES_EN } from '../../src/domain/areas';
import {
  areaLabel,
  areaUnitCount,
  formatKnownOfOfficial,
  formatOfficialCounts,
  officialSegments,
  officialSummary,
  prefectureRows,
  provinceRows,
} from '../../src/domain/summary-rows';
import { TIERS, YEARS, compareCodes } from '../../src/domain/types';
import { mustParse, realTexts } from '../data/helpers';
import { total } from '../fixtures/builders';

const d = mustParse(realTexts());

describe('provinceRows', () => {
  const rows = provinceRows(d);

  it('has one row per evaluation year with 168 units up to 2020 and 167 after', () => {
    expect(rows.map((r) => [r.year, r.units])).toEqual([
      [2019, 168],
      [2020, 168],
      [2021, 167],
      [2022, 167],
      [2023, 167],
    ]);
  });

  it('counts what data/README.md documents (known, known A/B/C, range only, unknown)', () => {
    expect(rows.map((r) => [r.year, r.known, TIERS.map((t) => r.knownByTier[t]).join('/'), r.rangeOnly, r.unknown]))
      .toMatchInlineSnapshot(`
        [
          [
            2019,
            23,
            "10/6/7",
            1,
            144,
          ],
          [
            2020,
            29,
            "7/15/7",
            5,
            134,
          ],
          [
            2021,
            15,
            "11/4/0",
            5,
            147,
          ],
          [
            2022,
            8,
            "2/0/6",
            7,
            152,
          ],
          [
            2023,
            66,
            "50/16/0",
            0,
            101,
          ],
        ]
      `);
  });

  it('stacks segments that cover exactly the units', () => {
    for (const r of rows) {
      expect(r.segments.map((s) => s.key)).toEqual(['A', 'B', 'C', 'range', 'unknown']);
      expect(r.segments.reduce((n, s) => n + s.count, 0)).toBe(r.units);
      const last = r.segments.at(-1);
      expect((last?.start ?? 0) + (last?.share ?? 0)).toBeCloseTo(1, 12);
      r.segments.forEach((s, i) => {
        const prev = r.segments[i - 1];
        if (prev) expect(s.start).toBeCloseTo(prev.start + prev.share, 12);
      });
    }
  });

  it('shows the official province totals exactly as totals.csv gives them, and no others', () => {
    const byYear = Object.fromEntries(rows.map((r) => [r.year, formatOfficialCounts(r.official)]));
    expect(byYear).toEqual({
      2019: 'A 13 · B 42 · C 113',
      2020: 'A 19 · B 64 · C 85',
      2021: 'A 32 · B 66 · C 69',
      2022: 'A ≥ 24',
      2023: 'A 66 · B 73 · C 28',
    });
    for (const r of rows) {
      const total = d.totals.find((x) => x.year === r.year && x.scope === 'province') ?? null;
      expect(r.official?.avgScore ?? null).toBe(total?.avgScore ?? null);
      expect(r.official?.derived).toBe(total?.basis === 'derived');
    }
    expect(rows.find((r) => r.year === 2020)?.official?.derived).toBe(true);
  });

  it('draws the official bar only as far as it is known; a minimum is open-ended', () => {
    const y2022 = rows.find((r) => r.year === 2022);
    expect(y2022?.officialSegments).toEqual([{ tier: 'A', count: 24, start: 0, share: 24 / 167, open: true }]);
    const y2023 = rows.find((r) => r.year === 2023);
    expect(y2023?.officialSegments.map((s) => [s.tier, s.count, s.open])).toEqual([
      ['A', 66, false],
      ['B', 73, false],
      ['C', 28, false],
    ]);
    for (const r of rows)
      for (const s of r.officialSegments) expect(s.count).toBeGreaterThanOrEqual(r.knownByTier[s.tier]);
  });
});

describe('officialSegments and officialSummary', () => {
  it('is null without a row, and gives nothing for a row with only an average', () => {
    expect(officialSummary(null)).toBeNull();
    expect(officialSegments(null, 167)).toEqual([]);
    const avgOnly = officialSummary(total(2019, { scope: '130100', avgScore: 70.58 }));
    expect(formatOfficialCounts(avgOnly)).toBe('');
    expect(avgOnly?.avgScore).toBe(70.58);
    expect(officialSegments(avgOnly, 14)).toEqual([]);
  });

  it('stops at a tier without a value (its start would be a guess)', () => {
    const aOnly = officialSummary(total(2019, { scope: '130100', counts: { A: 7, B: null, C: 3 } }));
    expect(officialSegments(aOnly, 21).map((s) => s.tier)).toEqual(['A']);
    expect(formatOfficialCounts(aOnly)).toBe('A 7 · C 3');
  });
});

describe('formatKnownOfOfficial', () => {
  it('puts every known count next to its official one: exact, a minimum, or "?" where none is stated', () => {
    const known = { A: 2, B: 0, C: 6 };
    const official = officialSummary(
      total(2022, { counts: { A: null, B: 73, C: null }, minimums: { A: 24, B: null, C: null } }),
    );
    expect(formatKnownOfOfficial(known, official)).toBe('A 2/≥24 · B 0/73 · C 6/?');
    expect(formatKnownOfOfficial(known, null)).toBe('A 2/? · B 0/? · C 6/?');
  });

  it('on the real data, pairs 2023’s known A, B, C with the official 66, 73, 28', () => {
    const row = provinceRows(d).find((r) => r.year === 2023);
    if (!row) throw new Error('no 2023 row');
    expect(formatKnownOfOfficial(row.knownByTier, row.official)).toBe(
      `A ${row.knownByTier.A}/66 · B ${row.knownByTier.B}/73 · C ${row.knownByTier.C}/28`,
    );
  });
});

describe('prefectureRows', () => {
  it.each(YEARS)('%i: 13 areas whose units add up to the province and whose known counts fit', (year) => {
    const rows = prefectureRows(d, year);
    expect(rows).toHaveLength(13);
    expect(new Set(rows.map((r) => r.areaCode))).toEqual(new Set(Object.keys(AREA_NAMES_EN)));
    expect(rows.reduce((n, r) => n + r.units, 0)).toBe(year <= 2020 ? 168 : 167);
    const province = provinceRows(d).find((r) => r.year === year);
    for (const tier of TIERS)
      expect(rows.reduce((n, r) => n + r.knownByTier[tier], 0)).toBe(province?.knownByTier[tier]);
    expect(rows.reduce((n, r) => n + r.rangeOnly, 0)).toBe(province?.rangeOnly);
    expect(rows.reduce((n, r) => n + r.unknown, 0)).toBe(province?.unknown);
    for (const r of rows) {
      expect(r.known).toBeLessThanOrEqual(r.units);
      expect(r.known + r.rangeOnly + r.unknown).toBe(r.units);
      expect(r.complete).toBe(r.known === r.units);
      expect(r.units).toBe(areaUnitCount(d, r.areaCode, year));
    }
  });

  it.each(YEARS)('%i: official area totals equal totals.csv, and appear only where it has a row', (year) => {
    for (const r of prefectureRows(d, year)) {
      const total = d.totals.find((x) => x.year === year && x.scope === r.areaCode) ?? null;
      if (!total) {
        expect(r.official).toBeNull();
        continue;
      }
      for (const tier of TIERS) {
        const shown = r.official?.tiers[tier] ?? null;
        if (total.counts[tier] !== null) expect(shown).toEqual({ kind: 'exact', n: total.counts[tier] });
        else if (total.minimums[tier] !== null) expect(shown).toEqual({ kind: 'min', n: total.minimums[tier] });
        else expect(shown).toBeNull();
        // Never fewer official than known.
        if (shown?.kind === 'exact') expect(r.knownByTier[tier]).toBeLessThanOrEqual(shown.n);
      }
      expect(r.official?.avgScore ?? null).toBe(total.avgScore);
    }
  });

  it('lists the 11 cities in code order, then 定州 and 辛集', () => {
    expect(prefectureRows(d, 2023).map((r) => r.nameZh)).toEqual([
      '石家庄',
      '唐山',
      '秦皇岛',
      '邯郸',
      '邢台',
      '保定',
      '张家口',
      '承德',
      '沧州',
      '廊坊',
      '衡水',
      '定州',
      '辛集',
    ]);
  });

  it('marks the areas data/README.md calls complete', () => {
    const complete = (year: number) =>
      prefectureRows(d, year)
        .filter((r) => r.complete)
        .map((r) => r.nameZh);
    expect(complete(2019)).toEqual(['廊坊']);
    expect(complete(2020)).toEqual(['廊坊']);
    expect(complete(2021)).toEqual(['辛集']);
    expect(complete(2022)).toEqual([]);
    expect(complete(2023)).toEqual(['石家庄', '衡水', '定州', '辛集']);
  });

  it('shows 2023 石家庄 as 10/11/0 exact, and 唐山 as a minimum of 6 A', () => {
    const rows = prefectureRows(d, 2023);
    expect(formatOfficialCounts(rows.find((r) => r.areaCode === '130100')?.official ?? null)).toBe('A 10 · B 11 · C 0');
    expect(formatOfficialCounts(rows.find((r) => r.areaCode === '130200')?.official ?? null)).toBe('A ≥ 6');
  });
});

describe('areaLabel and areaUnitCount', () => {
  it('names an area in either language', () => {
    expect(areaLabel(d, '130100', 'zh')).toBe('石家庄');
    expect(areaLabel(d, '130100', 'en')).toBe('Shijiazhuang');
    expect(areaLabel(d, '130682', 'zh')).toBe('定州');
    expect(areaLabel(d, '999999', 'en')).toBe('999999');
  });

  it('counts 邢台 as 19 units up to 2020 and 18 after the reorganisation', () => {
    expect(areaUnitCount(d, '130500', 2020)).toBe(19);
    expect(areaUnitCount(d, '130500', 2021)).toBe(18);
    expect(areaUnitCount(d, '130100', 2023)).toBe(21);
  });
});

describe('compareCodes', () => {
  it('orders digit codes as localeCompare did, without loading the collator', () => {
    const code = fc.stringMatching(/^\d{6}$/);
    fc.assert(
      fc.property(code, code, (a, b) => {
        expect(Math.sign(compareCodes(a, b))).toBe(Math.sign(a.localeCompare(b)));
      }),
    );
  });

  it('lists the 11 cities in code order, then 定州 and 辛集', () => {
    const codes = prefectureRows(d, 2023).map((r) => r.areaCode);
    expect(codes.slice(-2)).toEqual(['130682', '130181']);
    expect(codes.slice(0, -2)).toEqual([...codes.slice(0, -2)].sort((a, b) => a.localeCompare(b)));
  });
});
