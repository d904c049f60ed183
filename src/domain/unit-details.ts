/**
 * What the details panel shows about one unit: its five-year strip (following it across the
 * June 2020 邢台 reorganisation), every fact about it with the sources resolved, and its
 * neighbours' states. Pure functions over the dataset; nothing here guesses a tier: a year
 * without a fact for the unit (or for the unit it wholly continues) stays unknown.
 *
 * Lineage rule: a year's cell shows facts only of a unit that is the selected unit, or that it
 * continues *whole* (任县 → 任泽区: same territory; 桥东区 → 襄都区: all of 桥东区 went into it).
 * A unit split between several successors (邢台县 → 信都区 and 襄都区) is a *partial*
 * predecessor: it is named, but its tier is never shown as either successor's.
 */
import { clampYear, isValidIn } from './dataset/units';
import {
  TIERS,
  YEARS,
  type Dataset,
  type Indicator,
  type Source,
  type Tier,
  type TierFact,
  type TierRange,
  type Total,
  type Unit,
  type UnitCode,
  type Vintage,
  type Year,
  officialTotal,
  vintageOf,
} from './types';
import { unitState, type StateIndex, type UnitState } from './unit-state';

/**
 * The unit a selection names in a year: the unit the code names then; otherwise (a unit
 * selected after it was abolished, 邢台县 in 2021, whose two successors keep the store from
 * moving the selection) the last unit that carried the code before that year; otherwise the
 * earliest one after it.
 */
export function selectedUnit(units: readonly Unit[], code: UnitCode, year: number): Unit | undefined {
  const withCode = units.filter((u) => u.code === code);
  const valid = withCode.find((u) => isValidIn(u, year));
  if (valid) return valid;
  const before = withCode
    .filter((u) => u.validTo !== null && u.validTo < year)
    .sort((a, b) => (b.validTo ?? 0) - (a.validTo ?? 0))[0];
  return before ?? withCode.sort((a, b) => a.validFrom - b.validFrom)[0];
}

/** Units that start right after `unit` ends and list its code among their predecessors. */
export function successorsOf(units: readonly Unit[], unit: Unit): Unit[] {
  if (unit.validTo === null) return [];
  const next = unit.validTo + 1;
  return units.filter((u) => u.validFrom === next && u.predecessorCodes.includes(unit.code));
}

/** The units `unit` was formed from, as they were in the year before it began. */
export function predecessorsOf(units: readonly Unit[], unit: Unit): Unit[] {
  const before = unit.validFrom - 1;
  return unit.predecessorCodes
    .map((code) => units.find((u) => u.code === code && isValidIn(u, before)))
    .filter((u): u is Unit => u !== undefined);
}

/** A predecessor is whole when all of it went into this one unit (its only successor). */
function isWholePredecessor(units: readonly Unit[], predecessor: Unit, unit: Unit): boolean {
  const successors = successorsOf(units, predecessor);
  return successors.length === 1 && successors[0] === unit;
}

export interface StripMember {
  /** The unit as it was that year (code and name of that year). */
  unit: Unit;
  state: UnitState;
}

export interface StripCell {
  year: Year;
  /**
   * 'self': the selected unit itself; 'predecessor' / 'successor': the unit(s) it wholly
   * continues or is wholly continued by; 'none': no unit carries it that year (it did not
   * exist yet, or was abolished and split), so there is no state at all.
   */
  relation: 'self' | 'predecessor' | 'successor' | 'none';
  members: StripMember[];
  /** Units that gave only part of their territory (邢台县 for 襄都区 in 2019–2020): named only. */
  partialPredecessors: Unit[];
  /** For a 'none' cell after the unit ended: the units its territory went to. */
  successors: Unit[];
  /** The year the selection was made in. */
  current: boolean;
}

export interface UnitHistory {
  /** The selected unit (see selectedUnit). */
  unit: Unit;
  /** False when the unit did not exist in the selected year (邢台县 in 2021). */
  existsInYear: boolean;
  cells: StripCell[];
}

interface Lineage {
  relation: StripCell['relation'];
  units: Unit[];
  partial: Unit[];
  successors: Unit[];
}

