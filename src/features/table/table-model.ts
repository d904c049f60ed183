/**
 * The table dialog's state rules: pure functions over the rows of domain/table-rows.ts (which
 * builds, filters and sorts them), no React.
 */
import type { Lang } from '../../domain/lang';
import {
  filterRows,
  sortRows,
  type SortColumn,
  type StateFilter,
  type TableRow,
  type TableSort,
} from '../../domain/table-rows';
import type { Year } from '../../domain/types';

export const DEFAULT_SORT: TableSort = { column: 'code', direction: 'asc' };

/** The sort after choosing a column's header: the same column flips direction, another starts ascending. */
export function nextSort(sort: TableSort, column: SortColumn): TableSort {
  return sort.column === column
    ? { column, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
    : { column, direction: 'asc' };
}

/**
 * The area the table filters to: the shared area filter (store.pref) when some row of this year
 * is in it, else none, so an area with no unit this year filters nothing out.
 */
export function tableArea(pref: string | null, areas: readonly { code: string }[]): string | null {
  return pref !== null && areas.some((a) => a.code === pref) ? pref : null;
}

/** The rows on screen: filtered by text, area and state in `year`, then sorted. */
export function shownRows(
  rows: readonly TableRow[],
  filter: { text: string; area: string | null; state: StateFilter },
  year: Year,
  sort: TableSort,
  lang: Lang,
): TableRow[] {
  return sortRows(filterRows(rows, filter, year), sort, lang);
}
