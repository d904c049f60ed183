/**
 * Rules that relate rows to each other and to other tables. validateDataset never throws and
 * returns every violation found; an empty list means the dataset is consistent.
 *
 * Rows are referred to by their index in the dataset's arrays; for a dataset parsed from CSV
 * that index + 2 is the line in data/<table>.csv (formatViolation prints it that way).
 */
import {
  YEARS,
  officialTotal,
  unitCountIn,
  type Dataset,
  type Tier,
  type TierFact,
  type Unit,
  type UnitCode,
} from '../types.ts';
import { atLeast, atMost, describeTotal, tierIndex } from './bounds.ts';
import { fileOf, type TableName } from './fields.ts';
import { knownCounts } from './scope.ts';
import { buildUnitIndex, clampYear, isValidIn, unitLabel, type UnitIndex } from './units.ts';
import { checkTotals, factKey, tierMap } from './validate-totals.ts';

/** Every rule, with what it asserts. The id names the rule in messages and tests. */
export const RULES = {
  'unit-duplicate': 'a code names at most one unit in any year',
  'unit-count': 'units.csv has 168 units valid in 2019–2020 and 167 from 2021',
  'source-duplicate': 'source ids are unique',
  'source-unknown': 'every source id cited exists in sources.csv',
  'tier-code': "a tier row's code is a unit valid in that year",
  'tier-duplicate': 'at most one tier row per unit and year',
  'rank-pair': 'rank and rank_of are both given or both empty',
  'rank-of': 'rank_of is 168 up to 2020 and 167 from 2021',
  'rank-range': 'rank lies within 1..rank_of',
  'rank-duplicate': 'no two units share a rank in one year',
  'rank-order': 'a better rank never has a worse tier (tiers are score bands, ranks follow the score)',
  'rank-tier': "a rank fits its tier's band of positions given the province's tier counts",
  'range-code': "a range's code is a unit valid in year_to (clamped to 2019–2023)",
  'range-years': 'year_from is before year_to',
  'range-to-tier': 'to_tier equals the tier row at year_to',
  'range-from-tier': 'from_tier equals the tier row at year_from when year_to = year_from + 1',
  'range-held': 'a range with from_tier = to_tier agrees with every tier row of the unit in between',
  'total-scope': "a total's scope is 'province' or an area code of units.csv",
  'total-duplicate': 'at most one totals row per year and scope',
  'total-units': "a total's units equal the units of its scope that year (168/167 for the province)",
  'total-count-and-min': 'a tier has an exact count or a minimum, never both',
  'total-exceeds-units': 'no count or minimum exceeds units',
  'total-sum': 'A + B + C = units where all are given',
  'known-exceeds-total': 'units known in a tier never exceed the exact count of the scope',
  'known-complete': 'where every unit of a scope is known, the known counts equal the exact counts',
  'bounds-infeasible': "each tier's known units fit in what the other tiers' lower bounds leave",
  'area-sum': "the areas' lower bounds for a tier fit the province's count and units",
  'tier-changes': 'known tier rises in a scope never exceed its tier_changes',
  'indicator-code': "an indicator's code is an area (prefecture) or a unit valid that year",
} as const;
export type RuleId = keyof typeof RULES;

export interface Violation {
  rule: RuleId;
  table: TableName;
  /** Index of the row in the dataset's table; null for a rule about the table as a whole. */
  row: number | null;
  message: string;
}

export function formatViolation(v: Violation): string {
  const where = v.row === null ? fileOf(v.table) : `${fileOf(v.table)} line ${v.row + 2}`;
  return `[${v.rule}] ${where}: ${v.message}`;
}

/** How a check reports a violation (the totals checks in validate-totals.ts take it too). */
export type Report = (rule: RuleId, table: TableName, row: number | null, message: string) => void;

export function validateDataset(d: Dataset): Violation[] {
  const out: Violation[] = [];
  const report: Report = (rule, table, row, message) => out.push({ rule, table, row, message });
  const index = buildUnitIndex(d.units);
  checkUnits(d.units, index, report);
  checkSources(d, report);
  checkTiers(d.tiers, index, report);
  checkRanks(d, index, report);
  checkRanges(d, index, report);
  checkTotals(d, index, report);
  checkIndicators(d, index, report);
  return out;
}

