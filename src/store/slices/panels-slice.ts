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

/**
 * The most notices the store keeps: a newer one beyond it drops the oldest (capNotices). The
 * display shows fewer still (features/notices NOTICES_SHOWN, the rest behind a button); this
 * bounds the list itself, however many notices a page's life brings (links opened, other tabs'
 * writes, saves).
 */
export const MAX_NOTICES = 20;

/**
 * `notices` (oldest first) cut to `max`. The oldest notices without buttons go first: a notice
 * with buttons offers what the user can still do (download or remove a copy kept aside), and 20
 * bad links opened one after another must not take that offer away. Only when more than `max`
 * have buttons do the oldest of those go too. The newest is always kept, and the order too.
 */
export function capNotices(notices: readonly Notice[], max: number = MAX_NOTICES): Notice[] {
  let excess = notices.length - max;
  if (excess <= 0) return [...notices];
  const dropped = new Set<number>();
  // The newest stays whatever it holds: it is what just happened.
  const older = notices.slice(0, -1);
  for (const withButtons of [false, true]) {
    for (const notice of older) {
      if (excess === 0) break;
      if ((notice.actions !== undefined && notice.actions.length > 0) !== withButtons) continue;
      dropped.add(notice.id);
      excess -= 1;
    }
  }
  return notices.filter((n) => !dropped.has(n.id));
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
  /**
   * The latest write of the imported layers to this browser's storage failed (set by
   * app/bind-imports.ts): what is shown now will be gone after a reload, and the import dialog
   * says so when it applies a layer.
   */
  importsUnsaved: boolean;
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
  /**
   * Adds a notice as the newest; returns the id it was given (for dismissing or replacing it
   * later). With `replaces`, the notice of that id, if still shown, goes: one notice that is
   * updated (a repeated failure, another tab's changes), not a pile. The new one has a new id,
   * so that it is announced again. Beyond MAX_NOTICES the oldest are dropped (capNotices).
   */
  notify: (kind: Notice['kind'], text: string, extra?: NoticeExtra, replaces?: number | null) => number;
  dismissNotice: (id: number) => void;
  dismissAllNotices: () => void;
  setImportsUnsaved: (unsaved: boolean) => void;
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
    importsUnsaved: false,
    mapUnavailable: null,
    fullMapRequested: false,
    mapContextLost: false,
    mapPainted: false,

    setTableOpen: (tableOpen) => set({ tableOpen }),
    setImportOpen: (importOpen) => set({ importOpen }),
    notify: (kind, text, extra = {}, replaces = null) => {
      const id = (noticeSeq += 1);
      const kept = replaces === null ? get().notices : get().notices.filter((n) => n.id !== replaces);
      const notices = [...kept, { ...extra, id, kind, text }];
      set({ notices: capNotices(notices) });
      return id;
    },
    dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
    dismissAllNotices: () => set({ notices: [] }),
    setImportsUnsaved: (importsUnsaved) => {
      if (get().importsUnsaved !== importsUnsaved) set({ importsUnsaved });
    },
    mapFailed: (reason) => set({ mapUnavailable: reason }),
    requestFullMap: () => set({ fullMapRequested: true, mapUnavailable: null }),
    setMapContextLost: (lost) => set({ mapContextLost: lost }),
    markMapPainted: () => set({ mapPainted: true }),
  };
};
