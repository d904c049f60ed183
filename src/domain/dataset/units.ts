/**
 * Looking units up by code and year. A code can name different units in different years
 * (130502 is 桥东区 up to 2020 and 襄都区 from 2021), so every lookup takes a year.
 */
import { FIRST_YEAR, LAST_YEAR, compareCodes, type Unit, type UnitCode } from '../types.ts';

export function isValidIn(unit: Unit, year: number): boolean {
  return unit.validFrom <= year && (unit.validTo === null || year <= unit.validTo);
}

/**
 * Clamp a year to the evaluations the units table covers. Context rows (the 2018 baseline,
 * the 2024 evaluation, statistics of other years) are keyed by the unit as it was in the
 * nearest covered evaluation; no unit changed between 2018 and 2019 or between 2023 and 2024.
 */
export function clampYear(year: number): number {
  return Math.min(LAST_YEAR, Math.max(FIRST_YEAR, year));
}

/** An area's short name, as the facts package writes it: 石家庄市 → 石家庄, 定州市 → 定州. */
export function areaName(prefectureZh: string): string {
  return prefectureZh.endsWith('市') ? prefectureZh.slice(0, -1) : prefectureZh;
}

export interface UnitIndex {
  /** The unit a code names in a year, if any. */
  unitIn(code: UnitCode, year: number): Unit | undefined;
  /** Every unit (validity span) that has carried this code. */
  withCode(code: UnitCode): Unit[];
  /** All units valid in a year (one array per year, shared: do not change it). */
  unitsIn(year: number): readonly Unit[];
  /** Units valid in a year whose area (prefecture code) is `areaCode` (shared, like unitsIn's). */
  unitsInArea(areaCode: string, year: number): readonly Unit[];
  /** Area code → area short name (石家庄 … 衡水, 定州, 辛集), in code order. */
  areas: ReadonlyMap<string, string>;
}

export function buildUnitIndex(units: readonly Unit[]): UnitIndex {
  const byCode = new Map<UnitCode, Unit[]>();
  const areas = new Map<string, string>();
  for (const u of units) {
    byCode.set(u.code, [...(byCode.get(u.code) ?? []), u]);
    if (!areas.has(u.prefectureCode)) areas.set(u.prefectureCode, areaName(u.prefectureZh));
  }
  const sortedAreas = new Map([...areas].sort(([a], [b]) => compareCodes(a, b)));
  // Asked for once per area and year by the checks at load: kept, not filtered again each time.
  const byYear = new Map<number, readonly Unit[]>();
  const byArea = new Map<string, readonly Unit[]>();
  const unitsIn = (year: number): readonly Unit[] => {
    let found = byYear.get(year);
    if (!found) byYear.set(year, (found = units.filter((u) => isValidIn(u, year))));
    return found;
  };
  return {
    unitIn: (code, year) => byCode.get(code)?.find((u) => isValidIn(u, year)),
    withCode: (code) => byCode.get(code) ?? [],
    unitsIn,
    unitsInArea: (areaCode, year) => {
      const key = `${areaCode} ${year}`;
      let found = byArea.get(key);
      if (!found) byArea.set(key, (found = unitsIn(year).filter((u) => u.prefectureCode === areaCode)));
      return found;
    },
    areas: sortedAreas,
  };
}

const indexes = new WeakMap<readonly Unit[], UnitIndex>();

/** buildUnitIndex, built once per units array (the summaries ask for it per year and area). */
export function unitIndexOf(units: readonly Unit[]): UnitIndex {
  let found = indexes.get(units);
  if (!found) indexes.set(units, (found = buildUnitIndex(units)));
  return found;
}

/**
 * Units matching an area short name and a unit name in a year. Names repeat across areas
 * (桥西区, 桥东区, 新华区) and within an area over time, so all three are needed; callers
 * treat anything but exactly one match as an error.
 */
export function findUnits(units: readonly Unit[], area: string, name: string, year: number): Unit[] {
  return units.filter((u) => areaName(u.prefectureZh) === area && u.nameZh === name && isValidIn(u, year));
}

/** A label for messages: "130502 襄都区 (邢台)". */
export function unitLabel(index: UnitIndex, code: UnitCode, year: number): string {
  const u = index.unitIn(code, clampYear(year));
  return u ? `${code} ${u.nameZh} (${areaName(u.prefectureZh)})` : code;
}
