/**
 * Pure selectors over the store state. Those that build something from the data (the states,
 * the default base, the year's change and counts, the draw states, the transitions) keep it in
 * WeakMaps keyed by the data it is built from, so the same data gives the same object (an
 * Object.is subscriber sees no change). baseYearOf, selectBaseIsDefault, selectProvinceTotal,
 * selectFlowCodes, selectEmphasis and lit compute on each call, from those.
 */
import { countStates, inLegendEntry, statesForYear, type StateCounts, type UnitState } from '../domain/unit-state';
import { unitIn } from '../domain/lineage';
import { changeDrawStates, tierDrawStates, trajectoryDrawStates, type DrawState } from '../domain/map-keys';
import { transitions, type UnitTransition } from '../domain/transitions';
import { FIRST_YEAR, YEARS, officialTotal, type Total, type UnitCode, type Year } from '../domain/types';
import { defaultBaseYear } from '../domain/base-year';
import type { Emphasis } from '../domain/figure/map-svg';
import { baseYearOf as baseYearWith } from '../domain/timeline';
import { yearChange, type YearChange } from '../domain/year-change';
import type { AppState } from './store';

const statesCache = new WeakMap<object, Map<number, Map<UnitCode, UnitState>>>();

/** Every valid unit's state in a year; the same Map for the same data and year. */
export function selectStatesIn(state: Pick<AppState, 'data'>, year: number): Map<UnitCode, UnitState> | null {
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

const defaultBaseCache = new WeakMap<object, Map<number, Year | null>>();

/**
 * The default base year of `year` (domain/base-year.ts): the earlier year that makes the most
 * units comparable with it; null for 2019 or before the data is ready. Memoised per data.
 */
export function selectDefaultBase(state: Pick<AppState, 'data'>, year: number): Year | null {
  if (state.data.status !== 'ready') return null;
  const { index, dataset } = state.data;
  let byYear = defaultBaseCache.get(index);
  if (!byYear) defaultBaseCache.set(index, (byYear = new Map()));
  if (!byYear.has(year))
    byYear.set(
      year,
      defaultBaseYear(dataset.units, year, (y) => selectStatesIn(state, y)),
    );
  return byYear.get(year) ?? null;
}

/** The view a base year is worked out for: the data, the chosen base and the year. */
export type BaseView = Pick<AppState, 'data' | 'base'> & { year: number };

/**
 * The base year every change figure of the view uses (change legend and map, timeline line,
 * Sankey and matrix, table, export): the chosen one if earlier than the year, else the default.
 */
export function baseYearOf(state: BaseView): number {
  return baseYearWith(state, selectDefaultBase(state, state.year));
}

/** Whether the view's base year is the default one (the UI says "most units comparable"). */
export function selectBaseIsDefault(state: BaseView): boolean {
  return baseYearOf(state) === selectDefaultBase(state, state.year);
}

const changeCache = new WeakMap<Map<UnitCode, UnitTransition>, YearChange>();

/** Moves from the base year (baseYearOf) to the selected one, as the Sankey counts them (null for 2019). */
export function selectYearChange(state: AppState): YearChange | null {
  if (state.year === FIRST_YEAR) return null;
  const moves = selectTransitions(state);
  if (!moves) return null;
  let change = changeCache.get(moves);
  if (!change) changeCache.set(moves, (change = yearChange(moves)));
  return change;
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
  return officialTotal(state.data.dataset.totals, state.year);
}

const drawCache = new WeakMap<Map<UnitCode, UnitState>, Map<string, Map<UnitCode, DrawState>>>();

/** What the map draws for each unit in `year` in the current mode (domain/map-keys.ts), memoised. */
function drawStatesIn(state: AppState, year: Year): Map<UnitCode, DrawState> | null {
  const current = selectStatesIn(state, year);
  if (!current || state.data.status !== 'ready') return null;
  const base = baseYearOf({ data: state.data, base: state.base, year });
  const cacheKey = state.mode === 'change' ? `change:${base}` : state.mode;
  let byKey = drawCache.get(current);
  if (!byKey) drawCache.set(current, (byKey = new Map()));
  const cached = byKey.get(cacheKey);
  if (cached) return cached;
  const units = state.data.dataset.units;
  let drawStates: Map<UnitCode, DrawState>;
  if (state.mode === 'change') {
    // Before 2019 there is no evaluation: every unit's base end is unknown, and says so.
    const baseStates = selectStatesIn(state, base) ?? new Map<UnitCode, UnitState>();
    drawStates = changeDrawStates(units, { year: base, states: baseStates }, { year, states: current });
  } else if (state.mode === 'trajectory') {
    drawStates = trajectoryDrawStates(units, year, current.keys(), (y) => selectStatesIn(state, y));
  } else {
    drawStates = tierDrawStates(current);
  }
  byKey.set(cacheKey, drawStates);
  return drawStates;
}

/** What the map draws for each unit in the selected year and the current mode, memoised. */
export function selectDrawStates(state: AppState): Map<UnitCode, DrawState> | null {
  return drawStatesIn(state, state.year);
}

export type DrawStatesByYear = ReadonlyMap<Year, Map<UnitCode, DrawState>>;
const byYearCache = new WeakMap<object, Map<string, DrawStatesByYear>>();

/**
 * What the map draws in every year in the current mode (and base): the map holds all years at
 * once, so that a year step only switches which year is drawn. The same Map for the same data,
 * mode and chosen base, whatever the selected year.
 */
export function selectDrawStatesByYear(state: AppState): DrawStatesByYear | null {
  if (state.data.status !== 'ready') return null;
  // Each year's default base is a function of the data, which the cache is keyed by.
  const cacheKey = state.mode === 'change' ? `change:${state.base ?? 'default'}` : state.mode;
  let byKey = byYearCache.get(state.data.index);
  if (!byKey) byYearCache.set(state.data.index, (byKey = new Map()));
  const cached = byKey.get(cacheKey);
  if (cached) return cached;
  const byYear = new Map<Year, Map<UnitCode, DrawState>>();
  for (const year of YEARS) {
    const states = drawStatesIn(state, year);
    if (states) byYear.set(year, states);
  }
  byKey.set(cacheKey, byYear);
  return byYear;
}

const transitionsCache = new WeakMap<Map<UnitCode, UnitState>, Map<number, Map<UnitCode, UnitTransition>>>();

/** Every unit's move from the base year to the selected year, memoised. */
export function selectTransitions(state: BaseView): Map<UnitCode, UnitTransition> | null {
  const current = selectStatesIn(state, state.year);
  if (!current || state.data.status !== 'ready') return null;
  const base = baseYearOf(state);
  let byBase = transitionsCache.get(current);
  if (!byBase) transitionsCache.set(current, (byBase = new Map()));
  let result = byBase.get(base);
  if (!result) {
    const baseStates = selectStatesIn(state, base) ?? new Map<UnitCode, UnitState>();
    result = transitions(
      state.data.dataset.units,
      { year: base, states: baseStates },
      { year: state.year, states: current },
    );
    byBase.set(base, result);
  }
  return result;
}

/** Units of the selected flow (base → year), or null when no flow is selected. */
export function selectFlowCodes(state: AppState): Set<UnitCode> | null {
  if (!state.flow) return null;
  const all = selectTransitions(state);
  if (!all) return null;
  const { from, to } = state.flow;
  return new Set([...all.values()].filter((t) => t.from === from && t.to === to).map((t) => t.code));
}

/** How a drawn unit stands out or is washed out: the domain's type, here for the map's renderers. */
export type { Emphasis };

/** Whether a unit drawn with `key` stays lit while the legend entry `highlight` is pointed at. */
export function lit(highlight: AppState['highlight'], key: string, imported: boolean): boolean {
  if (highlight === null) return true;
  return highlight === 'imported' ? imported : inLegendEntry(key, highlight);
}

/**
 * The emphasis of every unit drawn in the year (`drawn`: its draw states): the chosen flow's
 * units are outlined; units outside it, or outside the chosen area, are muted; units outside the
 * legend entry under the pointer are unlit; units whose fact of the year is imported are marked.
 */
export function selectEmphasis(state: AppState, drawn: ReadonlyMap<UnitCode, DrawState>): Map<UnitCode, Emphasis> {
  const out = new Map<UnitCode, Emphasis>();
  if (state.data.status !== 'ready') return out;
  const flow = selectFlowCodes(state);
  const units = state.data.dataset.units;
  const facts = state.data.index.factsByYear.get(state.year);
  for (const [code, draw] of drawn) {
    const inFlow = flow?.has(code) ?? false;
    const outsideArea = state.pref !== null && unitIn(units, code, state.year)?.prefectureCode !== state.pref;
    const imported = facts?.get(code)?.imported === true;
    out.set(code, {
      flow: inFlow,
      muted: (flow !== null && !inFlow) || outsideArea,
      unlit: !lit(state.highlight, draw.key, imported),
      imported,
    });
  }
  return out;
}
