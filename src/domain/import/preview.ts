/**
 * Resolved entries compared with the dataset.
 */
import type { Dataset, Unit, UnitCode } from '../types';
import type { ImportEntry, ImportFact, ImportPreview, ResolvedEntry } from './types';

export function resolveEntries(units: readonly Unit[], entries: readonly ImportEntry[]): ResolvedEntry[] {
  void units;
  void entries;
  throw new Error('resolveEntries: not yet implemented');
}

export function previewImport(
  dataset: Dataset,
  resolved: readonly ResolvedEntry[],
  choices?: ReadonlyMap<number, UnitCode>,
): ImportPreview {
  void dataset;
  void resolved;
  void choices;
  throw new Error('previewImport: not yet implemented');
}

export function layerFacts(preview: ImportPreview, acceptConflicts: ReadonlySet<string>): ImportFact[] {
  void preview;
  void acceptConflicts;
  throw new Error('layerFacts: not yet implemented');
}
