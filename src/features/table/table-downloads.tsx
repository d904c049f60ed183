/**
 * The table's downloads: the table as shown (CSV of the visible rows, in the UI language) and
 * the whole dataset as one ZIP (the data/ files, the same tables for reading and a README), as
 * the Export menu gives them, plus each data/ file as a link of its own. Built by
 * src/domain/export-csv.ts and src/domain/dataset-zip.ts (loaded on click). Every CSV starts
 * with a byte-order mark, so Excel on Windows reads its Chinese as UTF-8.
 */
import { saveFile } from '../../components/save-file';
import { exportDataset, tableCsv, tableCsvFileName, withBom, type DatasetFiles } from '../../domain/export-csv';
import type { Lang } from '../../domain/lang';
import type { TableRow } from '../../domain/table-rows';
import type { Dataset, Year } from '../../domain/types';
import type { Translate } from './table-cells';
import './on-demand-messages';
import './table-downloads.css';

const CSV_TYPE = 'text/csv;charset=utf-8';

/**
 * Saves the rows shown as CSV, through a link inside `dialog` (while a modal dialog is open
 * everything outside it is inert).
 */
export function downloadTable(
  dialog: HTMLElement,
  shown: readonly TableRow[],
  options: { year: Year; baseYear: Year | null; lang: Lang; area: string | null },
) {
  const text = withBom(tableCsv(shown, options));
  saveFile(new Blob([text], { type: CSV_TYPE }), tableCsvFileName(options.year, options.lang, options.area), dialog);
}

/** Saves the whole dataset as one ZIP (one download), through a link inside `dialog`. */
export async function downloadAll(dialog: HTMLElement, dataset: Dataset, lang: Lang): Promise<void> {
  const { datasetZip, datasetZipFileName } = await import('../../domain/dataset-zip');
  const bytes = datasetZip(dataset, lang);
  saveFile(new Blob([bytes.slice().buffer], { type: 'application/zip' }), datasetZipFileName(dataset), dialog);
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
    // The data/ text byte for byte after the byte-order mark, which the project's parsers drop.
    url: URL.createObjectURL(new Blob([withBom(files[file])], { type: CSV_TYPE })),
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
        <button type="button" className="btn" onClick={onAll} aria-describedby={`${hintId}-all`}>
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
