/**
 * The imperative side of imported layers, as bind-url.ts is for the query: once the data is
 * loaded, read the layers kept in this browser and those a link carries (`#imp=…`), check them
 * strictly and hand them to the store; then keep the storage in step with the store's layers
 * and drop the link's fragment once its layers are kept or discarded. Every problem becomes a
 * notice in the UI language; none throws, and none changes the view.
 */
import { checkLayers, type CheckProblem, type LayerDropReason } from '../data/import-check';
import {
  browserStorage,
  loadImportLayers,
  saveImportLayers,
  type StorageLike,
  type StorageProblem,
} from '../data/import-storage';
import type { ImportLayer } from '../domain/import/types';
import type { Lang } from '../domain/lang';
import type { Unit } from '../domain/types';
import type { AppStore } from '../store/store';
import { t, type MessageKey } from '../ui/i18n';
import { decodeImportFragment, fragmentValue, hashWithoutImports, type FragmentRead } from '../url/import-fragment';

/** What the binder needs of `window`; tests pass a small fake. */
export interface ImportsWindow {
  readonly location: { readonly pathname: string; readonly search: string; readonly hash: string };
  readonly history: { replaceState(data: unknown, unused: string, url?: string | null): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

const DROP_REASON: Record<LayerDropReason, MessageKey> = {
  shape: 'importDropShape',
  id: 'importDropId',
  title: 'importDropTitle',
  date: 'importDropDate',
  url: 'importDropUrl',
  origin: 'importDropOrigin',
  'no-facts': 'importDropNoFacts',
  'too-many': 'importDropTooMany',
};

const LINK_REASON: Record<Extract<FragmentRead, { status: 'corrupt' }>['reason'], MessageKey> = {
  'too-large': 'importLinkTooLarge',
  encoding: 'importLinkEncoding',
  compression: 'importLinkCompression',
  json: 'importLinkJson',
  version: 'importLinkVersion',
};

/** A problem with layers read back, in the UI language. */
export function describeImportProblem(lang: Lang, problem: StorageProblem, where: 'storage' | 'link'): string {
  const place = t(lang, where === 'storage' ? 'importWhereStorage' : 'importWhereLink');
  switch (problem.code) {
    case 'storage-corrupt':
      return t(lang, 'importStorageCorrupt');
    case 'storage-unavailable':
      return t(lang, 'importStorageUnavailable');
    case 'not-layers':
      return t(lang, 'importCheckNotLayers', { where: place });
    case 'too-many-layers':
      return t(lang, 'importCheckTooManyLayers', { where: place, limit: problem.limit });
    case 'layer-dropped': {
      const reason = t(lang, DROP_REASON[problem.reason]);
      return problem.title === null || problem.title.trim() === ''
        ? t(lang, 'importCheckLayerDroppedUntitled', { where: place, reason })
        : t(lang, 'importCheckLayerDropped', { where: place, title: problem.title, reason });
    }
    case 'facts-dropped':
      return t(lang, 'importCheckFactsDropped', {
        where: place,
        title: problem.title,
        count: problem.count,
        example: problem.example,
      });
  }
}

/** The link's layers, checked; a corrupt fragment gives none and one problem text. */
export function readLinkLayers(
  hash: string,
  units: readonly Unit[],
  lang: Lang,
): { layers: ImportLayer[]; messages: string[]; present: boolean } {
  const read = decodeImportFragment(hash);
  if (read.status === 'none') return { layers: [], messages: [], present: false };
  if (read.status === 'corrupt') {
    return {
      layers: [],
      messages: [t(lang, 'importLinkCorrupt', { reason: t(lang, LINK_REASON[read.reason]) })],
      present: true,
    };
  }
  const checked = checkLayers(read.candidates, units, 'link');
  return {
    layers: checked.layers,
    messages: checked.problems.map((p: CheckProblem) => describeImportProblem(lang, p, 'link')),
    present: true,
  };
}

export interface BindImportsOptions {
  /** The browser's storage; null where it is blocked. Defaults to window.localStorage. */
  storage?: StorageLike | null;
}

/**
 * Restores layers when the data is ready, saves them on every change, follows links opened in
 * this tab (a new `#imp=` fragment). Returns a function that stops all of it.
 */
export function bindImports(
  store: AppStore,
  win: ImportsWindow = window,
  options: BindImportsOptions = {},
): () => void {
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  let started = false;
  /** A failed save is said once per reason, not on every change. */
  const saveFailures = new Set<string>();

  const notify = (messages: readonly string[]) => {
    for (const text of messages) store.getState().notify('warning', text);
  };

  /** The address without `#imp=…`, once the link's layers are kept, discarded or unreadable. */
  const dropFragment = () => {
    const { pathname, search, hash } = win.location;
    if (fragmentValue(hash) === null) return;
    win.history.replaceState(null, '', `${pathname}${search}${hashWithoutImports(hash)}`);
  };

  const readLink = (units: readonly Unit[]) => {
    const link = readLinkLayers(win.location.hash, units, store.getState().lang);
    notify(link.messages);
    return link;
  };

  const start = () => {
    const { data, lang } = store.getState();
    if (started || data.status !== 'ready') return;
    started = true;
    const units = data.base.units;
    const local = loadImportLayers(storage, units);
    notify(local.problems.map((p) => describeImportProblem(lang, p, 'storage')));
    const link = readLink(units);
    store.getState().restoreImports(local.layers, link.layers);
    // A fragment that gave nothing (unreadable, or all of it already kept here) is not kept in the address.
    if (!store.getState().imports.some((l) => l.origin === 'link')) dropFragment();
  };

  const unsubscribeData = store.subscribe((s) => s.data.status, start);

  const unsubscribeImports = store.subscribe(
    (s) => s.imports,
    (imports) => {
      if (!started) return;
      const result = saveImportLayers(storage, imports);
      if (!result.ok && !saveFailures.has(result.reason)) {
        saveFailures.add(result.reason);
        const { lang } = store.getState();
        notify([t(lang, result.reason === 'full' ? 'importStorageFull' : 'importStorageBlocked')]);
      }
      if (!imports.some((l) => l.origin === 'link')) dropFragment();
    },
  );

  // A link with layers pasted into this tab's address bar changes only the hash: no reload.
  const onHashChange = () => {
    const { data } = store.getState();
    if (!started || data.status !== 'ready' || fragmentValue(win.location.hash) === null) return;
    const link = readLink(data.base.units);
    // An unreadable link changes nothing: layers received earlier stay until kept or discarded.
    if (link.layers.length > 0) store.getState().restoreImports([], link.layers);
    if (!store.getState().imports.some((l) => l.origin === 'link')) dropFragment();
  };
  win.addEventListener('hashchange', onHashChange);

  start();

  return () => {
    unsubscribeData();
    unsubscribeImports();
    win.removeEventListener('hashchange', onHashChange);
  };
}
