/**
 * Each store slice on its own: a store built from one slice creator, with the other slices'
 * fields it reads given as plain values, so a test shows exactly what the slice depends on.
 * The pure rules the slices share (movedToYear, dataReady, withImports, …) are tested directly.
 */
import { describe, expect, it, vi } from 'vitest';
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore, type StateCreator } from 'zustand/vanilla';
import type { Dataset } from '../../src/domain/types';
import { indexStates } from '../../src/domain/unit-state';
import {
  createDataImportsSlice,
  dataReady,
  replacedLocalImports,
  restoredImports,
  shownData,
  withImports,
  type DataSlice,
} from '../../src/store/slices/data-imports-slice';
import { createPanelsSlice } from '../../src/store/slices/panels-slice';
import { createSelectionSlice } from '../../src/store/slices/selection-slice';
import { baseFits, createViewSlice, movedToYear } from '../../src/store/slices/view-slice';
import { createAppStore, type AppState } from '../../src/store/store';
import { dataset, fact, importFact, importLayer, unit } from '../fixtures/builders';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

type SliceCreator<S> = StateCreator<AppState, [['zustand/subscribeWithSelector', never]], [], S>;

/** A store of one slice; `others` stands in for the fields of the slices left out. */
function sliceStore<S>(creator: SliceCreator<S>, others: Partial<AppState> = {}) {
  return createStore<AppState>()(subscribeWithSelector((...a) => ({ ...(others as AppState), ...creator(...a) })));
}

/** 旧县 (990201, to 2020) became 新区 (990202, from 2021); 990101 is the same unit throughout. */
function renamed(): Dataset {
  return dataset({
    units: [
      unit('990101', '甲区'),
      unit('990201', '旧县', { validTo: 2020 }),
      unit('990202', '新区', { validFrom: 2021, predecessorCodes: ['990201'] }),
    ],
    tiers: [fact('990101', 2019, 'A')],
  });
}

const ready = (base: Dataset): DataSlice => shownData(base, emptyGeometry(), []);

describe('store composition', () => {
  it('is the four slices, none of which overwrites a field of another', () => {
    const keysOf = (creator: SliceCreator<object>) => Object.keys(sliceStore(creator).getState());
    const slices = [
      keysOf(createViewSlice()),
      keysOf(createSelectionSlice()),
      keysOf(createDataImportsSlice),
      keysOf(createPanelsSlice),
    ];
    const all = slices.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(Object.keys(createAppStore().getState()))).toEqual(new Set(all));
  });
});

