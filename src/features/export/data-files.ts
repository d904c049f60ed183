/**
 * The files of the Export menu's data section, made on click (data-items.tsx imports this module
 * on use, so neither it nor fflate is in the first view's code):
 *
 * - the table CSV of the current view: the rows the Table dialog shows on opening for the
 *   selected year, base year and area filter (every state, sorted by code), in the UI language;
 * - the whole dataset as one ZIP (domain/dataset-zip.ts), with a README in the UI language.
 *
 * Both read the dataset the explorer shows, imported facts included (marked `imported`).
 */
import { datasetZip, datasetZipFileName } from '../../domain/dataset-zip';
import { tableCsv, tableCsvFileName, withBom } from '../../domain/export-csv';
import { filterRows, rowAreas, sortRows, tableRows, type TableSort } from '../../domain/table-rows';
import type { AppState } from '../../store/store';
import type { ExportFile } from './export-runner';

/** The Table dialog's order when it opens (features/table/table-model.ts DEFAULT_SORT). */
const BY_CODE: TableSort = { column: 'code', direction: 'asc' };

function readyData(state: AppState) {
  if (state.data.status !== 'ready')
    throw new Error(state.lang === 'zh' ? '数据尚未加载' : 'the data is not loaded yet');
  return state.data;
}

export function tableCsvFile(state: AppState): ExportFile {
  const { dataset, index } = readyData(state);
  const { year, base, pref, lang } = state;
  const table = tableRows(dataset, index, year, base);
  // The area filter applies when some unit of the year is in it, as in the Table dialog.
  const area = pref !== null && rowAreas(table.rows).some((a) => a.code === pref) ? pref : null;
  const rows = sortRows(filterRows(table.rows, { text: '', area, state: 'all' }, year), BY_CODE, lang);
  const text = withBom(tableCsv(rows, { year, baseYear: table.baseYear, lang }));
  return {
    blob: new Blob([text], { type: 'text/csv;charset=utf-8' }),
    fileName: tableCsvFileName(year, lang, area),
  };
}

export function datasetZipFile(state: AppState): ExportFile {
  const { dataset } = readyData(state);
  const bytes = datasetZip(dataset, state.lang);
  return {
    blob: new Blob([bytes.slice().buffer], { type: 'application/zip' }),
    fileName: datasetZipFileName(dataset),
  };
}
