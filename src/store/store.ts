/**
 * The one application store: a Zustand vanilla store (so code outside React, such as the map and
 * the URL binder, can read it and subscribe to it) with subscribeWithSelector, composed of four
 * slices in slices/: view (year, playback, camera, the map's frame, language, mode, base, flow,
 * area, and the requests to the map: fly to a unit, take the focus), selection (selected,
 * hovered, pointer, highlight), data and imports, and panels (open panels, notices, whether the
 * map can be drawn). Each slice's creator sees the whole state.
 *
 * Where an action writes another slice's fields, that rule is one pure function beside it:
 * movedToYear (view-slice.ts: a year change carries the selection into that year and drops a
 * base year that is no longer earlier) and dataReady (data-imports-slice.ts: loading resolves a
 * selected code in the selected year). select with `fly` also writes the view slice's flyTo, in
 * the action itself. withImports (data-imports-slice.ts) recomputes the shown dataset and its
 * index whenever the layers change.
 */
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lang } from '../domain/lang';
import type { UnitCode, Year } from '../domain/types';
import type { Flow, Mode, View } from '../domain/view';
import { createDataImportsSlice, type DataImportsSlice } from './slices/data-imports-slice';
import { createPanelsSlice, type PanelsSlice } from './slices/panels-slice';
import { createSelectionSlice, type SelectionSlice } from './slices/selection-slice';
import { createViewSlice, type ViewSlice } from './slices/view-slice';

export type { DataSlice } from './slices/data-imports-slice';
export type { Notice, NoticeAction, NoticeExtra } from './slices/panels-slice';

export type AppState = ViewSlice & SelectionSlice & DataImportsSlice & PanelsSlice;

/** Starting values, e.g. from the page's link; a missing one takes its slice's default. */
export interface InitialState {
  year?: Year;
  lang?: Lang;
  selected?: UnitCode | null;
  view?: View | null;
  mode?: Mode;
  base?: Year | null;
  flow?: Flow | null;
  pref?: string | null;
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
    subscribeWithSelector((...a) => ({
      ...createViewSlice(initial)(...a),
      ...createSelectionSlice(initial)(...a),
      ...createDataImportsSlice(...a),
      ...createPanelsSlice(...a),
    })),
  );
}
