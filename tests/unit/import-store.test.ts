import { describe, expect, it } from 'vitest';
import type { ImportFact, ImportLayer } from '../../src/domain/import/types';
import { selectYearStates } from '../../src/store/selectors';
import { createAppStore } from '../../src/store/store';
import { importFact, importLayer } from '../fixtures/builders';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

/** A layer as the import dialog hands it to the store: its id (IMP99) is not the store's yet. */
const layer = (facts: ImportFact[], origin: ImportLayer['origin'] = 'local', title = 'Notice') =>
  importLayer(facts, { id: 'IMP99', origin, source: { title } });

function loaded() {
  const store = createAppStore();
  store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
  return store;
}

const stateOf = (store: ReturnType<typeof createAppStore>, code: string, year: 2019 | 2020 | 2021 | 2022 | 2023) => {
  store.getState().setYear(year);
  return selectYearStates(store.getState())?.get(code);
};

describe('import layers in the store', () => {
  it('keeps the loaded dataset as the base and shows it unchanged without layers', () => {
    const store = loaded();
    const data = store.getState().data;
    if (data.status !== 'ready') throw new Error('not ready');
    expect(data.dataset).toBe(data.base);
    expect(store.getState().imports).toEqual([]);
  });

  it('applies a layer: the new fact is shown, marked imported, with its own source', () => {
    const store = loaded();
    expect(stateOf(store, '990103', 2019)?.kind).toBe('unknown');
    const id = store.getState().applyImport(layer([importFact('990103', 2019, 'B')]));
    expect(id).toBe('IMP1');
    const state = stateOf(store, '990103', 2019);
    expect(state).toMatchObject({ kind: 'known', tier: 'B', fact: { imported: true, sourceIds: ['IMP1'] } });
    const data = store.getState().data;
    if (data.status !== 'ready') throw new Error('not ready');
    expect(data.dataset.sources.map((s) => s.sourceId)).toContain('IMP1');
    expect(data.base.tiers.some((t) => t.imported)).toBe(false);
  });

  it('removing a layer restores exactly the previous dataset', () => {
    const store = loaded();
    const before = store.getState().data;
    if (before.status !== 'ready') throw new Error('not ready');
    store.getState().applyImport(layer([importFact('990101', 2019, 'C')]));
    const id2 = store.getState().applyImport(layer([importFact('990102', 2020, 'A')]));
    expect(stateOf(store, '990101', 2019)).toMatchObject({ tier: 'C' });
    store.getState().removeImport(id2);
    store.getState().removeImport('IMP1');
    const after = store.getState().data;
    if (after.status !== 'ready') throw new Error('not ready');
    expect(after.dataset).toBe(before.base);
    expect(after.dataset).toEqual(before.dataset);
    expect(stateOf(store, '990101', 2019)).toMatchObject({ tier: 'A' });
  });

  it('gives ids in order and never reuses a live one', () => {
    const store = loaded();
    const a = store.getState().applyImport(layer([importFact('990101', 2019, 'C')]));
    const b = store.getState().applyImport(layer([importFact('990102', 2019, 'C')]));
    store.getState().removeImport(a);
    const c = store.getState().applyImport(layer([importFact('990103', 2019, 'C')]));
    expect([a, b, c]).toEqual(['IMP1', 'IMP2', 'IMP3']);
  });

  it('waits for the data: layers restored before the load are applied by it', () => {
    const store = createAppStore();
    store.getState().restoreImports([layer([importFact('990102', 2019, 'B')])], []);
    expect(store.getState().data.status).toBe('loading');
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    expect(stateOf(store, '990102', 2019)).toMatchObject({ tier: 'B', fact: { imported: true } });
  });

  it('restores local layers first and link layers after them, renumbered', () => {
    const store = loaded();
    const local = { ...layer([importFact('990101', 2019, 'C')]), id: 'IMP4' };
    const link = { ...layer([importFact('990101', 2019, 'B')], 'local', 'Linked'), id: 'IMP4' };
    store.getState().restoreImports([local], [link]);
    expect(store.getState().imports.map((l) => [l.id, l.origin, l.source.title])).toEqual([
      ['IMP1', 'local', 'Notice'],
      ['IMP2', 'link', 'Linked'],
    ]);
    // The later layer (the link's) wins.
    expect(stateOf(store, '990101', 2019)).toMatchObject({ tier: 'B', fact: { sourceIds: ['IMP2'] } });
  });

  it('does not add a link layer equal to one kept here (a user opening their own link)', () => {
    const store = loaded();
    const mine = layer([importFact('990101', 2019, 'C')]);
    store.getState().restoreImports([mine], [{ ...mine, id: 'IMP7', createdAt: '2027-01-01T00:00:00Z' }]);
    expect(store.getState().imports).toHaveLength(1);
  });

  it('keeps link layers: they become local, and the source note says so', () => {
    const store = loaded();
    store.getState().restoreImports([], [layer([importFact('990102', 2019, 'B')])]);
    const note = () => {
      const data = store.getState().data;
      return data.status === 'ready' ? data.dataset.sources.find((s) => s.sourceId === 'IMP1')?.note : undefined;
    };
    expect(note()).toMatch(/shared link/);
    store.getState().keepLinkImports();
    expect(store.getState().imports.map((l) => l.origin)).toEqual(['local']);
    expect(note()).toMatch(/in this browser/);
  });

  it('discards link layers and only them, restoring the previous state', () => {
    const store = loaded();
    store.getState().applyImport(layer([importFact('990103', 2019, 'A')]));
    const withLocal = store.getState().data;
    store.getState().restoreImports([], [layer([importFact('990102', 2019, 'B')], 'link', 'Linked')]);
    expect(store.getState().imports).toHaveLength(2);
    store.getState().discardLinkImports();
    expect(store.getState().imports.map((l) => l.origin)).toEqual(['local']);
    const after = store.getState().data;
    if (after.status !== 'ready' || withLocal.status !== 'ready') throw new Error('not ready');
    expect(after.dataset).toEqual(withLocal.dataset);
  });

  it('replaces earlier link layers when a new link is restored', () => {
    const store = loaded();
    store.getState().restoreImports([], [layer([importFact('990105', 2019, 'B')], 'link', 'First')]);
    store.getState().restoreImports([], [layer([importFact('990103', 2019, 'B')], 'link', 'Second')]);
    expect(store.getState().imports.map((l) => l.source.title)).toEqual(['Second']);
    expect(stateOf(store, '990105', 2019)?.kind).toBe('unknown');
  });

  it('leaves the rest of the state alone and opens and closes the dialog', () => {
    const store = loaded();
    store.getState().setYear(2020);
    store.getState().select('990101');
    store.getState().setImportOpen(true);
    expect(store.getState().importOpen).toBe(true);
    store.getState().applyImport(layer([importFact('990102', 2020, 'A')]));
    expect(store.getState()).toMatchObject({ year: 2020, selected: '990101', importOpen: true });
    store.getState().setImportOpen(false);
    expect(store.getState().importOpen).toBe(false);
  });

  it('replaces the local layers with a given list, ids and order as given', () => {
    const store = loaded();
    store.getState().applyImport(layer([importFact('990101', 2019, 'C')], 'local', 'Mine'));
    const theirs = { ...layer([importFact('990103', 2019, 'B')], 'local', 'Theirs'), id: 'IMP5' };
    const mine = { ...layer([importFact('990101', 2019, 'C')], 'local', 'Mine'), id: 'IMP2' };
    store.getState().replaceLocalImports([theirs, mine]);
    expect(store.getState().imports.map((l) => [l.id, l.source.title])).toEqual([
      ['IMP5', 'Theirs'],
      ['IMP2', 'Mine'],
    ]);
    expect(stateOf(store, '990103', 2019)).toMatchObject({ tier: 'B', fact: { sourceIds: ['IMP5'] } });
    store.getState().replaceLocalImports([]);
    expect(store.getState().imports).toEqual([]);
    expect(stateOf(store, '990103', 2019)?.kind).toBe('unknown');
  });

  it('keeps link layers after the replaced local ones, with a free id, and drops one now kept', () => {
    const store = loaded();
    store
      .getState()
      .restoreImports(
        [],
        [
          layer([importFact('990105', 2019, 'B')], 'link', 'Linked'),
          layer([importFact('990103', 2019, 'A')], 'link', 'Other'),
        ],
      );
    expect(store.getState().imports.map((l) => l.id)).toEqual(['IMP1', 'IMP2']);
    store
      .getState()
      .replaceLocalImports([{ ...layer([importFact('990101', 2019, 'C')], 'local', 'Local'), id: 'IMP1' }]);
    expect(store.getState().imports.map((l) => [l.id, l.origin, l.source.title])).toEqual([
      ['IMP1', 'local', 'Local'],
      ['IMP2', 'link', 'Linked'],
      ['IMP3', 'link', 'Other'],
    ]);
    // The same content as a link layer, now among the local ones: the link's copy goes.
    store
      .getState()
      .replaceLocalImports([{ ...layer([importFact('990105', 2019, 'B')], 'local', 'Linked'), id: 'IMP1' }]);
    expect(store.getState().imports.map((l) => [l.id, l.origin, l.source.title])).toEqual([
      ['IMP1', 'local', 'Linked'],
      ['IMP3', 'link', 'Other'],
    ]);
  });

  it('leaves the dataset as it is when the replacement changes nothing', () => {
    const store = loaded();
    store.getState().applyImport(layer([importFact('990101', 2019, 'C')]));
    const data = store.getState().data;
    store.getState().replaceLocalImports(store.getState().imports);
    expect(store.getState().data).toBe(data);
  });

  it('ignores removing an unknown id and keep/discard without link layers', () => {
    const store = loaded();
    store.getState().applyImport(layer([importFact('990102', 2019, 'B')]));
    const data = store.getState().data;
    store.getState().removeImport('IMP42');
    store.getState().keepLinkImports();
    store.getState().discardLinkImports();
    expect(store.getState().data).toBe(data);
  });
});
