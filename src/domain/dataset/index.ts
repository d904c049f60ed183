/**
 * The project's dataset: parse data/*.csv text into domain rows, validate the rows against
 * each other, and measure coverage. Pure functions (no DOM, no Node APIs), shared by the app,
 * scripts/data-check.ts and the migration.
 */
export { TABLE_NAMES, fileOf, formatParseError, type ParseError, type TableName } from './fields.ts';
export {
  parseDataset,
  parseIndicators,
  parseSources,
  parseTierRanges,
  parseTiers,
  parseTotals,
  parseUnits,
  type DatasetParseResult,
  type DatasetTexts,
  type ParseResult,
} from './parse.ts';
export { RULES, formatViolation, validateDataset, type RuleId, type Violation } from './validate.ts';
export {
  areaCoverage,
  coverage,
  formatOfficial,
  rangeOnlyCodes,
  type AreaCoverage,
  type YearCoverage,
} from './coverage.ts';
export { areaName, buildUnitIndex, clampYear, findUnits, isValidIn, type UnitIndex } from './units.ts';
export { noteIn, type ShownNote } from './notes.ts';
