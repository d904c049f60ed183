/**
 * Code loaded on first use (a separate chunk). lazyModule loads any module once asked for (the
 * search index, the Sankey). lazyFeature and lazyDialog are for panels that are not on the first
 * screen: the table and the import dialog. Their opener starts the load early (on pointer or
 * focus) and shows that it is loading; the panel appears once its code is in, and stays mounted
 * from then on (its own `open` state shows and hides it). A load that fails is said in a notice
 * and can be tried again; nothing the user chose is lost meanwhile, as the choice (the store's
 * `tableOpen`, `importOpen`) lives in the store, not in the panel.
 */
import { useCallback, useEffect, useSyncExternalStore, type ComponentType } from 'react';
import { useT, type MessageKey } from '../i18n';
import type { AppState } from '../store/store';
import { useAppStore, useAppStoreApi } from '../store/use-app-store';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** Code loaded on first use: one load however often it is asked for, and another after a failure. */
export interface LazyModule<T> {
  /** Starts loading the code (again, after a failure); does nothing once loading or loaded. */
  preload(): void;
  /** Like preload, and resolves with the module once it is in (rejects if this load fails). */
  load(): Promise<T>;
  /** The load's status now, and as React state. */
  getStatus(): LoadStatus;
  useStatus(): LoadStatus;
  /** The loaded module, or null until it is in. */
  get(): T | null;
  /** Calls `listener` whenever a load fails; returns the unsubscribe. */
  onFailed(listener: () => void): () => void;
}

/**
 * A module loaded on first use (`() => import('…')`), for code a feature needs only once the
 * user reaches for it: the search index, the Sankey, a dialog.
 */
export function lazyModule<T>(load: () => Promise<T>): LazyModule<T> {
  let status: LoadStatus = 'idle';
  let loaded: T | null = null;
  const listeners = new Set<() => void>();
  const failedListeners = new Set<() => void>();
  const setStatus = (next: LoadStatus) => {
    status = next;
    for (const listener of listeners) listener();
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };

  let pending: Promise<T> | null = null;
  const start = (): Promise<T> => {
    if (pending) return pending;
    setStatus('loading');
    pending = load().then(
      (module) => {
        loaded = module;
        setStatus('ready');
        return module;
      },
      (error: unknown) => {
        pending = null;
        setStatus('failed');
        for (const listener of failedListeners) listener();
        throw error;
      },
    );
    return pending;
  };
  const preload = () => {
    // The failure is reported through the status and onFailed.
    start().catch(() => undefined);
  };
  const getStatus = () => status;
  // The same snapshot on the server: a server render shows the state before any load.
  const useStatus = () => useSyncExternalStore(subscribe, getStatus, getStatus);
  const onFailed = (listener: () => void) => {
    failedListeners.add(listener);
    return () => {
      failedListeners.delete(listener);
    };
  };

  return { preload, load: start, getStatus, useStatus, get: () => loaded, onFailed };
}

export interface LazyFeature {
  /** Starts loading the code (again, after a failure); does nothing once loading or loaded. */
  preload(): void;
  /** The load's status now, and as React state. */
  getStatus(): LoadStatus;
  useStatus(): LoadStatus;
  /**
   * The panel: nothing until it is first wanted (`open`), then loads its code and renders it.
   * `onFailed` is called when the code cannot be loaded (e.g. to close and say so).
   */
  Panel: ComponentType<{ open: boolean; onFailed: () => void }>;
}

export function lazyFeature(load: () => Promise<ComponentType>): LazyFeature {
  // Kept here, not read with code.get() in render: the component is one fixed value, set once.
  let Loaded: ComponentType | null = null;
  const code = lazyModule(() =>
    load().then((component) => {
      Loaded = component;
      return component;
    }),
  );

  function Panel({ open, onFailed }: { open: boolean; onFailed: () => void }) {
    const current = code.useStatus();
    useEffect(() => {
      if (open) code.preload();
    }, [open]);
    useEffect(() => (open ? code.onFailed(onFailed) : undefined), [open, onFailed]);
    if (current !== 'ready' || Loaded === null) return null;
    return <Loaded />;
  }

  return { preload: code.preload, getStatus: code.getStatus, useStatus: code.useStatus, Panel };
}

interface OpenerProps {
  feature: LazyFeature;
  /** The button's id: the panel gives focus back here when it closes. */
  id: string;
  open: boolean;
  setOpen: (open: boolean) => void;
  label: string;
}

/**
 * The header button of a feature loaded on first use: starts the load when pointed at or
 * focused, and while the panel is wanted but not yet loaded says "Loading…" (aria-busy). Focus
 * stays on it meanwhile.
 */
export function LazyOpener({ feature, id, open, setOpen, label }: OpenerProps) {
  const tr = useT();
  const loading = feature.useStatus() === 'loading' && open;
  return (
    <button
      type="button"
      id={id}
      className="btn"
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-busy={loading}
      onPointerEnter={feature.preload}
      onFocus={feature.preload}
      onClick={() => setOpen(true)}
    >
      {label}
      {loading && <span className="btn-loading"> {tr('featureLoading')}</span>}
    </button>
  );
}

/** The panel of a feature loaded on first use; a failed load closes it and says so, by `name`. */
export function LazyPanel({
  feature,
  open,
  setOpen,
  name,
}: Pick<OpenerProps, 'feature' | 'open' | 'setOpen'> & { name: string }) {
  const tr = useT();
  const store = useAppStoreApi();
  const onFailed = useCallback(() => {
    setOpen(false);
    store.getState().notify('warning', tr('featureLoadFailed', { name }));
  }, [setOpen, store, tr, name]);
  return <feature.Panel open={open} onFailed={onFailed} />;
}

export interface LazyDialogOptions {
  load: () => Promise<ComponentType>;
  /** The opener's id: the dialog gives focus back here when it closes. */
  id: string;
  /** The opener's label, which also names the feature in a load failure's notice. */
  label: MessageKey;
  isOpen: (state: AppState) => boolean;
  setOpen: (state: AppState) => (open: boolean) => void;
}

/** A dialog feature loaded on first use: its header button and its panel, bound to the store. */
export function lazyDialog({ load, id, label, isOpen, setOpen }: LazyDialogOptions) {
  const feature = lazyFeature(load);
  function Opener() {
    const tr = useT();
    const open = useAppStore(isOpen);
    const set = useAppStore(setOpen);
    return <LazyOpener feature={feature} id={id} open={open} setOpen={set} label={tr(label)} />;
  }
  function Dialog() {
    const tr = useT();
    const open = useAppStore(isOpen);
    const set = useAppStore(setOpen);
    return <LazyPanel feature={feature} open={open} setOpen={set} name={tr(label)} />;
  }
  return { Opener, Dialog };
}
