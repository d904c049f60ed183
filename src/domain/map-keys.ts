/**
 * What the map draws for each unit in each mode, as a "draw key" the style turns into a colour
 * or a hatch, plus whether the unit gets the dotted outline. Pure; the map holds these for every
 * year of the current mode as feature properties (src/map/unit-features.ts).
 *
 * - tier: the state key of domain/unit-state.ts (A, A-derived, range:BC, unknown); the dotted
 *   outline marks derived tiers.
 * - change: change:<class> from domain/transitions.ts (up2 … down2, unknown-base,
 *   unknown-current, unknown-both).
 * - trajectory: first year in A: traj:2019 … traj:2023 where every earlier year is known and not
 *   A; traj:2020-open … traj:2023-open where the unit is A that year but an earlier year is
 *   unknown (A may have come earlier); traj:never (known in some year up to now, never A), with
 *   the dotted outline when an unknown year could hide an A; traj:unknown (no year known).
 */
import { changeClass, categoryOf, baseStateOf, trajectory, type ChangeClass, type StatesByYear } from './transitions';
import type { Unit, UnitCode, Year } from './types';
import { stateKey, type UnitState } from './unit-state';

export type ChangeKey = `change:${ChangeClass}`;
export type TrajectoryKey = `traj:${Year}` | `traj:${Year}-open` | 'traj:never' | 'traj:unknown';

export interface DrawState {
  key: string;
  outline: boolean;
}

export function tierDrawStates(states: ReadonlyMap<UnitCode, UnitState>): Map<UnitCode, DrawState> {
  const out = new Map<UnitCode, DrawState>();
  for (const [code, state] of states) {
    out.set(code, { key: stateKey(state), outline: state.kind === 'known' && state.fact.basis === 'derived' });
  }
  return out;
}

export function changeDrawStates(
  units: readonly Unit[],
  base: { year: number; states: ReadonlyMap<UnitCode, UnitState> },
  current: { year: number; states: ReadonlyMap<UnitCode, UnitState> },
): Map<UnitCode, DrawState> {
  const out = new Map<UnitCode, DrawState>();
  for (const [code, state] of current.states) {
    const before = baseStateOf(units, code, current.year, base.year, base.states);
    const key: ChangeKey = `change:${changeClass(categoryOf(before.state), categoryOf(state))}`;
    out.set(code, { key, outline: false });
  }
  return out;
}

export function trajectoryDrawStates(
  units: readonly Unit[],
  year: Year,
  codes: Iterable<UnitCode>,
  statesIn: StatesByYear,
): Map<UnitCode, DrawState> {
  const out = new Map<UnitCode, DrawState>();
  for (const code of codes) {
    const t = trajectory(units, code, year, statesIn);
    const anyKnown = t.path.some((p) => p.category !== 'unknown');
    if (t.firstYearA !== null) {
      // Its own look (domain/legend-model.ts) says an earlier year is unknown: no outline needed.
      out.set(code, { key: t.firstYearAOpen ? `traj:${t.firstYearA}-open` : `traj:${t.firstYearA}`, outline: false });
      continue;
    }
    const key: TrajectoryKey = anyKnown ? 'traj:never' : 'traj:unknown';
    // The outline says an unknown year could hide an A.
    out.set(code, { key, outline: anyKnown && t.firstYearAOpen });
  }
  return out;
}
