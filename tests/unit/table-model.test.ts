/**
 * The table dialog's state rules (src/features/table/table-model.ts): which way a header click
 * sorts, which area filter applies in a year, and the rows shown.
 */
import { describe, expect, it } from 'vitest';
import { filterRows, rowAreas, sortRows, tableRows } from '../../src/domain/table-rows';
import { indexStates } from '../../src/domain/unit-state';
import { DEFAULT_SORT, nextSort, shownRows, tableArea, tableTally } from '../../src/features/table/table-model';
import { realDataset } from '../fixtures/builders';

const real = realDataset();
const table = tableRows(real, indexStates(real), 2021, null);

describe('sort', () => {
  it('starts by code, ascending', () => {
    expect(DEFAULT_SORT).toEqual({ column: 'code', direction: 'asc' });
  });

  it('flips the direction on the same column and starts ascending on another', () => {
    const byName = nextSort(DEFAULT_SORT, 'name');
    expect(byName).toEqual({ column: 'name', direction: 'asc' });
    expect(nextSort(byName, 'name')).toEqual({ column: 'name', direction: 'desc' });
    expect(nextSort(nextSort(byName, 'name'), 'name')).toEqual({ column: 'name', direction: 'asc' });
    expect(nextSort({ column: 'name', direction: 'desc' }, 2021)).toEqual({ column: 2021, direction: 'asc' });
  });
});

describe('area filter', () => {
  const areas = rowAreas(table.rows);

  it('applies the shared area when some row of the year is in it', () => {
    expect(tableArea('131100', areas)).toBe('131100');
  });

  it('filters nothing out for no area or an area with no unit this year', () => {
    expect(tableArea(null, areas)).toBeNull();
    expect(tableArea('999999', areas)).toBeNull();
  });
});

describe('rows shown', () => {
  it('filters, then sorts, as domain/table-rows does', () => {
    const filter = { text: '', area: '131100', state: 'all' as const };
    const sort = { column: 'name' as const, direction: 'desc' as const };
    const shown = shownRows(table.rows, filter, 2021, sort, 'zh');
    expect(shown).toEqual(sortRows(filterRows(table.rows, filter, 2021), sort, 'zh'));
    expect(shown).toHaveLength(11);
    expect(shown.every((r) => r.areaZh === shown[0]?.areaZh)).toBe(true);
  });
});

describe('tally: what the counts are out of', () => {
  const rows2023 = tableRows(real, indexStates(real), 2023, null).rows;

  it('counts the province in 2023 against the official 66 / 73 / 28, and every unit once', () => {
    const tally = tableTally(rows2023, 2023, null, real.totals);
    expect(tally.units).toBe(167);
    expect(tally.known.A + tally.known.B + tally.known.C + tally.range + tally.unknown).toBe(167);
    // Stated or derived A units of 2023 in the data, each one a row of the table.
    const knownA = rows2023.filter((r) => {
      const s = r.cells.find((c) => c.year === 2023)?.state;
      return s?.kind === 'known' && s.tier === 'A';
    }).length;
    expect(tally.known.A).toBe(knownA);
    expect(tally.known.A).toBeLessThanOrEqual(66);
    expect(tally.official?.tiers).toEqual({
      A: { kind: 'exact', n: 66 },
      B: { kind: 'exact', n: 73 },
      C: { kind: 'exact', n: 28 },
    });
  });

  it('gives a minimum where only a bound is official (2022: at least 24 A) and no count where none is', () => {
    const rows2022 = tableRows(real, indexStates(real), 2022, null).rows;
    const tally = tableTally(rows2022, 2022, null, real.totals);
    expect(tally.official?.tiers.A).toEqual({ kind: 'min', n: 24 });
    expect(tally.official?.tiers.B).toBeNull();
  });

  it('narrows to an area, with that area’s official counts or none', () => {
    const all = tableTally(rows2023, 2023, null, real.totals);
    const area = tableTally(rows2023, 2023, '131100', real.totals);
    expect(area.units).toBe(rows2023.filter((r) => r.areaCode === '131100').length);
    expect(area.units).toBeLessThan(all.units);
    const areaTotal = real.totals.find((t) => t.year === 2023 && t.scope === '131100') ?? null;
    expect(area.official === null).toBe(areaTotal === null);
    expect(tableTally(rows2023, 2023, '999999', real.totals)).toMatchObject({ units: 0, official: null });
  });
});
