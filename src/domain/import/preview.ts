/**
 * Resolved entries compared with the dataset: what an import would add, confirm or contradict,
 * what it repeats, and which consistency rules of the dataset it would newly break. Nothing
 * here changes the dataset; layerFacts picks what the user chose to apply.
 */
import { formatViolation, validateDataset, type Violation } from '../dataset/validate';
import { isValidIn } from '../dataset/units';
import { unitCountIn, type Dataset, type TierFact, type Unit, type UnitCode } from '../types';
import { applyImports } from './apply';
import { createNameResolver } from './names';
import {
  IMPORT_SOURCE_PREFIX,
  isImportSourceId,
  type ImportEntry,
  type ImportFact,
  type ImportLayer,
  type ImportPreview,
  type ResolvedEntry,
} from './types';

const factKey = (f: { code: UnitCode; year: number }) => `${f.code}@${f.year}`;

/**
 * Every entry resolved to a unit of its year. Two passes: the first uses each entry's own
 * area hint; the second retries the ambiguous ones with the areas of the names the first pass
 * matched in the same year (a list of 石家庄's units settles its 桥西区), never more.
 */
export function resolveEntries(units: readonly Unit[], entries: readonly ImportEntry[]): ResolvedEntry[] {
  const resolve = createNameResolver(units);
  const first = entries.map((entry) => ({
    entry,
    resolution: resolve(entry.raw, entry.year, { areaHint: entry.areaHint }),
  }));
  const areasByYear = new Map<number, Set<string>>();
  const byCode = new Map<string, Unit[]>();
  for (const u of units) byCode.set(u.code, [...(byCode.get(u.code) ?? []), u]);
  for (const { entry, resolution } of first) {
    if (resolution.kind !== 'matched') continue;
    const unit = byCode.get(resolution.code)?.find((u) => isValidIn(u, entry.year));
    if (!unit) continue;
    const areas = areasByYear.get(entry.year) ?? new Set<string>();
    areas.add(unit.prefectureCode);
    areasByYear.set(entry.year, areas);
  }
  return first.map((r) => {
    if (r.resolution.kind !== 'ambiguous') return r;
    const listAreas = [...(areasByYear.get(r.entry.year) ?? [])];
    return {
      entry: r.entry,
      resolution: resolve(r.entry.raw, r.entry.year, { areaHint: r.entry.areaHint, listAreas }),
    };
  });
}

/** The entry with the user's pick, when the pick names a unit of the entry's year. */
function withChoice(units: readonly Unit[], r: ResolvedEntry, choice: UnitCode | undefined): ResolvedEntry {
  if (choice === undefined || typeof choice !== 'string') return r;
  if (!units.some((u) => u.code === choice && isValidIn(u, r.entry.year))) return r;
  return { entry: r.entry, resolution: { kind: 'matched', code: choice, via: 'chosen' } };
}

function factOf(r: ResolvedEntry): ImportFact | null {
  if (r.resolution.kind !== 'matched') return null;
  const { entry } = r;
  return {
    code: r.resolution.code,
    year: entry.year,
    tier: entry.tier,
    rank: entry.rank,
    rankOf: entry.rank === null ? null : unitCountIn(entry.year),
    raw: entry.raw,
  };
}

/** Violations of a dataset, formatted, cached per dataset object (previews repeat on every choice). */
const baseViolations = new WeakMap<Dataset, Set<string>>();

function violationsOf(dataset: Dataset): Set<string> {
  let found = baseViolations.get(dataset);
  if (!found) {
    found = new Set(validateDataset(dataset).map(formatViolation));
    baseViolations.set(dataset, found);
  }
  return found;
}

/** A free layer id for the trial layer: one more than any IMP source of the dataset. */
function trialLayerId(dataset: Dataset): string {
  const used = dataset.sources
    .map((s) => s.sourceId)
    .filter(isImportSourceId)
    .map((id) => Number(id.slice(IMPORT_SOURCE_PREFIX.length)));
  // A fold, not Math.max(...used): spread into a call, a long list overflows the call stack.
  return `${IMPORT_SOURCE_PREFIX}${used.reduce((most, n) => Math.max(most, n), 0) + 1}`;
}

/**
 * The rules the import would newly break, applying every new fact and every conflict as
 * imported (the most the user can apply). A violation on an imported row has no line in
 * data/tiers.csv to point at, so it is given without one.
 */
function newViolations(dataset: Dataset, facts: readonly ImportFact[]): string[] {
  if (facts.length === 0) return [];
  const layer: ImportLayer = {
    id: trialLayerId(dataset),
    source: { title: 'preview', date: '', url: '' },
    createdAt: '',
    facts: [...facts],
    origin: 'local',
  };
  const applied = applyImports(dataset, [layer]);
  const before = violationsOf(dataset);
  const imported = (v: Violation) => v.table === 'tiers' && v.row !== null && applied.tiers[v.row]?.imported === true;
  const out: string[] = [];
  for (const v of validateDataset(applied)) {
    if (before.has(formatViolation(v))) continue;
    const text = imported(v) ? `[${v.rule}] ${v.message}` : formatViolation(v);
    if (!out.includes(text)) out.push(text);
  }
  return out;
}

export function previewImport(
  dataset: Dataset,
  resolved: readonly ResolvedEntry[],
  choices?: ReadonlyMap<number, UnitCode>,
): ImportPreview {
  const chosen = resolved.map((r, i) => withChoice(dataset.units, r, choices?.get(i)));
  const groups = new Map<string, ImportFact[]>();
  for (const r of chosen) {
    const fact = factOf(r);
    if (fact) groups.set(factKey(fact), [...(groups.get(factKey(fact)) ?? []), fact]);
  }
  const existing = new Map<string, TierFact>();
  for (const t of dataset.tiers) if (!existing.has(factKey(t))) existing.set(factKey(t), t);

  const preview: ImportPreview = {
    resolved: chosen,
    newFacts: [],
    confirmations: [],
    conflicts: [],
    duplicates: [],
    violations: [],
  };
  for (const [key, facts] of groups) {
    const [fact] = facts;
    if (fact === undefined) continue;
    if (facts.length > 1) {
      preview.duplicates.push(facts);
      continue;
    }
    const stated = existing.get(key);
    if (!stated) preview.newFacts.push(fact);
    else if (stated.tier === fact.tier) preview.confirmations.push({ imported: fact, existing: stated });
    else preview.conflicts.push({ imported: fact, existing: stated });
  }
  preview.violations = newViolations(dataset, [...preview.newFacts, ...preview.conflicts.map((c) => c.imported)]);
  return preview;
}

/** The facts a layer gets: every new fact, and the conflicts whose imported tier the user took. */
export function layerFacts(preview: ImportPreview, acceptConflicts: ReadonlySet<string>): ImportFact[] {
  return [
    ...preview.newFacts,
    ...preview.conflicts.filter((c) => acceptConflicts.has(factKey(c.imported))).map((c) => c.imported),
  ];
}