/** Walks back through whole predecessors to the units of `year`, noting partial ones on the way. */
function backwards(units: readonly Unit[], unit: Unit, year: number, partial: Unit[]): Unit[] {
  if (isValidIn(unit, year)) return [unit];
  const found: Unit[] = [];
  for (const p of predecessorsOf(units, unit)) {
    if (isWholePredecessor(units, p, unit)) found.push(...backwards(units, p, year, partial));
    else if (!partial.includes(p)) partial.push(p);
  }
  return found;
}

/** Walks forward while the unit has exactly one successor; a split ends the line. */
function forwards(units: readonly Unit[], unit: Unit, year: number): { units: Unit[]; successors: Unit[] } {
  if (isValidIn(unit, year)) return { units: [unit], successors: [] };
  const successors = successorsOf(units, unit);
  const only = successors.length === 1 ? successors[0] : undefined;
  if (only) return forwards(units, only, year);
  return { units: [], successors };
}

function lineageIn(units: readonly Unit[], unit: Unit, year: number): Lineage {
  if (isValidIn(unit, year)) return { relation: 'self', units: [unit], partial: [], successors: [] };
  if (year < unit.validFrom) {
    const partial: Unit[] = [];
    const found = backwards(units, unit, year, partial);
    return { relation: found.length > 0 ? 'predecessor' : 'none', units: found, partial, successors: [] };
  }
  const { units: found, successors } = forwards(units, unit, year);
  return { relation: found.length > 0 ? 'successor' : 'none', units: found, partial: [], successors };
}

/** The five-year strip for the unit `code` names in `year`; null for a code no unit carries. */
export function unitHistory(
  dataset: Pick<Dataset, 'units'>,
  index: StateIndex,
  code: UnitCode,
  year: number,
): UnitHistory | null {
  const unit = selectedUnit(dataset.units, code, year);
  if (!unit) return null;
  const cells = YEARS.map((y): StripCell => {
    const line = lineageIn(dataset.units, unit, y);
    return {
      year: y,
      relation: line.relation,
      members: line.units.map((u) => ({ unit: u, state: unitState(index, u.code, y) })),
      partialPredecessors: line.partial,
      successors: line.successors,
      current: y === year,
    };
  });
  return { unit, existsInYear: isValidIn(unit, year), cells };
}

// ---------------------------------------------------------------------------------------------
// Facts and sources

/** A cited source id and the source it names; null for an id sources.csv lacks (a data error). */
export interface SourceRef {
  id: string;
  source: Source | null;
}

/** Where an A/B/C unit stands within its tier's band: the 1st of 66 A units. */
export interface TierPosition {
  tier: Tier;
  position: number;
  of: number;
}

export interface TierItem {
  unit: Unit;
  fact: TierFact;
  sources: SourceRef[];
  /** Only when the rank is given and the province counts of its tier and all better tiers are exact. */
  position: TierPosition | null;
}

export interface RangeItem {
  unit: Unit;
  range: TierRange;
  sources: SourceRef[];
}

export interface IndicatorItem {
  unit: Unit;
  indicator: Indicator;
  sources: SourceRef[];
}

export interface TotalItem {
  total: Total;
  sources: SourceRef[];
}

export interface UnitFacts {
  unit: Unit;
  /** Tier rows of the unit and the units it wholly continues, by year. */
  tiers: TierItem[];
  ranges: RangeItem[];
  indicators: IndicatorItem[];
  /** Counts for the unit's area in every year a source gives them, and the province rows the tier positions rest on. */
  totals: TotalItem[];
  /** Every source cited by any of the above, once, in id order. */
  sources: SourceRef[];
}

function resolver(sources: readonly Source[]): (ids: readonly string[]) => SourceRef[] {
  const byId = new Map(sources.map((s) => [s.sourceId, s]));
  return (ids) => ids.map((id) => ({ id, source: byId.get(id) ?? null }));
}

/**
 * Position within the tier band: tiers are bands of the score order (A holds ranks 1..A, B the
 * next B), so with exact province counts the position is plain arithmetic on stated numbers.
 * Any missing count, or a result outside the band, gives null rather than a guess.
 */
