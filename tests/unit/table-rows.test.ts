/**
 * The table view's rows, sorting and filtering (src/domain/table-rows.ts), on the real tables
 * and on the synthetic fixture (synthetic data lives only under tests/).
 */
import { describe, expect, it } from 'vitest';
import {
  NO_FILTER,
  cellIn,
  changeBaseYear,
  filterRows,
  rowAreas,
  sortRows,
  tableRows,
  type SortColumn,
  type TableRow,
} from '../../src/domain/table-rows';
import { defaultBaseYear } from '../../src/domain/base-year';
import { transitions } from '../../src/domain/transitions';
import { YEARS, type Year } from '../../src/domain/types';
import { indexStates, stateKey, statesForYear, unitState } from '../../src/domain/unit-state';
import { realDataset } from '../fixtures/builders';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

const real = realDataset();
const index = indexStates(real);
const rows2019 = tableRows(real, index, 2019, null);
const rows2023 = tableRows(real, index, 2023, null);

function row(rows: readonly TableRow[], code: string): TableRow {
  const found = rows.find((r) => r.code === code);
  if (!found) throw new Error(`no row ${code}`);
  return found;
}

/** The sort group of a year cell: 0 known, 1 range, 2 unknown, 3 no unit that year. */
function group(r: TableRow, year: Year): number {
  const state = cellIn(r, year)?.state ?? null;
  if (state === null) return 3;
  return { known: 0, range: 1, unknown: 2 }[state.kind];
}

function isNonDecreasing(values: readonly number[]): boolean {
  return values.every((v, i) => i === 0 || (values[i - 1] ?? v) <= v);
}

describe('tableRows on the real data', () => {
  it('has one row per unit of the year: 168 in 2019, 167 in 2023, each code once', () => {
    expect(rows2019.rows).toHaveLength(168);
    expect(rows2023.rows).toHaveLength(167);
    expect(new Set(rows2023.rows.map((r) => r.code)).size).toBe(167);
    expect(rows2019.rows.map((r) => r.nameZh)).toContain('邢台县');
    expect(rows2023.rows.map((r) => r.nameZh)).not.toContain('邢台县');
  });

  it('gives every row a cell per year 2019–2023 and the area’s names in both languages', () => {
    for (const r of rows2023.rows) {
      expect(r.cells.map((c) => c.year)).toEqual([...YEARS]);
      expect(r.areaEn).not.toBe('');
      expect(r.areaZh).not.toBe('');
    }
    expect(row(rows2023.rows, '130110').areaEn).toBe('Shijiazhuang');
  });

  it('follows lineage: 任泽区’s 2019 and 2020 cells are 任县’s states, named as 任县', () => {
    const renze = row(rows2023.rows, '130505');
    expect(renze.nameZh).toBe('任泽区');
    for (const year of [2019, 2020] as const) {
      const cell = cellIn(renze, year);
      expect(cell?.relation).toBe('predecessor');
      expect(cell?.via.map((u) => `${u.code} ${u.nameZh}`)).toEqual(['130526 任县']);
      expect(cell?.state).toEqual(unitState(index, '130526', year));
    }
    // The 2020 fact is a derived C (a goal statement about 任泽区 read back to 任县).
    expect(stateKey(cellIn(renze, 2020)?.state ?? { kind: 'unknown' })).toBe('C-derived');
    expect(cellIn(renze, 2023)?.relation).toBe('self');
    expect(cellIn(renze, 2023)?.via).toEqual([]);
  });

  it('never shows 邢台县’s state as a successor’s, and has no state for it after it was split', () => {
    const xindu = row(rows2023.rows, '130503');
    expect(cellIn(xindu, 2019)?.via.map((u) => u.nameZh)).toEqual(['桥西区']);
    const xingtai = row(rows2019.rows, '130521');
    expect(cellIn(xingtai, 2021)?.state).toBeNull();
    expect(cellIn(xingtai, 2021)?.relation).toBe('none');
  });

  it('states rank and rank_of only where the selected year’s tier row does', () => {
    const ranked = rows2023.rows.filter((r) => r.rank !== null);
    expect(ranked.length).toBeGreaterThan(0);
    for (const r of rows2023.rows) {
      const fact = real.tiers.find((t) => t.code === r.code && t.year === 2023);
      expect([r.rank, r.rankOf]).toEqual([fact?.rank ?? null, fact?.rankOf ?? null]);
    }
  });

  it('takes the change from the default base (most units comparable), or from a chosen base, as transitions() does', () => {
    // 2020 makes more units comparable with 2023 than any other year (domain/base-year.ts).
    expect(rows2023.baseYear).toBe(defaultBaseYear(real.units, 2023, (y) => statesForYear(index, real.units, y)));
    expect(rows2023.baseYear).not.toBe(2022);
    expect(rows2019.baseYear).toBeNull();
    expect(rows2019.rows.every((r) => r.change === null)).toBe(true);

    const chosen = tableRows(real, index, 2023, 2019);
    expect(chosen.baseYear).toBe(2019);
    const expected = transitions(
      real.units,
      { year: 2019, states: statesForYear(index, real.units, 2019) },
      { year: 2023, states: statesForYear(index, real.units, 2023) },
    );
    for (const r of chosen.rows) expect(r.change?.change).toBe(expected.get(r.code)?.change);
    // 任泽区 is compared with 任县 across the reorganisation: its 2019 end is not "no counterpart".
    expect(row(chosen.rows, '130505').change).not.toBeNull();
  });

  it('ignores a base year that is not before the selected year', () => {
    expect(changeBaseYear(2021, 2021, 2020)).toBe(2020); // not earlier: the default
    expect(changeBaseYear(2021, 2023, 2019)).toBe(2019);
    expect(changeBaseYear(2019, null, null)).toBeNull();
    expect(changeBaseYear(2023, 2020, 2021)).toBe(2020);
  });

  it('never fills in a tier: rows agree with the states of the year and the counts of unit-state', () => {
    const states = statesForYear(index, real.units, 2023);
    for (const r of rows2023.rows) expect(cellIn(r, 2023)?.state).toEqual(states.get(r.code));
    const known = rows2023.rows.filter((r) => cellIn(r, 2023)?.state?.kind === 'known');
    expect(known).toHaveLength(66);
  });
});

