/** Pure, memoised selectors over the store state. */
import { countStates, statesForYear, type StateCounts, type UnitState } from '../domain/unit-state';
import { FIRST_YEAR, type Total, type UnitCode } from '../domain/types';
import { yearChange, type YearChange } from '../domain/year-change';
import type { AppState } from './store';

const statesCache = new WeakMap<object, Map<number, Map<UnitCode, UnitState>>>();

/** Every valid unit's state in a year; the same Map for the same data and year. */
export function selectStatesIn(state: AppState, year: number): Map<UnitCode, UnitState> | null {
  if (state.data.status !== 'ready') return null;
  const { index, dataset } = state.data;
  let byYear = statesCache.get(index);
  if (!byYear) statesCache.set(index, (byYear = new Map()));
  let states = byYear.get(year);
  if (!states) byYear.set(year, (states = statesForYear(index, dataset.units, year)));
  return states;
}

/** Every valid unit's state in the selected year. */
export function selectYearStates(state: AppState): Map<UnitCode, UnitState> | null {
  return selectStatesIn(state, state.year);
}

const changeCache = new WeakMap<Map<UnitCode, UnitState>, YearChange | null>();

/** Moves from the previous year to the selected one among units known in both (null for 2019). */
export function selectYearChange(state: AppState): YearChange | null {
  const to = selectYearStates(state);
  if (!to || state.data.status !== 'ready' || state.year === FIRST_YEAR) return null;
  if (!changeCache.has(to)) {
    const from = selectStatesIn(state, state.year - 1);
    const units = state.data.dataset.units;
    changeCache.set(
      to,
      from ? yearChange(units, { year: state.year - 1, states: from }, { year: state.year, states: to }) : null,
    );
  }
  return changeCache.get(to) ?? null;
}

const countsCache = new WeakMap<Map<UnitCode, UnitState>, StateCounts>();

export function selectYearCounts(state: AppState): StateCounts | null {
  const states = selectYearStates(state);
  if (!states) return null;
  let counts = countsCache.get(states);
  if (!counts) countsCache.set(states, (counts = countStates(states)));
  return counts;
}

/** The official province totals for the selected year, if any source gives them. */
export function selectProvinceTotal(state: AppState): Total | null {
  if (state.data.status !== 'ready') return null;
  return state.data.dataset.totals.find((t) => t.year === state.year && t.scope === 'province') ?? null;
}