export function tierPosition(fact: TierFact, provinceTotal: Total | null | undefined): TierPosition | null {
  if (fact.rank === null || !provinceTotal) return null;
  let above = 0;
  for (const tier of TIERS) {
    const count = provinceTotal.counts[tier];
    if (count === null) return null;
    if (tier === fact.tier) {
      const position = fact.rank - above;
      return position >= 1 && position <= count ? { tier, position, of: count } : null;
    }
    above += count;
  }
  return null;
}

/** Every fact about the unit `code` names in `year` (and the units it wholly continues). */
export function unitFacts(dataset: Dataset, index: StateIndex, code: UnitCode, year: number): UnitFacts | null {
  const history = unitHistory(dataset, index, code, year);
  if (!history) return null;
  const members: Unit[] = [history.unit];
  for (const cell of history.cells) {
    for (const m of cell.members) if (!members.includes(m.unit)) members.push(m.unit);
  }
  // A code names at most one unit in a year, so (code, year) → unit is unambiguous.
  const memberFor = (c: UnitCode, y: number) => members.find((u) => u.code === c && isValidIn(u, y));
  const resolve = resolver(dataset.sources);
  const province = (y: number) => officialTotal(dataset.totals, y);

  const tiers: TierItem[] = [];
  for (const fact of dataset.tiers) {
    const unit = memberFor(fact.code, fact.year);
    if (unit)
      tiers.push({ unit, fact, sources: resolve(fact.sourceIds), position: tierPosition(fact, province(fact.year)) });
  }
  tiers.sort((a, b) => a.fact.year - b.fact.year);

  const ranges: RangeItem[] = [];
  for (const range of dataset.ranges) {
    const unit = memberFor(range.code, clampYear(range.yearTo));
    if (unit) ranges.push({ unit, range, sources: resolve(range.sourceIds) });
  }
  ranges.sort((a, b) => a.range.yearTo - b.range.yearTo || a.range.yearFrom - b.range.yearFrom);

  const indicators: IndicatorItem[] = [];
  for (const indicator of dataset.indicators) {
    if (indicator.scope !== 'unit') continue;
    const unit = memberFor(indicator.code, clampYear(indicator.year));
    if (unit) indicators.push({ unit, indicator, sources: resolve(indicator.sourceIds) });
  }
  indicators.sort(
    (a, b) => a.indicator.year - b.indicator.year || a.indicator.indicator.localeCompare(b.indicator.indicator),
  );

  const areas = new Set(members.map((u) => u.prefectureCode));
  const positionYears = new Set(tiers.filter((t) => t.position !== null).map((t) => t.fact.year));
  const totals: TotalItem[] = dataset.totals
    .filter((t) => areas.has(t.scope) || (t.scope === 'province' && positionYears.has(t.year)))
    .sort((a, b) => a.year - b.year || (a.scope === 'province' ? -1 : b.scope === 'province' ? 1 : 0))
    .map((total) => ({ total, sources: resolve(total.sourceIds) }));

  const cited = new Map<string, SourceRef>();
  for (const item of [...tiers, ...ranges, ...indicators, ...totals]) {
    for (const ref of item.sources) if (!cited.has(ref.id)) cited.set(ref.id, ref);
  }
  const sources = [...cited.values()].sort((a, b) => a.id.localeCompare(b.id));

  return { unit: history.unit, tiers, ranges, indicators, totals, sources };
}

// ---------------------------------------------------------------------------------------------
// Neighbours

export interface NeighbourItem {
  unit: Unit;
  state: UnitState;
}

/**
 * The units bordering `code` in `year` (from the topology's shared arcs, see geometry.ts), with
 * their state that year. Empty when the unit has no polygon that year (邢台县 from 2021).
 */
export function neighbourStates(
  neighbours: Record<Vintage, ReadonlyMap<UnitCode, readonly UnitCode[]>>,
  units: readonly Unit[],
  index: StateIndex,
  code: UnitCode,
  year: number,
): NeighbourItem[] {
  const vintage = vintageOf(year);
  const items: NeighbourItem[] = [];
  for (const c of neighbours[vintage].get(code) ?? []) {
    const unit = units.find((u) => u.code === c && isValidIn(u, year));
    if (unit) items.push({ unit, state: unitState(index, c, year) });
  }
  return items;
}
