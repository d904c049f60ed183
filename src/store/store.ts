/**
 * The one application store (Zustand, vanilla so the map can subscribe outside React).
 * Actions are one-liners over pure domain functions; React and the map only read it.
 *
 * Slices: data (loaded once, never lost to a later bad input), time (year, playback),
 * selection (selected, hovered, legend highlight), view (camera, language, mode) and ui
 * (notices). Runtime-only state (hover, highlight, playing) never reaches the URL.
 *
 * Imports: the dataset loaded from data/ is kept as `base` and never changed; what the app shows
 * is applyImports(base, imports), so removing a layer gives back exactly the earlier state.
 */
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MapGeometry } from '../domain/geometry';
import type { Lang } from '../domain/lang';
import { applyImports, nextLayerId, withoutBidiControls } from '../domain/import/apply';
import type { ImportLayer } from '../domain/import/types';
import { followUnit, resolveCode } from '../domain/lineage';
import { isYear, playbackNext, playbackStart, stepYear } from '../domain/timeline';
import { LAST_YEAR, type Dataset, type UnitCode, type Year } from '../domain/types';
import { indexStates, type LegendKey, type StateIndex } from '../domain/unit-state';
import type { Flow, Mode, View } from '../domain/view';

// The view's types are the domain's; they are re-exported for the store's users.
export { MODES, type Flow, type Mode, type View } from '../domain/view';

export { isYear };

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

/** A button on a notice (e.g. "Download the unreadable entry"); the label is in the UI language. */
export interface NoticeAction {
  label: string;
  run: () => void;
}

/** Extras of a notice: a list of items (shown collapsed beyond a few) and buttons. */
export interface NoticeExtra {
  details?: readonly string[];
  actions?: readonly NoticeAction[];
}

/** A message for the user, e.g. which URL keys were ignored. Text is already in the UI language. */
export interface Notice extends NoticeExtra {
  id: number;
  kind: 'warning' | 'info';
  text: string;
}

export interface AppState {
  data: DataSlice;
  year: Year;
  playing: boolean;
  /** Selected unit (a code valid in `year` where the unit has a counterpart there). */
  selected: UnitCode | null;
  hovered: UnitCode | null;
  /** Where the pointer is over the hovered unit (CSS pixels in the map), for the tooltip. */
  pointer: { x: number; y: number } | null;
  /**
   * Legend entry under the pointer or focus: its units are highlighted on the map. 'imported'
   * is the legend's entry for imported facts, which is a mark on top of a state, not a state.
   */
  highlight: LegendKey | 'imported' | null;
  /** Last settled camera; null until the map reports one (or a link sets one). */
  view: View | null;
  /** Asks the map to fly to a unit; `seq` makes a repeated request for the same unit distinct. */
  flyTo: { code: UnitCode; seq: number } | null;
  lang: Lang;
  mode: Mode;
  /** Base year of change mode and of the transition view; null means the year before `year`. */
  base: Year | null;
  /** The transition the user picked (its units are highlighted and listed), or null. */
  flow: Flow | null;
  /** Area (prefecture-level city, 定州 or 辛集) the map and tables are filtered to, or null. */
  pref: string | null;
  /** Whether the table view is open (the complete non-map path to the data). */
  tableOpen: boolean;
  /** Imported layers, applied in order over the loaded dataset (later layers win). */
  imports: ImportLayer[];
  /** Whether the import dialog is open. */
  importOpen: boolean;
  notices: Notice[];
  /** Why the map cannot be drawn (e.g. no WebGL), or null while it can: the page offers the table instead. */
  mapUnavailable: string | null;
  /**
   * The map's WebGL context was lost after the map started (the browser may give it back): the
   * map stays in place and the page says why it is blank, with the table and a summary.
   */
  mapContextLost: boolean;

  dataLoaded: (dataset: Dataset, geometry: MapGeometry) => void;
  /** A failed load is reported; data already loaded is kept (a bad file never loses it). */
  dataFailed: (message: string) => void;
  setYear: (year: number) => void;
  stepYear: (delta: number) => void;
  play: () => void;
  pause: () => void;
  /** Advances playback one year; stops at the last year. */
  tick: () => void;
  select: (code: UnitCode | null, options?: { fly?: boolean }) => void;
  hover: (code: UnitCode | null, pointer?: { x: number; y: number } | null) => void;
  setHighlight: (key: AppState['highlight']) => void;
  setView: (view: View) => void;
  setLang: (lang: Lang) => void;
  setMode: (mode: Mode) => void;
  /** A base year at or after the selected year is refused (the change needs an earlier year). */
  setBase: (base: Year | null) => void;
  setFlow: (flow: Flow | null) => void;
  setPref: (pref: string | null) => void;
  setTableOpen: (open: boolean) => void;
  notify: (kind: Notice['kind'], text: string, extra?: NoticeExtra) => void;
  dismissNotice: (id: number) => void;
  dismissAllNotices: () => void;
  /** The map could not be created (no WebGL); the reason is technical text, shown as is. */
  mapFailed: (reason: string) => void;
  setMapContextLost: (lost: boolean) => void;
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
  setImportOpen: (open: boolean) => void;
}

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

