/**
 * The figure dialog (loaded on use): a preview of the figure (the SVG itself, shown through an
 * <img> of a blob: URL, so the preview is exactly what the PNG rasterizes), its title and
 * subtitle to edit (kept while the page lives, per kind of figure), a size, and the downloads:
 * PNG 1×, PNG 2×, SVG. The same dialog shows the small multiples (features/multiples), whose
 * source composes five panels instead of one.
 *
 * The menu that opens it is gone once it closes, so the dialog has a React root of its own in
 * the page's body, given the app's store.
 */
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { saveFile } from '../../components/save-file';
import { useModalDialog } from '../../components/use-modal-dialog';
import { figureSvg } from '../../domain/figure/figure-layout';
import type { MessageKey } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';
import type { AppStore } from '../../store/store';
import { StoreContext, useAppStore, useAppStoreApi } from '../../store/use-app-store';
import '../../components/button.css';
import '../../components/modal-dialog.css';
import './export-menu.css';
import type { FigureRequest, FigureSize, FigureSource, FigureTexts } from '../../components/figure-source';
import { keptTexts } from './figure-compose';
import { canvasMeasure, figureFile, type FigureFormat } from './figure-render';
import './on-demand-messages';

const FORMATS: readonly { format: FigureFormat; label: MessageKey }[] = [
  { format: 'png1', label: 'exportPng1' },
  { format: 'png2', label: 'exportPng2' },
  { format: 'svg', label: 'figureSvg' },
];

