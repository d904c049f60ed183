/**
 * Timeline arithmetic: stepping and playing through the evaluation years. Pure; the store's
 * actions call these, and the UI only forwards keys and clicks.
 */
import { FIRST_YEAR, LAST_YEAR, YEARS, type Year } from './types';

/** About 1.2 s per year while playing (the product brief asks for 1–1.5 s). */
export const PLAYBACK_MS_PER_YEAR = 1200;

export function isYear(value: number): value is Year {
  return (YEARS as readonly number[]).includes(value);
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