describe('sortRows', () => {
  const all = rows2023.rows;

  it('sorts by name in Chinese (pinyin collation) and in English, both directions', () => {
    const zhAsc = sortRows(all, { column: 'name', direction: 'asc' }, 'zh').map((r) => r.nameZh);
    const collator = new Intl.Collator('zh-Hans-CN');
    expect(zhAsc).toEqual([...zhAsc].sort(collator.compare));
    expect(zhAsc[0]).toBe('安次区');
    // Pinyin order (bà before bǎi), not code-point order (柏 U+67CF before 霸 U+9738).
    expect(zhAsc.indexOf('霸州市')).toBeLessThan(zhAsc.indexOf('柏乡县'));
    const zhDesc = sortRows(all, { column: 'name', direction: 'desc' }, 'zh').map((r) => r.nameZh);
    expect(zhDesc).toEqual([...zhAsc].reverse());

    const enAsc = sortRows(all, { column: 'name', direction: 'asc' }, 'en').map((r) => r.nameEn);
    expect(enAsc).toEqual([...enAsc].sort(new Intl.Collator('en').compare));
    expect(enAsc[0]?.startsWith('A')).toBe(true);
  });

  it('sorts a year column A→C (stated before derived), with partly known and unknown last in both directions', () => {
    for (const year of YEARS) {
      for (const direction of ['asc', 'desc'] as const) {
        const sorted = sortRows(rows2019.rows, { column: year, direction }, 'en');
        expect(isNonDecreasing(sorted.map((r) => group(r, year)))).toBe(true);
      }
    }
    const asc = sortRows(all, { column: 2023, direction: 'asc' }, 'en');
    const desc = sortRows(all, { column: 2023, direction: 'desc' }, 'en');
    const tiers = (rows: TableRow[]) =>
      rows.flatMap((r) => {
        const s = cellIn(r, 2023)?.state;
        return s?.kind === 'known' ? [s.tier] : [];
      });
    expect(tiers(asc)[0]).toBe('A');
    expect(tiers(asc).at(-1)).toBe('B');
    expect(tiers(desc)[0]).toBe('B');
    expect(tiers(desc)).toEqual([...tiers(asc)].reverse());
    expect(asc.at(-1)?.cells.at(-1)?.state?.kind).toBe('unknown');
    expect(desc.at(-1)?.cells.at(-1)?.state?.kind).toBe('unknown');
    // Stated A units come before derived A units when ascending.
    const aKeys = asc.flatMap((r) => {
      const s = cellIn(r, 2023)?.state;
      return s?.kind === 'known' && s.tier === 'A' ? [s.fact.basis] : [];
    });
    expect(aKeys.indexOf('derived')).toBeGreaterThan(aKeys.lastIndexOf('stated'));
  });

  it('sorts by change with unknown moves last in both directions', () => {
    const withBase = tableRows(real, index, 2023, 2019).rows;
    const knownChange = (r: TableRow) =>
      ['up2', 'up1', 'same', 'down1', 'down2'].includes(r.change?.change ?? '') ? 0 : 1;
    for (const direction of ['asc', 'desc'] as const) {
      const sorted = sortRows(withBase, { column: 'change', direction }, 'zh');
      expect(isNonDecreasing(sorted.map(knownChange))).toBe(true);
      expect(sorted.filter((r) => knownChange(r) === 0).length).toBeGreaterThan(0);
    }
    const asc = sortRows(withBase, { column: 'change', direction: 'asc' }, 'zh');
    expect(asc[0]?.change?.change).toBe('up2');
  });

  it('sorts by rank with unranked units last, and keeps ties in input order (stable)', () => {
    for (const direction of ['asc', 'desc'] as const) {
      const sorted = sortRows(all, { column: 'rank', direction }, 'en');
      const ranks = sorted.map((r) => r.rank);
      const firstNull = ranks.indexOf(null);
      expect(firstNull).toBeGreaterThan(0);
      expect(ranks.slice(firstNull).every((r) => r === null)).toBe(true);
      // Unranked rows keep the input order.
      expect(sorted.slice(firstNull).map((r) => r.code)).toEqual(all.filter((r) => r.rank === null).map((r) => r.code));
    }
    expect(sortRows(all, { column: 'rank', direction: 'asc' }, 'en')[0]?.rank).toBe(1);
  });

  it('sorts by area and code, and never changes its input', () => {
    const before = all.map((r) => r.code);
    const byArea = sortRows(all, { column: 'area', direction: 'asc' }, 'en');
    expect(byArea[0]?.areaEn).toBe('Baoding');
    // Within an area, ties keep the input (code) order.
    const baoding = byArea.filter((r) => r.areaEn === 'Baoding').map((r) => r.code);
    expect(baoding).toEqual([...baoding].sort());
    const byCodeDesc = sortRows(all, { column: 'code', direction: 'desc' }, 'en').map((r) => r.code);
    expect(byCodeDesc).toEqual([...before].sort().reverse());
    expect(all.map((r) => r.code)).toEqual(before);
  });

  it('sorts the synthetic fixture: unknown and "did not exist" after known, range between', () => {
    const ds = syntheticDataset();
    const idx = indexStates(ds);
    const rows = tableRows(ds, idx, 2019, null).rows;
    const columns: SortColumn[] = [2019, 2021, 2022];
    for (const column of columns) {
      for (const direction of ['asc', 'desc'] as const) {
        const sorted = sortRows(rows, { column, direction }, 'zh');
        expect(isNonDecreasing(sorted.map((r) => group(r, column as Year)))).toBe(true);
      }
    }
    // 2022: 甲区 held A by a range statement (range), 乙县 C→B (range), 丙县 unknown, 戊县 no unit.
    const sorted = sortRows(rows, { column: 2022, direction: 'desc' }, 'zh').map((r) => r.nameZh);
    expect(sorted).toEqual(['乙县', '甲区', '丙县', '丁县', '戊县']);
  });
});

