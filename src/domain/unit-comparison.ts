/**
 * The comparison the details panel shows for one unit: its five years beside those of the units
 * sharing its border, and the counts of its area and of the province for the same years. Pure.
 *
 * Unit rows are unitHistory strips (so a neighbour is followed across the 2020 邢台 change as the
 * selected unit is). Count rows come from the summaries' own rows (prefectureRows, provinceRows,
 * built on coverage()), so the panel counts exactly what the province bars and area table count:
 * known A, B and C, partly known and unknown always add up to the units of the scope that year,
 * and an official count is only what totals.csv states (exact, a minimum, or nothing).
 */
import { neighbourStates, unitHistory, type StripCell } from './unit-details';
import {
  prefectureRows,
  provinceRows,
  type OfficialCount,
  type OfficialSummary,
  type SegmentKey,
} from './summary-rows';
import { TIERS, YEARS, type Dataset, type Tier, type Unit, type UnitCode, type Vintage } from './types';
import type { StateIndex } from './unit-state';

/** A piece of a count bar; `start` and `share` are fractions of the scope's units (0–1). */
export interface CountSegment {
  key: SegmentKey;
  count: number;
  start: number;
  share: number;
}

/** What is known of a scope (an area or the province) in one year, next to what is official. */
export interface ScopeYear {
  year: number;
  /** Units of the scope that year (units.csv): what every count is out of. */
  units: number;
  known: Record<Tier, number>;
  /** Units bounded only by range statements. */
  rangeOnly: number;
  /** Units no source states or bounds. */
  unknown: number;
  /** Official tier counts as totals.csv states them (each exact, a minimum or null); null without a row. */
  official: Record<Tier, OfficialCount> | null;
  /** Some official value of the row is worked out from stated facts, not stated. */
  officialDerived: boolean;
  /** Known A, B, C, range-only, unknown in that order; their counts add up to `units`. */
  segments: CountSegment[];
}

/** Count rows of every scope and year, worked out once per dataset (they do not depend on the selection). */
export interface ScopeCounts {
  province: ScopeYear[];
  /** Area code → its five years. */
  areas: ReadonlyMap<string, ScopeYear[]>;
}

function segmentsOf(units: number, known: Record<Tier, number>, rangeOnly: number, unknown: number): CountSegment[] {
  const parts: [SegmentKey, number][] = [
    ['A', known.A],
    ['B', known.B],
    ['C', known.C],
    ['range', rangeOnly],
    ['unknown', unknown],
  ];
  let at = 0;
  return parts.map(([key, count]) => {
    const segment = { key, count, start: units > 0 ? at / units : 0, share: units > 0 ? count / units : 0 };
    at += count;
    return segment;
  });
}

function officialCounts(official: OfficialSummary | null): Pick<ScopeYear, 'official' | 'officialDerived'> {
  // A row that gives only an average (石家庄 2021) has no count to compare with.
  if (!official || TIERS.every((t) => official.tiers[t] === null)) return { official: null, officialDerived: false };
  return { official: { ...official.tiers }, officialDerived: official.derived };
}

interface CountsRow {
  units: number;
  knownByTier: Record<Tier, number>;
  rangeOnly: number;
  unknown: number;
  official: OfficialSummary | null;
}

function scopeYear(year: number, row: CountsRow): ScopeYear {
  return {
    year,
    units: row.units,
    known: { ...row.knownByTier },
    rangeOnly: row.rangeOnly,
    unknown: row.unknown,
    ...officialCounts(row.official),
    segments: segmentsOf(row.units, row.knownByTier, row.rangeOnly, row.unknown),
  };
}

/** The count rows of the province and of every area, for the five evaluation years. */
export function scopeCounts(d: Dataset): ScopeCounts {
  const province = provinceRows(d).map((row) => scopeYear(row.year, row));
  const areas = new Map<string, ScopeYear[]>();
  for (const year of YEARS) {
    for (const row of prefectureRows(d, year)) {
      const years = areas.get(row.areaCode) ?? [];
      years.push(scopeYear(year, row));
      areas.set(row.areaCode, years);
    }
  }
  return { province, areas };
}

export interface ComparedUnit {
  unit: Unit;
  /** The unit's five years, as its own details strip shows them. */
  cells: StripCell[];
  /** A neighbour in another area than the selected unit's (its rows are not in the area's counts). */
  otherArea: boolean;
}

export interface UnitComparison {
  year: number;
  unit: ComparedUnit;
  /** Units sharing a border with it in the year's boundaries, in code order; none when it had no boundary. */
  neighbours: ComparedUnit[];
  areaCode: string;
  /** The area's five years; empty for an area the dataset does not know. */
  area: ScopeYear[];
  province: ScopeYear[];
}

/**
 * The comparison for the unit `code` names in `year`: its strip, its neighbours' strips (the
 * neighbours of that year's boundaries), its area's counts and the province's.
 */
export function unitComparison(
  dataset: Pick<Dataset, 'units'>,
  index: StateIndex,
  neighbours: Record<Vintage, ReadonlyMap<UnitCode, readonly UnitCode[]>>,
  counts: ScopeCounts,
  code: UnitCode,
  year: number,
): UnitComparison | null {
  const history = unitHistory(dataset, index, code, year);
  if (!history) return null;
  const { unit } = history;
  const around = history.existsInYear ? neighbourStates(neighbours, dataset.units, index, unit.code, year) : [];
  const compared: ComparedUnit[] = [];
  for (const { unit: n } of around) {
    const h = unitHistory(dataset, index, n.code, year);
    if (h) compared.push({ unit: h.unit, cells: h.cells, otherArea: h.unit.prefectureCode !== unit.prefectureCode });
  }
  return {
    year,
    unit: { unit, cells: history.cells, otherArea: false },
    neighbours: compared,
    areaCode: unit.prefectureCode,
    area: counts.areas.get(unit.prefectureCode) ?? [],
    province: counts.province,
  };
}

/** Whether any year of a scope has units bounded only by range statements (the row is shown then). */
export function hasRangeOnly(years: readonly ScopeYear[]): boolean {
  return years.some((y) => y.rangeOnly > 0);
}
