/**
 * Export: a button opening a small menu of every download, in sections: the figures
 * (figure-items.tsx) and the data (data-items.tsx). Each item makes its file in code loaded on
 * first use and hands it to the menu's runner (export-runner.ts), which saves it and reports.
 *
 * The menu is a disclosure of plain buttons: Tab and the arrow keys move between them, Escape
 * closes it and returns focus to the Export button, and so does leaving it.
 *
 * "Figure…" and "Five years side by side…" close it too, and open the figure dialog once its code
 * is in (figure-loader.ts): meanwhile the status says it is loading and the Export button is busy
 * and keeps focus (Escape there gives the dialog up); a failed load is said under the button,
 * with Try again (figure-load-status.tsx).
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { saveFile } from '../../components/save-file';
import type { MessageKey } from '../../i18n/i18n';
import { useAppStoreApi } from '../../store/use-app-store';
import '../../components/button.css';
import './export-menu.css';
import { useT } from '../../i18n/use-t';
import { DataItems } from './data-items';
import { ExportRunnerContext, type ExportFile, type ExportRunner } from './export-runner';
import { FigureItems } from './figure-items';
import { figureDialogs } from './figure-loader';
import { FigureLoadFailed, useFigureLoad, useFigureLoadingText, keepInView } from './figure-load-status';

// ---------------------------------------------------------------------------------------------
// The menu

/** How long "Saved …" stays on screen. */
const STATUS_MS = 6000;

export function ExportMenu() {
  const tr = useT();
  const store = useAppStoreApi();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  // Guards against a second export while one is being drawn; the button stays enabled so the
  // focus it gets back from the menu is not dropped.
  const running = useRef(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const figure = useFigureLoad();
  const figureLoading = useFigureLoadingText(figure);
  const notes = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    // Only with something to show: measuring forces a layout, which on mount would come before
    // the first paint.
    const shown = status !== '' || figure.phase !== 'idle';
    if (notes.current && shown) keepInView(notes.current);
  }, [figure, figureLoading, status]);

  useEffect(() => {
    if (!status || busy) return undefined;
    const timer = window.setTimeout(() => setStatus(''), STATUS_MS);
    return () => window.clearTimeout(timer);
  }, [status, busy]);

  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];

  useEffect(() => {
    if (!open) return undefined;
    // Opening the menu again puts a failed figure load's message away (its items try again).
    if (figureDialogs.getState().phase === 'failed') figureDialogs.cancel();
    items()[0]?.focus();
    // A press outside the menu closes it.
    const onPointerDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = (focusTrigger: boolean) => {
    setOpen(false);
    if (focusTrigger) trigger.current?.focus();
  };

  const onMenuKeyDown = (e: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => {
      e.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (e.key === 'Escape') {
      e.stopPropagation();
      close(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowRight') move(at + 1);
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(list.length - 1);
  };

  const runner = useMemo<ExportRunner>(() => {
    const closeMenu = () => {
      setOpen(false);
      trigger.current?.focus();
    };
    const run = async (make: () => Promise<ExportFile>, working: MessageKey) => {
      closeMenu();
      if (running.current) return;
      if (figureDialogs.getState().phase === 'failed') figureDialogs.cancel();
      running.current = true;
      setBusy(true);
      setStatus(tr(working));
      try {
        const { blob, fileName } = await make();
        saveFile(blob, fileName);
        setStatus(tr('exportSaved', { file: fileName }));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        setStatus('');
        store.getState().notify('warning', tr('exportFileFailed', { reason }));
      } finally {
        running.current = false;
        setBusy(false);
      }
    };
    return { run: (make, working = 'exportWorking') => void run(make, working), close: closeMenu };
  }, [tr, store]);

  return (
    <div
      className="export-menu"
      ref={root}
      onBlur={(e) => {
        // Tabbing out of the menu closes it.
        if (open && !root.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        type="button"
        ref={trigger}
        className="btn export-control"
        aria-expanded={open}
        aria-controls={menuId}
        aria-busy={busy || figure.phase === 'loading'}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !open && figure.phase !== 'idle') {
            // Gives up the figure dialog still loading (or its failure); the details keep their unit.
            e.preventDefault();
            figureDialogs.cancel();
          } else if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {tr('exportButton')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          id={menuId}
          ref={menu}
          className="export-popup"
          role="group"
          aria-label={tr('exportMenuLabel')}
          onKeyDown={onMenuKeyDown}
        >
          <ExportRunnerContext.Provider value={runner}>
            <div role="group" className="export-section" aria-labelledby={`${menuId}-figures`}>
              <span id={`${menuId}-figures`} className="export-section-heading">
                {tr('exportSectionFigures')}
              </span>
              <FigureItems />
            </div>
            <div role="group" className="export-section" aria-labelledby={`${menuId}-data`}>
              <span id={`${menuId}-data`} className="export-section-heading">
                {tr('exportSectionData')}
              </span>
              <DataItems />
            </div>
          </ExportRunnerContext.Provider>
        </div>
      )}
      <div className="export-notes" ref={notes}>
        <span className="export-status" role="status">
          {figureLoading && <span className="export-status-line export-status-loading">{figureLoading}</span>}
          {status && <span className="export-status-line">{status}</span>}
        </span>
        <FigureLoadFailed state={figure} trigger={trigger} />
      </div>
    </div>
  );
}
