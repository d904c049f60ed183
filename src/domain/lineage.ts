/**
 * Following a unit across the June 2020 reorganisation. A code can name different units in
 * different years (130502: 桥东区 up to 2020, 襄都区 from 2021), and some units were renamed with
 * a new code (任县 130526 → 任泽区 130505). Pure functions over data/units.csv.
 */
import { isValidIn } from './dataset/units';
import type { Unit, UnitCode } from './types';

/** The unit a code names in a year, if any. */
export function unitIn(units: readonly Unit[], code: UnitCode, year: number): Unit | undefined {
  return units.find((u) => u.code === code && isValidIn(u, year));
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
  if (year > fromYear) return units.filter((u) => isValidIn(u, year) && u.predecessorCodes.includes(code));
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
