/**
 * The imperative side of imported layers, as bind-url.ts is for the query: once the data is
 * loaded, read the layers kept in this browser and those a link carries (`#imp=…`), check them
 * strictly and hand them to the store; then keep the storage in step with the store's layers
 * and drop the link's fragment once its layers are kept or discarded. Every problem becomes a
 * notice in the UI language (worded by import-notices.ts); none throws, and none changes the view.
 *
 * Storage is shared by every tab of the browser and is the source of truth for the user's own
 * layers. A change in this tab is therefore never written as this tab's whole list: the binder
 * takes what changed since it last read or wrote (by content), applies that to what storage
 * holds now, writes, and shows the result. A write by another tab arrives as a `storage`
 * event: the binder reads again, shows the result and says what changed. Stored data this
 * version cannot use in full is copied aside first (data/import-storage.ts), and a notice
 * offers to download or remove it.
 *
 * A link's fragment is read asynchronously (inflating it loads fflate on first use). Meanwhile
 * the binder already follows this tab's changes and other tabs' writes, keeps the fragment in
 * the address until it is read, and applies only the latest read: a hash change that arrives
 * while an earlier fragment is being read supersedes it.
 */
import {
  IMPORT_BACKUP_KEY,
  IMPORT_STORAGE_KEY,
  browserStorage,
  diffLayers,
  updateImportLayers,
  type LayerDiff,
  type SaveResult,
  type StorageLike,
} from '../data/import-storage';
import type { ImportLayer } from '../domain/import/types';
import type { Lang } from '../domain/lang';
import type { Unit } from '../domain/types';
import type { AppStore } from '../store/store';
import { fragmentValue, hashWithoutImports } from '../url/import-fragment';
import {
  describeImportProblem,
  downloadText,
  linkReadNotice,
  otherTabNotice,
  readLinkLayers,
  saveFailureText,
  type LinkLayersRead,
} from './import-notices';
import { keptCopiesNotices, noticeShown } from './kept-copies';

// Importable from here as before the notices' wording moved to import-notices.ts.
export {
  describeImportProblem,
  downloadText,
  readLinkLayers,
  type ImportReadProblem,
  type LinkLayersRead,
} from './import-notices';

/** What the binder reads of a `storage` event. */
export interface StorageEventLike {
  /** The key written, or null when another tab cleared the whole storage. */
  readonly key: string | null;
}

