/**
 * The table view's rows: one per unit of the selected evaluation year, with its state in every
 * year 2019–2023, its rank where a tier row states one, and its move from the base year. Pure
 * functions (rows, sorting, filtering) so the table, its CSV export and the tests agree.
 *
 * Earlier and later years follow the unit through lineage exactly as the details panel's strip
 * does (unitHistory): 任泽区's 2019 cell is 任县's state; a unit split between several successors
 * (邢台县) is never shown as either of them. Nothing here fills in a tier: a year no fact covers
 * stays unknown, and unknown (and partly known) states sort after known ones in both directions.
 */
import { areaNameEn } from './areas';
import { normalizePinyin } from './pinyin';
import { defaultBaseYear } from './base-year';
import { baseYearOf, isYear } from './timeline';
import { transitions, type ChangeClass, type TransitionCategory } from './transitions';
import { compareCodes, type Dataset, type Tier, type Unit, type UnitCode, type Year } from './types';
import { unitHistory, type StripCell } from './unit-details';
import { statesForYear, unitsIn, type StateIndex, type UnitState } from './unit-state';
import type { Lang } from './lang';

/** One year of a row. */
export interface TableCell {
  year: Year;
  /** How the unit relates to the unit(s) whose facts the cell shows (see StripCell). */
  relation: StripCell['relation'];
  /**
   * The state, or null when no unit carries this one that year (it did not exist yet, or it
   * had been split), which is neither a tier nor "unknown".
   */
  state: UnitState | null;
  /** The units whose state this is when they are not the row's unit (任县 for 任泽区 in 2019). */
  via: Unit[];
}

export interface TableRow {
  unit: Unit;
  code: UnitCode;
  nameZh: string;
  nameEn: string;
  areaCode: string;
  areaZh: string;
  /** Empty when areas.ts does not know the area (a data error the tests catch). */
  areaEn: string;
  /** One cell per year of YEARS, in order. */
  cells: TableCell[];
  /** Rank in the selected year, only where that year's tier row states one. */
  rank: number | null;
  rankOf: number | null;
  /** Move from the base year to the selected year; null when there is no base year (2019). */
  change: { from: TransitionCategory; to: TransitionCategory; change: ChangeClass } | null;
}

export interface TableData {
  year: Year;
  /** The year changes are measured from: the store's base, or the default base; null for 2019. */
  baseYear: Year | null;
  rows: TableRow[];
}

/**
 * The base year of the change column: the chosen one if earlier than `year`, else the default
 * (the year with the most units comparable, domain/base-year.ts).
 */
export function changeBaseYear(year: Year, base: Year | null, defaultBase: Year | null): Year | null {
  // The one base-year rule (timeline.ts), and no base before the first evaluation year.
  const baseYear = baseYearOf({ base, year }, defaultBase);
  return isYear(baseYear) ? baseYear : null;
}

/**
 * The cell's one state. Several whole predecessors of one unit (not in the Hebei data, but
 * possible in an imported file) each have their own tier, and one cell cannot state a single
 * tier for them, so such a cell is unknown and `via` names the units.
 */
function cellState(cell: StripCell): UnitState | null {
  if (cell.members.length === 0) return null;
  const only = cell.members.length === 1 ? cell.members[0] : undefined;
  return only ? only.state : { kind: 'unknown' };
}

/** One row per unit valid in `year`, in the units table's order. */
export function tableRows(
  dataset: Pick<Dataset, 'units'>,
  index: StateIndex,
  year: Year,
  base: Year | null,
): TableData {
  const statesIn = (y: number) => statesForYear(index, dataset.units, y);
  const baseYear = changeBaseYear(year, base, defaultBaseYear(dataset.units, year, statesIn));
  const current = statesIn(year);
  const moves =
    baseYear === null
      ? null
      : transitions(
          dataset.units,
          { year: baseYear, states: statesForYear(index, dataset.units, baseYear) },
          { year, states: current },
        );
  const rows: TableRow[] = [];
  for (const unit of unitsIn(dataset.units, year)) {
    const history = unitHistory(dataset, index, unit.code, year);
    if (!history) continue;
    const cells = history.cells.map((cell): TableCell => ({
      year: cell.year,
      relation: cell.relation,
      state: cellState(cell),
      via: cell.members.map((m) => m.unit).filter((u) => u !== unit),
    }));
    const state = current.get(unit.code);
    const fact = state?.kind === 'known' ? state.fact : null;
    const move = moves?.get(unit.code);
    rows.push({
      unit,
      code: unit.code,
      nameZh: unit.nameZh,
      nameEn: unit.nameEn,
      areaCode: unit.prefectureCode,
      areaZh: unit.prefectureZh,
      areaEn: areaNameEn(unit.prefectureCode) ?? '',
      cells,
      rank: fact?.rank ?? null,
      rankOf: fact?.rankOf ?? null,
      change: move ? { from: move.from, to: move.to, change: move.change } : null,
    });
  }
  return { year, baseYear, rows };
}

/** The row's cell for a year (every row has one per year of YEARS). */
export function cellIn(row: TableRow, year: Year): TableCell | undefined {
  return row.cells.find((c) => c.year === year);
}

// ---------------------------------------------------------------------------------------------
// Sorting

export type SortColumn = 'name' | 'area' | 'code' | 'rank' | 'change' | Year;
export type SortDirection = 'asc' | 'desc';
export interface TableSort {
  column: SortColumn;
  direction: SortDirection;
}

/**
 * A row's sort key: `group` orders what is known before what is not, whatever the direction
 * (0 known, 1 partly known, 2 unknown, 3 no unit that year or no base year); `value` orders
 * rows inside groups 0 and 1 and follows the direction.
 */
