/**
 * In place of the map when it cannot be drawn (no WebGL): says why, and offers the complete
 * non-map paths to the data: the table view and a text summary of the selected year.
 */
import { TIERS, type Tier } from '../domain/types';
import { selectProvinceTotal, selectYearCounts } from '../store/selectors';
import { useAppStore } from '../store/use-app-store';
import { useT } from './use-t';

const TIER_LABEL = { A: 'legendTierA', B: 'legendTierB', C: 'legendTierC' } as const;

export function MapFallback({ reason }: { reason: string }) {
  const tr = useT();
  const year = useAppStore((s) => s.year);
  const counts = useAppStore(selectYearCounts);
  const total = useAppStore(selectProvinceTotal);
  const setTableOpen = useAppStore((s) => s.setTableOpen);

  const official = (tier: Tier) => {
    const exact = total?.counts[tier];
    if (exact !== null && exact !== undefined) return tr('legendOfficial', { n: exact });
    const min = total?.minimums[tier];
    if (min !== null && min !== undefined) return tr('legendOfficialMin', { n: min });
    return null;
  };
  const known = counts ? TIERS.reduce((n, tier) => n + counts.stated[tier] + counts.derived[tier], 0) : 0;

  return (
    <section
      className="map map-fallback"
      aria-labelledby="map-fallback-title"
      style={{ padding: '1rem 1.2rem', overflowY: 'auto' }}
    >
      <h2 id="map-fallback-title">{tr('robustNoMapTitle')}</h2>
      <p>{tr('robustNoMapText')}</p>
      <p className="map-fallback-reason">{tr('robustNoMapReason', { reason })}</p>
      <button type="button" onClick={() => setTableOpen(true)}>
        {tr('robustOpenTable')}
      </button>
      {counts && (
        <div className="map-fallback-summary">
          <h3>{tr('robustSummaryTitle', { year })}</h3>
          <ul>
            {TIERS.map((tier) => {
              const officialText = official(tier);
              const knownText = tr('legendKnown', { n: counts.stated[tier] + counts.derived[tier] });
              return (
                <li key={tier}>
                  {tr('robustTierLine', {
                    tier: tr(TIER_LABEL[tier]),
                    known: officialText ? `${knownText} · ${officialText}` : knownText,
                  })}
                </li>
              );
            })}
            <li>
              {tr('legendRange')}: {counts.range}
            </li>
            <li>
              {tr('legendUnknown')}: {counts.unknown}
            </li>
          </ul>
          <p className="coverage">{tr('coverage', { year, known, total: counts.total })}</p>
        </div>
      )}
    </section>
  );
}
