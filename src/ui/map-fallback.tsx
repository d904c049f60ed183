/**
 * When the map cannot be drawn, the page says why and offers the complete non-map paths to the
 * data: the table view and a text summary of the selected year.
 * - MapFallback: in place of the map when it cannot be created at all (no WebGL).
 * - MapLostNotice: over the map while its WebGL context is lost after start (store.mapContextLost);
 *   the map stays mounted underneath and is drawn again when the browser restores the context.
 */
import type { CSSProperties } from 'react';
import { TIERS, type Tier } from '../domain/types';
import { selectProvinceTotal, selectYearCounts } from '../store/selectors';
import { useAppStore } from '../store/use-app-store';
import { useT } from './use-t';

const TIER_LABEL = { A: 'legendTierA', B: 'legendTierB', C: 'legendTierC' } as const;

/** The table button and the year's counts by state, next to the official totals. */
function TableAndSummary() {
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
    <>
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
    </>
  );
}

export function MapFallback({ reason }: { reason: string }) {
  const tr = useT();
  return (
    <section
      className="map map-fallback"
      aria-labelledby="map-fallback-title"
      style={{ padding: '1rem 1.2rem', overflowY: 'auto' }}
    >
      <h2 id="map-fallback-title">{tr('robustNoMapTitle')}</h2>
      <p>{tr('robustNoMapText')}</p>
      <p className="map-fallback-reason">{tr('robustNoMapReason', { reason })}</p>
      <TableAndSummary />
    </section>
  );
}

// Inline, like MapFallback's padding: React sets it through the CSSOM, which the
// Content-Security-Policy's style-src does not govern (scripts/csp.ts).
const OVERLAY: CSSProperties = {
  position: 'absolute',
  top: '0.75rem',
  left: '0.75rem',
  zIndex: 6,
  maxWidth: 'min(30rem, calc(100% - 1.5rem))',
  maxHeight: 'calc(100% - 1.5rem)',
  overflowY: 'auto',
  padding: '0.8rem 1rem',
  background: 'var(--panel)',
  border: '1px solid var(--line)',
  borderRadius: '6px',
  boxShadow: '0 2px 8px rgb(0 0 0 / 18%)',
};

/** Over the blank map while its WebGL context is lost; nothing while the map is drawn. */
export function MapLostNotice() {
  const tr = useT();
  const lost = useAppStore((s) => s.mapContextLost);
  if (!lost) return null;
  return (
    <section className="map-fallback map-lost" aria-labelledby="map-lost-title" style={OVERLAY}>
      <h2 id="map-lost-title">{tr('robustLostTitle')}</h2>
      {/* An alert: the map went blank without the user doing anything, so say so at once. */}
      <p role="alert">{tr('robustLostText')}</p>
      <TableAndSummary />
    </section>
  );
}
