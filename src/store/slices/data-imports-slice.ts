/**
 * Data and imports slice: the dataset loaded from data/ and the import layers over it.
 *
 * The loaded dataset is kept as `base` and never changed; what the app shows is
 * applyImports(base, imports), recomputed with its state index by shownData whenever the layers
 * change, so removing a layer gives back exactly the earlier state. Layers set before the data
 * arrives wait in `imports`, and dataLoaded applies them.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { MapGeometry } from '../../domain/geometry';
import { applyImports, nextLayerId, withoutBidiControls } from '../../domain/import/apply';
import type { ImportLayer } from '../../domain/import/types';
import { resolveCode } from '../../domain/lineage';
import type { Dataset } from '../../domain/types';
import { indexStates, type StateIndex } from '../../domain/unit-state';
import type { AppState } from '../store';

/** The `data` field: loading, ready or failed. (A field's type, not a slice creator, despite its name.) */
export type DataSlice =
  | { status: 'loading' }
  | {
      status: 'ready';
      /** What the app shows: `base` with the imported layers applied. */
      dataset: Dataset;
      /** The dataset as loaded from data/, never changed by an import. */
      base: Dataset;
      geometry: MapGeometry;
      index: StateIndex;
    }
  | { status: 'error'; message: string };

type ReadyData = Extract<DataSlice, { status: 'ready' }>;

export interface DataImportsSlice {
  data: DataSlice;
  /** Imported layers, applied in order over the loaded dataset (later layers win). */
  imports: ImportLayer[];

  dataLoaded: (dataset: Dataset, geometry: MapGeometry) => void;
  /** A failed load is reported; data already loaded is kept (a bad file never loses it). */
  dataFailed: (message: string) => void;
  /**
   * Adds a layer the user applied (as the last, so it wins over earlier ones). Its id is
   * replaced by the next free IMPn, which is returned: ids are the store's to give.
   */
  applyImport: (layer: ImportLayer) => string;
  removeImport: (id: string) => void;
  /**
   * Layers read back at start (kept in this browser) and received in the page's link: the link's
   * come after and are renumbered after the local ones; a link layer equal to one already here
   * (the user opening a link they shared) is not added twice. Replaces earlier link layers.
   */
  restoreImports: (local: readonly ImportLayer[], link: readonly ImportLayer[]) => void;
  /**
   * The user's own layers become exactly `local`, in its order and with its ids (this browser's
   * storage, shared by its tabs, holds them). Link layers stay after them; one whose id is now
   * taken gets the next free id, and one equal to a layer of `local` is dropped (it is kept now).
   */
  replaceLocalImports: (local: readonly ImportLayer[]) => void;
  /** The layers received in a link become the user's own (kept in this browser). */
  keepLinkImports: () => void;
  /** The layers received in a link are dropped. */
  discardLinkImports: () => void;
}

/** The ready data for a loaded dataset under `imports`: the shown dataset and its state index. */
export function shownData(base: Dataset, geometry: MapGeometry, imports: readonly ImportLayer[]): ReadyData {
  const dataset = applyImports(base, imports);
  return { status: 'ready', dataset, base, geometry, index: indexStates(dataset) };
}

/**
 * The fields a load writes: the data, shown with the layers already set, and the selection
 * resolved in the selected year (a link may name a unit by another year's code: 任泽区 in 2019).
 */
export function dataReady(
  state: Pick<AppState, 'imports' | 'selected' | 'year'>,
  base: Dataset,
  geometry: MapGeometry,
): Pick<AppState, 'data' | 'selected'> {
  const data = shownData(base, geometry, state.imports);
  const selected = state.selected === null ? null : resolveCode(data.dataset.units, state.selected, state.year);
  return { data, selected };
}

/** The fields a change of layers writes: the layers, and the data recomputed over them once loaded. */
export function withImports(data: DataSlice, imports: ImportLayer[]): Pick<AppState, 'data' | 'imports'> {
  return { imports, data: data.status === 'ready' ? shownData(data.base, data.geometry, imports) : data };
}

/** Source and facts only: two layers with the same content are the same data, whatever their id or date. */
function sameContent(a: ImportLayer, b: ImportLayer): boolean {
  return JSON.stringify([a.source, a.facts]) === JSON.stringify([b.source, b.facts]);
}

/** Ids IMP1, IMP2, … in order, after the ids of `before`. */
function renumber(layers: readonly ImportLayer[], before: readonly ImportLayer[]): ImportLayer[] {
  const out: ImportLayer[] = [];
  for (const layer of layers) out.push({ ...layer, id: nextLayerId([...before, ...out]) });
  return out;
}

/** The layers after restoreImports (see there): local ones kept and added, then the link's. */
export function restoredImports(
  current: readonly ImportLayer[],
  local: readonly ImportLayer[],
  link: readonly ImportLayer[],
): ImportLayer[] {
  const mine: ImportLayer[] = current.filter((l) => l.origin === 'local');
  const isNew = (l: ImportLayer) => !mine.some((m) => sameContent(m, l));
  mine.push(
    ...renumber(
      local.filter(isNew).map((l) => ({ ...l, origin: 'local' as const })),
      mine,
    ),
  );
  const received = renumber(
    link.filter(isNew).map((l) => ({ ...l, origin: 'link' as const })),
    mine,
  );
  return [...mine, ...received];
}

/** The layers after replaceLocalImports (see there): exactly `local`, then the link layers left. */
export function replacedLocalImports(current: readonly ImportLayer[], local: readonly ImportLayer[]): ImportLayer[] {
  const mine = local.map((l) => ({ ...l, origin: 'local' as const }));
  const received: ImportLayer[] = [];
  for (const layer of current) {
    if (layer.origin !== 'link' || mine.some((m) => sameContent(m, layer))) continue;
    const taken = [...mine, ...received];
    const id = taken.some((l) => l.id === layer.id) ? nextLayerId(taken) : layer.id;
    received.push({ ...layer, id });
  }
  return [...mine, ...received];
}

export const createDataImportsSlice: StateCreator<
  AppState,
  [['zustand/subscribeWithSelector', never]],
  [],
  DataImportsSlice
> = (set, get) => {
  const setImports = (imports: ImportLayer[]) => set(withImports(get().data, imports));
  return {
    data: { status: 'loading' },
    imports: [],

    dataLoaded: (base, geometry) => set(dataReady(get(), base, geometry)),
    dataFailed: (message) => {
      if (get().data.status !== 'ready') set({ data: { status: 'error', message } });
    },
    applyImport: (layer) => {
      const id = nextLayerId(get().imports);
      setImports([...get().imports, { ...withoutBidiControls(layer), id }]);
      return id;
    },
    removeImport: (id) => {
      const imports = get().imports;
      if (imports.some((l) => l.id === id)) setImports(imports.filter((l) => l.id !== id));
    },
    restoreImports: (local, link) => setImports(restoredImports(get().imports, local, link)),
    replaceLocalImports: (local) => {
      const next = replacedLocalImports(get().imports, local);
      // An unchanged list keeps the shown dataset as it is (no redraw for nothing).
      if (JSON.stringify(next) !== JSON.stringify(get().imports)) setImports(next);
    },
    keepLinkImports: () => {
      const imports = get().imports;
      if (!imports.some((l) => l.origin === 'link')) return;
      setImports(imports.map((l) => (l.origin === 'link' ? { ...l, origin: 'local' as const } : l)));
    },
    discardLinkImports: () => {
      const imports = get().imports;
      if (imports.some((l) => l.origin === 'link')) setImports(imports.filter((l) => l.origin !== 'link'));
    },
  };
};
