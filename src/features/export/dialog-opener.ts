/**
 * Opening a dialog whose code loads on first use, as a small state machine (no React, no DOM):
 * the Export menu's "Figure…" and "Five years side by side…" (figure-loader.ts) ask through it.
 *
 * - `request` opens the dialog at once when its code is in; else the opener is `loading` until it
 *   is, then opens it. Asked again meanwhile (a second click, the other figure), the latest
 *   request wins and only it opens: one dialog, never two.
 * - A failed load leaves the opener `failed` with the request, which `retry` asks for again.
 * - `cancel` forgets a pending or failed request (Escape): nothing opens, whatever arrives.
 */

/** Shows the dialog (its code is in). */
export type Show = () => void;

export type OpenerState<R> =
  { phase: 'idle' } | { phase: 'loading'; request: R } | { phase: 'failed'; request: R; error: unknown };

export interface DialogOpener<R> {
  getState(): OpenerState<R>;
  /** Calls `listener` on every change of state; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Opens the dialog `request` names, at once or once its code is in. */
  request(request: R): void;
  /** Asks again for the request whose load failed; does nothing otherwise. */
  retry(): void;
  /** Forgets the pending or failed request: nothing opens. */
  cancel(): void;
}

const IDLE = { phase: 'idle' } as const;

/**
 * `load` gives the dialog's Show for a request: at once when the code is in (no "loading" then,
 * not even for a frame), else a promise of it, which rejects when the code cannot be loaded.
 */
export function dialogOpener<R>(load: (request: R) => Show | Promise<Show>): DialogOpener<R> {
  let state: OpenerState<R> = IDLE;
  // Each request and cancel takes a new ticket: only the latest request's load may open.
  let ticket = 0;
  const listeners = new Set<() => void>();
  const set = (next: OpenerState<R>) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const fail = (request: R, error: unknown) => set({ phase: 'failed', request, error });
  // A dialog that cannot be shown is a failure too: said, and offered again, not thrown away.
  const open = (wanted: R, show: Show) => {
    try {
      show();
    } catch (error) {
      fail(wanted, error);
    }
  };

  const request = (wanted: R) => {
    ticket += 1;
    const mine = ticket;
    let loaded: Show | Promise<Show>;
    try {
      loaded = load(wanted);
    } catch (error) {
      fail(wanted, error);
      return;
    }
    if (typeof loaded === 'function') {
      if (state.phase !== 'idle') set(IDLE);
      open(wanted, loaded);
      return;
    }
    set({ phase: 'loading', request: wanted });
    loaded.then(
      (show) => {
        if (mine !== ticket) return;
        set(IDLE);
        open(wanted, show);
      },
      (error: unknown) => {
        if (mine === ticket) fail(wanted, error);
      },
    );
  };

  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    request,
    retry: () => {
      if (state.phase === 'failed') request(state.request);
    },
    cancel: () => {
      ticket += 1;
      if (state.phase !== 'idle') set(IDLE);
    },
  };
}
