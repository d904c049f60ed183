/**
 * Timeline arithmetic: whether a value is an evaluation year, which years can be the base of a
 * change, stepping and playing through the years. Pure; the store's actions call these, and the
 * UI only forwards keys and clicks.
 */
import { FIRST_YEAR, LAST_YEAR, YEARS, type Year } from './types';

/** About 1.2 s per year while playing (the product brief asks for 1–1.5 s). */
export const PLAYBACK_MS_PER_YEAR = 1200;

/** Whether a value (a number from a link, a file or storage, or anything else) is an evaluation year. */
export function isYear(value: unknown): value is Year {
  return typeof value === 'number' && (YEARS as readonly number[]).includes(value);
}

/** The years that can be the base of a change to `year`: the earlier evaluation years, earliest first. */
export function baseYearOptions(year: number): Year[] {
  return YEARS.filter((y) => y < year);
}

/**
 * Whether a chosen base year counts for `year`: only an earlier year does (a change needs one).
 * A chosen base that does not count gives way to the default (baseYearOf below).
 */
export function chosenBaseCounts(base: number | null, year: number): base is number {
  return base !== null && base < year;
}

/**
 * The base year of change mode, of the timeline's change line and of the transition view: the
 * chosen one when it is earlier than the year, else `defaultBase` (the year that makes the most
 * units comparable, defaultBaseYear in domain/base-year.ts), else (for 2019, which has no earlier
 * evaluation) the year before. The store drops a chosen base when the year moves to it or before
 * (movedToYear in store/slices/view-slice.ts); the map, which holds every year at once, draws any
 * such year against that year's default.
 */
export function baseYearOf(view: { base: number | null; year: number }, defaultBase: number | null): number {
  if (chosenBaseCounts(view.base, view.year)) return view.base;
  return defaultBase !== null && defaultBase < view.year ? defaultBase : view.year - 1;
}

/** The year `delta` steps away, clamped to 2019–2023. */
export function stepYear(year: Year, delta: number): Year {
  const i = YEARS.indexOf(year) + Math.trunc(delta);
  return YEARS[Math.max(0, Math.min(YEARS.length - 1, i))] ?? year;
}

/** Where playback starts: from the current year, or from the first year when at the end. */
export function playbackStart(year: Year): Year {
  return year === LAST_YEAR ? FIRST_YEAR : year;
}

/** One playback tick: the next year, or null when the end is reached (playback stops). */
export function playbackNext(year: Year): Year | null {
  return year === LAST_YEAR ? null : stepYear(year, 1);
}
