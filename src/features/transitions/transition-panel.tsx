/**
 * The transition view's place in the panel. Its code (transition-view.tsx, with the Sankey's d3
 * layout, the matrix and the official counts) is a chunk of its own, not needed to see the first
 * map: it loads when its place comes near the screen, when a flow is chosen (e.g. by a link's
 * `flow=`, whose units the view lists), or else once the browser is idle after the data is in.
 * Until then the place shows the view's heading and "Loading…" (aria-busy); a failed load says
 * so there and can be tried again. The map's flow highlight does not wait for it: it is the
 * store's and the map's.
 */
import { useEffect, useId, useRef } from 'react';
import { lazyFeature, retryableImport } from '../../components/lazy-feature';
import { usePanelYear } from '../../components/use-panel-year';
import { FIRST_YEAR } from '../../domain/types';
import { useT } from '../../i18n/use-t';
import { baseYearOf } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import './transition-view.css';

const viewCode = retryableImport(() => import('./transition-view'));
const view = lazyFeature(() => viewCode().then((m) => m.TransitionView));

/** How near the screen (px) the place is when its code starts loading: it is in by the time it is seen. */
const NEAR = '600px';
/** Longest wait for an idle moment after the data is in. */
const IDLE_TIMEOUT_MS = 5000;

/** Calls `run` once the browser is idle (or after a while where it cannot say); returns the cancel. */
function whenIdle(run: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    return () => window.cancelIdleCallback(id);
  }
  const timer = window.setTimeout(run, IDLE_TIMEOUT_MS);
  return () => window.clearTimeout(timer);
}

const noop = () => undefined;

export function TransitionView() {
  const tr = useT();
  const ready = useAppStore((s) => s.data.status === 'ready');
  const flow = useAppStore((s) => s.flow);
  const year = usePanelYear();
  const base = useAppStore((s) => baseYearOf({ data: s.data, base: s.base, year }));
  const status = view.useStatus();
  const place = useRef<HTMLElement>(null);
  const headingId = `tv-pending-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  useEffect(() => {
    if (flow !== null) view.preload();
  }, [flow]);

  useEffect(() => {
    if (!ready || view.getStatus() !== 'idle') return undefined;
    const cancelIdle = whenIdle(view.preload);
    const element = place.current;
    if (element === null || typeof IntersectionObserver !== 'function') return cancelIdle;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) view.preload();
      },
      { rootMargin: NEAR },
    );
    observer.observe(element);
    return () => {
      cancelIdle();
      observer.disconnect();
    };
  }, [ready]);

  if (!ready) return null;
  if (status === 'ready') return <view.Panel open onFailed={noop} />;

  const failed = status === 'failed';
  return (
    <section ref={place} className="transition-view" aria-labelledby={headingId} aria-busy={!failed}>
      <h2 id={headingId}>{year > FIRST_YEAR ? tr('tvTitle', { base, year }) : tr('tvTitleFirst', { year })}</h2>
      <p className="tv-muted" role={failed ? 'alert' : undefined}>
        {failed ? tr('featureLoadFailed', { name: tr('tvName') }) : tr('featureLoading')}
      </p>
      {failed && (
        <button type="button" className="btn" onClick={view.preload}>
          {tr('tvRetry')}
        </button>
      )}
    </section>
  );
}
