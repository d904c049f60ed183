/**
 * Column orders of the project's CSV tables (data/*.csv). The app exports in these shapes
 * and the importer reads them, so they are a contract: change them only with a migration.
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
] as const;
