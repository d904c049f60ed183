/**
 * Panels slice: which panels are open, the notices shown to the user, and whether the map can be
 * drawn. It reads and writes only its own fields.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../store';

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

export interface PanelsSlice {
  /** Whether the table view is open (the complete non-map path to the data). */
  tableOpen: boolean;
  /** Whether the import dialog is open. */
  importOpen: boolean;
  notices: Notice[];
  /** Why the map cannot be drawn (e.g. no WebGL), or null while it can: the page offers the table instead. */
  mapUnavailable: string | null;
  /** Set by requestFullMap. */
  fullMapRequested: boolean;
  /**
   * The map's WebGL context was lost after the map started (the browser may give it back): the
   * map stays in place and the page says why it is blank, with the table and a summary.
   */
  mapContextLost: boolean;
  /**
   * The map has painted its first choropleth. Panels below the map wait for it (AfterMapPaint):
   * rendered in the same task, they would hold back the first view.
   */
  mapPainted: boolean;

  setTableOpen: (open: boolean) => void;
  setImportOpen: (open: boolean) => void;
  /** Adds a notice; returns the id it was given (for dismissing or replacing it later). */
  notify: (kind: Notice['kind'], text: string, extra?: NoticeExtra) => number;
  dismissNotice: (id: number) => void;
  dismissAllNotices: () => void;
  /** The map could not be created (no WebGL); the reason is technical text, shown as is. */
  mapFailed: (reason: string) => void;
  /**
   * The user asked for the full (WebGL) map where the 2D map was kept because WebGL is drawn in
   * software (src/map/webgl.ts): the map starts it, and the note goes.
   */
  requestFullMap: () => void;
  setMapContextLost: (lost: boolean) => void;
  markMapPainted: () => void;
}

export const createPanelsSlice: StateCreator<AppState, [['zustand/subscribeWithSelector', never]], [], PanelsSlice> = (
  set,
  get,
) => {
  // Ids count per store (each store runs this creator once), from 1.
  let noticeSeq = 0;
  return {
    tableOpen: false,
    importOpen: false,
    notices: [],
    mapUnavailable: null,
    fullMapRequested: false,
    mapContextLost: false,
    mapPainted: false,

    setTableOpen: (tableOpen) => set({ tableOpen }),
    setImportOpen: (importOpen) => set({ importOpen }),
    notify: (kind, text, extra = {}) => {
      const id = (noticeSeq += 1);
      set({ notices: [...get().notices, { ...extra, id, kind, text }] });
      return id;
    },
    dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
    dismissAllNotices: () => set({ notices: [] }),
    mapFailed: (reason) => set({ mapUnavailable: reason }),
    requestFullMap: () => set({ fullMapRequested: true, mapUnavailable: null }),
    setMapContextLost: (lost) => set({ mapContextLost: lost }),
    markMapPainted: () => set({ mapPainted: true }),
  };
};
