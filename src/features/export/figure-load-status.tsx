/**
 * What the Export menu shows of the figure dialog's load (figure-loader.ts): while its code
 * loads, a line in the menu's status ("Loading the figure editor…", announced politely, as the
 * PNG's "Making the PNG…") and the Export button busy, with focus kept on it; a failed load says
 * so under the button (an alert), with "Try again" (focus back on the Export button, which is
 * busy again) and "Dismiss".
 */
import { useSyncExternalStore, type RefObject } from 'react';
import { useT } from '../../i18n/use-t';
import type { OpenerState } from './dialog-opener';
import { figureDialogs, type FigureWanted } from './figure-loader';

/** The figure dialog's load, as React state. */
export function useFigureLoad(): OpenerState<FigureWanted> {
  return useSyncExternalStore(figureDialogs.subscribe, figureDialogs.getState, figureDialogs.getState);
}

/** The status line's words while the figure's code loads, or ''. */
export function useFigureLoadingText(state: OpenerState<FigureWanted>): string {
  const tr = useT();
  if (state.phase !== 'loading') return '';
  return tr(state.request.kind === 'view' ? 'figureLoading' : 'figureLoadingMultiples');
}

/** The failure of the figure's load, with Try again and Dismiss; nothing otherwise. */
export function FigureLoadFailed({
  state,
  trigger,
}: {
  state: OpenerState<FigureWanted>;
  trigger: RefObject<HTMLButtonElement | null>;
}) {
  const tr = useT();
  if (state.phase !== 'failed') return null;
  // The buttons go with the message: focus waits on the Export button.
  const retry = () => {
    trigger.current?.focus();
    figureDialogs.retry();
  };
  const dismiss = () => {
    trigger.current?.focus();
    figureDialogs.cancel();
  };
  return (
    <div className="export-failed">
      <p role="alert">{tr(state.request.kind === 'view' ? 'figureLoadFailed' : 'figureLoadFailedMultiples')}</p>
      <div className="export-failed-actions">
        <button type="button" className="btn" onClick={retry}>
          {tr('figureLoadRetry')}
        </button>
        <button type="button" className="btn" onClick={dismiss}>
          {tr('figureLoadDismiss')}
        </button>
      </div>
    </div>
  );
}

/** The space kept between the notes and the window's edge (px). */
const EDGE = 8;

/**
 * Keeps the notes under the Export button inside the window: they start under the button and are
 * moved left as far as they would pass its right edge (called when their content changes).
 */
export function keepInView(element: HTMLElement): void {
  element.style.left = '';
  const box = element.getBoundingClientRect();
  const over = box.right - (document.documentElement.clientWidth - EDGE);
  if (over > 0) element.style.left = `${-Math.min(over, Math.max(0, box.left - EDGE))}px`;
}
