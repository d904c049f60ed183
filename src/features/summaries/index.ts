/** Province bars per year, the table of areas, and the notes on the data. */
export { DataNotes } from './data-notes';
export { PrefectureTable } from './prefecture-table';
export { ProvinceSummary } from './province-summary';
