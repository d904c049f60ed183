/**
 * The Export menu's figure section: the figure of the view as PNG 1×, PNG 2× and SVG at once
 * (with the texts last typed in the figure dialog, else the defaults), "Figure…" to edit the
 * texts and size with a preview, and the five years side by side (features/multiples).
 */
import { useAppStoreApi } from '../../store/use-app-store';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/i18n';
import { multiplesFigure } from '../multiples';
import { useExportRunner } from './export-runner';
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
  const openDialog = (which: 'view' | 'multiples') => {
    close();
    void Promise.all([
      import('./figure-dialog'),
      import('./figure-compose'),
      which === 'multiples' ? multiplesFigure() : Promise.resolve(null),
    ]).then(
      ([dialog, compose, multiples]) => dialog.showFigureDialog(store, multiples ?? compose.viewFigure),
      (error: unknown) =>
        store
          .getState()
          .notify(
            'warning',
            tr('exportFileFailed', { reason: error instanceof Error ? error.message : String(error) }),
          ),
    );
  };
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
      <button type="button" className="btn export-item" aria-haspopup="dialog" onClick={() => openDialog('view')}>
        {tr('figureOpen')}
      </button>
      <button type="button" className="btn export-item" aria-haspopup="dialog" onClick={() => openDialog('multiples')}>
        {tr('mulOpen')}
      </button>
    </>
  );
}
