/**
 * The import's header button, and the import dialog loaded on first use: parsing, name matching
 * and the preview are their own chunk, not part of the first view.
 */
import { lazyDialog } from '../../components/lazy-feature';

/** The header button's id: focus returns here when the dialog closes and no other opener is known. */
export const IMPORT_BUTTON_ID = 'import-button';

const dialog = lazyDialog({
  load: () => import('./import-dialog').then((m) => m.ImportDialog),
  id: IMPORT_BUTTON_ID,
  label: 'importButton',
  isOpen: (s) => s.importOpen,
  setOpen: (s) => s.setImportOpen,
});

export const ImportButton = dialog.Opener;
export const ImportDialog = dialog.Dialog;
