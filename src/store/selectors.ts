/** Pure, memoised selectors over the store state. */
import { countStates, statesForYear, type StateCounts, type UnitState } from '../domain/unit-state';
import type { Total, UnitCode } from '../domain/types';
import type { AppState } from './store';

const statesCache = new WeakMap<object, Map<number, Map<UnitCode, UnitState>>>();

/** Every valid unit's state in the selected year; the same Map for the same data and year. */
export function selectYearStates(state: AppState): Map<UnitCode, UnitState> | null {
  if (state.data.status !== 'ready') return null;
  const { index, dataset } = state.data;
  let byYear = statesCache.get(index);
  if (!byYear) statesCache.set(index, (byYear = new Map()));
  let states = byYear.get(state.year);
  if (!states) byYear.set(state.year, (states = statesForYear(index, dataset.units, state.year)));
  return states;
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