describe('filterRows', () => {
  const all = rows2023.rows;
  const filter = (over: Partial<typeof NO_FILTER>) => filterRows(all, { ...NO_FILTER, ...over }, 2023);

  it('keeps every row without a filter', () => {
    expect(filter({})).toHaveLength(167);
  });

  it('finds by Chinese name, English name, pinyin without tones or spaces, and code', () => {
    expect(filter({ text: '鹿泉' }).map((r) => r.code)).toEqual(['130110']);
    expect(filter({ text: 'Luquan District' }).map((r) => r.code)).toEqual(['130110']);
    expect(filter({ text: 'LÙQUÁN' }).map((r) => r.code)).toEqual(['130110']);
    expect(filter({ text: '130110' }).map((r) => r.code)).toEqual(['130110']);
    expect(filter({ text: '1305' }).every((r) => r.code.includes('1305'))).toBe(true);
    expect(filter({ text: '  ' })).toHaveLength(167);
    expect(filter({ text: 'zzzz' })).toHaveLength(0);
  });

  it('finds a unit by a former name it carries in another year (任县 → 任泽区)', () => {
    expect(filter({ text: '任县' }).map((r) => r.nameZh)).toEqual(['任泽区']);
  });

  it('filters by area and by state in the selected year', () => {
    const hengshui = filter({ area: '131100' });
    expect(hengshui.length).toBe(11);
    expect(hengshui.every((r) => r.areaCode === '131100')).toBe(true);

    const a = filter({ state: 'A' });
    expect(a).toHaveLength(50);
    expect(a.every((r) => cellIn(r, 2023)?.state?.kind === 'known')).toBe(true);
    expect(filter({ state: 'known' })).toHaveLength(66);
    expect(filter({ state: 'unknown' })).toHaveLength(101);
    expect(filter({ state: 'C' })).toHaveLength(0);
    expect(filter({ state: 'derived' })).toHaveLength(11);
    expect(filterRows(rows2021Rows(), { ...NO_FILTER, state: 'range' }, 2021)).toHaveLength(5);
  });

  it('combines filters', () => {
    const rows = filter({ area: '130100', state: 'A', text: 'qu' });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.areaCode === '130100' && r.nameEn.toLowerCase().includes('qu'))).toBe(true);
  });

  it('lists the areas of the rows in code order, with both names', () => {
    const areas = rowAreas(all);
    expect(areas).toHaveLength(13);
    expect(areas[0]).toEqual({ code: '130100', zh: '石家庄市', en: 'Shijiazhuang' });
  });
});

function rows2021Rows(): TableRow[] {
  return tableRows(real, index, 2021, null).rows;
}