/** The selection carried into another year (任县 in 2019 is 任泽区 in 2021). */
function followSelection(state: AppState, year: Year): UnitCode | null {
  if (state.selected === null || state.data.status !== 'ready') return state.selected;
  return followUnit(state.data.dataset.units, state.selected, state.year, year);
}

export function createAppStore(initial: InitialState = {}): AppStore {
  let noticeSeq = 0;
  let flySeq = 0;
  return createStore<AppState>()(
    subscribeWithSelector((set, get) => {
      // A base year must stay earlier than the selected year; otherwise the default (the year
      // before) applies again.
      const goTo = (year: Year, extra: Partial<AppState> = {}) => {
        const { base } = get();
        set({
          year,
          selected: followSelection(get(), year),
          base: base !== null && base >= year ? null : base,
          ...extra,
        });
      };
      // The shown dataset follows the layers; the base stays as loaded. Without data yet the
      // layers wait, and dataLoaded applies them.
      const setImports = (imports: ImportLayer[]) => {
        const { data } = get();
        if (data.status !== 'ready') {
          set({ imports });
          return;
        }
        const dataset = applyImports(data.base, imports);
        set({ imports, data: { ...data, dataset, index: indexStates(dataset) } });
      };
      return {
        data: { status: 'loading' },
        year: initial.year ?? LAST_YEAR,
        playing: false,
        selected: initial.selected ?? null,
        hovered: null,
        pointer: null,
        highlight: null,
        view: initial.view ?? null,
        flyTo: null,
        lang: initial.lang ?? 'en',
        mode: initial.mode ?? 'tier',
        base: initial.base ?? null,
        flow: initial.flow ?? null,
        pref: initial.pref ?? null,
        tableOpen: false,
        imports: [],
        importOpen: false,
        notices: [],
        mapUnavailable: null,
        mapContextLost: false,

        dataLoaded: (base, geometry) => {
          const state = get();
          const dataset = applyImports(base, state.imports);
          const data: DataSlice = { status: 'ready', dataset, base, geometry, index: indexStates(dataset) };
          // A selection from a link may name a unit by a code of another year (任泽区 in 2019).
          const selected = state.selected === null ? null : resolveCode(dataset.units, state.selected, state.year);
          set({ data, selected });
        },
        dataFailed: (message) => {
          if (get().data.status !== 'ready') set({ data: { status: 'error', message } });
        },
        setYear: (year) => {
          if (isYear(year) && year !== get().year) goTo(year, { playing: false });
        },
        stepYear: (delta) => {
          const year = stepYear(get().year, delta);
          if (year !== get().year) goTo(year, { playing: false });
        },
        play: () => {
          const start = playbackStart(get().year);
          if (start !== get().year) goTo(start, { playing: true });
          else set({ playing: true });
        },
        pause: () => set({ playing: false }),
        tick: () => {
          if (!get().playing) return;
          const next = playbackNext(get().year);
          if (next === null) set({ playing: false });
          else goTo(next, { playing: next !== LAST_YEAR });
        },
        select: (code, options = {}) => {
          const flyTo = code !== null && options.fly ? { code, seq: (flySeq += 1) } : get().flyTo;
          set({ selected: code, flyTo });
        },
        hover: (code, pointer = null) => set({ hovered: code, pointer: code === null ? null : pointer }),
        setHighlight: (highlight) => {
          if (highlight !== get().highlight) set({ highlight });
        },
        setView: (view) => set({ view }),
        setLang: (lang) => {
          if (lang !== get().lang) set({ lang });
        },
        setMode: (mode) => set({ mode }),
        setBase: (base) => {
          if (base === null || base < get().year) set({ base });
        },
        setFlow: (flow) => set({ flow }),
        setPref: (pref) => set({ pref }),
        setTableOpen: (tableOpen) => set({ tableOpen }),
        notify: (kind, text, extra = {}) =>
          set({ notices: [...get().notices, { ...extra, id: (noticeSeq += 1), kind, text }] }),
        dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
        dismissAllNotices: () => set({ notices: [] }),
        mapFailed: (reason) => set({ mapUnavailable: reason }),
        setMapContextLost: (lost) => set({ mapContextLost: lost }),
        applyImport: (layer) => {
          const id = nextLayerId(get().imports);
          setImports([...get().imports, { ...withoutBidiControls(layer), id }]);
          return id;
        },
        removeImport: (id) => {
          const imports = get().imports;
          if (imports.some((l) => l.id === id)) setImports(imports.filter((l) => l.id !== id));
        },
        restoreImports: (local, link) => {
          const mine: ImportLayer[] = get().imports.filter((l) => l.origin === 'local');
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
          setImports([...mine, ...received]);
        },
        replaceLocalImports: (local) => {
          const mine = local.map((l) => ({ ...l, origin: 'local' as const }));
          const received: ImportLayer[] = [];
          for (const layer of get().imports) {
            if (layer.origin !== 'link' || mine.some((m) => sameContent(m, layer))) continue;
            const taken = [...mine, ...received];
            const id = taken.some((l) => l.id === layer.id) ? nextLayerId(taken) : layer.id;
            received.push({ ...layer, id });
          }
          const next = [...mine, ...received];
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
        setImportOpen: (importOpen) => set({ importOpen }),
      };
    }),
  );
}