// ---------------------------------------------------------------------------------------------

function checkUnits(units: readonly Unit[], index: UnitIndex, report: Report): void {
  units.forEach((u, i) => {
    units.slice(0, i).forEach((v) => {
      const overlap = v.code === u.code && YEARS.some((y) => isValidIn(u, y) && isValidIn(v, y));
      if (overlap)
        report('unit-duplicate', 'units', i, `code ${u.code} names both ${v.nameZh} and ${u.nameZh} in one year`);
    });
  });
  for (const y of YEARS) {
    const n = index.unitsIn(y).length;
    if (n !== unitCountIn(y))
      report('unit-count', 'units', null, `${n} units valid in ${y}, expected ${unitCountIn(y)}`);
  }
}

function checkSources(d: Dataset, report: Report): void {
  const ids = new Set<string>();
  d.sources.forEach((s, i) => {
    if (ids.has(s.sourceId)) report('source-duplicate', 'sources', i, `source id ${s.sourceId} appears twice`);
    ids.add(s.sourceId);
  });
  const cited: [TableName, readonly { sourceIds: string[] }[]][] = [
    ['tiers', d.tiers],
    ['tier_ranges', d.ranges],
    ['totals', d.totals],
    ['indicators', d.indicators],
  ];
  for (const [table, rows] of cited) {
    rows.forEach((r, i) => {
      for (const s of r.sourceIds) {
        if (!ids.has(s)) report('source-unknown', table, i, `source id ${s} is not in sources.csv`);
      }
    });
  }
}

/** Why a code does not name a unit in a year: unknown, or valid only in other years. */
function notValidIn(index: UnitIndex, code: UnitCode, year: number): string {
  const spans = index.withCode(code);
  if (spans.length === 0) return `code ${code} is not in units.csv`;
  const valid = spans.map((u) => `${u.nameZh} ${u.validFrom}–${u.validTo ?? ''}`).join(', ');
  return `code ${code} names no unit in ${year} (it is ${valid})`;
}

function checkTiers(tiers: readonly TierFact[], index: UnitIndex, report: Report): void {
  const seen = new Map<string, number>();
  tiers.forEach((t, i) => {
    if (!index.unitIn(t.code, t.year)) report('tier-code', 'tiers', i, notValidIn(index, t.code, t.year));
    const k = factKey(t.code, t.year);
    const first = seen.get(k);
    if (first !== undefined) {
      report(
        'tier-duplicate',
        'tiers',
        i,
        `second tier row for ${unitLabel(index, t.code, t.year)} in ${t.year} (first on line ${first + 2})`,
      );
    } else seen.set(k, i);
  });
}

