/**
 * The rules of validate.ts about totals and the counts they bound: one row per year and scope,
 * counts that add up, known tier rows within the official counts, area sums within the
 * province's, and stated tier changes against the known rises. Split from validate.ts only for
 * size; validateDataset runs them.
 */
import { isYear } from '../timeline.ts';
import {
  TIERS,
  YEARS,
  officialTotal,
  unitCountIn,
  type Dataset,
  type TierFact,
  type Total,
  type UnitCode,
} from '../types.ts';
import { atLeast, tierIndex, zeroCounts } from './bounds.ts';
import { areaOf, knownCounts, tiersInScope, unitsInScope } from './scope.ts';
import type { UnitIndex } from './units.ts';
import type { Report } from './validate.ts';

export const factKey = (code: UnitCode, year: number) => `${code}@${year}`;

/** Tier rows by unit and year (the first row wins where there are duplicates, which are reported). */
export function tierMap(tiers: readonly TierFact[]): Map<string, TierFact> {
  const m = new Map<string, TierFact>();
  for (const t of tiers) if (!m.has(factKey(t.code, t.year))) m.set(factKey(t.code, t.year), t);
  return m;
}

// ---------------------------------------------------------------------------------------------
// Totals and the counts they bound

function scopeLabel(index: UnitIndex, year: number, scope: string): string {
  return scope === 'province' ? `${year} province` : `${year} ${index.areas.get(scope) ?? '?'} (${scope})`;
}

export function checkTotals(d: Dataset, index: UnitIndex, report: Report): void {
  const seen = new Set<string>();
  d.totals.forEach((t, i) => {
    const label = scopeLabel(index, t.year, t.scope);
    if (t.scope !== 'province' && !index.areas.has(t.scope)) {
      report('total-scope', 'totals', i, `scope ${t.scope} is not an area code of units.csv`);
      return;
    }
    const key = `${t.year}@${t.scope}`;
    if (seen.has(key)) report('total-duplicate', 'totals', i, `second totals row for ${label}`);
    seen.add(key);
    checkTotalRow(t, i, label, unitsInScope(index, t.year, t.scope), report);
    if (isYear(t.year)) {
      checkKnownAgainstTotal(
        t,
        i,
        label,
        tiersInScope(d.tiers, index, t.year, t.scope),
        unitsInScope(index, t.year, t.scope),
        report,
      );
    }
    if (t.tierChanges !== null) checkTierChanges(d, index, t, i, label, report);
  });
  // An area without a totals row has no counts to hold its tier rows against, but its known
  // units still take part in the area sums.
  for (const year of YEARS) checkAreaSums(d, index, year, report);
}

/** Rules within one totals row. */
function checkTotalRow(t: Total, row: number, label: string, scopeUnits: number, report: Report): void {
  if (t.units !== null && t.units !== scopeUnits) {
    report('total-units', 'totals', row, `${label}: units ${t.units}, but the scope has ${scopeUnits} units that year`);
  }
  for (const tier of TIERS) {
    const exact = t.counts[tier];
    const min = t.minimums[tier];
    if (exact !== null && min !== null) {
      report('total-count-and-min', 'totals', row, `${label}: both ${tier} and ${tier}_min given`);
    }
    for (const [name, v] of [
      [tier, exact],
      [`${tier}_min`, min],
    ] as const) {
      // Against the units column, or the scope's units where the column is empty.
      const n = t.units ?? scopeUnits;
      if (v !== null && v > n) {
        report('total-exceeds-units', 'totals', row, `${label}: ${name} = ${v} exceeds units = ${n}`);
      }
    }
  }
  const { A, B, C } = t.counts;
  if (t.units !== null && A !== null && B !== null && C !== null && A + B + C !== t.units) {
    report('total-sum', 'totals', row, `${label}: A + B + C = ${A + B + C} but units = ${t.units}`);
  }
}

