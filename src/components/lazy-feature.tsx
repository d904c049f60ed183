/**
 * Code loaded on first use (a separate chunk). lazyModule loads any module once asked for (the
 * search index, the Sankey, the details panel, the Share dialog); retryableImport lets a chunk
 * that failed to load be asked for again. lazyFeature and lazyDialog are for panels that are not
 * on the first screen: the table and the import dialog. Their opener starts the load early (on
 * pointer or focus) and shows that it is loading; the panel appears once its code is in, and
 * stays mounted from then on (its own `open` state shows and hides it). A load that fails is said
 * in a notice and can be tried again; nothing the user chose is lost meanwhile, as the choice
 * (the store's `tableOpen`, `importOpen`) lives in the store, not in the panel. PreloadAfterPaint
 * loads code ahead of its use, after the first choropleth, once the reader starts to interact.
 */
import { useCallback, useEffect, useSyncExternalStore, type ComponentType } from 'react';
import { useT, type MessageKey } from '../i18n';
import { AfterMapPaint } from './after-map-paint';
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

/**
 * The script a failed dynamic import names ("Failed to fetch dynamically imported module: <url>"
 * in Chromium, "error loading dynamically imported module: <url>" in Firefox), or null.
 */
export function failedScript(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  return /\bhttps?:\/\/\S+?\.m?js\b/.exec(message)?.[0] ?? null;
}

/**
 * A chunk's import that can be tried again. Chromium keeps a failed module fetch in its module
 * map for the page's life: import() of the same address fails again at once, without asking the
 * server. After a failure that names the chunk, the next try imports it under another address
 * (`?retry=n`); its own imports (the entry) are the same modules as before.
 */
export function retryableImport<M>(load: () => Promise<M>): () => Promise<M> {
  let failed: string | null = null;
  let attempt = 0;
  return () => {
    let next: Promise<M>;
    if (failed === null) next = load();
    else {
      const url = new URL(failed);
      attempt += 1;
      url.searchParams.set('retry', String(attempt));
      next = import(/* @vite-ignore */ url.href) as Promise<M>;
    }
    return next.catch((error: unknown) => {
      failed = failedScript(error) ?? failed;
      throw error;
    });
  };
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
  const loading = feature.useStatus() === 'loading' && open;
  return (
    <LazyButton
      id={id}
      className="btn"
      open={open}
      loading={loading}
      preload={feature.preload}
      onClick={() => setOpen(true)}
      label={label}
    />
  );
}

export interface LazyButtonProps {
  id: string;
  className: string;
  /** Whether its dialog is wanted (shown, or loading to be shown). */
  open: boolean;
  /** Wanted and its code still loading: the button says so (aria-busy) and keeps focus. */
  loading: boolean;
  /** Starts loading the dialog's code: on pointer or focus, before the click. */
  preload: () => void;
  onClick: () => void;
  label: string;
  ariaLabel?: string;
  /** The class of the "Loading…" words (the button's own style may need its own). */
  loadingClassName?: string;
}

/** A button that opens a dialog whose code loads on first use. */
export function LazyButton(props: LazyButtonProps) {
  const tr = useT();
  const { id, className, open, loading, preload, onClick, label, ariaLabel } = props;
  return (
    <button
      type="button"
      id={id}
      className={className}
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-busy={loading}
      aria-label={ariaLabel}
      onPointerEnter={preload}
      onFocus={preload}
      onClick={onClick}
    >
      {label}
      {loading && <span className={props.loadingClassName ?? 'btn-loading'}> {tr('featureLoading')}</span>}
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

/** Longest wait (ms) for an idle moment before code wanted later is loaded anyway. */
const IDLE_TIMEOUT_MS = 5000;

/** Calls `run` once the browser is idle (or after a while where it cannot say); returns the cancel. */
export function whenIdle(run: () => void, timeout = IDLE_TIMEOUT_MS): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout });
    return () => window.cancelIdleCallback(id);
  }
  const timer = window.setTimeout(run, timeout);
  return () => window.clearTimeout(timer);
}

/** What counts as a reader's first input: a pointer moved or pressed, a touch, a key, a wheel turn. */
const FIRST_INPUT = ['pointermove', 'pointerdown', 'touchstart', 'keydown', 'wheel'] as const;

/** Calls `run` at the page's next input (FIRST_INPUT) and stops listening; returns the cancel. */
export function onFirstInput(run: () => void): () => void {
  const stop = () => {
    for (const type of FIRST_INPUT) window.removeEventListener(type, listener, true);
  };
  const listener = () => {
    stop();
    run();
  };
  for (const type of FIRST_INPUT) window.addEventListener(type, listener, { capture: true, passive: true });
  return stop;
}

function Preload({ preload, now }: { preload: () => void; now: boolean }) {
  useEffect(() => {
    if (now) {
      preload();
      return undefined;
    }
    let cancelIdle: () => void = () => undefined;
    const stopWaiting = onFirstInput(() => {
      cancelIdle = whenIdle(preload);
    });
    return () => {
      stopWaiting();
      cancelIdle();
    };
  }, [preload, now]);
  return null;
}

/**
 * Starts loading code (`preload`, e.g. a LazyModule's) once the map has painted its first
 * choropleth (AfterMapPaint's rule), so that it never competes with the first view: at the
 * reader's first input after that (a pointer moved, a touch, a key), when the browser is next
 * idle, so that it is in by the time a click or a tap asks for it; or at once with `now` (the code
 * is wanted already, e.g. a link opened on a selected unit). A reader who only looks at the map
 * loads none of it. Mounted again (another `key`), it asks again: a failed load is retried.
 */
export function PreloadAfterPaint({ preload, now = false }: { preload: () => void; now?: boolean }) {
  return (
    <AfterMapPaint>
      <Preload preload={preload} now={now} />
    </AfterMapPaint>
  );
}
