/**
 * The table dialog's state rules (src/features/table/table-model.ts): which way a header click
 * sorts, which area filter applies in a year, and the rows shown.
 */
import { describe, expect, it } from 'vitest';
import { filterRows, rowAreas, sortRows, tableRows } from '../../src/domain/table-rows';
import { indexStates } from '../../src/domain/unit-state';
import { DEFAULT_SORT, nextSort, shownRows, tableArea } from '../../src/features/table/table-model';
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
