/**
 * The Export menu's data section: the current view's table as CSV and the whole dataset as one
 * ZIP. Each file is made by data-files.ts, loaded on click.
 */
import { useT } from '../../i18n/use-t';
import { useAppStoreApi } from '../../store/use-app-store';
import { useExportRunner } from './export-runner';

export function DataItems() {
  const tr = useT();
  const store = useAppStoreApi();
  const { run } = useExportRunner();
  return (
    <>
      <button
        type="button"
        className="btn export-item"
        onClick={() =>
          run(async () => {
            const { tableCsvFile } = await import('./data-files');
            return tableCsvFile(store.getState());
          }, 'exportDataWorking')
        }
      >
        {tr('exportTableCsv')}
      </button>
      <button
        type="button"
        className="btn export-item"
        onClick={() =>
          run(async () => {
            const { datasetZipFile } = await import('./data-files');
            return datasetZipFile(store.getState());
          }, 'exportDataWorking')
        }
      >
        {tr('exportAllZip')}
      </button>
    </>
  );
}
