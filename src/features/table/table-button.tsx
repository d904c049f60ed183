/**
 * The table's header button, and the table dialog loaded on first use: the table's code (rows,
 * sorting, CSV downloads) is its own chunk, not part of the first view.
 */
import { lazyDialog, retryableImport } from '../../components/lazy-feature';

/** The header button's id: focus returns here when the dialog closes and no other opener is known. */
export const TABLE_BUTTON_ID = 'table-view-button';

/** Asked for again under another address after a failed load (see retryableImport). */
const tableCode = retryableImport(() => import('./table-view'));

const table = lazyDialog({
  load: () => tableCode().then((m) => m.TableDialog),
  id: TABLE_BUTTON_ID,
  label: 'tableButton',
  isOpen: (s) => s.tableOpen,
  setOpen: (s) => s.setTableOpen,
});

export const TableButton = table.Opener;
export const TableDialog = table.Dialog;
