/**
 * Following a unit across the June 2020 reorganisation. A code can name different units in
 * different years (130502: 桥东区 up to 2020, 襄都区 from 2021), and some units were renamed with
 * a new code (任县 130526 → 任泽区 130505). Pure functions over data/units.csv.
 */
import { isValidIn } from './dataset/units';
import type { Unit, UnitCode } from './types';

interface LineageIndex {
  byCode: Map<UnitCode, Unit[]>;
  /** Units listing a code among their predecessor_codes. */
  successors: Map<UnitCode, Unit[]>;
}

/**
 * Built once per units array (it never changes after load): these functions run once per unit
 * on every year step, so a scan of all units each time would grow with the square of their
 * number (measured with scripts/scale/domain-timings.ts).
 */
const indexes = new WeakMap<readonly Unit[], LineageIndex>();

function lineageIndex(units: readonly Unit[]): LineageIndex {
  let index = indexes.get(units);
  if (!index) {
    index = { byCode: new Map(), successors: new Map() };
    for (const unit of units) {
      index.byCode.set(unit.code, [...(index.byCode.get(unit.code) ?? []), unit]);
      for (const p of unit.predecessorCodes) index.successors.set(p, [...(index.successors.get(p) ?? []), unit]);
    }
    indexes.set(units, index);
  }
  return index;
}

/** The unit a code names in a year, if any. */
export function unitIn(units: readonly Unit[], code: UnitCode, year: number): Unit | undefined {
  return lineageIndex(units)
    .byCode.get(code)
    ?.find((u) => isValidIn(u, year));
}

/** Any unit that ever carried the code (the latest one), for names when the code is not valid in a year. */
export function latestUnitWithCode(units: readonly Unit[], code: UnitCode): Unit | undefined {
  return units.filter((u) => u.code === code).sort((a, b) => b.validFrom - a.validFrom)[0];
}

/**
 * The units of `year` that carry on (or came before) the unit `code` names in `fromYear`:
 * itself if the code names a unit in both years, otherwise its successors (later years) or
 * predecessors (earlier years) through `predecessor_codes`.
 */
export function counterparts(units: readonly Unit[], code: UnitCode, fromYear: number, year: number): Unit[] {
  const same = unitIn(units, code, year);
  if (same) return [same];
  const from = unitIn(units, code, fromYear);
  if (!from) return [];
  if (year > fromYear) return (lineageIndex(units).successors.get(code) ?? []).filter((u) => isValidIn(u, year));
  return from.predecessorCodes.map((p) => unitIn(units, p, year)).filter((u): u is Unit => u !== undefined);
}

/**
 * The code a selection should carry into another year: the one counterpart if there is exactly
 * one (任县 → 任泽区), else the code unchanged (邢台县 in 2021 has two successors and no polygon:
 * the details panel says so rather than choosing one).
 */
export function followUnit(units: readonly Unit[], code: UnitCode, fromYear: number, year: number): UnitCode {
  const found = counterparts(units, code, fromYear, year);
  return found.length === 1 ? (found[0]?.code ?? code) : code;
}

/**
 * A code from outside (a link, a search result) in a given year: itself if it names a unit then,
 * else followed from the nearest year it did name a unit (任泽区 130505 in 2019 → 任县 130526).
 */
export function resolveCode(units: readonly Unit[], code: UnitCode, year: number): UnitCode {
  if (unitIn(units, code, year)) return code;
  const carriers = units.filter((u) => u.code === code);
  const nearest = carriers
    .map((u) => (year < u.validFrom ? u.validFrom : (u.validTo ?? u.validFrom)))
    .sort((a, b) => Math.abs(a - year) - Math.abs(b - year))[0];
  return nearest === undefined ? code : followUnit(units, code, nearest, year);
}
