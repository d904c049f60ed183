/**
 * A unit's details: names, its five years, facts and their sources (the panel's code loads on
 * first use: details-lazy.tsx); its summary in the phone sheet.
 */
export { DetailsPanel, preloadDetails } from './details-lazy';
export { SheetPeek } from './sheet-peek';
