/**
 * Column orders of the project's CSV tables (data/*.csv). The app exports in these shapes
 * and the importer reads them, so they are a contract: change them only with a migration.
 *
 * Every free-text note has a Chinese counterpart in the column right after it (`note_zh`,
 * `boundary_note_zh`), written from the English note and its source, so the Chinese interface
 * shows Chinese; the English note stays for the English interface.
 */
export const UNIT_COLUMNS = [
  'code',
  'name_zh',
  'name_en',
  'prefecture_code',
  'prefecture_zh',
  'valid_from',
  'valid_to',
  'predecessor_codes',
  'boundary_note',
  'boundary_note_zh',
] as const;

/**
 * data/sources.csv. `language` (zh-Hans | zh-Hant | en, the script of the page) is kept as an
 * extra last column beyond the spec's six: it tells a reader that a page is a Traditional-script
 * repost, which is one of the facts package's cautions about copies.
 */
export const SOURCE_COLUMNS = [
  'source_id',
  'title',
  'publisher',
  'date',
  'url',
  'note',
  'note_zh',
  'language',
] as const;

/** data/tiers.csv: one row per unit (code) and evaluation year whose tier is known. */
export const TIER_COLUMNS = [
  'code',
  'year',
  'tier',
  'rank',
  'rank_of',
  'basis',
  'confidence',
  'source_ids',
  'note',
  'note_zh',
] as const;

/** data/tier_ranges.csv: moves between tiers, possibly over a window of years. */
export const TIER_RANGE_COLUMNS = [
  'code',
  'from_tier',
  'to_tier',
  'year_from',
  'year_to',
  'source_ids',
  'note',
  'note_zh',
] as const;

/** data/totals.csv: tier counts and bounds; scope is `province` or an area (prefecture) code. */
export const TOTAL_COLUMNS = [
  'year',
  'scope',
  'units',
  'A',
  'B',
  'C',
  'A_min',
  'B_min',
  'C_min',
  'avg_score',
  'tier_changes',
  'basis',
  'confidence',
  'source_ids',
  'note',
  'note_zh',
] as const;

/** data/indicators.csv: other figures; scope is province | prefecture | unit, code empty for the province. */
export const INDICATOR_COLUMNS = [
  'scope',
  'code',
  'year',
  'indicator',
  'value',
  'unit',
  'source_ids',
  'note',
  'note_zh',
] as const;
