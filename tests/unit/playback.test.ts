/**
 * Playback as a headless controller (src/app/bind-playback.ts), without React: play, the pace,
 * a year chosen while playing, pause, the end of the years, and stopping the binding.
 */
import { describe, expect, it } from 'vitest';
import { bindPlayback, type PlaybackTimers } from '../../src/app/bind-playback';
import { createAppStore } from '../../src/store/store';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

/** Timers that run only when the test advances the clock. */
class FakeTimers implements PlaybackTimers {
  now = 0;
  private seq = 0;
  private due = new Map<number, { at: number; run: () => void }>();
  setTimeout(callback: () => void, ms: number): number {
    this.seq += 1;
    this.due.set(this.seq, { at: this.now + ms, run: callback });
    return this.seq;
  }
  clearTimeout(id: number): void {
    this.due.delete(id);
  }
  get pending(): number {
    return this.due.size;
  }
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const next = [...this.due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > end) break;
      this.now = next[1].at;
      this.due.delete(next[0]);
      next[1].run();
    }
    this.now = end;
  }
}

function setup(year: 2019 | 2021 | 2023 = 2019) {
  const store = createAppStore({ year });
  store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
  const timers = new FakeTimers();
  const stop = bindPlayback(store, timers, 1000);
  return { store, timers, stop };
}

describe('bindPlayback', () => {
  it('does nothing until Play', () => {
    const { store, timers } = setup();
    expect(timers.pending).toBe(0);
    timers.advance(10_000);
    expect(store.getState().year).toBe(2019);
  });

  it('shows one year per step and stops at 2023', () => {
    const { store, timers } = setup();
    store.getState().play();
    const seen: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      timers.advance(1000);
      seen.push(store.getState().year);
    }
    expect(seen).toEqual([2020, 2021, 2022, 2023, 2023, 2023]);
    expect(store.getState().playing).toBe(false);
    expect(timers.pending).toBe(0);
  });

  it('waits a full step after a step short of it: no year is shown for less', () => {
    const { store, timers } = setup();
    store.getState().play();
    timers.advance(999);
    expect(store.getState().year).toBe(2019);
    timers.advance(1);
    expect(store.getState().year).toBe(2020);
  });

  it('Pause clears the timer; Play goes on from the year shown', () => {
    const { store, timers } = setup();
    store.getState().play();
    timers.advance(1000);
    store.getState().pause();
    expect(timers.pending).toBe(0);
    timers.advance(5000);
    expect(store.getState().year).toBe(2020);
    store.getState().play();
    timers.advance(1000);
    expect(store.getState().year).toBe(2021);
  });

  it('a year chosen by hand stops playback (the store says so) and no tick follows', () => {
    const { store, timers } = setup();
    store.getState().play();
    timers.advance(500);
    store.getState().setYear(2022);
    expect(store.getState().playing).toBe(false);
    timers.advance(5000);
    expect(store.getState().year).toBe(2022);
  });

  it('Play at 2023 starts again from 2019', () => {
    const { store, timers } = setup(2023);
    store.getState().play();
    expect(store.getState().year).toBe(2019);
    timers.advance(1000);
    expect(store.getState().year).toBe(2020);
  });

  it('stopping the binding clears its timer and ignores later Play', () => {
    const { store, timers, stop } = setup();
    store.getState().play();
    stop();
    expect(timers.pending).toBe(0);
    timers.advance(5000);
    expect(store.getState().year).toBe(2019);
  });
});
