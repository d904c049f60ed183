/** The year cross-fade: eased from 0 to 1, skipped with reduced motion, cut short on slow frames. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FADE_MS,
  FADE_SKIPPED_MARK,
  FADE_SLOW_MARK,
  FADE_STARTED_MARK,
  PROBE_EVERY,
  createFader,
} from '../../src/map/gl/year-fade';

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

  it('after a slow fade, shows the next changes at once and fades again every PROBE_EVERY-th', () => {
    const values: number[] = [];
    const fader = createFader(
      (v) => values.push(v),
      () => false,
    );
    fader.run();
    frame(300);
    expect(marks).toEqual([FADE_STARTED_MARK]);
    // The next PROBE_EVERY - 1 changes: no fade, no frame asked for, the new colours at once.
    for (let i = 1; i < PROBE_EVERY; i += 1) {
      values.length = 0;
      const done = vi.fn();
      fader.run(done);
      expect(values).toEqual([1]);
      expect(queued).toHaveLength(0);
      expect(done).toHaveBeenCalledTimes(1);
    }
    expect(marks.filter((m) => m === FADE_SLOW_MARK)).toHaveLength(PROBE_EVERY - 1);
    // The probe: a fade again; at 60 frames a second it runs to the end, and fading resumes.
    fader.run();
    expect(marks.at(-1)).toBe(FADE_STARTED_MARK);
    while (queued.length > 0) frame(16);
    fader.run();
    expect(marks.at(-1)).toBe(FADE_STARTED_MARK);
    expect(queued).toHaveLength(1);
  });

  it('a probe that meets a slow frame again keeps showing changes at once', () => {
    const fader = createFader(
      () => undefined,
      () => false,
    );
    fader.run();
    frame(300);
    for (let i = 1; i < PROBE_EVERY; i += 1) fader.run();
    fader.run();
    frame(250);
    fader.run();
    expect(marks.at(-1)).toBe(FADE_SLOW_MARK);
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
