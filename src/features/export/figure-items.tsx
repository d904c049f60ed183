/**
 * The Export menu's figure section: the figure of the view as PNG 1×, PNG 2× and SVG at once
 * (with the texts last typed in the figure dialog, else the defaults), "Figure…" to edit the
 * texts and size with a preview, and the five years side by side (features/multiples). The
 * dialog's code loads on first use (figure-loader.ts): from when either item is pointed at or
 * focused, so that it is usually in by the click.
 */
import { useAppStoreApi } from '../../store/use-app-store';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/i18n';
import { useExportRunner } from './export-runner';
import { figureDialogs, preloadFigure, type FigureKind } from './figure-loader';
import type { FigureFormat } from './figure-render';

const QUICK: readonly { format: FigureFormat; label: MessageKey }[] = [
  { format: 'png1', label: 'exportPng1' },
  { format: 'png2', label: 'exportPng2' },
  { format: 'svg', label: 'figureSvg' },
];

export function FigureItems() {
  const tr = useT();
  const store = useAppStoreApi();
  const { run, close } = useExportRunner();
  // The menu closes and focus goes back to the Export button, which says that the figure's code
  // is loading, if it is, until the dialog opens (export-menu.tsx).
  const openDialog = (kind: FigureKind) => {
    close();
    figureDialogs.request({ kind, store });
  };
  const dialogItem = (kind: FigureKind, label: MessageKey) => (
    <button
      type="button"
      className="btn export-item"
      aria-haspopup="dialog"
      onPointerEnter={() => preloadFigure(kind)}
      onFocus={() => preloadFigure(kind)}
      onClick={() => openDialog(kind)}
    >
      {tr(label)}
    </button>
  );
  return (
    <>
      {QUICK.map(({ format, label }) => (
        <button
          key={format}
          type="button"
          className="btn export-item"
          onClick={() =>
            run(
              async () => {
                const { viewFigureFile } = await import('./figure-render');
                return viewFigureFile(store.getState(), format);
              },
              format === 'svg' ? 'figureWorkingSvg' : 'exportWorking',
            )
          }
        >
          {tr(label)}
        </button>
      ))}
      {dialogItem('view', 'figureOpen')}
      {dialogItem('multiples', 'mulOpen')}
    </>
  );
}
