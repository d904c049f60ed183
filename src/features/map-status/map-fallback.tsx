/**
 * What the map area says when the map is not the full (WebGL) map, or has nothing to draw:
 * - MapFallback: a note over the map's lower corner when MapLibre does not run here (no WebGL,
 *   WebGL drawn in software, or its worker script did not load): the 2D map (src/map/canvas) is
 *   the map, and the note says why, offering a reload where that may help, or the full map
 *   anyway where it would only be slow. It can be closed.
 * - MapLostNotice: over the map while its WebGL context is lost after start (store.mapContextLost);
 *   the 2D map draws meanwhile, and MapLibre takes over again when the browser restores the context.
 * - MapLoadFailed: over the map area while the data or the geometry failed to load, with a
 *   button that loads them again in place (the page, its address and the view stay).
 */
import { useState, type CSSProperties } from 'react';
import { loadInto } from '../../data/load-dataset';
import { UI } from '../../domain/palette';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import '../../components/button.css';
import type { MessageKey } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';

/**
 * The explanation for a reason of store.mapUnavailable. The reasons are technical text from
 * src/map: webglUnavailable's and MapLibre's own WebGL errors name WebGL; a worker that did not
 * load is reported with MapLibre's message, which names the worker.
 */
export function noMapTextKey(reason: string): MessageKey {
  // src/map/webgl.ts SOFTWARE_WEBGL_REASON ('WebGL is drawn in software …'), before any other WebGL reason.
  if (/^WebGL is drawn in software\b/.test(reason)) return 'robustSoftwareMapText';
  if (/webgl/i.test(reason)) return 'robustNoMapText';
  if (/\bworker\b/i.test(reason)) return 'robustNoMapWorkerText';
  return 'robustNoMapOtherText';
}

// Inline: React sets it through the CSSOM, which the Content-Security-Policy's style-src does
// not govern (scripts/csp.ts).
const OVERLAY: CSSProperties = {
  position: 'absolute',
  zIndex: 6,
  maxWidth: 'min(26rem, calc(100% - 1.5rem))',
  maxHeight: 'calc(100% - 1.5rem)',
  overflowY: 'auto',
  padding: '0.6rem 0.8rem',
  background: 'var(--panel)',
  border: '1px solid var(--line)',
  borderRadius: '6px',
  boxShadow: `0 2px 8px ${UI.shade18}`,
  fontSize: '0.9rem',
};
// Above the map's controls (z-index 2), below the notices (4) and the tooltip (5).
const CORNER: CSSProperties = {
  ...OVERLAY,
  zIndex: 3,
  left: '0.75rem',
  bottom: '0.75rem',
  maxWidth: 'min(22rem, calc(100% - 1.5rem))',
  fontSize: '0.85rem',
};
const TITLE: CSSProperties = { margin: '0 0 0.3rem', fontSize: '1rem' };

/** Over the 2D map's lower corner when MapLibre cannot run: why, and what still works. */
export function MapFallback({ reason }: { reason: string }) {
  const tr = useT();
  const requestFullMap = useAppStore((s) => s.requestFullMap);
  const [closed, setClosed] = useState(false);
  if (closed) return null;
  const textKey = noMapTextKey(reason);
  return (
    <section className="map-fallback" aria-labelledby="map-fallback-title" style={CORNER}>
      <h2 id="map-fallback-title" style={TITLE}>
        {tr('robustNoMapTitle')}
      </h2>
      {/* On a phone the explanation folds into Details, so the note leaves the map in view (styles.css). */}
      <p className="map-fallback-text" style={{ margin: '0 0 0.3rem' }}>
        {tr(textKey)}
      </p>
      <details>
        <summary>{tr('robustNoMapDetails')}</summary>
        <p className="map-fallback-text-folded">{tr(textKey)}</p>
        <p className="map-fallback-reason">{tr('robustNoMapReason', { reason })}</p>
      </details>
      <p style={{ margin: '0.4rem 0 0', display: 'flex', gap: '0.4rem', flexWrap: 'wrap' }}>
        {textKey === 'robustSoftwareMapText' && (
          <button type="button" className="btn" onClick={requestFullMap}>
            {tr('robustUseFullMap')}
          </button>
        )}
        {/* Without WebGL a reload changes nothing; a blocked file may be reachable again. */}
        {textKey !== 'robustNoMapText' && textKey !== 'robustSoftwareMapText' && (
          <button type="button" className="btn" onClick={() => window.location.reload()}>
            {tr('robustReloadPage')}
          </button>
        )}
        <button type="button" className="btn" onClick={() => setClosed(true)}>
          {tr('robustNoMapClose')}
        </button>
      </p>
    </section>
  );
}

/** Over the map while its WebGL context is lost (the 2D map draws meanwhile); nothing otherwise. */
export function MapLostNotice() {
  const tr = useT();
  const lost = useAppStore((s) => s.mapContextLost);
  if (!lost) return null;
  return (
    <section className="map-fallback map-lost" aria-labelledby="map-lost-title" style={CORNER}>
      <h2 id="map-lost-title" style={TITLE}>
        {tr('robustLostTitle')}
      </h2>
      {/* An alert: the map changed without the user doing anything, so say so at once. */}
      <p role="alert" style={{ margin: 0 }}>
        {tr('robustLostText')}
      </p>
    </section>
  );
}

// Centred over the map area, above the map's controls and the notices (which overlay its top).
const LOAD_FAILED: CSSProperties = {
  ...OVERLAY,
  padding: '0.8rem 1rem',
  fontSize: 'inherit',
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

  const retry = () => {
    setRetrying(true);
    void loadInto(store.getState()).then((loaded) => {
      setRetrying(false);
      // The button goes away with this box once the data is in: focus then moves to the map
      // (store.focusMap: the map focuses the renderer it shows), not to <body>.
      if (loaded) store.getState().focusMap();
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
        onClick={() => {
          if (!retrying) retry();
        }}
      >
        {retrying ? tr('robustLoadRetrying') : tr('robustRetry')}
      </button>
    </section>
  );
}
