/** Importing tier results from a pasted notice or a CSV, and the banner of a link's imported data. */
export { ImportBanner } from './import-banner';
export { ImportButton, ImportDialog } from './import-dialog';
