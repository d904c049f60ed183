/**
 * The table's header button, and the table dialog loaded on first use: the table's code (rows,
 * sorting, CSV downloads) is its own chunk, not part of the first view. The button starts the
 * load when pointed at or focused, and says "Loading…" (aria-busy) if the dialog is wanted
 * before its code is in; focus stays on it meanwhile.
 */
import { useCallback } from 'react';
import { lazyFeature } from '../../components/lazy-feature';
import { useT } from '../../i18n';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';

/** The header tool's id: focus returns here when the dialog closes and no other opener is known. */
export const TABLE_BUTTON_ID = 'table-view-button';

const table = lazyFeature(() => import('./table-view').then((m) => m.TableDialog));

export function TableButton() {
  const tr = useT();
  const open = useAppStore((s) => s.tableOpen);
  const setTableOpen = useAppStore((s) => s.setTableOpen);
  const loading = table.useStatus() === 'loading' && open;
  return (
    <button
      type="button"
      id={TABLE_BUTTON_ID}
      className="btn"
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-busy={loading}
      onPointerEnter={table.preload}
      onFocus={table.preload}
      onClick={() => setTableOpen(true)}
    >
      {tr('tableButton')}
      {loading && <span className="btn-loading"> {tr('featureLoading')}</span>}
    </button>
  );
}

export function TableDialog() {
  const tr = useT();
  const store = useAppStoreApi();
  const open = useAppStore((s) => s.tableOpen);
  const onFailed = useCallback(() => {
    const state = store.getState();
    state.setTableOpen(false);
    state.notify('warning', tr('featureLoadFailed', { name: tr('tableButton') }));
  }, [store, tr]);
  return <table.Panel open={open} onFailed={onFailed} />;
}
