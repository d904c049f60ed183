/** The Export menu's figure section: the PNG of the view (1×, 2×). */
import { EXPORT_SCALES } from '../../domain/export-png';
import { useAppStoreApi } from '../../store/use-app-store';
import { useT } from '../../i18n/use-t';
import { useExportRunner } from './export-runner';

export function FigureItems() {
  const tr = useT();
  const store = useAppStoreApi();
  const { run } = useExportRunner();
  return (
    <>
      {EXPORT_SCALES.map((scale) => (
        <button
          key={scale}
          type="button"
          className="btn export-item"
          onClick={() =>
            run(async () => {
              const { renderPng } = await import('./export-render');
              return renderPng(store.getState(), scale);
            })
          }
        >
          {tr(scale === 1 ? 'exportPng1' : 'exportPng2')}
        </button>
      ))}
    </>
  );
}
