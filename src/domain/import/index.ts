/**
 * The import domain: parse a pasted notice or a CSV file, resolve its names to units, compare
 * with the dataset, and apply the chosen facts as a layer. Everything the UI needs, pure.
 *
 * decodeImportBytes (file) → parseImportText / parseNotice / parseImportCsv → resolveEntries →
 * previewImport (again with the user's choices) → layerFacts → an ImportLayer → applyImports.
 */
export * from './types';
export { applyImports, importedFact, importedSource, nextLayerId } from './apply';
export { AREA_NAMES_ZH, areaCodeOfName } from './areas-zh';
export { decodeImportBytes, type DecodeResult } from './decode';
export { parseNotice, type NoticeDefaults } from './notice';
export { MAX_LISTED_PROBLEMS, looksLikeCsv, parseImportCsv, parseImportText } from './csv-input';
export { normalizeName, shortForms } from './name-forms';
export { createNameResolver, type NameResolver, type ResolveContext } from './names';
export { layerFacts, previewImport, resolveEntries } from './preview';
export { pastedInput, readImportInput, type ImportInput, type ImportRead } from './read';
