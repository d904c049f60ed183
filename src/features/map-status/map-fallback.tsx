/**
 * When the map cannot be drawn, the page says why and offers the complete non-map paths to the
 * data: the table view and a text summary of the selected year.
 * - MapFallback: in place of the map when it cannot be created at all (no WebGL) or cannot draw
 *   (its worker script did not load).
 * - MapLostNotice: over the map while its WebGL context is lost after start (store.mapContextLost);
 *   the map stays mounted underneath and is drawn again when the browser restores the context.
 * - MapLoadFailed: over the map area while the data or the geometry failed to load, with a
 *   button that loads them again in place (the page, its address and the view stay).
 */
import { useState, type CSSProperties } from 'react';
import { loadInto } from '../../data/load-dataset';
import { TIERS, type Tier } from '../../domain/types';
import { selectProvinceTotal, selectYearCounts } from '../../store/selectors';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import '../../components/button.css';
import type { MessageKey } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';

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
      <button type="button" className="btn" onClick={() => setTableOpen(true)}>
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

/**
 * The explanation for a reason of store.mapUnavailable. The reasons are technical text from
 * src/map: webglUnavailable's and MapLibre's own WebGL errors name WebGL; a worker that did not
 * load is reported with MapLibre's message, which names the worker.
 */
export function noMapTextKey(reason: string): MessageKey {
  if (/webgl/i.test(reason)) return 'robustNoMapText';
  if (/\bworker\b/i.test(reason)) return 'robustNoMapWorkerText';
  return 'robustNoMapOtherText';
}

export function MapFallback({ reason }: { reason: string }) {
  const tr = useT();
  const textKey = noMapTextKey(reason);
  return (
    <section
      className="map map-fallback"
      aria-labelledby="map-fallback-title"
      style={{ padding: '1rem 1.2rem', overflowY: 'auto' }}
    >
      <h2 id="map-fallback-title">{tr('robustNoMapTitle')}</h2>
      <p>{tr(textKey)}</p>
      <p className="map-fallback-reason">{tr('robustNoMapReason', { reason })}</p>
      {/* Without WebGL a reload changes nothing; a blocked file may be reachable again. */}
      {textKey !== 'robustNoMapText' && (
        <p>
          <button type="button" className="btn" onClick={() => window.location.reload()}>
            {tr('robustReloadPage')}
          </button>
        </p>
      )}
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

// Centred over the map area, above the map's controls and the notices (which overlay its top).
const LOAD_FAILED: CSSProperties = {
  ...OVERLAY,
  top: '50%',
  left: '50%',
  transform: 'translate(-50%, -50%)',
  width: 'min(28rem, calc(100% - 1.5rem))',
  maxWidth: 'none',
  maxHeight: 'calc(100% - 1.5rem)',
};

/**
 * Over the map area while the data or the geometry could not be loaded (store.data is an
 * error): what failed, and a button that loads them again without reloading the page, so the
 * address, the year, the county and the view stay as they are.
 */
export function MapLoadFailed() {
  const tr = useT();
  const data = useAppStore((s) => s.data);
  const store = useAppStoreApi();
  const [retrying, setRetrying] = useState(false);
  const [failedRetries, setFailedRetries] = useState(0);
  if (data.status !== 'error') return null;

  const retry = (button: HTMLButtonElement) => {
    // The button goes away with this box once the data is in: focus then moves to the map,
    // not to <body>.
    const map = button.closest('.map-column')?.querySelector<HTMLElement>('.maplibregl-canvas');
    setRetrying(true);
    void loadInto(store.getState()).then((loaded) => {
      setRetrying(false);
      if (loaded) map?.focus();
      else setFailedRetries((n) => n + 1);
    });
  };

  return (
    <section className="map-load-failed" aria-labelledby="map-load-failed-title" style={LOAD_FAILED}>
      <h2 id="map-load-failed-title" style={{ margin: '0 0 0.5rem', fontSize: '1.15rem' }}>
        {tr('robustLoadFailedTitle')}
      </h2>
      {/* Keyed by the attempt, so a retry that fails again is announced again. */}
      <div role="alert" key={failedRetries}>
        <p>{tr('robustLoadFailedText')}</p>
        <p className="map-fallback-reason">{tr('robustNoMapReason', { reason: data.message })}</p>
        {failedRetries > 0 && <p>{tr('robustLoadStillFailing', { n: failedRetries })}</p>}
      </div>
      <button
        type="button"
        className="btn"
        aria-disabled={retrying}
        onClick={(event) => {
          if (!retrying) retry(event.currentTarget);
        }}
      >
        {retrying ? tr('robustLoadRetrying') : tr('robustRetry')}
      </button>
    </section>
  );
}
