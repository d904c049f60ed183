/**
 * The import's header button, and the import dialog loaded on first use: parsing, name matching
 * and the preview are their own chunk, not part of the first view. The button starts the load
 * when pointed at or focused, and says "Loading…" (aria-busy) if the dialog is wanted before its
 * code is in; focus stays on it meanwhile.
 */
import { useCallback } from 'react';
import { lazyFeature } from '../../components/lazy-feature';
import { useT } from '../../i18n';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';

/** The header button's id: focus returns here when the dialog closes and no other opener is known. */
export const IMPORT_BUTTON_ID = 'import-button';

const dialog = lazyFeature(() => import('./import-dialog').then((m) => m.ImportDialog));

export function ImportButton() {
  const tr = useT();
  const open = useAppStore((s) => s.importOpen);
  const setImportOpen = useAppStore((s) => s.setImportOpen);
  const loading = dialog.useStatus() === 'loading' && open;
  return (
    <button
      type="button"
      id={IMPORT_BUTTON_ID}
      className="btn"
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-busy={loading}
      onPointerEnter={dialog.preload}
      onFocus={dialog.preload}
      onClick={() => setImportOpen(true)}
    >
      {tr('importButton')}
      {loading && <span className="btn-loading"> {tr('featureLoading')}</span>}
    </button>
  );
}

export function ImportDialog() {
  const tr = useT();
  const store = useAppStoreApi();
  const open = useAppStore((s) => s.importOpen);
  const onFailed = useCallback(() => {
    const state = store.getState();
    state.setImportOpen(false);
    state.notify('warning', tr('featureLoadFailed', { name: tr('importButton') }));
  }, [store, tr]);
  return <dialog.Panel open={open} onFailed={onFailed} />;
}
