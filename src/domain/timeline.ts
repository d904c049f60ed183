/**
 * Timeline arithmetic: stepping and playing through the evaluation years. Pure; the store's
 * actions call these, and the UI only forwards keys and clicks.
 */
import { FIRST_YEAR, LAST_YEAR, YEARS, type Year } from './types';

/** About 1.2 s per year while playing (the product brief asks for 1–1.5 s). */
export const PLAYBACK_MS_PER_YEAR = 1200;

/** Whether a value (a number from a link, a file or storage, or anything else) is an evaluation year. */
export function isYear(value: unknown): value is Year {
  return typeof value === 'number' && (YEARS as readonly number[]).includes(value);
}

/**
 * The base year of change mode and of the transition view: the chosen one, or the year before.
 * A chosen base applies only to later years: the store drops it when the year moves to it or
 * before (movedToYear in store/slices/view-slice.ts), and the map, which holds every year at
 * once, draws any such year against the year before.
 */
export function baseYearOf(view: { base: number | null; year: number }): number {
  return view.base !== null && view.base < view.year ? view.base : view.year - 1;
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
