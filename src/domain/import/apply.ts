/**
 * Imported layers over the project's dataset. The dataset loaded from data/ is never changed:
 * the explorer shows applyImports(base, layers), so removing a layer gives back exactly the
 * previous state (the same function over fewer layers).
 */
import type { Dataset, Source, TierFact } from '../types';
import { stripBidiControls } from '../text-safety';
import { IMPORT_SOURCE_PREFIX, isImportSourceId, type ImportFact, type ImportLayer } from './types';

export function importedSource(layer: ImportLayer): Source {
  return {
    sourceId: layer.id,
    title: layer.source.title,
    publisher: '',
    date: layer.source.date,
    url: layer.source.url,
    language: '',
    note:
      layer.origin === 'link'
        ? 'Imported from a shared link; not part of the project data.'
        : 'Imported by the user in this browser; not part of the project data.',
    noteZh: layer.origin === 'link' ? '从共享链接导入；不属于项目数据。' : '由用户在此浏览器中导入；不属于项目数据。',
  };
}

export function importedFact(layer: ImportLayer, fact: ImportFact): TierFact {
  return {
    code: fact.code,
    year: fact.year,
    tier: fact.tier,
    rank: fact.rank,
    rankOf: fact.rank === null ? null : fact.rankOf,
    basis: 'stated',
    confidence: 'medium',
    sourceIds: [layer.id],
    // The title and the text read are the user's own and stay as written in both languages.
    note: `Imported from “${layer.source.title}”; read as “${fact.raw}”.`,
    noteZh: `导入自“${layer.source.title}”；原文为“${fact.raw}”。`,
    imported: true,
  };
}

/**
 * The dataset with the layers' facts: a layer's fact replaces the fact of the same unit and
 * year (the user chose it over the stated one in the preview); later layers win over earlier.
 * Returns `base` itself when there are no layers.
 */
export function applyImports(base: Dataset, layers: readonly ImportLayer[]): Dataset {
  if (layers.length === 0) return base;
  const key = (f: { code: string; year: number }) => `${f.code}@${f.year}`;
  const replaced = new Map<string, TierFact>();
  const sources: Source[] = [...base.sources];
  for (const layer of layers) {
    if (!sources.some((s) => s.sourceId === layer.id)) sources.push(importedSource(layer));
    for (const fact of layer.facts) replaced.set(key(fact), importedFact(layer, fact));
  }
  const tiers: TierFact[] = [];
  for (const fact of base.tiers) {
    const over = replaced.get(key(fact));
    if (over) {
      tiers.push(over);
      replaced.delete(key(fact));
    } else tiers.push(fact);
  }
  // One by one: a spread passes every fact as an argument, and the stack has a limit.
  for (const fact of replaced.values()) tiers.push(fact);
  return { ...base, sources, tiers };
}

/** The next free layer id: IMP1, IMP2, … */
export function nextLayerId(layers: readonly ImportLayer[]): string {
  const used = layers
    .map((l) => l.id)
    .filter(isImportSourceId)
    .map((id) => Number(id.slice(IMPORT_SOURCE_PREFIX.length)));
  return `${IMPORT_SOURCE_PREFIX}${used.reduce((max, n) => Math.max(max, n), 0) + 1}`;
}

/**
 * The layer without bidirectional controls in its user-written text (title, date, link, and
 * each fact's name as read), as every check of layers read back leaves it: a layer the user
 * applies here is then the same data as the one storage or a link gives back, and no title or
 * link (shown as text in the report card and written to exports) reads backwards.
 */
export function withoutBidiControls(layer: ImportLayer): ImportLayer {
  const { title, date, url } = layer.source;
  return {
    ...layer,
    source: {
      ...layer.source,
      title: stripBidiControls(title),
      date: stripBidiControls(date),
      url: stripBidiControls(url),
    },
    facts: layer.facts.map((f) => ({ ...f, raw: stripBidiControls(f.raw) })),
  };
}