function FigureDialog({ source, onGone }: { source: FigureSource; onGone: () => void }) {
  const tr = useT();
  const store = useAppStoreApi();
  const state = useAppStore((s) => s);
  const ids = useId();
  const [open, setOpen] = useState(true);
  const [texts, setTexts] = useState<Partial<FigureTexts>>(() => keptTexts.get(source.id) ?? {});
  const [size, setSize] = useState<FigureSize>(source.sizes[0] ?? 'screen');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [viewWidth, setViewWidth] = useState(() => Math.min(window.innerWidth, 1100));
  // The on-screen map's frame when the dialog opens (store.mapFrame, written by the map).
  const screen = useMemo(() => store.getState().mapFrame, [store]);
  const previewRef = useRef<HTMLDivElement>(null);
  const { dialogRef, onClose, onKeyDown } = useModalDialog({
    open,
    setOpen,
    // The opener is the Export button (the menu's items are gone by then); if it has gone too
    // (folded away on a phone), onClosed below looks for it again.
    fallbackFocusId: 'export-figure-none',
    focusOnOpen: (dialog) => dialog.querySelector<HTMLElement>('input')?.focus(),
    trapTab: true,
  });

  useEffect(() => {
    const element = previewRef.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth > 0) setViewWidth(Math.round(element.clientWidth));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    keptTexts.set(source.id, texts);
  }, [source.id, texts]);

  // The preview follows typing at React's pace (a figure is a large document to redraw per key).
  const previewTexts = useDeferredValue(texts);
  const request: FigureRequest = useMemo(
    () => ({ size, texts: previewTexts, screen, viewWidth, forFile: false }),
    [size, previewTexts, screen, viewWidth],
  );
  const composed = useMemo(() => source.compose(state, request), [source, state, request]);
  const drawn = useMemo(() => (composed ? figureSvg(composed.spec, canvasMeasure) : null), [composed]);
  // The preview's image is the SVG document itself, through a blob: URL set on the element.
  const imgRef = useRef<HTMLImageElement>(null);
  useEffect(() => {
    const img = imgRef.current;
    if (!drawn || !img) return undefined;
    const url = URL.createObjectURL(new Blob([drawn.svg], { type: 'image/svg+xml' }));
    img.src = url;
    return () => URL.revokeObjectURL(url);
  }, [drawn]);

  const download = async (format: FigureFormat) => {
    if (busy) return;
    const figure = source.compose(store.getState(), { ...request, texts, forFile: true });
    if (!figure) return;
    setBusy(true);
    setStatus(tr(format === 'svg' ? 'figureWorkingSvg' : 'exportWorking'));
    try {
      const file = await figureFile(figure.spec, figure, format);
      saveFile(file.blob, file.fileName, dialogRef.current ?? undefined);
      setStatus(tr('exportSaved', { file: file.fileName }));
    } catch (error) {
      setStatus(tr('exportFileFailed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  const titleId = `${ids}-heading`;
  const note = source.note(state);
  const defaults = composed?.defaults;
  return (
    <dialog
      ref={dialogRef}
      className="modal-dialog figure-dialog"
      aria-labelledby={titleId}
      onClose={() => {
        onClose();
        if (document.activeElement === document.body || document.activeElement === null) {
          const exportButton = document.querySelector<HTMLElement>('.export-control');
          if (exportButton?.offsetParent) exportButton.focus();
        }
        onGone();
      }}
      onKeyDown={onKeyDown}
    >
      <div className="fig-frame">
        <header className="fig-header">
          <h2 id={titleId}>{tr(source.heading)}</h2>
          <button
            type="button"
            className="modal-close"
            aria-label={tr('figureClose')}
            title={tr('figureClose')}
            onClick={() => setOpen(false)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </header>
        <div className="fig-body">
          {note && <p className="fig-note">{note}</p>}
          <div className="fig-fields">
            <label className="fig-field">
              <span>{tr('figureTitleLabel')}</span>
              <input
                type="text"
                value={texts.title ?? defaults?.title ?? ''}
                onChange={(e) => setTexts({ ...texts, title: e.target.value })}
              />
            </label>
            <label className="fig-field">
              <span>{tr('figureSubtitleLabel')}</span>
              <textarea
                rows={2}
                value={texts.subtitle ?? defaults?.subtitle ?? ''}
                onChange={(e) => setTexts({ ...texts, subtitle: e.target.value })}
              />
            </label>
            <button
              type="button"
              className="btn fig-reset"
              disabled={texts.title === undefined && texts.subtitle === undefined}
              onClick={() => setTexts({})}
            >
              {tr('figureReset')}
            </button>
            {source.sizes.length > 1 && (
              <fieldset className="fig-sizes">
                <legend>{tr('figureSizeLabel')}</legend>
                {source.sizes.map((s) => (
                  <label key={s}>
                    <input type="radio" name={`${ids}-size`} checked={size === s} onChange={() => setSize(s)} />{' '}
                    {s === 'a4'
                      ? tr('figureSizeA4')
                      : tr('figureSizeScreen', { w: screen?.width ?? '?', h: screen?.height ?? '?' })}
                  </label>
                ))}
              </fieldset>
            )}
          </div>
          <div className="fig-downloads" role="group" aria-label={tr('figureDownloads')}>
            {FORMATS.map(({ format, label }) => (
              <button key={format} type="button" className="btn" aria-busy={busy} onClick={() => void download(format)}>
                {tr(label)}
              </button>
            ))}
            <span className="fig-status" role="status">
              {status}
            </span>
          </div>
          <div className={`fig-preview fig-preview-${source.id}`} ref={previewRef}>
            {drawn && (
              <img
                ref={imgRef}
                width={drawn.width}
                height={drawn.height}
                alt={tr('figurePreviewAlt', { title: composed?.spec.title ?? '' })}
              />
            )}
          </div>
        </div>
      </div>
    </dialog>
  );
}

let host: { root: Root; element: HTMLDivElement } | null = null;

/** Opens the figure dialog of `source` over the page. */
export function showFigureDialog(store: AppStore, source: FigureSource): void {
  if (!host) {
    const element = document.createElement('div');
    element.className = 'figure-dialog-host';
    document.body.append(element);
    host = { root: createRoot(element), element };
  }
  const { root } = host;
  root.render(
    <StoreContext.Provider value={store}>
      <FigureDialog key={`${source.id}-${Date.now()}`} source={source} onGone={() => root.render(null)} />
    </StoreContext.Provider>,
  );
}
