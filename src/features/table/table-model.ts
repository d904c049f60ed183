/**
 * The table dialog's state rules: pure functions over the rows of domain/table-rows.ts (which
 * builds, filters and sorts them), no React.
 */
import type { Lang } from '../../domain/lang';
import { officialSummary, type OfficialSummary } from '../../domain/summary-rows';
import {
  cellIn,
  filterRows,
  sortRows,
  type SortColumn,
  type StateFilter,
  type TableRow,
  type TableSort,
} from '../../domain/table-rows';
import { officialTotal, type Tier, type Total, type Year } from '../../domain/types';

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

/**
 * What the table's counts are out of, for the year and the area filter (or the province): the
 * units the table lists, how many of them are known per tier (stated or derived; imported facts
 * included, as the table shows them), partly known (a range) and unknown, next to the official
 * count per tier where totals.csv gives one for that scope and year (exact, or a minimum).
 */
export interface TableTally {
  units: number;
  known: Record<Tier, number>;
  range: number;
  unknown: number;
  /** Null when no totals row covers the scope and year. */
  official: OfficialSummary | null;
}

export function tableTally(
  rows: readonly TableRow[],
  year: Year,
  area: string | null,
  totals: readonly Total[],
): TableTally {
  const known: Record<Tier, number> = { A: 0, B: 0, C: 0 };
  let units = 0;
  let range = 0;
  let unknown = 0;
  for (const row of rows) {
    if (area !== null && row.areaCode !== area) continue;
    const state = cellIn(row, year)?.state ?? null;
    // A unit with no state in the year is not one of the year's units.
    if (state === null) continue;
    units += 1;
    if (state.kind === 'known') known[state.tier] += 1;
    else if (state.kind === 'range') range += 1;
    else unknown += 1;
  }
  const scope = area ?? 'province';
  const official = officialSummary(officialTotal(totals, year, scope));
  return { units, known, range, unknown, official };
}
