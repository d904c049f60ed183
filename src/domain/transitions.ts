/**
 * Who moved, and where: each unit's move between two evaluation years, the matrix and flows of
 * moves, and each unit's trajectory. Pure functions over unit states (domain/unit-state.ts).
 *
 * Units are matched across the June 2020 reorganisation through lineage: a unit of the later
 * year is compared with its one counterpart in the earlier year (任泽区 with 任县; 襄都区, which
 * kept 桥东区's code, with 桥东区). A unit with no single counterpart has an unknown earlier end.
 * A tier that is only bounded by a range ("B or C") is not a known tier: it counts as unknown
 * here, and the state says "partly known". Unknown years are never filled in.
 */
import { counterparts } from './lineage';
import { TIERS, YEARS, type Tier, type Unit, type UnitCode, type Year } from './types';
import type { UnitState } from './unit-state';

export type TransitionCategory = Tier | 'unknown';
export const TRANSITION_CATEGORIES: readonly TransitionCategory[] = [...TIERS, 'unknown'];

const RANK: Record<Tier, number> = { A: 3, B: 2, C: 1 };

/** A unit's move from the base year to the selected year. */
export type ChangeClass =
  | 'up2'
  | 'up1'
  | 'same'
  | 'down1'
  | 'down2'
  /** Known now, not in the base year. */
  | 'unknown-base'
  /** Known in the base year, not now. */
  | 'unknown-current'
  | 'unknown-both';

export const CHANGE_CLASSES: readonly ChangeClass[] = [
  'up2',
  'up1',
  'same',
  'down1',
  'down2',
  'unknown-base',
  'unknown-current',
  'unknown-both',
];

export type StatesByYear = (year: number) => ReadonlyMap<UnitCode, UnitState> | null;

export const categoryOf = (state: UnitState | undefined): TransitionCategory =>
  state?.kind === 'known' ? state.tier : 'unknown';

/** The state, in `baseYear`, of the unit that `code` continues (unknown without one counterpart). */
export function baseStateOf(
  units: readonly Unit[],
  code: UnitCode,
  year: number,
  baseYear: number,
  baseStates: ReadonlyMap<UnitCode, UnitState>,
): { code: UnitCode | null; state: UnitState | undefined } {
  const found = counterparts(units, code, year, baseYear);
  const only = found.length === 1 ? found[0] : undefined;
  return only ? { code: only.code, state: baseStates.get(only.code) } : { code: null, state: undefined };
}

export function changeClass(from: TransitionCategory, to: TransitionCategory): ChangeClass {
  if (from === 'unknown' && to === 'unknown') return 'unknown-both';
  if (from === 'unknown') return 'unknown-base';
  if (to === 'unknown') return 'unknown-current';
  const delta = RANK[to] - RANK[from];
  if (delta >= 2) return 'up2';
  if (delta === 1) return 'up1';
  if (delta === 0) return 'same';
  return delta === -1 ? 'down1' : 'down2';
}

export interface UnitTransition {
  code: UnitCode;
  /** The unit it is compared with in the base year, or null (no single counterpart). */
  baseCode: UnitCode | null;
  from: TransitionCategory;
  to: TransitionCategory;
  change: ChangeClass;
}

/** Every unit of `year` with its move from `baseYear`. */
export function transitions(
  units: readonly Unit[],
  base: { year: number; states: ReadonlyMap<UnitCode, UnitState> },
  current: { year: number; states: ReadonlyMap<UnitCode, UnitState> },
): Map<UnitCode, UnitTransition> {
  const result = new Map<UnitCode, UnitTransition>();
  for (const [code, state] of current.states) {
    const before = baseStateOf(units, code, current.year, base.year, base.states);
    const from = categoryOf(before.state);
    const to = categoryOf(state);
    result.set(code, { code, baseCode: before.code, from, to, change: changeClass(from, to) });
  }
  return result;
}

export const flowKey = (from: TransitionCategory, to: TransitionCategory) => `${from}>${to}`;

/** The units in each (from, to) cell; every unit of the later year is in exactly one cell. */
export function transitionMatrix(all: ReadonlyMap<UnitCode, UnitTransition>): Map<string, UnitCode[]> {
  const cells = new Map<string, UnitCode[]>();
  for (const from of TRANSITION_CATEGORIES) for (const to of TRANSITION_CATEGORIES) cells.set(flowKey(from, to), []);
  for (const t of all.values()) cells.get(flowKey(t.from, t.to))?.push(t.code);
  return cells;
}

export function countChanges(all: ReadonlyMap<UnitCode, UnitTransition>): Record<ChangeClass, number> {
  const counts = Object.fromEntries(CHANGE_CLASSES.map((c) => [c, 0])) as Record<ChangeClass, number>;
  for (const t of all.values()) counts[t.change] += 1;
  return counts;
}

/** What is known of a unit's path through the years up to the selected one. */
export interface Trajectory {
  /** Category per year 2019..year, following the unit back through lineage. */
  path: { year: Year; code: UnitCode | null; category: TransitionCategory }[];
  /** Earliest year with a known A, or null if no year up to now is known A. */
  firstYearA: Year | null;
  /**
   * True when a year before firstYearA (or, without one, any year) is unknown and could have been
   * A: A may have come earlier. A range that rules A out ("B or C") does not open it.
   */
  firstYearAOpen: boolean;
  /** Consecutive years up to now in the current known tier (0 when the current tier is unknown). */
  yearsInCurrentTier: number;
  /** True when that run is stopped by an unknown year: the true run may be longer. */
  yearsInCurrentTierOpen: boolean;
  /** Tier changes between consecutive years that are both known. */
  tierChanges: number;
  /** Pairs of consecutive years not both known: changes there are not counted. */
  gaps: number;
}

export function trajectory(units: readonly Unit[], code: UnitCode, year: Year, statesIn: StatesByYear): Trajectory {
  const years = YEARS.filter((y) => y <= year);
  const path: Trajectory['path'] = [];
  /** Per year: whether A is still possible there without being known (a "B or C" range rules it out). */
  const maybeA: boolean[] = [];
  for (const y of years) {
    const states = statesIn(y);
    const found = y === year ? [{ code }] : counterparts(units, code, year, y);
    const only = found.length === 1 ? found[0] : undefined;
    const state = only ? states?.get(only.code) : undefined;
    const category = categoryOf(state);
    path.push({ year: y, code: only?.code ?? null, category });
    maybeA.push(category === 'unknown' && !(state?.kind === 'range' && !state.tiers.includes('A')));
  }
  const firstA = path.find((p) => p.category === 'A');
  const firstIndex = firstA ? path.indexOf(firstA) : path.length;
  const firstYearAOpen = maybeA.slice(0, firstIndex).some(Boolean);

  const current = path.at(-1)?.category ?? 'unknown';
  let run = 0;
  let runOpen = false;
  if (current !== 'unknown') {
    for (let i = path.length - 1; i >= 0; i -= 1) {
      const category = path[i]?.category;
      if (category === current) run += 1;
      else {
        runOpen = category === 'unknown';
        break;
      }
    }
  }
  let tierChanges = 0;
  let gaps = 0;
  for (let i = 1; i < path.length; i += 1) {
    const a = path[i - 1]?.category;
    const b = path[i]?.category;
    if (a === 'unknown' || b === 'unknown') gaps += 1;
    else if (a !== b) tierChanges += 1;
  }
  return {
    path,
    firstYearA: firstA?.year ?? null,
    firstYearAOpen,
    yearsInCurrentTier: run,
    yearsInCurrentTierOpen: runOpen,
    tierChanges,
    gaps,
  };
}