describe('view slice', () => {
  it('starts from the initial state given, else from the defaults', () => {
    const given = sliceStore(
      createViewSlice({
        year: 2020,
        lang: 'zh',
        mode: 'change',
        base: 2019,
        flow: { from: 'C', to: 'B' },
        pref: '130100',
      }),
    ).getState();
    expect(given).toMatchObject({ year: 2020, lang: 'zh', mode: 'change', base: 2019, pref: '130100', playing: false });
    expect(given.flow).toEqual({ from: 'C', to: 'B' });
    const plain = sliceStore(createViewSlice()).getState();
    expect(plain).toMatchObject({ year: 2023, lang: 'en', mode: 'tier', base: null, flow: null, pref: null });
    expect(plain.view).toBeNull();
    expect(plain.flyTo).toBeNull();
  });

  it('baseFits: null always, otherwise only a year before', () => {
    expect(baseFits(null, 2019)).toBe(true);
    expect(baseFits(2020, 2021)).toBe(true);
    expect(baseFits(2021, 2021)).toBe(false);
    expect(baseFits(2022, 2021)).toBe(false);
  });

  it('movedToYear carries the selection into the year and drops a base no longer earlier', () => {
    const data = ready(renamed());
    expect(movedToYear({ data, year: 2019, selected: '990201', base: null }, 2021)).toEqual({
      year: 2021,
      selected: '990202',
      base: null,
    });
    expect(movedToYear({ data, year: 2023, selected: '990202', base: 2020 }, 2019)).toEqual({
      year: 2019,
      selected: '990201',
      base: null,
    });
    expect(movedToYear({ data, year: 2023, selected: '990101', base: 2020 }, 2021)).toEqual({
      year: 2021,
      selected: '990101',
      base: 2020,
    });
    expect(movedToYear({ data, year: 2023, selected: null, base: 2021 }, 2021).base).toBeNull();
    // Without data there is nothing to follow: the code stays as it is.
    expect(
      movedToYear({ data: { status: 'loading' }, year: 2019, selected: '990201', base: null }, 2021).selected,
    ).toBe('990201');
  });

  it('moves the selection (a selection slice field) with every year change', () => {
    const store = sliceStore(createViewSlice({ year: 2019 }), { data: ready(renamed()), selected: '990201' });
    store.getState().setYear(2021);
    expect(store.getState().selected).toBe('990202');
    store.getState().stepYear(-1);
    expect(store.getState()).toMatchObject({ year: 2020, selected: '990201' });
  });

  it('resets a base year at or after the new year, and refuses one at or after the current year', () => {
    const store = sliceStore(createViewSlice({ year: 2023, base: 2021 }), {
      data: { status: 'loading' },
      selected: null,
    });
    store.getState().setYear(2022);
    expect(store.getState().base).toBe(2021);
    store.getState().setYear(2021);
    expect(store.getState().base).toBeNull();
    store.getState().setBase(2021);
    store.getState().setBase(2023);
    expect(store.getState().base).toBeNull();
    store.getState().setBase(2019);
    expect(store.getState().base).toBe(2019);
    store.getState().setBase(null);
    expect(store.getState().base).toBeNull();
  });

  it('plays from the first year at the end, ticks a year at a time and stops at the last', () => {
    const store = sliceStore(createViewSlice({ year: 2023 }), { data: { status: 'loading' }, selected: null });
    store.getState().play();
    expect(store.getState()).toMatchObject({ year: 2019, playing: true });
    for (const year of [2020, 2021, 2022]) {
      store.getState().tick();
      expect(store.getState()).toMatchObject({ year, playing: true });
    }
    store.getState().tick();
    expect(store.getState()).toMatchObject({ year: 2023, playing: false });
    // A tick while paused does nothing.
    store.getState().tick();
    expect(store.getState()).toMatchObject({ year: 2023, playing: false });
  });

  it('stops playback when the user picks or steps a year, and pauses on request', () => {
    const store = sliceStore(createViewSlice({ year: 2020 }), { data: { status: 'loading' }, selected: null });
    store.getState().play();
    expect(store.getState()).toMatchObject({ year: 2020, playing: true });
    store.getState().setYear(2022);
    expect(store.getState()).toMatchObject({ year: 2022, playing: false });
    store.getState().play();
    store.getState().stepYear(-1);
    expect(store.getState()).toMatchObject({ year: 2021, playing: false });
    store.getState().play();
    store.getState().pause();
    expect(store.getState()).toMatchObject({ year: 2021, playing: false });
  });

  it('notifies nothing for a year or language that does not change', () => {
    const store = sliceStore(createViewSlice({ year: 2021, lang: 'zh' }), {
      data: { status: 'loading' },
      selected: null,
    });
    const listener = vi.fn();
    store.subscribe(listener);
    store.getState().setYear(2021);
    store.getState().setYear(2018);
    store.getState().stepYear(0);
    store.getState().setLang('zh');
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('selection slice', () => {
  it('starts with the selection given, nothing hovered or highlighted', () => {
    const state = sliceStore(createSelectionSlice({ selected: '990101' })).getState();
    expect(state).toMatchObject({ selected: '990101', hovered: null, pointer: null, highlight: null });
  });

  it('asks the map to fly only when told to, each request distinct', () => {
    const store = sliceStore(createSelectionSlice(), { flyTo: null });
    store.getState().select('990101');
    expect(store.getState()).toMatchObject({ selected: '990101', flyTo: null });
    store.getState().select('990102', { fly: true });
    const first = store.getState().flyTo;
    store.getState().select('990102', { fly: true });
    const second = store.getState().flyTo;
    expect(first?.code).toBe('990102');
    expect(second?.code).toBe('990102');
    expect(second?.seq).not.toBe(first?.seq);
    // Clearing the selection keeps the last request (the map has already flown).
    store.getState().select(null, { fly: true });
    expect(store.getState()).toMatchObject({ selected: null, flyTo: second });
  });

  it('keeps a pointer only while a unit is hovered', () => {
    const store = sliceStore(createSelectionSlice());
    store.getState().hover('990101', { x: 10, y: 20 });
    expect(store.getState()).toMatchObject({ hovered: '990101', pointer: { x: 10, y: 20 } });
    store.getState().hover(null, { x: 1, y: 1 });
    expect(store.getState()).toMatchObject({ hovered: null, pointer: null });
  });

  it('notifies a highlight only when it changes', () => {
    const store = sliceStore(createSelectionSlice());
    const seen: AppState['highlight'][] = [];
    store.subscribe(
      (s) => s.highlight,
      (h) => seen.push(h),
    );
    const listener = vi.fn();
    store.getState().setHighlight('imported');
    store.subscribe(listener);
    store.getState().setHighlight('imported');
    store.getState().setHighlight(null);
    expect(seen).toEqual(['imported', null]);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('data and imports slice', () => {
  it('dataReady shows the layers already set and resolves a selected code in the selected year', () => {
    const base = renamed();
    const imp = importLayer([importFact('990101', 2020, 'B')]);
    const { data, selected } = dataReady({ imports: [imp], selected: '990202', year: 2019 }, base, emptyGeometry());
    expect(selected).toBe('990201');
    if (data.status !== 'ready') throw new Error('not ready');
    expect(data.base).toBe(base);
    expect(data.index.factsByYear.get(2020)?.get('990101')).toMatchObject({ tier: 'B', imported: true });
    expect(dataReady({ imports: [], selected: null, year: 2019 }, base, emptyGeometry()).selected).toBeNull();
  });

  it('withImports recomputes the shown dataset and its index, and leaves data not yet loaded alone', () => {
    const loading: DataSlice = { status: 'loading' };
    const imp = importLayer([importFact('990103', 2019, 'B')]);
    const waiting = withImports(loading, [imp]);
    expect(waiting.data).toBe(loading);
    expect(waiting.imports).toEqual([imp]);

    const before = ready(syntheticDataset());
    const after = withImports(before, [imp]);
    if (before.status !== 'ready' || after.data.status !== 'ready') throw new Error('not ready');
    expect(after.data.base).toBe(before.base);
    expect(after.data.geometry).toBe(before.geometry);
    expect(after.data.dataset).not.toBe(before.dataset);
    expect(after.data.index).toEqual(indexStates(after.data.dataset));
    expect(after.data.index.factsByYear.get(2019)?.get('990103')).toMatchObject({ tier: 'B', imported: true });
    expect(before.index.factsByYear.get(2019)?.has('990103')).toBe(false);
  });

  it('holds layers applied before the data arrives and applies them on load, with the selection resolved', () => {
    const store = sliceStore(createDataImportsSlice, { year: 2019, selected: '990202' });
    expect(store.getState().applyImport(importLayer([importFact('990101', 2021, 'C')], { id: 'X' }))).toBe('IMP1');
    expect(store.getState().data.status).toBe('loading');
    store.getState().dataLoaded(renamed(), emptyGeometry());
    const { data, selected } = store.getState();
    expect(selected).toBe('990201');
    if (data.status !== 'ready') throw new Error('not ready');
    expect(data.index.factsByYear.get(2021)?.get('990101')).toMatchObject({ tier: 'C', imported: true });
  });

  it('recomputes on every change of layers, and gives back the loaded dataset without them', () => {
    const store = sliceStore(createDataImportsSlice, { year: 2019, selected: null });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    const loaded = store.getState().data;
    if (loaded.status !== 'ready') throw new Error('not ready');
    expect(loaded.dataset).toBe(loaded.base);

    const id = store
      .getState()
      .applyImport(importLayer([importFact('990103', 2019, 'A')], { id: 'IMP7', source: { title: 'A\u202eB' } }));
    const applied = store.getState().data;
    if (applied.status !== 'ready') throw new Error('not ready');
    expect(applied.index).not.toBe(loaded.index);
    expect(applied.index.factsByYear.get(2019)?.get('990103')?.tier).toBe('A');
    // The layer is stored as a link or storage would give it back: its id the store's, no bidi controls.
    expect(store.getState().imports[0]).toMatchObject({ id, source: { title: 'AB' } });

    store.getState().removeImport(id);
    const removed = store.getState().data;
    if (removed.status !== 'ready') throw new Error('not ready');
    expect(removed.dataset).toBe(loaded.base);
    expect(removed.index.factsByYear.get(2019)?.has('990103')).toBe(false);
  });

  it('changes nothing for a layer it does not hold, for an unchanged local list, or without link layers', () => {
    const store = sliceStore(createDataImportsSlice, { year: 2019, selected: null });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    store.getState().applyImport(importLayer([importFact('990103', 2019, 'A')], { id: 'X' }));
    const listener = vi.fn();
    store.subscribe(listener);
    store.getState().removeImport('IMP9');
    store.getState().replaceLocalImports(store.getState().imports);
    store.getState().keepLinkImports();
    store.getState().discardLinkImports();
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps loaded data when a later load fails', () => {
    const store = sliceStore(createDataImportsSlice, { year: 2023, selected: null });
    store.getState().dataFailed('first');
    expect(store.getState().data).toEqual({ status: 'error', message: 'first' });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    store.getState().dataFailed('second');
    expect(store.getState().data.status).toBe('ready');
  });

  it('restoredImports adds a link layer after the local ones, renumbered, unless it is already here', () => {
    const mine = importLayer([importFact('990101', 2023, 'A')], { source: { title: 'Mine' } });
    const same = importLayer([importFact('990101', 2023, 'A')], { origin: 'link', source: { title: 'Mine' } });
    const other = importLayer([importFact('990102', 2023, 'B')], { origin: 'link', source: { title: 'Theirs' } });
    const result = restoredImports([], [mine], [same, other]);
    expect(result.map((l) => [l.id, l.origin, l.source.title])).toEqual([
      ['IMP1', 'local', 'Mine'],
      ['IMP2', 'link', 'Theirs'],
    ]);
  });

  it('replacedLocalImports makes the local layers exactly those given and moves a link layer off a taken id', () => {
    const link = importLayer([importFact('990102', 2023, 'B')], {
      id: 'IMP2',
      origin: 'link',
      source: { title: 'Theirs' },
    });
    const current = [importLayer([importFact('990101', 2023, 'A')], { source: { title: 'Old' } }), link];
    const local = [
      importLayer([importFact('990101', 2023, 'C')], { source: { title: 'New 1' } }),
      importLayer([importFact('990103', 2023, 'C')], { id: 'IMP2', source: { title: 'New 2' } }),
    ];
    expect(replacedLocalImports(current, local).map((l) => [l.id, l.origin, l.source.title])).toEqual([
      ['IMP1', 'local', 'New 1'],
      ['IMP2', 'local', 'New 2'],
      ['IMP3', 'link', 'Theirs'],
    ]);
    // A link layer equal to one now kept locally is dropped.
    expect(replacedLocalImports(current, [{ ...link, origin: 'local' }]).map((l) => l.origin)).toEqual(['local']);
  });
});

describe('panels slice', () => {
  it('starts with every panel closed, no notices and the map drawable', () => {
    expect(sliceStore(createPanelsSlice).getState()).toMatchObject({
      tableOpen: false,
      importOpen: false,
      notices: [],
      mapUnavailable: null,
      mapContextLost: false,
    });
  });

  it('numbers notices from 1 in each store, keeps their extras, and dismisses one or all', () => {
    const store = sliceStore(createPanelsSlice);
    const actions = [{ label: 'Remove', run: () => undefined }];
    store.getState().notify('warning', 'first', { details: ['a', 'b'], actions });
    store.getState().notify('info', 'second');
    store.getState().notify('info', 'third');
    expect(store.getState().notices).toEqual([
      { id: 1, kind: 'warning', text: 'first', details: ['a', 'b'], actions },
      { id: 2, kind: 'info', text: 'second' },
      { id: 3, kind: 'info', text: 'third' },
    ]);
    store.getState().dismissNotice(2);
    expect(store.getState().notices.map((n) => n.id)).toEqual([1, 3]);
    store.getState().dismissAllNotices();
    expect(store.getState().notices).toEqual([]);
    store.getState().notify('info', 'after');
    expect(store.getState().notices[0]?.id).toBe(4);

    const another = sliceStore(createPanelsSlice);
    another.getState().notify('info', 'elsewhere');
    expect(another.getState().notices[0]?.id).toBe(1);
  });

  it('opens panels and records why the map is missing or blank', () => {
    const store = sliceStore(createPanelsSlice);
    store.getState().setTableOpen(true);
    store.getState().setImportOpen(true);
    store.getState().mapFailed('WebGL unavailable');
    store.getState().setMapContextLost(true);
    expect(store.getState()).toMatchObject({
      tableOpen: true,
      importOpen: true,
      mapUnavailable: 'WebGL unavailable',
      mapContextLost: true,
    });
  });
});
