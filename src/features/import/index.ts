/**
 * Importing tier results from a pasted notice or a CSV (its dialog loads on first use), and the
 * banner of a link's imported data.
 */
export { ImportBanner } from './import-banner';
export { ImportButton, ImportDialog } from './import-button';
