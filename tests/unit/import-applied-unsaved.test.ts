/**
 * A full or blocked storage is never silent (issue 17): the binder records every failed save in
 * the store before applyImport returns, and the import dialog's confirmation then says the layer
 * is applied but not saved, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { bindImports, type ImportsWindow } from '../../src/app/bind-imports';
import type { StorageLike } from '../../src/data/import-storage';
import type { ImportLayer } from '../../src/domain/import/types';
import { importReducer, initialImportState } from '../../src/features/import/import-state';
import '../../src/features/import/on-demand-messages';
import { t } from '../../src/i18n';
import { createAppStore } from '../../src/store/store';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

const win: ImportsWindow = {
  location: { pathname: '/', search: '', hash: '' },
  history: { replaceState: () => undefined },
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
};

const layer = (code: string, title: string): ImportLayer => ({
  id: 'IMP0',
  source: { title, date: '', url: '' },
  createdAt: '2026-11-25T00:00:00.000Z',
  facts: [{ code, year: 2019, tier: 'B', rank: null, rankOf: null, raw: code }],
  origin: 'local',
});

/** A storage that refuses writes while `full` is set, as a browser over its quota does. */
function fullStorage() {
  const data = new Map<string, string>();
  const state = { full: true };
  const storage: StorageLike = {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (state.full) {
        const error = new Error('quota');
        error.name = 'QuotaExceededError';
        throw error;
      }
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
  return { storage, state };
}

describe('an apply that could not be saved', () => {
  it('is known to the store as soon as applyImport returns, every time, until a save succeeds', () => {
    const { storage, state } = fullStorage();
    const store = createAppStore();
    bindImports(store, win, { storage });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    store.getState().applyImport(layer('990103', 'One'));
    expect(store.getState().importsUnsaved).toBe(true);
    store.getState().dismissAllNotices();
    store.getState().applyImport(layer('990105', 'Two'));
    expect(store.getState().importsUnsaved).toBe(true);
    expect(store.getState().notices.map((n) => n.kind)).toEqual(['warning']);
    state.full = false;
    store.getState().applyImport(layer('990101', 'Three'));
    expect(store.getState().importsUnsaved).toBe(false);
  });

  it('is blocked storage too (no storage at all)', () => {
    const store = createAppStore();
    bindImports(store, win, { storage: null });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    store.getState().applyImport(layer('990103', 'One'));
    expect(store.getState().importsUnsaved).toBe(true);
  });

  it('is said by the dialog’s confirmation, in English and Chinese', () => {
    const saved = importReducer(initialImportState, { type: 'applied', n: 3, title: 'T' });
    expect(saved.status?.key).toBe('importApplied');
    const unsaved = importReducer(initialImportState, { type: 'applied', n: 3, title: 'T', unsaved: true });
    expect(unsaved.status).toEqual({ key: 'importAppliedUnsaved', params: { n: 3, title: 'T' } });
    expect(t('en', 'importAppliedUnsaved', { n: 3, title: 'T' })).toBe(
      'Applied 3 imported facts from “T”, but they could not be saved in this browser: they will be gone after a reload. To keep them, copy a link to this view (Share) or download the data.',
    );
    expect(t('zh', 'importAppliedUnsaved', { n: 3, title: 'T' })).toContain('重新加载后将消失');
  });
});
