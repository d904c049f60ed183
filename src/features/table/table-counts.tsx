/**
 * The table's counts in words, each next to what it is out of: "Showing 50 of 167 units (A:
 * 50 known of 66 official)" as the live status, and under the filters the year's tally for the
 * province or the chosen area: known per tier against the official count (exact, a minimum, or
 * "not published"), then the partly known and unknown units.
 */
import type { OfficialCount } from '../../domain/summary-rows';
import type { StateFilter } from '../../domain/table-rows';
import { TIERS, type Tier, type Year } from '../../domain/types';
import type { TableTally } from './table-model';
import type { Translate } from './table-cells';
import './on-demand-messages';

function tierTally(tr: Translate, tally: TableTally, tier: Tier): string {
  const official: OfficialCount = tally.official?.tiers[tier] ?? null;
  const known = tally.known[tier];
  if (official === null) return tr('tableTallyTierNoOfficial', { tier, known });
  return tr(official.kind === 'exact' ? 'tableTallyTier' : 'tableTallyTierMin', { tier, known, official: official.n });
}

/**
 * The live status: how many rows are shown of all, and for a tier filter, that tier's known vs
 * official in the scope ("Hebei" or the area filtered to), which the tally is about.
 */
export function countText(
  tr: Translate,
  counts: { shown: number; total: number },
  filter: StateFilter,
  tally: TableTally,
  scope: string,
): string {
  const { shown, total } = counts;
  const tier = TIERS.find((t) => t === filter);
  return tier === undefined
    ? tr('tableCount', { total, shown })
    : tr('tableCountTier', { total, shown, scope, tally: tierTally(tr, tally, tier) });
}

/** The year's tally for the scope ("Hebei" or an area's name). */
export function tallyText(tr: Translate, tally: TableTally, year: Year, scope: string): string {
  return tr('tableTally', {
    year,
    scope,
    units: tally.units,
    tiers: TIERS.map((t) => tierTally(tr, tally, t)).join(tr('tableTallySep')),
    range: tally.range,
    unknown: tally.unknown,
  });
}
