/**
 * Opening a dialog whose code loads on first use (src/features/export/dialog-opener.ts): at once
 * when the code is in, else `loading` until it is; the latest request wins and one dialog opens;
 * a failure is kept with its request for Try again; cancel opens nothing.
 */
import { describe, expect, it } from 'vitest';
import { dialogOpener, type Show } from '../../src/features/export/dialog-opener';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A load whose promises are settled by the test, and the dialogs it opened. */
function harness() {
  const shown: string[] = [];
  const pending: { request: string; resolve: () => void; reject: (e: Error) => void }[] = [];
  let inCode = false;
  const opener = dialogOpener<string>((request) => {
    const show: Show = () => shown.push(request);
    if (inCode) return show;
    return new Promise<Show>((resolve, reject) => {
      pending.push({
        request,
        resolve: () => {
          inCode = true;
          resolve(show);
        },
        reject,
      });
    });
  });
  const phases: string[] = [];
  opener.subscribe(() => phases.push(opener.getState().phase));
  return { opener, shown, pending, phases };
}

describe('dialogOpener', () => {
  it('says loading until the code is in, then opens the dialog once', async () => {
    const { opener, shown, pending } = harness();
    opener.request('view');
    expect(opener.getState()).toEqual({ phase: 'loading', request: 'view' });
    expect(shown).toEqual([]);
    pending[0]?.resolve();
    await flush();
    expect(opener.getState()).toEqual({ phase: 'idle' });
    expect(shown).toEqual(['view']);
  });

  it('opens at once, with no loading state, when the code is in', async () => {
    const { opener, shown, pending, phases } = harness();
    opener.request('view');
    pending[0]?.resolve();
    await flush();
    phases.length = 0;
    opener.request('multiples');
    expect(shown).toEqual(['view', 'multiples']);
    expect(phases).toEqual([]);
  });

  it('opens one dialog for two clicks while loading, the latest asked for', async () => {
    const { opener, shown, pending } = harness();
    opener.request('view');
    opener.request('view');
    opener.request('multiples');
    expect(opener.getState()).toEqual({ phase: 'loading', request: 'multiples' });
    for (const p of pending) p.resolve();
    await flush();
    expect(shown).toEqual(['multiples']);
    expect(opener.getState().phase).toBe('idle');
  });

  it('keeps a failure with its request, and Try again opens it', async () => {
    const { opener, shown, pending } = harness();
    opener.request('multiples');
    const offline = new Error('offline');
    pending[0]?.reject(offline);
    await flush();
    expect(opener.getState()).toEqual({ phase: 'failed', request: 'multiples', error: offline });
    opener.retry();
    expect(opener.getState()).toEqual({ phase: 'loading', request: 'multiples' });
    expect(pending).toHaveLength(2);
    pending[1]?.resolve();
    await flush();
    expect(shown).toEqual(['multiples']);
  });

  it('ignores Try again when nothing failed', () => {
    const { opener, pending } = harness();
    opener.retry();
    expect(pending).toHaveLength(0);
    expect(opener.getState().phase).toBe('idle');
  });

  it('opens nothing after cancel, whatever arrives, and cancel puts a failure away', async () => {
    const { opener, shown, pending } = harness();
    opener.request('view');
    opener.cancel();
    expect(opener.getState().phase).toBe('idle');
    pending[0]?.resolve();
    await flush();
    expect(shown).toEqual([]);

    const failing = dialogOpener<string>(() => Promise.reject(new Error('offline')));
    failing.request('view');
    await flush();
    expect(failing.getState().phase).toBe('failed');
    failing.cancel();
    expect(failing.getState().phase).toBe('idle');
  });

  it('a late failure of an earlier request does not hide the latest', async () => {
    const { opener, shown, pending } = harness();
    opener.request('view');
    opener.request('multiples');
    pending[0]?.reject(new Error('offline'));
    await flush();
    expect(opener.getState()).toEqual({ phase: 'loading', request: 'multiples' });
    pending[1]?.resolve();
    await flush();
    expect(shown).toEqual(['multiples']);
  });

  it('says a dialog that cannot be shown as a failure, not a thrown error', async () => {
    const broken = new Error('no root');
    const opener = dialogOpener<string>(() =>
      Promise.resolve(() => {
        throw broken;
      }),
    );
    opener.request('view');
    await flush();
    expect(opener.getState()).toEqual({ phase: 'failed', request: 'view', error: broken });
  });

  it('tells subscribers of each change until unsubscribed', async () => {
    const opener = dialogOpener<string>(() => Promise.resolve(() => undefined));
    let calls = 0;
    const stop = opener.subscribe(() => (calls += 1));
    opener.request('view');
    await flush();
    expect(calls).toBe(2);
    stop();
    opener.request('view');
    await flush();
    expect(calls).toBe(2);
  });
});