interface SortKey {
  group: 0 | 1 | 2 | 3;
  value: string | number;
}

const TIER_INDEX: Record<Tier, number> = { A: 0, B: 1, C: 2 };

/** Up by two tiers first, down by two last (ascending = best move first). */
const CHANGE_ORDER: Partial<Record<ChangeClass, number>> = { up2: 0, up1: 1, same: 2, down1: 3, down2: 4 };

function stateKey(state: UnitState | null): SortKey {
  if (state === null) return { group: 3, value: 0 };
  switch (state.kind) {
    case 'known':
      // A stated, A derived, B stated, …: the tier first, then stated before derived.
      return { group: 0, value: TIER_INDEX[state.tier] * 2 + (state.fact.basis === 'derived' ? 1 : 0) };
    case 'range':
      // "A or B" before "B or C": the best possible tier first, then the worst.
      return { group: 1, value: state.tiers.map((t) => TIER_INDEX[t]).join('') };
    case 'unknown':
      return { group: 2, value: 0 };
  }
}

function sortKey(row: TableRow, column: SortColumn, lang: Lang): SortKey {
  switch (column) {
    case 'name':
      return { group: 0, value: lang === 'zh' ? row.nameZh : row.nameEn };
    case 'area':
      return { group: 0, value: lang === 'zh' ? row.areaZh : row.areaEn || row.areaZh };
    case 'code':
      return { group: 0, value: row.code };
    case 'rank':
      return row.rank === null ? { group: 2, value: 0 } : { group: 0, value: row.rank };
    case 'change': {
      if (row.change === null) return { group: 3, value: 0 };
      const order = CHANGE_ORDER[row.change.change];
      return order === undefined ? { group: 2, value: 0 } : { group: 0, value: order };
    }
    default: {
      const cell = cellIn(row, column);
      return stateKey(cell ? cell.state : null);
    }
  }
}

const collators: Record<Lang, Intl.Collator> = {
  zh: new Intl.Collator('zh-Hans-CN'),
  en: new Intl.Collator('en'),
};

/**
 * The rows sorted by one column (a new array; the input is not changed). Stable: rows with
 * equal keys keep their input order. Chinese names sort by the zh-Hans-CN collation (pinyin
 * order) in Chinese, English names by English collation otherwise.
 */
export function sortRows(rows: readonly TableRow[], sort: TableSort, lang: Lang): TableRow[] {
  const collator = collators[lang];
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, key: sortKey(row, sort.column, lang) }));
  // Array.prototype.sort is stable (ES2019), so ties keep the input order.
  keyed.sort((a, b) => {
    if (a.key.group !== b.key.group) return a.key.group - b.key.group;
    if (a.key.group >= 2) return 0;
    const x = a.key.value;
    const y = b.key.value;
    const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return sign * cmp;
  });
  return keyed.map((k) => k.row);
}

// ---------------------------------------------------------------------------------------------
// Filtering

/** States a row can be filtered by, in the selected year. */
export const STATE_FILTERS = ['all', 'known', 'A', 'B', 'C', 'derived', 'imported', 'range', 'unknown'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

export interface TableFilter {
  /** Chinese name, English name or pinyin (any case, spaces and tone marks ignored), or code. */
  text: string;
  /** An area (prefecture) code, or null for all. */
  area: string | null;
  state: StateFilter;
}

export const NO_FILTER: TableFilter = { text: '', area: null, state: 'all' };

function matchesState(state: UnitState | null, filter: StateFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'known':
      return state?.kind === 'known';
    case 'derived':
      return state?.kind === 'known' && state.fact.basis === 'derived';
    case 'imported':
      // Facts the user imported (in this browser or from a link), never data/ rows.
      return state?.kind === 'known' && state.fact.imported === true;
    case 'range':
      return state?.kind === 'range';
    case 'unknown':
      return state === null || state.kind === 'unknown';
    default:
      return state?.kind === 'known' && state.tier === filter;
  }
}

/**
 * Whether the text matches a unit: a Chinese name containing it (spaces ignored), a code
 * containing it, or an English name whose letters contain the query's letters ("luquan",
 * "Lùquán", "LUQUAN district"). The names of the units a row shows in other years count too,
 * so 任县 finds 任泽区.
 */
function matchesText(row: TableRow, text: string): boolean {
  const query = text.trim();
  if (query === '') return true;
  const zh = query.replace(/\s+/g, '');
  const digits = /^\d+$/.test(zh);
  const latin = normalizePinyin(query);
  const names = [row.unit, ...row.cells.flatMap((c) => c.via)];
  return names.some(
    (u) =>
      u.nameZh.includes(zh) ||
      (digits && u.code.includes(zh)) ||
      (latin !== '' && !digits && normalizePinyin(u.nameEn).includes(latin)),
  );
}

/** The rows that pass every part of the filter, in their order. */
export function filterRows(rows: readonly TableRow[], filter: TableFilter, year: Year): TableRow[] {
  return rows.filter(
    (row) =>
      (filter.area === null || row.areaCode === filter.area) &&
      matchesState(cellIn(row, year)?.state ?? null, filter.state) &&
      matchesText(row, filter.text),
  );
}

/** The areas of the rows (code, Chinese and English name), in code order, for the area filter. */
export function rowAreas(rows: readonly TableRow[]): { code: string; zh: string; en: string }[] {
  const areas = new Map<string, { code: string; zh: string; en: string }>();
  for (const row of rows) {
    if (!areas.has(row.areaCode)) areas.set(row.areaCode, { code: row.areaCode, zh: row.areaZh, en: row.areaEn });
  }
  return [...areas.values()].sort((a, b) => compareCodes(a.code, b.code));
}
