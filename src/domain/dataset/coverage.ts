/**
 * How much of each evaluation is known: per year (the table `npm run data:check` prints, as the
 * facts package's check_facts.py does) and per area. Counts only; nothing here fills a gap.
 */
import {
  YEARS,
  officialTotal,
  unitCountIn,
  type Confidence,
  type Dataset,
  type Total,
  type UnitCode,
} from '../types.ts';
import { zeroCounts, type TierCounts } from './bounds.ts';
import { clampYear, unitIndexOf, type UnitIndex } from './units.ts';
import { areaOf, knownCounts } from './scope.ts';

export interface YearCoverage {
  year: number;
  /** Units evaluated that year (168 up to 2020, 167 from 2021). */
  units: number;
  /** The province totals row, if any (exact counts, or only minimums as in 2022). */
  official: Total | null;
  /** Units with a tier row, and how those rows are founded. */
  known: number;
  stated: number;
  derived: number;
  knownByTier: TierCounts;
  byConfidence: Record<Confidence, number>;
  /** Units without a tier row whose tier is bounded by a range (see rangeOnlyCodes). */
  rangeOnly: number;
  /** units − known − rangeOnly. */
  unknown: number;
}

export interface AreaCoverage {
  year: number;
  areaCode: string;
  areaName: string;
  units: number;
  /** The area's totals row for the year, if any. */
  total: Total | null;
  known: number;
  stated: number;
  derived: number;
  knownByTier: TierCounts;
  rangeOnly: number;
  unknown: number;
  /** Every unit of the area has a tier row. */
  complete: boolean;
}

/**
 * Units with no tier row in `year` that a range bounds: a tier_ranges row with at least one
 * tier named and year_from < year < year_to, for the same unit (code and validity span) as
 * at the range's year_to. The same definition as check_facts.py's "range only".
 */
export function rangeOnlyCodes(d: Dataset, index: UnitIndex, year: number): Set<UnitCode> {
  const known = new Set(d.tiers.filter((t) => t.year === year).map((t) => t.code));
  const out = new Set<UnitCode>();
  for (const r of d.ranges) {
    if (!(r.fromTier || r.toTier) || !(r.yearFrom < year && year < r.yearTo)) continue;
    const unit = index.unitIn(r.code, year);
    if (unit && unit === index.unitIn(r.code, clampYear(r.yearTo)) && !known.has(r.code)) out.add(r.code);
  }
  return out;
}

export function coverage(d: Dataset): YearCoverage[] {
  const index = unitIndexOf(d.units);
  return YEARS.map((year) => {
    const rows = d.tiers.filter((t) => t.year === year);
    const byConfidence: Record<Confidence, number> = { high: 0, medium: 0, low: 0 };
    for (const t of rows) byConfidence[t.confidence] += 1;
    const units = unitCountIn(year);
    const rangeOnly = rangeOnlyCodes(d, index, year).size;
    return {
      year,
      units,
      official: officialTotal(d.totals, year),
      known: rows.length,
      stated: rows.filter((t) => t.basis === 'stated').length,
      derived: rows.filter((t) => t.basis === 'derived').length,
      knownByTier: knownCounts(rows),
      byConfidence,
      rangeOnly,
      unknown: units - rows.length - rangeOnly,
    };
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function areaCoverage(d: Dataset, year: number): AreaCoverage[] {
  const index = unitIndexOf(d.units);
  const bounded = rangeOnlyCodes(d, index, year);
  // Grouped by area in one pass each: per-area filters over every row grow with areas × rows,
  // which the all-China bench showed (scripts/scale/domain-timings.ts).
  const unitsByArea = groupBy(index.unitsIn(year), (u) => u.prefectureCode);
  const rowsByArea = groupBy(
    d.tiers.filter((t) => t.year === year),
    (t) => areaOf(index, t.code, year),
  );
  const totalByArea = new Map<string, Total>();
  // The first row of a scope, as a find() would give (a repeated one is a validation error).
  for (const t of d.totals) if (t.year === year && !totalByArea.has(t.scope)) totalByArea.set(t.scope, t);
  return [...index.areas].map(([areaCode, areaName]) => {
    const units = unitsByArea.get(areaCode) ?? [];
    const rows = rowsByArea.get(areaCode) ?? [];
    const rangeOnly = units.filter((u) => bounded.has(u.code)).length;
    return {
      year,
      areaCode,
      areaName,
      units: units.length,
      total: totalByArea.get(areaCode) ?? null,
      known: rows.length,
      stated: rows.filter((t) => t.basis === 'stated').length,
      derived: rows.filter((t) => t.basis === 'derived').length,
      knownByTier: rows.length > 0 ? knownCounts(rows) : zeroCounts(),
      rangeOnly,
      unknown: units.length - rows.length - rangeOnly,
      complete: rows.length === units.length,
    };
  });
}

/** Official counts as printed in coverage tables: "13/42/113", "A≥24" where only a minimum is known, "?" without a row. */
export function formatOfficial(total: Total | null): string {
  if (!total) return '?';
  const { counts, minimums } = total;
  if (counts.A === null && minimums.A !== null) return `A≥${minimums.A}`;
  return [counts.A, counts.B, counts.C].map((v) => (v === null ? '?' : String(v))).join('/');
}
