import { describe, expect, it } from 'vitest';
import { bindImports, type ImportsWindow } from '../../src/app/bind-imports';
import { IMPORT_STORAGE_KEY, type StorageLike } from '../../src/data/import-storage';
import type { ImportLayer } from '../../src/domain/import/types';
import { createAppStore } from '../../src/store/store';
import { encodeImportLayers } from '../../src/url/import-fragment';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

function layer(code: string, title = 'Notice', origin: ImportLayer['origin'] = 'local'): ImportLayer {
  return {
    id: 'IMP1',
    source: { title, date: '', url: '' },
    createdAt: '2026-11-25T00:00:00.000Z',
    facts: [{ code, year: 2019, tier: 'B', rank: null, rankOf: null, raw: code }],
    origin,
  };
}

function fakeWindow(hash = ''): ImportsWindow & { url: string; fire: () => void; setHash: (h: string) => void } {
  const listeners = new Set<() => void>();
  const location = { pathname: '/', search: '?year=2019', hash };
  return {
    location,
    get url() {
      return `${location.pathname}${location.search}${location.hash}`;
    },
    history: {
      replaceState: (_data, _unused, url) => {
        const u = new URL(String(url), 'http://h');
        location.pathname = u.pathname;
        location.search = u.search;
        location.hash = u.hash;
      },
    },
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
    fire: () => listeners.forEach((l) => l()),
    setHash: (h) => {
      location.hash = h;
    },
  };
}

function memoryStorage(initial?: string, failWrites = false): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (initial !== undefined) data.set(IMPORT_STORAGE_KEY, initial);
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (failWrites) {
        const e = new Error('full');
        e.name = 'QuotaExceededError';
        throw e;
      }
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
}

const stored = (...layers: ImportLayer[]) => JSON.stringify({ version: 1, layers });

describe('bindImports', () => {
  it('restores kept layers when the data is ready, and saves changes', () => {
    const store = createAppStore();
    const storage = memoryStorage(stored(layer('990103')));
    bindImports(store, fakeWindow(), { storage });
    expect(store.getState().imports).toEqual([]);
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    expect(store.getState().imports.map((l) => l.facts[0]?.code)).toEqual(['990103']);
    store.getState().removeImport('IMP1');
    expect(storage.data.has(IMPORT_STORAGE_KEY)).toBe(false);
  });

  it('applies a link’s layers as link layers; keep saves them and drops the fragment', () => {
    const store = createAppStore();
    const storage = memoryStorage();
    const win = fakeWindow(`#imp=${encodeImportLayers([layer('990105', 'Linked', 'link')])}`);
    bindImports(store, win, { storage });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    expect(store.getState().imports.map((l) => [l.origin, l.source.title])).toEqual([['link', 'Linked']]);
    expect(storage.data.has(IMPORT_STORAGE_KEY)).toBe(false);
    expect(win.url).toContain('#imp=');
    store.getState().keepLinkImports();
    expect(JSON.parse(storage.data.get(IMPORT_STORAGE_KEY) ?? '{}').layers).toHaveLength(1);
    expect(win.url).toBe('/?year=2019');
  });

  it('discard removes the link layers and the fragment', () => {
    const store = createAppStore();
    const win = fakeWindow(`#imp=${encodeImportLayers([layer('990105', 'Linked', 'link')])}`);
    bindImports(store, win, { storage: memoryStorage() });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    store.getState().discardLinkImports();
    expect(store.getState().imports).toEqual([]);
    expect(win.url).toBe('/?year=2019');
  });

  it('says what was wrong with a corrupt link or storage, applies nothing, keeps the view', () => {
    const store = createAppStore({ year: 2020 });
    const win = fakeWindow('#imp=not-deflate');
    bindImports(store, win, { storage: memoryStorage('{broken') });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    expect(store.getState().imports).toEqual([]);
    expect(store.getState().year).toBe(2020);
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      'Imported data saved in this browser could not be read and was not applied.',
      'The imported data in this link could not be read (not compressed data); nothing from it was applied.',
    ]);
    expect(win.url).toBe('/?year=2019');
  });

  it('names the facts of a link that were dropped, in the UI language', () => {
    const store = createAppStore({ lang: 'zh' });
    const bad = { ...layer('990105', '通报', 'link'), facts: [...layer('990105').facts, ...layer('139999').facts] };
    bindImports(store, fakeWindow(`#imp=${encodeImportLayers([bad])}`), { storage: memoryStorage() });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    expect(store.getState().imports[0]?.facts).toHaveLength(1);
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      '链接中的导入数据：“通报”中有 1 条事实未应用（如 139999@2019）：单位、年份、类别或名次不正确。',
    ]);
  });

  it('reports a full storage once, and still shows the layers', () => {
    const store = createAppStore();
    bindImports(store, fakeWindow(), { storage: memoryStorage(undefined, true) });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    store.getState().applyImport(layer('990103'));
    store.getState().applyImport(layer('990105'));
    expect(store.getState().imports).toHaveLength(2);
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      'This browser’s storage is full: the imported data is shown now but will be gone after a reload.',
    ]);
  });

  it('follows a link with layers opened in the same tab', () => {
    const store = createAppStore();
    const win = fakeWindow();
    bindImports(store, win, { storage: memoryStorage() });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    win.setHash(`#imp=${encodeImportLayers([layer('990105', 'Later', 'link')])}`);
    win.fire();
    expect(store.getState().imports.map((l) => l.source.title)).toEqual(['Later']);
  });
});