/** The tier rows of a scope against its totals row: exact counts, completeness and the bounds. */
function checkKnownAgainstTotal(
  t: Total,
  row: number,
  label: string,
  rows: readonly TierFact[],
  scopeUnits: number,
  report: Report,
): void {
  const known = knownCounts(rows);
  const complete = rows.length === scopeUnits;
  for (const tier of TIERS) {
    const exact = t.counts[tier];
    if (exact !== null && known[tier] > exact) {
      report(
        'known-exceeds-total',
        'totals',
        row,
        `${label}: ${known[tier]} units known in tier ${tier}, but the count is ${exact}`,
      );
    }
    if (complete && exact !== null && known[tier] !== exact) {
      report(
        'known-complete',
        'totals',
        row,
        `${label}: every unit is known, with ${known[tier]} in tier ${tier}, but the count is ${exact}`,
      );
    }
  }
  // The three tiers share the scope's units, so their lower bounds (exact count, else the larger
  // of the minimum and the units already known) must fit: for each tier, the known units are at
  // most the units less the other tiers' lower bounds. Values above units are reported by
  // total-exceeds-units already.
  if (TIERS.some((tier) => (t.counts[tier] ?? t.minimums[tier] ?? 0) > (t.units ?? scopeUnits))) return;
  const need = TIERS.map((tier) => atLeast(t, known, tier));
  const sum = need.reduce((a, b) => a + b, 0);
  if (sum > scopeUnits) {
    const parts = TIERS.map(
      (tier, i) =>
        `${tier} ≥ ${need[i]} (${t.counts[tier] !== null ? 'count' : `${known[tier]} known, minimum ${t.minimums[tier] ?? 0}`})`,
    );
    report(
      'bounds-infeasible',
      'totals',
      row,
      `${label}: the tiers need at least ${parts.join(' + ')} = ${sum} units, more than its ${scopeUnits} units`,
    );
  }
}

/**
 * Areas partition the units (定州 and 辛集 are areas of their own), so per tier the areas'
 * lower bounds add up to a lower bound for the province. An area without a totals row
 * contributes the units known in it.
 */
function checkAreaSums(d: Dataset, index: UnitIndex, year: number, report: Report): void {
  const provinceRow = d.totals.findIndex((t) => t.year === year && t.scope === 'province');
  const province = d.totals[provinceRow];
  const areaLower = zeroCounts();
  for (const area of index.areas.keys()) {
    const total = officialTotal(d.totals, year, area);
    const known = knownCounts(tiersInScope(d.tiers, index, year, area));
    for (const tier of TIERS) areaLower[tier] += atLeast(total, known, tier);
  }
  const row = provinceRow >= 0 ? provinceRow : null;
  for (const tier of TIERS) {
    const exact = province?.counts[tier] ?? null;
    if (exact !== null && areaLower[tier] > exact) {
      report(
        'area-sum',
        'totals',
        row,
        `${year}: the areas hold at least ${areaLower[tier]} units in tier ${tier}, but the province count is ${exact}`,
      );
    }
  }
  const provinceKnown = knownCounts(tiersInScope(d.tiers, index, year, 'province'));
  const need = TIERS.reduce((acc, tier) => acc + Math.max(areaLower[tier], atLeast(province, provinceKnown, tier)), 0);
  if (need > unitCountIn(year)) {
    report(
      'area-sum',
      'totals',
      row,
      `${year}: the tiers' lower bounds from areas and province add up to ${need}, more than ${unitCountIn(year)} units`,
    );
  }
}

/**
 * Rises known from the rows: a unit whose tier improved between consecutive evaluations
 * (same unit record in both years), or a one-year range naming a better to_tier.
 */
function knownRises(d: Dataset, index: UnitIndex, year: number): Set<UnitCode> {
  const facts = tierMap(d.tiers);
  const rises = new Set<UnitCode>();
  for (const t of d.tiers) {
    if (t.year !== year) continue;
    const prev = facts.get(factKey(t.code, year - 1));
    const same = index.unitIn(t.code, year) === index.unitIn(t.code, year - 1);
    if (prev && same && tierIndex(t.tier) < tierIndex(prev.tier)) rises.add(t.code);
  }
  for (const r of d.ranges) {
    if (
      r.yearTo === year &&
      r.yearFrom === year - 1 &&
      r.fromTier &&
      r.toTier &&
      tierIndex(r.toTier) < tierIndex(r.fromTier)
    ) {
      rises.add(r.code);
    }
  }
  return rises;
}

function checkTierChanges(d: Dataset, index: UnitIndex, t: Total, row: number, label: string, report: Report): void {
  const rises = [...knownRises(d, index, t.year)].filter(
    (code) => t.scope === 'province' || areaOf(index, code, t.year) === t.scope,
  );
  if (t.tierChanges !== null && rises.length > t.tierChanges) {
    report(
      'tier-changes',
      'totals',
      row,
      `${label}: ${rises.length} known tier rises, but tier_changes = ${t.tierChanges}`,
    );
  }
}