/** What the binder needs of `window`; tests pass a small fake. */
export interface ImportsWindow {
  readonly location: { readonly pathname: string; readonly search: string; readonly hash: string };
  readonly history: { replaceState(data: unknown, unused: string, url?: string | null): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
  addEventListener(type: 'storage', listener: (event: StorageEventLike) => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'storage', listener: (event: StorageEventLike) => void): void;
}

const localOf = (imports: readonly ImportLayer[]) => imports.filter((l) => l.origin === 'local');

/** Most layers the other-tab notice lists as added, and as removed (the latest). */
const MAX_OTHER_TAB_ITEMS = 50;

export interface BindImportsOptions {
  /** The browser's storage; null where it is blocked. Defaults to window.localStorage. */
  storage?: StorageLike | null;
  /** Saves a text as a file (the copies kept aside). Defaults to downloadText. */
  download?: (fileName: string, text: string) => void;
  /** The clock that dates the copies kept aside. */
  now?: () => Date;
  /** Reads a link's layers. Defaults to readLinkLayers; tests pass one that resolves when they say. */
  readLink?: (hash: string, units: readonly Unit[], lang: Lang) => Promise<LinkLayersRead>;
}

/**
 * Restores layers when the data is ready, applies every change to what storage holds, follows
 * other tabs' writes and links opened in this tab (a new `#imp=` fragment). Returns a function
 * that stops all of it.
 */
export function bindImports(
  store: AppStore,
  win: ImportsWindow = window,
  options: BindImportsOptions = {},
): () => void {
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  const download = options.download ?? downloadText;
  const now = options.now ?? (() => new Date());
  const readLinkOf = options.readLink ?? readLinkLayers;
  let started = false;
  let stopped = false;
  /**
   * Reads of the link's fragment are numbered, and only the latest one is applied: an earlier
   * read still under way when another begins is for a link the address no longer holds, so
   * neither its layers nor its notices are shown. `linkDone` is the latest read once applied.
   */
  let linkReads = 0;
  let linkDone = 0;
  /** The latest read could not load its code: its fragment stays in the address for a reload. */
  let linkUnread = false;
  let units: readonly Unit[] = [];
  /**
   * The local layers as storage held them when this tab last read or wrote it successfully: a
   * change of this tab is the difference between these and the store's local layers. After a
   * failed write the change stays a difference, so it is tried again with the next one.
   */
  let synced: ImportLayer[] = [];
  /** Set while the binder itself puts storage's layers into the store: that is no change to write. */
  let applying = false;
  /**
   * The notice of the latest failed save: every failed save says so again, in its place (not
   * one more notice each time); a save that succeeds takes it away.
   */
  let saveNotice: number | null = null;
  /**
   * The notice about other tabs' changes and what it lists: each change adds to it, in its place,
   * until it is dismissed.
   */
  let otherTab: { id: number; seen: LayerDiff } | null = null;

  const lang = () => store.getState().lang;
  const shown = (id: number | null) => noticeShown(store, id);
  const { reportEntry, reportEarlierCopies, followBackups } = keptCopiesNotices({
    store,
    storage,
    lang,
    now,
    download,
    onEntryRemoved: () => {
      // Nothing of this tab's was ever written over the entry: all its layers are new to storage.
      synced = [];
      sync('change');
    },
  });

  const notify = (messages: readonly string[]) => {
    for (const text of messages) store.getState().notify('warning', text);
  };

  /** The address without `#imp=…`, once the link's layers are kept, discarded or unreadable. */
  const dropFragment = () => {
    const { pathname, search, hash } = win.location;
    if (fragmentValue(hash) === null) return;
    win.history.replaceState(null, '', `${pathname}${search}${hashWithoutImports(hash)}`);
  };

  /**
   * Drops the fragment once no link layer is shown, but not while a read is under way (its
   * fragment is not read yet) nor after one whose code could not be loaded (it was never read).
   */
  const dropFragmentIfDone = () => {
    if (linkDone !== linkReads || linkUnread) return;
    if (!store.getState().imports.some((l) => l.origin === 'link')) dropFragment();
  };

  /** Reads the address's fragment and applies its layers, unless a later read has begun meanwhile. */
  const readLink = async () => {
    const read = (linkReads += 1);
    const link = await readLinkOf(win.location.hash, units, lang());
    if (stopped || read !== linkReads) return;
    linkDone = read;
    linkUnread = link.unread;
    // One notice per read, however many problems it found: they are its list.
    const notice = linkReadNotice(lang(), link.messages);
    if (notice !== null) store.getState().notify('warning', notice.text, { details: notice.details });
    // An unreadable link changes nothing: layers received earlier stay until kept or discarded.
    if (link.layers.length > 0) store.getState().restoreImports([], link.layers);
    // A fragment that gave nothing (unreadable, or all of it already kept here) is not kept in the address.
    dropFragmentIfDone();
  };

  /**
   * Every failed save is said (the user may have dismissed the last notice and applied another
   * layer, which is lost on reload just the same), replacing the earlier one; the store records
   * it for the import dialog's confirmation. A save that succeeds takes the notice away.
   */
  const reportSave = (save: SaveResult | null) => {
    if (save === null) return;
    store.getState().setImportsUnsaved(!save.ok);
    if (save.ok) {
      if (shown(saveNotice) && saveNotice !== null) store.getState().dismissNotice(saveNotice);
      saveNotice = null;
      return;
    }
    saveNotice = store.getState().notify('warning', saveFailureText(lang(), save.reason), {}, saveNotice);
  };

  /**
   * Brings this tab and storage in step: this tab's change since `synced` is applied to what
   * storage holds now and written, and the store shows the result. At start an entry with an
   * issue is also written back cleaned (its copy kept); after another tab's write, what changed
   * is said.
   */
  const sync = (trigger: 'start' | 'change' | 'event') => {
    const before = localOf(store.getState().imports);
    const diff = diffLayers(synced, before);
    const changed = diff.added.length > 0 || diff.removed.length > 0;
    if (trigger === 'change' && !changed) return;
    const result = updateImportLayers(storage, units, diff, { now: now(), rewrite: trigger === 'start' });
    if (result.read.status === 'unavailable' || result.layers === null) {
      if (trigger === 'start' && storage !== null)
        notify([describeImportProblem(lang(), { code: 'storage-unavailable' }, 'storage')]);
      if (changed) reportSave(result.save);
      return;
    }
    reportEntry(result.read);
    // Writing back a cleaned entry at start is no change of the user's: the entry's notice says enough.
    if (changed) reportSave(result.save);
    const layers = result.layers;
    synced = result.save === null || result.save.ok ? layers : result.read.layers;
    if (JSON.stringify(layers) !== JSON.stringify(before)) {
      applying = true;
      try {
        store.getState().replaceLocalImports(layers);
      } finally {
        applying = false;
      }
    }
    if (trigger !== 'event') return;
    const seen = diffLayers(before, layers);
    if (seen.added.length === 0 && seen.removed.length === 0) return;
    // One notice for other tabs' changes, updated in its place while it is shown.
    const earlier = otherTab !== null && shown(otherTab.id) ? otherTab : null;
    const all: LayerDiff = {
      added: [...(earlier?.seen.added ?? []), ...seen.added].slice(-MAX_OTHER_TAB_ITEMS),
      removed: [...(earlier?.seen.removed ?? []), ...seen.removed].slice(-MAX_OTHER_TAB_ITEMS),
    };
    const notice = otherTabNotice(lang(), all);
    otherTab = { id: store.getState().notify('info', notice.text, notice.extra, earlier?.id ?? null), seen: all };
  };

  const start = () => {
    const { data } = store.getState();
    if (started || data.status !== 'ready') return;
    units = data.base.units;
    sync('start');
    // Only now, so that the stored layers going into the store are not taken for a change. From
    // here this tab's changes and other tabs' writes are followed, also while the link is read;
    // the read is counted before anything else can run, so the fragment is kept until it is done.
    started = true;
    if (fragmentValue(win.location.hash) !== null) void readLink();
    reportEarlierCopies();
  };

  const unsubscribeData = store.subscribe((s) => s.data.status, start);

  const unsubscribeImports = store.subscribe(
    (s) => s.imports,
    () => {
      if (!started) return;
      if (!applying) sync('change');
      // The latest layers: sync may have replaced them (a link layer another tab kept is dropped).
      dropFragmentIfDone();
    },
  );

  // Another tab wrote the layers (or cleared the whole storage): show what it holds now. It may
  // also have removed copies kept aside: their notices here follow.
  const onStorage = (event: StorageEventLike) => {
    if (!started) return;
    if (event.key === null || event.key === IMPORT_STORAGE_KEY) sync('event');
    if (event.key === null || event.key === IMPORT_STORAGE_KEY || event.key === IMPORT_BACKUP_KEY) followBackups();
  };
  win.addEventListener('storage', onStorage);

  // A link with layers pasted into this tab's address bar changes only the hash: no reload.
  const onHashChange = () => {
    const { data } = store.getState();
    if (!started || data.status !== 'ready' || fragmentValue(win.location.hash) === null) return;
    void readLink();
  };
  win.addEventListener('hashchange', onHashChange);

  start();

  return () => {
    stopped = true;
    unsubscribeData();
    unsubscribeImports();
    win.removeEventListener('storage', onStorage);
    win.removeEventListener('hashchange', onHashChange);
  };
}
