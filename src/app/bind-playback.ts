/**
 * Playback as a headless controller bound to the store, as bind-url.ts binds the address: while
 * the store says `playing`, one year is shown per PLAYBACK_MS_PER_YEAR and the store's `tick`
 * moves to the next (it stops at 2023). Each new year restarts the wait, so every year is shown
 * for a full step; pausing, choosing a year by hand (the store then stops playing) or reaching
 * the end clears the timer. React only renders the Play button and the slider: no timer lives
 * in a component.
 *
 * Reduced motion changes how a year appears (the WebGL map skips its cross-fade:
 * map/gl/year-fade.ts), not the pace of playback, which only the user starts (nothing, not even a
 * link, starts it) and can pause at any time: this controller has nothing to do for it.
 */
import { PLAYBACK_MS_PER_YEAR } from '../domain/timeline';
import type { AppStore } from '../store/store';

/** The timer functions the controller uses; tests pass fake ones. */
export interface PlaybackTimers {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export function bindPlayback(
  store: AppStore,
  timers: PlaybackTimers = window,
  msPerYear: number = PLAYBACK_MS_PER_YEAR,
): () => void {
  let timer: number | null = null;
  const stop = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  const schedule = (playing: boolean) => {
    stop();
    if (playing) timer = timers.setTimeout(() => store.getState().tick(), msPerYear);
  };
  const unsubscribe = store.subscribe(
    (s) => [s.playing, s.year] as const,
    ([playing]) => schedule(playing),
    {
      equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1],
      fireImmediately: true,
    },
  );
  return () => {
    unsubscribe();
    stop();
  };
}
