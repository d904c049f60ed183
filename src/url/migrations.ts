/**
 * Fixes for links written by older versions of the explorer, applied in order before parsing
 * (as OWID's GrapherUrlMigrations do), so a link that once worked keeps its meaning.
 *
 * Versions. A link carries its format's version in `v` (LINK_VERSION, written first by
 * serializeUrlState). A link without `v` is version 1: every link written before `v` existed.
 * URL_MIGRATIONS[i] upgrades version i + 1 to i + 2, so a link runs the migrations from its own
 * version on; `v` itself is consumed here and never reaches the parser. A `v` that is not a
 * positive whole number reads as version 1 (the format that had no `v`); a version newer than
 * this code runs no migration and is parsed as it is.
 *
 * Rules: never edit or reorder a published migration (a link may need several in turn), append
 * one with a test built from a real old link when a key is renamed or a default changes.
 */

export type UrlMigration = (params: URLSearchParams) => URLSearchParams;

/** The query key of the link format's version. */
export const VERSION_KEY = 'v';

/**
 * The latest year of the data when version 1 links were written (2019–2023 evaluations): a
 * version 1 link without `year` showed it. A literal, not LAST_YEAR: a new year's data must not
 * move what an old link meant.
 */
export const V1_LATEST_YEAR = 2023;
const V1_FIRST_YEAR = 2019;

/**
 * Version 1 → 2: version 1 left out what equalled a default; version 2 pins it. Each default
 * becomes the value it had when the link was written:
 *
 * - `year` missing: 2023, the latest year of the data (the default was LAST_YEAR).
 * - `base` missing in change mode or with a `flow` (both are moves from the base year to the
 *   year): the year before `year`. History (`git log -p src/domain/base-year.ts src/url/`):
 *   from the first change mode (commit 470c354, 2026-11-24) the default base was `year - 1`
 *   (baseYearOf in store/selectors.ts, later domain/timeline.ts); from commit 4e1ce05
 *   (2026-12-06 13:49 UTC, about two hours before versions existed) it was the earlier year
 *   that makes the most units comparable (domain/base-year.ts, from the data). With the data of
 *   that time the two rules agree for 2020 (2019), 2021 (2020) and 2022 (2021) and differ only
 *   for 2023 (2022 by the first rule, 2020 by the second). A link does not say which era wrote
 *   it; the first rule was the default for twelve days and the second for two hours, so
 *   version 1 links take the first: an old "change 2023" link opens as 2022 → 2023.
 *   A tier-mode link without `flow` gets no `base`: there the base only sets the timeline's line
 *   of moves and the transition view below the map, not the map a reader was sent, and they
 *   keep following today's default.
 * - `lang` missing: the browser's language, as before (the link cannot tell which it was), so
 *   nothing is added and the page falls back to the browser's language as it always did.
 * - `mode` missing: tier, the same default then and now, so nothing is added.
 */
export function pinVersion1Defaults(params: URLSearchParams): URLSearchParams {
  if (!params.has('year')) params.set('year', String(V1_LATEST_YEAR));
  const rawYear = params.get('year') ?? '';
  const year = /^\d{4}$/.test(rawYear) ? Number(rawYear) : Number.NaN;
  const isMove = params.get('mode') === 'change' || params.has('flow');
  if (isMove && !params.has('base') && year > V1_FIRST_YEAR && year <= V1_LATEST_YEAR) {
    params.set('base', String(year - 1));
  }
  return params;
}

export const URL_MIGRATIONS: readonly UrlMigration[] = [pinVersion1Defaults];

/** The version links are written in: one more than the number of migrations. */
export const LINK_VERSION = URL_MIGRATIONS.length + 1;

/** The version a link says it is in (its first `v`), 1 when it says nothing readable. */
export function linkVersion(params: URLSearchParams): number {
  const raw = params.get(VERSION_KEY);
  return raw !== null && /^\d{1,4}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : 1;
}

/**
 * Runs the migrations from the link's version on, on a copy of `params`, and removes `v`. A
 * migration that throws is skipped: a strange old link must never stop the page from opening
 * (the parser reports what it cannot read).
 */
export function migrateParams(
  params: URLSearchParams,
  migrations: readonly UrlMigration[] = URL_MIGRATIONS,
): URLSearchParams {
  const version = linkVersion(params);
  let current = new URLSearchParams(params);
  current.delete(VERSION_KEY);
  for (const migrate of migrations.slice(version - 1)) {
    try {
      current = migrate(new URLSearchParams(current));
    } catch {
      // Keep the parameters as they were before the failing step.
    }
  }
  return current;
}
