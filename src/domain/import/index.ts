/**
 * The import domain: parse a pasted notice or a CSV file, resolve its names to units, compare
 * with the dataset, and apply the chosen facts as a layer. Everything the UI needs, pure.
 */
export * from './types';
export { applyImports, importedFact, importedSource, nextLayerId } from './apply';
export { decodeImportBytes, type DecodeResult } from './decode';
export { parseNotice, type NoticeDefaults } from './notice';
export { parseImportCsv, parseImportText } from './csv-input';
export { createNameResolver, type NameResolver, type ResolveContext } from './names';
export { layerFacts, previewImport, resolveEntries } from './preview';
