/**
 * The details panel's place. Its code (details-panel.tsx and its sections, with their styles)
 * is a chunk of its own, not part of the first view. It loads after the first choropleth: at
 * once when a unit is selected (a link may open on one), else at the reader's first input (a
 * pointer moved, a touch, a key; PreloadAfterPaint), so that it is usually in before a unit is
 * clicked. While a selected unit's details wait for it, the place shows the unit's name and
 * "Loading…" (aria-busy); a failed load says so there, with a button to try again (choosing
 * another unit tries again too). "Try again" puts focus on the place's heading, and focus in the
 * place when the panel arrives goes to the panel's heading. Escape deselects the unit there as it
 * does in the panel.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { latestUnitWithCode, unitIn } from '../../domain/lineage';
import { PreloadAfterPaint, lazyModule, retryableImport } from '../../components/lazy-feature';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/use-app-store';
import { useEscapeCloses } from './escape-closes';

const panel = lazyModule(retryableImport(() => import('./details-panel')));

/** Starts loading the details' code (e.g. when a control that selects a unit is pointed at). */
export const preloadDetails = panel.preload;

export function DetailsPanel() {
  const selected = useAppStore((s) => s.selected);
  const status = panel.useStatus();
  const Loaded = status === 'ready' ? panel.get()?.DetailsPanel : undefined;
  /** Set when the pending place held focus as the panel replaced it. */
  const focusOnArrival = useRef(false);

  useEffect(() => {
    if (!Loaded || !focusOnArrival.current) return;
    focusOnArrival.current = false;
    document.querySelector<HTMLElement>('.details-panel h2')?.focus();
  }, [Loaded]);

  return (
    <>
      {status !== 'ready' && <PreloadAfterPaint key={selected ?? ''} preload={panel.preload} now={selected !== null} />}
      {Loaded ? <Loaded /> : selected !== null && <DetailsPending focusOnArrival={focusOnArrival} />}
    </>
  );
}

/** The selected unit's name and the load's state, where its details will be. */
function DetailsPending({ focusOnArrival }: { focusOnArrival: RefObject<boolean> }) {
  const tr = useT();
  const selected = useAppStore((s) => s.selected);
  const year = useAppStore((s) => s.year);
  const lang = useAppStore((s) => s.lang);
  const units = useAppStore((s) => (s.data.status === 'ready' ? s.data.dataset.units : null));
  const failed = panel.useStatus() === 'failed';
  useEscapeCloses(selected !== null);
  const place = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The button goes while the code loads again: focus waits on the heading, then the panel's.
  const retry = () => {
    heading.current?.focus();
    panel.preload();
  };

  // Runs as the place is removed, before its elements leave the page.
  useLayoutEffect(
    () => () => {
      if (place.current?.contains(document.activeElement)) focusOnArrival.current = true;
    },
    [focusOnArrival],
  );

  if (!units || selected === null) return null;
  const unit = unitIn(units, selected, year) ?? latestUnitWithCode(units, selected);
  if (!unit) return null;
  const name = lang === 'zh' ? unit.nameZh : `${unit.nameEn} ${unit.nameZh}`;
  return (
    <section ref={place} className="details-panel" aria-busy={!failed}>
      <h2 ref={heading} tabIndex={-1}>
        {lang === 'zh' ? (
          unit.nameZh
        ) : (
          <>
            {unit.nameEn} <span lang="zh">{unit.nameZh}</span>
          </>
        )}
      </h2>
      <p role={failed ? 'alert' : 'status'}>{failed ? tr('featureLoadFailed', { name }) : tr('featureLoading')}</p>
      {failed && (
        <button type="button" className="btn" onClick={retry}>
          {tr('robustRetry')}
        </button>
      )}
    </section>
  );
}
