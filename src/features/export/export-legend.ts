/**
 * The figure's legend words: the legend model's entries (domain/legend-model.ts) with their
 * counts, known next to the official total, as the figures print them.
 */
import type { LegendEntry } from '../../domain/legend-model';
import { TIERS } from '../../domain/types';
import type { MessageKey } from '../../i18n/i18n';
import './on-demand-messages';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const BAND = { A: 'exportBandA', B: 'exportBandB', C: 'exportBandC' } as const;

/** An entry's line in the image: its label and count in one text. */
export function exportLegendText(tr: Translate, entry: LegendEntry): string {
  const { known, derived, official } = entry.counts;
  switch (entry.kind) {
    case 'tier': {
      const tier = TIERS.find((t) => t === entry.key) ?? 'A';
      const text = tr('exportLegendTier', { tier, band: tr(BAND[tier]), known });
      if (!official) return text;
      return `${text} · ${tr(official.exact ? 'exportLegendOfficial' : 'exportLegendOfficialMin', { n: official.n })}`;
    }
    case 'derived':
      return tr('exportLegendDerived', { n: derived });
    case 'range':
      return tr('exportLegendRange', { n: known });
    case 'unknown':
      return tr('exportLegendUnknown', { n: known });
    case 'draw':
    case 'imported':
      return `${tr(entry.labelKey, entry.labelParams)}: ${tr('legendCount', { n: known })}`;
  }
}
