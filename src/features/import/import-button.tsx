/**
 * The import's header button, and the import dialog loaded on first use: parsing, name matching
 * and the preview are their own chunk, not part of the first view.
 */
import { lazyDialog, retryableImport } from '../../components/lazy-feature';

/** The header button's id: focus returns here when the dialog closes and no other opener is known. */
export const IMPORT_BUTTON_ID = 'import-button';

/** Asked for again under another address after a failed load (see retryableImport). */
const dialogCode = retryableImport(() => import('./import-dialog'));

const dialog = lazyDialog({
  load: () => dialogCode().then((m) => m.ImportDialog),
  id: IMPORT_BUTTON_ID,
  label: 'importButton',
  isOpen: (s) => s.importOpen,
  setOpen: (s) => s.setImportOpen,
});

export const ImportButton = dialog.Opener;
export const ImportDialog = dialog.Dialog;
