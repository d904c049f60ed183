/**
 * The county report card's model: everything the printable card shows about one unit, built
 * from the same pure functions the details panel uses, so the card never says anything the
 * panel does not. Pure; nothing here guesses a tier, a rank or a count.
 *
 * - strip: the unit's five years as unitHistory gives them (followed across the 2020 邢台
 *   change), each with the ranks a source gives for that year: the tier row's own rank ("1 of
 *   168", stated or derived as its row is) and the unit's rank indicators of that year (rank,
 *   rank_change, rank_gain_vs_best). No rank is worked out here.
 * - comparison: unitComparison's model as is (the details panel's comparison table): the
 *   province's and the unit's area's known counts per tier next to the official ones.
 * - map: the units the card's small map fills, each with its state in the card's year: the unit
 *   itself, its neighbours of that year's boundaries (the comparison's neighbours, which the
 *   details list) and the other units of its area.
 * - sources: every source cited by a fact the card shows (the strip's tier rows and range
 *   statements, the rank indicators, the official totals of the comparison, the states filled
 *   on the map), once each, in id order.
 */
import { isValidIn } from './dataset/units';
import {
  compareCodes,
  vintageOf,
  type Dataset,
  type Indicator,
  type Total,
  type Unit,
  type UnitCode,
  type Vintage,
  officialTotal,
} from './types';
import { unitHistory, type SourceRef, type StripCell } from './unit-details';
import { unitComparison, type ScopeCounts, type ScopeYear, type UnitComparison } from './unit-comparison';
import { unitState, type StateIndex, type UnitState } from './unit-state';

/** Indicators that state something about a unit's rank (data/README.md, indicators.csv). */
export const RANK_INDICATORS = ['rank', 'rank_change', 'rank_gain_vs_best'] as const;

/** A rank as its tier row gives it: "1 of 168", with how the row is founded. */
export interface TierRank {
  rank: number;
  of: number;
  /** The tier row's basis (a derived row's rank is derived with it); imported rows say so. */
  basis: 'stated' | 'derived' | 'imported';
  sourceIds: readonly string[];
}

export interface ReportYear {
  /** The strip cell of unitHistory: relation, members and their states. */
  cell: StripCell;
  /** Ranks of the tier rows shown in the cell (one per member that has a ranked row). */
  ranks: TierRank[];
  /** The unit's (or a wholly continued unit's) rank indicators of the year. */
  rankIndicators: Indicator[];
}

export type MapRole = 'self' | 'neighbour' | 'area';

export interface MapUnit {
  unit: Unit;
  role: MapRole;
  state: UnitState;
}

export interface ReportMap {
  year: number;
  vintage: Vintage;
  /** The unit first, then its neighbours (code order), then the rest of its area (code order). */
  units: MapUnit[];
}

export interface ReportCard {
  unit: Unit;
  /** The year the card is made for: the map's year, the comparison's highlighted column. */
  year: number;
  /** False when the unit did not exist in `year` (邢台县 in 2021): no map and no neighbours then. */
  existsInYear: boolean;
  strip: ReportYear[];
  comparison: UnitComparison;
  map: ReportMap;
  sources: SourceRef[];
}

function rankOfRow(state: UnitState): TierRank | null {
  if (state.kind !== 'known' || state.fact.rank === null || state.fact.rankOf === null) return null;
  const { fact } = state;
  return {
    rank: fact.rank as number,
    of: fact.rankOf as number,
    basis: fact.imported === true ? 'imported' : fact.basis,
    sourceIds: fact.sourceIds,
  };
}

/** Source ids behind a state: its tier row's, or the range statements that bound it. */
export function stateSourceIds(state: UnitState): string[] {
  if (state.kind === 'known') return [...state.fact.sourceIds];
  if (state.kind === 'range') return state.ranges.flatMap((r) => r.sourceIds);
  return [];
}

/** The totals row a scope year's official counts come from (the first row, as coverage() reads it). */
function officialRow(totals: readonly Total[], scope: string, y: ScopeYear): Total | null {
  if (y.official === null) return null;
  return officialTotal(totals, y.year, scope);
}

/**
 * The report card of the unit `code` names in `year`, or null for a code no unit carries.
 * `counts` is scopeCounts(dataset), as the details panel passes it.
 */
export function reportCard(
  dataset: Dataset,
  index: StateIndex,
  neighbours: Record<Vintage, ReadonlyMap<UnitCode, readonly UnitCode[]>>,
  counts: ScopeCounts,
  code: UnitCode,
  year: number,
): ReportCard | null {
  const history = unitHistory(dataset, index, code, year);
  const comparison = unitComparison(dataset, index, neighbours, counts, code, year);
  if (!history || !comparison) return null;
  const { unit } = history;

  const strip = history.cells.map((cell): ReportYear => {
    const ranks = cell.members.map((m) => rankOfRow(m.state)).filter((r): r is TierRank => r !== null);
    const codes = new Set(cell.members.map((m) => m.unit.code));
    const rankIndicators = dataset.indicators.filter(
      (i) =>
        i.scope === 'unit' &&
        (RANK_INDICATORS as readonly string[]).includes(i.indicator) &&
        i.year === cell.year &&
        codes.has(i.code),
    );
    return { cell, ranks, rankIndicators };
  });

  const mapUnits: MapUnit[] = [];
  if (history.existsInYear) {
    const seen = new Set<UnitCode>();
    const add = (u: Unit, role: MapRole) => {
      if (seen.has(u.code)) return;
      seen.add(u.code);
      mapUnits.push({ unit: u, role, state: unitState(index, u.code, year) });
    };
    add(unit, 'self');
    for (const n of comparison.neighbours) add(n.unit, 'neighbour');
    const area = dataset.units
      .filter((u) => u.prefectureCode === unit.prefectureCode && isValidIn(u, year))
      .sort((a, b) => compareCodes(a.code, b.code));
    for (const u of area) add(u, 'area');
  }

  const ids = new Set<string>();
  const cite = (list: readonly string[]) => list.forEach((id) => ids.add(id));
  for (const y of strip) {
    for (const m of y.cell.members) cite(stateSourceIds(m.state));
    for (const i of y.rankIndicators) cite(i.sourceIds);
  }
  for (const [scope, years] of [
    ['province', comparison.province],
    [comparison.areaCode, comparison.area],
  ] as const) {
    for (const y of years) cite(officialRow(dataset.totals, scope, y)?.sourceIds ?? []);
  }
  for (const m of mapUnits) cite(stateSourceIds(m.state));
  const byId = new Map(dataset.sources.map((s) => [s.sourceId, s]));
  const sources = [...ids].sort((a, b) => a.localeCompare(b)).map((id) => ({ id, source: byId.get(id) ?? null }));

  return {
    unit,
    year,
    existsInYear: history.existsInYear,
    strip,
    comparison,
    map: { year, vintage: vintageOf(year), units: mapUnits },
    sources,
  };
}

/** Units of a scope year whose tier is known (A, B and C together): the coverage line's count. */
export function knownUnits(y: ScopeYear): number {
  return y.known.A + y.known.B + y.known.C;
}
