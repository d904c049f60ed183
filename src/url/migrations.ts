/**
 * Fixes for links written by older versions of the explorer, applied in order before parsing
 * (as OWID's GrapherUrlMigrations do), so a link that once worked keeps working.
 *
 * The list is empty: no URL format has been published before this one, and inventing aliases
 * for links that never existed would only widen what the parser must accept. When a key is
 * renamed or its format changes, append a migration here (never edit or reorder old ones: a
 * link may need several in turn) and add a test with a real old link.
 */

export type UrlMigration = (params: URLSearchParams) => URLSearchParams;

export const URL_MIGRATIONS: readonly UrlMigration[] = [];

/**
 * Runs the migrations on a copy of `params`. A migration that throws is skipped: a strange old
 * link must never stop the page from opening (the parser reports what it cannot read).
 */
export function migrateParams(
  params: URLSearchParams,
  migrations: readonly UrlMigration[] = URL_MIGRATIONS,
): URLSearchParams {
  let current = new URLSearchParams(params);
  for (const migrate of migrations) {
    try {
      current = migrate(new URLSearchParams(current));
    } catch {
      // Keep the parameters as they were before the failing step.
    }
  }
  return current;
}
