/**
 * A feature whose code is loaded on first use (a separate chunk), for panels that are not on the
 * first screen: the table and the import dialog. Its opener starts the load early (on pointer
 * or focus) and shows that it is loading; the panel appears once its code is in, and stays
 * mounted from then on (its own `open` state shows and hides it). A load that fails is said in
 * a notice and can be tried again; nothing the user chose is lost meanwhile, as the choice (the
 * store's `tableOpen`, `importOpen`) lives in the store, not in the panel.
 */
import { useEffect, useSyncExternalStore, type ComponentType } from 'react';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface LazyFeature {
  /** Starts loading the code (again, after a failure); does nothing once loading or loaded. */
  preload(): void;
  /** The load's status, as React state. */
  useStatus(): LoadStatus;
  /**
   * The panel: nothing until it is first wanted (`open`), then loads its code and renders it.
   * `onFailed` is called when the code cannot be loaded (e.g. to close and say so).
   */
  Panel: ComponentType<{ open: boolean; onFailed: () => void }>;
}

export function lazyFeature(load: () => Promise<ComponentType>): LazyFeature {
  let status: LoadStatus = 'idle';
  let Loaded: ComponentType | null = null;
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

  const preload = () => {
    if (status === 'loading' || status === 'ready') return;
    setStatus('loading');
    load().then(
      (component) => {
        Loaded = component;
        setStatus('ready');
      },
      () => {
        setStatus('failed');
        for (const listener of failedListeners) listener();
      },
    );
  };
  const useStatus = () => useSyncExternalStore(subscribe, () => status);

  function Panel({ open, onFailed }: { open: boolean; onFailed: () => void }) {
    const current = useStatus();
    useEffect(() => {
      if (open) preload();
    }, [open]);
    useEffect(() => {
      if (!open) return undefined;
      failedListeners.add(onFailed);
      return () => {
        failedListeners.delete(onFailed);
      };
    }, [open, onFailed]);
    if (current !== 'ready' || Loaded === null) return null;
    return <Loaded />;
  }

  return { preload, useStatus, Panel };
}