function checkRanks(d: Dataset, index: UnitIndex, report: Report): void {
  const byYear = new Map<number, { fact: TierFact; row: number; rank: number }[]>();
  d.tiers.forEach((t, i) => {
    const label = `${unitLabel(index, t.code, t.year)} in ${t.year}`;
    if ((t.rank === null) !== (t.rankOf === null)) {
      report('rank-pair', 'tiers', i, `${label}: rank and rank_of must both be given or both be empty`);
    }
    if (t.rankOf !== null && t.rankOf !== unitCountIn(t.year)) {
      report(
        'rank-of',
        'tiers',
        i,
        `${label}: rank_of ${t.rankOf}, but the ${t.year} evaluation ranked ${unitCountIn(t.year)} units`,
      );
    }
    if (t.rank !== null && (t.rank < 1 || t.rank > (t.rankOf ?? unitCountIn(t.year)))) {
      report('rank-range', 'tiers', i, `${label}: rank ${t.rank} outside 1..${t.rankOf ?? unitCountIn(t.year)}`);
    }
    if (t.rank !== null) byYear.set(t.year, [...(byYear.get(t.year) ?? []), { fact: t, row: i, rank: t.rank }]);
  });

  for (const [year, ranked] of byYear) {
    const sorted = [...ranked].sort((a, b) => a.rank - b.rank || a.row - b.row);
    sorted.forEach((r, j) => {
      const prev = sorted[j - 1];
      if (!prev) return;
      if (prev.rank === r.rank) {
        report(
          'rank-duplicate',
          'tiers',
          r.row,
          `rank ${r.rank} in ${year} is also held by ${unitLabel(index, prev.fact.code, year)}`,
        );
      } else if (tierIndex(prev.fact.tier) > tierIndex(r.fact.tier)) {
        report(
          'rank-order',
          'tiers',
          r.row,
          `${unitLabel(index, r.fact.code, year)} is ${r.fact.tier} at rank ${r.rank}, below ` +
            `${unitLabel(index, prev.fact.code, year)} which is ${prev.fact.tier} at rank ${prev.rank}`,
        );
      }
    });

    // The results list tiers in score order: A holds positions 1..A, B the next B, C the rest.
    const province = officialTotal(d.totals, year);
    const n = unitCountIn(year);
    const known = knownCounts(d.tiers.filter((t) => t.year === year));
    const lo = (t: Tier) => atLeast(province, known, t);
    // Ranks outside 1..n are already reported by rank-range; a band for them says nothing new.
    for (const r of ranked.filter((x) => x.rank >= 1 && x.rank <= n)) {
      const band: [number, number] =
        r.fact.tier === 'A'
          ? [1, atMost(province, known, n, 'A')]
          : r.fact.tier === 'B'
            ? [lo('A') + 1, n - lo('C')]
            : [lo('A') + lo('B') + 1, n];
      if (r.rank < band[0] || r.rank > band[1]) {
        report(
          'rank-tier',
          'tiers',
          r.row,
          `${unitLabel(index, r.fact.code, year)} is ${r.fact.tier} at rank ${r.rank}, but with ${describeTotal(province)} ` +
            `tier ${r.fact.tier} can only hold positions ${band[0]}..${band[1]}`,
        );
      }
    }
  }
}

function checkRanges(d: Dataset, index: UnitIndex, report: Report): void {
  const facts = tierMap(d.tiers);
  d.ranges.forEach((r, i) => {
    const endYear = clampYear(r.yearTo);
    const unit = index.unitIn(r.code, endYear);
    const label = unitLabel(index, r.code, endYear);
    if (!unit) report('range-code', 'tier_ranges', i, notValidIn(index, r.code, endYear));
    if (r.yearFrom >= r.yearTo)
      report('range-years', 'tier_ranges', i, `${label}: year_from ${r.yearFrom} is not before year_to ${r.yearTo}`);
    if (!unit) return;

    // Tier rows count only for the same unit (code and validity span), not a later unit reusing the code.
    const sameUnitFact = (year: number) => {
      const f = facts.get(factKey(r.code, year));
      return f && index.unitIn(r.code, year) === unit ? f : undefined;
    };
    const end = sameUnitFact(r.yearTo);
    if (r.toTier && end && end.tier !== r.toTier) {
      report(
        'range-to-tier',
        'tier_ranges',
        i,
        `${label}: to_tier ${r.toTier} but tiers.csv has ${end.tier} in ${r.yearTo}`,
      );
    }
    const start = sameUnitFact(r.yearFrom);
    if (r.fromTier && start && r.yearTo === r.yearFrom + 1 && start.tier !== r.fromTier) {
      report(
        'range-from-tier',
        'tier_ranges',
        i,
        `${label}: from_tier ${r.fromTier} but tiers.csv has ${start.tier} in ${r.yearFrom}`,
      );
    }
    if (r.fromTier && r.fromTier === r.toTier) {
      for (let y = r.yearFrom; y <= r.yearTo; y++) {
        const f = sameUnitFact(y);
        if (f && f.tier !== r.fromTier) {
          report(
            'range-held',
            'tier_ranges',
            i,
            `${label} held ${r.fromTier} ${r.yearFrom}–${r.yearTo}, but tiers.csv has ${f.tier} in ${y}`,
          );
        }
      }
    }
  });
}

function checkIndicators(d: Dataset, index: UnitIndex, report: Report): void {
  d.indicators.forEach((x, i) => {
    if (x.scope === 'prefecture' && !index.areas.has(x.code)) {
      report('indicator-code', 'indicators', i, `${x.code} is not an area code of units.csv`);
    }
    if (x.scope === 'unit' && !index.unitIn(x.code, clampYear(x.year))) {
      report('indicator-code', 'indicators', i, notValidIn(index, x.code, clampYear(x.year)));
    }
  });
}
