/** The year cross-fade: eased from 0 to 1, skipped with reduced motion, cut short on slow frames. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FADE_MS, FADE_SKIPPED_MARK, FADE_STARTED_MARK, createFader } from '../../src/map/year-fade';

let now = 0;
let queued: ((time: number) => void)[] = [];
let marks: string[] = [];
/** Runs one animation frame `ms` after the previous one. */
const frame = (ms: number) => {
  now += ms;
  const callbacks = queued;
  queued = [];
  callbacks.forEach((cb) => cb(now));
};

beforeEach(() => {
  now = 0;
  queued = [];
  marks = [];
  vi.stubGlobal('performance', { now: () => now, mark: (name: string) => marks.push(name) });
  vi.stubGlobal('requestAnimationFrame', (cb: (time: number) => void) => queued.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => {
    queued = [];
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('year cross-fade', () => {
  it('rises from 0 to 1 over FADE_MS at 60 frames a second, then reports done', () => {
    const values: number[] = [];
    const done = vi.fn();
    createFader(
      (v) => values.push(v),
      () => false,
    ).run(done);
    while (queued.length > 0) frame(16);
    expect(values[0]).toBe(0);
    expect(values.at(-1)).toBe(1);
    expect(values.length).toBeGreaterThan(FADE_MS / 16 - 2);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    expect(done).toHaveBeenCalledTimes(1);
    expect(marks).toEqual([FADE_STARTED_MARK]);
  });

  it('shows the new colours at once with reduced motion', () => {
    const values: number[] = [];
    createFader(
      (v) => values.push(v),
      () => true,
    ).run();
    expect(values).toEqual([1]);
    expect(queued).toHaveLength(0);
    expect(marks).toEqual([FADE_SKIPPED_MARK]);
  });

  it('finishes at once when a frame is slow (software rendering)', () => {
    const values: number[] = [];
    createFader(
      (v) => values.push(v),
      () => false,
    ).run();
    frame(16);
    frame(300);
    expect(values.at(-1)).toBe(1);
    expect(queued).toHaveLength(0);
  });

  it('cancels a running fade when a new one starts', () => {
    const values: number[] = [];
    const fader = createFader(
      (v) => values.push(v),
      () => false,
    );
    fader.run();
    frame(16);
    fader.run();
    expect(values.at(-1)).toBe(0);
    expect(queued).toHaveLength(1);
  });
});
