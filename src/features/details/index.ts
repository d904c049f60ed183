/** A unit's details: names, its five years, facts and their sources; its summary in the phone sheet. */
export { DetailsPanel } from './details-panel';
export { SheetPeek } from './sheet-peek';
export { tierWords } from './comparison-table';
