/**
 * The one application store (Zustand, vanilla so the map can subscribe outside React).
 * Actions are one-liners over pure domain functions; React and the map only read it.
 */
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MapGeometry } from '../domain/geometry';
import { indexStates, type StateIndex } from '../domain/unit-state';
import type { Lang } from '../domain/lang';
import { LAST_YEAR, YEARS, type Dataset, type Year } from '../domain/types';

export type DataSlice =
  | { status: 'loading' }
  | { status: 'ready'; dataset: Dataset; geometry: MapGeometry; index: StateIndex }
  | { status: 'error'; message: string };

export interface AppState {
  data: DataSlice;
  year: Year;
  lang: Lang;
  dataLoaded: (dataset: Dataset, geometry: MapGeometry) => void;
  /** A failed load is reported; data already loaded is kept (a bad file never loses it). */
  dataFailed: (message: string) => void;
  setYear: (year: number) => void;
  setLang: (lang: Lang) => void;
}

export interface InitialState {
  year?: Year;
  lang?: Lang;
}

export function isYear(value: number): value is Year {
  return (YEARS as readonly number[]).includes(value);
}

export type AppStore = StoreApi<AppState> & {
  subscribe: {
    (listener: (state: AppState, previous: AppState) => void): () => void;
    <U>(
      selector: (state: AppState) => U,
      listener: (selected: U, previous: U) => void,
      options?: { equalityFn?: (a: U, b: U) => boolean; fireImmediately?: boolean },
    ): () => void;
  };
};

export function createAppStore(initial: InitialState = {}): AppStore {
  return createStore<AppState>()(
    subscribeWithSelector((set, get) => ({
      data: { status: 'loading' },
      year: initial.year ?? LAST_YEAR,
      lang: initial.lang ?? 'en',
      dataLoaded: (dataset, geometry) =>
        set({ data: { status: 'ready', dataset, geometry, index: indexStates(dataset) } }),
      dataFailed: (message) => {
        if (get().data.status !== 'ready') set({ data: { status: 'error', message } });
      },
      setYear: (year) => {
        if (isYear(year) && year !== get().year) set({ year });
      },
      setLang: (lang) => set({ lang }),
    })),
  );
}
