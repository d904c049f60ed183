/**
 * The default base year of a change: the earlier evaluation year that makes the most units
 * comparable with the selected year (their tier known in both years, matched through lineage as
 * everywhere else). Computed from the states, so an import that adds facts can move it. Pure.
 *
 * Why not "the year before": 2022 has no notice and only a handful of known units, so comparing
 * 2023 with 2022 leaves almost every unit "not comparable" when another year leaves fewer.
 */
import { baseYearOptions } from './timeline';
import { baseStateOf, type StatesByYear } from './transitions';
import type { Unit, UnitCode, Year } from './types';
import type { UnitState } from './unit-state';

/** Units of `current` whose tier is known both then and in `base` (a unit with no single counterpart is not). */
export function comparableCount(
  units: readonly Unit[],
  base: { year: number; states: ReadonlyMap<UnitCode, UnitState> },
  current: { year: number; states: ReadonlyMap<UnitCode, UnitState> },
): number {
  let n = 0;
  for (const [code, state] of current.states) {
    if (state.kind !== 'known') continue;
    if (baseStateOf(units, code, current.year, base.year, base.states).state?.kind === 'known') n += 1;
  }
  return n;
}

/** How many units each earlier year makes comparable with `year`, earliest first. */
export function comparableByBase(
  units: readonly Unit[],
  year: number,
  statesIn: StatesByYear,
): { base: Year; comparable: number }[] {
  const current = statesIn(year);
  if (!current) return [];
  return baseYearOptions(year).map((base) => ({
    base,
    comparable: comparableCount(units, { year: base, states: statesIn(base) ?? new Map() }, { year, states: current }),
  }));
}

/**
 * The earlier year with the most units comparable with `year`; on a tie the latest of them (the
 * shorter span); null when `year` has no earlier evaluation. A year with no comparable unit at
 * all still wins a tie of zeros, so the default is always an evaluation year before `year`.
 */
export function defaultBaseYear(units: readonly Unit[], year: number, statesIn: StatesByYear): Year | null {
  let best: { base: Year; comparable: number } | null = null;
  for (const option of comparableByBase(units, year, statesIn)) {
    if (best === null || option.comparable >= best.comparable) best = option;
  }
  return best?.base ?? null;
}
