/**
 * The table's downloads: the table as shown (CSV of the visible rows) and the whole dataset in
 * the data/ formats (one file per table), both built by src/domain/export-csv.ts.
 */
import { exportDataset, tableCsv, tableCsvFileName, type DatasetFiles } from '../../domain/export-csv';
import type { TableRow } from '../../domain/table-rows';
import type { Dataset, Year } from '../../domain/types';
import type { Translate } from './table-cells';

/**
 * Saves text as a file through a temporary <a download>. The link is put inside the dialog:
 * while a modal dialog is open everything outside it is inert.
 */
function saveText(container: HTMLElement, name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  container.append(link);
  link.click();
  link.remove();
  // The download has started by now; revoking later rather than at once keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A byte-order mark, so spreadsheet programs read the table's Chinese names as UTF-8. */
const BOM = '\uFEFF';

/** Saves the rows shown as CSV, through a link inside `dialog`. */
export function downloadTable(dialog: HTMLElement, shown: readonly TableRow[], year: Year, baseYear: Year | null) {
  saveText(dialog, tableCsvFileName(year), BOM + tableCsv(shown, { year, baseYear }));
}

/** Clicks each data file's link in `dialog`, one after another. */
export function downloadAll(dialog: HTMLElement, links: readonly FileLink[]) {
  // Browsers may ask once before allowing several downloads; spacing them out keeps each one.
  links.forEach((link, i) => {
    setTimeout(() => {
      const a = dialog.querySelector<HTMLAnchorElement>(`a[data-file="${link.file}"]`);
      a?.click();
    }, i * 300);
  });
}

export interface FileLink {
  file: keyof DatasetFiles;
  url: string;
  rows: number;
}

/**
 * Object URLs for the six data files, so each is a real link (open, save as, copy address).
 * One set per dataset, made on first use and revoked when a new dataset (an import) replaces
 * it. Kept outside React on purpose: effect cleanups would revoke the links still on screen when
 * StrictMode replays effects, and the set is cheap (the tables are about 70 kB together).
 */
let datasetLinks: { dataset: Dataset; links: FileLink[] } | null = null;

export function linksFor(dataset: Dataset): FileLink[] {
  if (datasetLinks?.dataset === dataset) return datasetLinks.links;
  for (const link of datasetLinks?.links ?? []) URL.revokeObjectURL(link.url);
  const files = exportDataset(dataset);
  const links = (Object.keys(files) as (keyof DatasetFiles)[]).map((file) => ({
    file,
    // The data/ files have no byte-order mark; the exports match them byte for byte.
    url: URL.createObjectURL(new Blob([files[file]], { type: 'text/csv;charset=utf-8' })),
    rows: rowCount(dataset, file),
  }));
  datasetLinks = { dataset, links };
  return links;
}

/** How many entries of the dataset a data file holds (the number the link shows). */
export function rowCount(dataset: Dataset, file: keyof DatasetFiles): number {
  switch (file) {
    case 'units.csv':
      return dataset.units.length;
    case 'sources.csv':
      return dataset.sources.length;
    case 'tiers.csv':
      return dataset.tiers.length;
    case 'tier_ranges.csv':
      return dataset.ranges.length;
    case 'totals.csv':
      return dataset.totals.length;
    case 'indicators.csv':
      return dataset.indicators.length;
  }
}

export function Downloads({
  tr,
  links,
  onTable,
  onAll,
  hintId,
}: {
  tr: Translate;
  links: readonly FileLink[];
  onTable: () => void;
  onAll: () => void;
  hintId: string;
}) {
  return (
    <section className="tbv-downloads" aria-label={tr('tableDownloads')}>
      <div className="tbv-download">
        <button type="button" className="btn" onClick={onTable} aria-describedby={`${hintId}-table`}>
          {tr('tableDownloadTable')}
        </button>
        <p id={`${hintId}-table`} className="tbv-hint">
          {tr('tableDownloadTableHint')}
        </p>
      </div>
      <div className="tbv-download">
        <button
          type="button"
          className="btn"
          onClick={onAll}
          disabled={links.length === 0}
          aria-describedby={`${hintId}-all`}
        >
          {tr('tableDownloadAll')}
        </button>
        <p id={`${hintId}-all`} className="tbv-hint">
          {tr('tableDownloadAllHint')}
        </p>
        <ul className="tbv-files">
          {links.map((link) => (
            <li key={link.file}>
              <a href={link.url} download={link.file} data-file={link.file}>
                {tr('tableDownloadFile', { file: link.file, rows: link.rows })}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
