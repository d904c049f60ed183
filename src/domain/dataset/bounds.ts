/**
 * Tier counts of a scope (the province or an area) in one year: what the totals state and
 * what the tier rows know, and the bounds that follow. Pure arithmetic, no data access.
 *
 * Soundness: every bound here follows from the facts alone. An exact count fixes a tier; a
 * minimum or the number of units already known in a tier bounds it from below; the units of
 * the scope are shared by the three tiers, so each tier can hold at most what the others'
 * lower bounds leave.
 */
import { TIERS, type Tier, type Total } from '../types.ts';

export type TierCounts = Record<Tier, number>;

export function zeroCounts(): TierCounts {
  return { A: 0, B: 0, C: 0 };
}

export function tierIndex(t: Tier): number {
  return TIERS.indexOf(t);
}

/** The fewest units tier t can hold: its exact count, else the larger of its minimum and the units known in it. */
export function atLeast(total: Total | null | undefined, known: TierCounts, t: Tier): number {
  const exact = total?.counts[t] ?? null;
  if (exact !== null) return Math.max(exact, known[t]);
  return Math.max(total?.minimums[t] ?? 0, known[t]);
}

/** The most units tier t can hold: its exact count, else the units left over by the other tiers' lower bounds. */
export function atMost(total: Total | null | undefined, known: TierCounts, units: number, t: Tier): number {
  const exact = total?.counts[t] ?? null;
  if (exact !== null) return exact;
  return units - sumOthers(t, (s) => atLeast(total, known, s));
}

export function sumOthers(t: Tier, f: (s: Tier) => number): number {
  return TIERS.filter((s) => s !== t).reduce((acc, s) => acc + f(s), 0);
}

/** "A 10/B 11/C 0" style text of stated counts and minimums, for messages. */
export function describeTotal(total: Total | null | undefined): string {
  if (!total) return 'no totals row';
  return TIERS.map((t) => {
    const exact = total.counts[t];
    const min = total.minimums[t];
    return exact !== null ? `${t} = ${exact}` : min !== null ? `${t} ≥ ${min}` : `${t} ?`;
  }).join(', ');
}
