/**
 * Wording shared by features: a scope's known/official count of a tier in a year, in words for a
 * screen reader. The details' comparison table and the report card both say it.
 */
import type { Tier } from '../domain/types';
import type { ScopeYear } from '../domain/unit-comparison';
import type { MessageKey } from './i18n';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** "B: 7 known of 42 official", "… official at least 40" or "… official count not stated". */
export function tierWords(tr: Translate, y: ScopeYear, tier: Tier): string {
  const count = y.official?.[tier] ?? null;
  const known = y.known[tier];
  const words =
    count === null
      ? tr('detailsCompareTierNone', { tier, known, units: y.units })
      : tr(count.kind === 'exact' ? 'detailsCompareTierExact' : 'detailsCompareTierMin', {
          tier,
          known,
          official: count.n,
        });
  return count !== null && y.officialDerived ? `${words}${tr('detailsCompareDerived')}` : words;
}
