/**
 * What changed from one evaluation year to the next, among units whose tier is known in both
 * years — the sentence the timeline reads out ("2021: 13 up, 1 down …"). Units are matched
 * across the 2020 reorganisation through lineage (任县 → 任泽区); a unit with no single
 * counterpart (邢台县, split in two) is not comparable. Unknown tiers are never filled in.
 */
import { counterparts } from './lineage';
import type { Tier, Unit, UnitCode } from './types';
import type { UnitState } from './unit-state';

const RANK: Record<Tier, number> = { A: 3, B: 2, C: 1 };

export interface YearChange {
  up: number;
  down: number;
  same: number;
  /** Units of the later year whose tier is not known in both years. */
  notComparable: number;
  total: number;
}

export function yearChange(
  units: readonly Unit[],
  from: { year: number; states: ReadonlyMap<UnitCode, UnitState> },
  to: { year: number; states: ReadonlyMap<UnitCode, UnitState> },
): YearChange {
  const change: YearChange = { up: 0, down: 0, same: 0, notComparable: 0, total: to.states.size };
  for (const [code, state] of to.states) {
    const before = counterparts(units, code, to.year, from.year);
    const earlier = before.length === 1 && before[0] ? from.states.get(before[0].code) : undefined;
    if (state.kind !== 'known' || earlier?.kind !== 'known') {
      change.notComparable += 1;
      continue;
    }
    const delta = RANK[state.tier] - RANK[earlier.tier];
    if (delta > 0) change.up += 1;
    else if (delta < 0) change.down += 1;
    else change.same += 1;
  }
  return change;
}
