/**
 * What is known about each unit's tier in one evaluation year: the "states" the map, legend,
 * tooltip, table and exports all show. Pure functions over the dataset.
 *
 * - known: a tier row (stated or derived) names the tier;
 * - range: no tier row, but range statements bound the tier to a subset of A/B/C;
 * - unknown: nothing states it. Never replaced by a default tier.
 */
import { TIERS, type Dataset, type Tier, type TierFact, type TierRange, type Unit, type UnitCode } from './types';

export type UnitState =
  | { kind: 'known'; tier: Tier; fact: TierFact }
  | { kind: 'range'; tiers: Tier[]; ranges: TierRange[] }
  | { kind: 'unknown' };

/** The key a state is drawn and counted by: 'A', 'A-derived', …, 'range:BC', 'unknown'. */
export type StateKey = `${Tier}` | `${Tier}-derived` | `range:${string}` | 'unknown';

export function stateKey(state: UnitState): StateKey {
  switch (state.kind) {
    case 'known':
      return state.fact.basis === 'stated' ? state.tier : `${state.tier}-derived`;
    case 'range':
      return `range:${state.tiers.join('')}`;
    case 'unknown':
      return 'unknown';
  }
}

/** Units that exist in an evaluation year (168 up to 2020, 167 from 2021). */
export function unitsIn(units: readonly Unit[], year: number): Unit[] {
  return units.filter((u) => u.validFrom <= year && (u.validTo === null || u.validTo >= year));
}

const TIER_ORDER: Record<Tier, number> = { A: 0, B: 1, C: 2 };

/**
 * Tiers a range statement allows strictly between its end years. Only a statement naming both
 * tiers bounds anything: assuming a single move, the tier lies between them (inclusive). A
 * statement missing either tier gives no bound, so it is not used here.
 */
export function tiersAllowedByRange(range: TierRange): Tier[] | null {
  if (range.fromTier === null || range.toTier === null) return null;
  const lo = Math.min(TIER_ORDER[range.fromTier], TIER_ORDER[range.toTier]);
  const hi = Math.max(TIER_ORDER[range.fromTier], TIER_ORDER[range.toTier]);
  return TIERS.filter((t) => TIER_ORDER[t] >= lo && TIER_ORDER[t] <= hi);
}

/** Index of the dataset for fast per-year lookups; build once per dataset. */
export interface StateIndex {
  factsByYear: Map<number, Map<UnitCode, TierFact>>;
  rangesByCode: Map<UnitCode, TierRange[]>;
}

export function indexStates(dataset: Pick<Dataset, 'tiers' | 'ranges'>): StateIndex {
  const factsByYear = new Map<number, Map<UnitCode, TierFact>>();
  for (const fact of dataset.tiers) {
    let byCode = factsByYear.get(fact.year);
    if (!byCode) factsByYear.set(fact.year, (byCode = new Map()));
    byCode.set(fact.code, fact);
  }
  const rangesByCode = new Map<UnitCode, TierRange[]>();
  for (const range of dataset.ranges) {
    const list = rangesByCode.get(range.code) ?? [];
    list.push(range);
    rangesByCode.set(range.code, list);
  }
  return { factsByYear, rangesByCode };
}

/** The state of one unit in one year. */
export function unitState(index: StateIndex, code: UnitCode, year: number): UnitState {
  const fact = index.factsByYear.get(year)?.get(code);
  if (fact) return { kind: 'known', tier: fact.tier, fact };
  let allowed: Tier[] | null = null;
  const used: TierRange[] = [];
  for (const range of index.rangesByCode.get(code) ?? []) {
    if (!(range.yearFrom < year && year < range.yearTo)) continue;
    const tiers = tiersAllowedByRange(range);
    if (!tiers) continue;
    allowed = allowed ? allowed.filter((t) => tiers.includes(t)) : tiers;
    used.push(range);
  }
  // An empty intersection would mean contradictory statements; the data checks forbid it,
  // and showing "unknown" is the honest fallback if one slipped through.
  if (allowed && allowed.length > 0) return { kind: 'range', tiers: allowed, ranges: used };
  return { kind: 'unknown' };
}

/** States of every unit valid in `year`, keyed by code. */
export function statesForYear(index: StateIndex, units: readonly Unit[], year: number): Map<UnitCode, UnitState> {
  const states = new Map<UnitCode, UnitState>();
  for (const unit of unitsIn(units, year)) states.set(unit.code, unitState(index, unit.code, year));
  return states;
}

/** Counts per drawn state, for legends and coverage lines. */
export interface StateCounts {
  stated: Record<Tier, number>;
  derived: Record<Tier, number>;
  range: number;
  unknown: number;
  total: number;
}

export function countStates(states: ReadonlyMap<UnitCode, UnitState>): StateCounts {
  const counts: StateCounts = {
    stated: { A: 0, B: 0, C: 0 },
    derived: { A: 0, B: 0, C: 0 },
    range: 0,
    unknown: 0,
    total: states.size,
  };
  for (const state of states.values()) {
    if (state.kind === 'known') counts[state.fact.basis][state.tier] += 1;
    else if (state.kind === 'range') counts.range += 1;
    else counts.unknown += 1;
  }
  return counts;
}

/**
 * Legend entries a reader can point at: in tier mode a tier (stated or derived), all derived,
 * ranges, unknown; in the other modes a draw key itself (change:up1, traj:2021, …), or change
 * mode's "not comparable", which holds its three unknown-end classes.
 */
export type LegendKey = Tier | 'derived' | 'range' | 'unknown' | `change:${string}` | `traj:${string}`;

/** Whether a unit drawn with `key` belongs to the legend entry `legend`. */
export function inLegendEntry(key: string, legend: LegendKey): boolean {
  switch (legend) {
    case 'derived':
      return key.endsWith('-derived');
    case 'range':
      return key.startsWith('range:');
    case 'A':
    case 'B':
    case 'C':
      return key === legend || key === `${legend}-derived`;
    // Change mode's one entry for every unknown end (domain/legend-model.ts).
    case 'change:not-comparable':
      return key === 'change:unknown-base' || key === 'change:unknown-current' || key === 'change:unknown-both';
    default:
      return key === legend;
  }
}
