/**
 * What changed from the base year to the selected year, among units whose tier is known in both
 * years — the sentence the timeline reads out ("2023: 9 up, 0 down …"). It counts the same moves
 * the change legend, the Sankey and the matrix count (domain/transitions.ts), so every change
 * figure on the screen has one base and one answer. Unknown tiers are never filled in.
 */
import { countChanges, type UnitTransition } from './transitions';
import type { UnitCode } from './types';

export interface YearChange {
  up: number;
  down: number;
  same: number;
  /** Units of the later year whose tier is not known in both years. */
  notComparable: number;
  total: number;
}

/** The counts of `moves`, every unit's move from the base year (transitions()). */
export function yearChange(moves: ReadonlyMap<UnitCode, UnitTransition>): YearChange {
  const c = countChanges(moves);
  return {
    up: c.up1 + c.up2,
    down: c.down1 + c.down2,
    same: c.same,
    notComparable: c['unknown-base'] + c['unknown-current'] + c['unknown-both'],
    total: moves.size,
  };
}
