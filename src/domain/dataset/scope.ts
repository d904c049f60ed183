/**
 * Tier rows and units of a scope (the province, or an area by its code) in one year. Areas are
 * the units' prefecture codes, so they partition the province.
 */
import { unitCountIn, type TierFact, type UnitCode } from '../types.ts';
import { zeroCounts, type TierCounts } from './bounds.ts';
import { clampYear, type UnitIndex } from './units.ts';

export function knownCounts(tiers: readonly TierFact[]): TierCounts {
  const c = zeroCounts();
  for (const t of tiers) c[t.tier] += 1;
  return c;
}

/** The area (prefecture code) of a unit in a year, or undefined for an unknown code. */
export function areaOf(index: UnitIndex, code: UnitCode, year: number): string | undefined {
  return index.unitIn(code, clampYear(year))?.prefectureCode;
}

/** Tier rows of a year within a scope ('province' or an area code). */
export function tiersInScope(tiers: readonly TierFact[], index: UnitIndex, year: number, scope: string): TierFact[] {
  return tiers.filter((t) => t.year === year && (scope === 'province' || areaOf(index, t.code, year) === scope));
}

/** Units of a scope in a year: the official 168/167 for the province, units.csv for an area. */
export function unitsInScope(index: UnitIndex, year: number, scope: string): number {
  return scope === 'province' ? unitCountIn(year) : index.unitsInArea(scope, clampYear(year)).length;
}
