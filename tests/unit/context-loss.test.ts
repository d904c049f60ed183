/**
 * WebGL context loss (src/map/gl/context-loss.ts) against the shared FakeMap: the controller hears
 * "lost" at once and "restored" only once the rebuilt style has loaded.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTEXT_LOST_MARK, CONTEXT_RESTORED_MARK, watchContextLoss } from '../../src/map/gl/context-loss';
import { FakeMap } from '../fixtures/fake-map';

let map: FakeMap;
let lost: ReturnType<typeof vi.fn<() => void>>;
let restored: ReturnType<typeof vi.fn<() => void>>;
beforeEach(() => {
  map = new FakeMap();
  lost = vi.fn<() => void>();
  restored = vi.fn<() => void>();
  performance.clearMarks();
});

/** Fires one of the three events the watcher listens to, as MapLibre would (no payload read). */
const fire = (type: 'webglcontextlost' | 'webglcontextrestored' | 'style.load') => map.fire(type, {});
const marks = () => performance.getEntriesByType('mark').map((m) => m.name);

describe('watchContextLoss', () => {
  it('reports the loss at once, and the restore after both the context and the rebuilt style are back', () => {
    watchContextLoss(map, { lost, restored });
    fire('webglcontextlost');
    expect(lost).toHaveBeenCalledTimes(1);
    fire('webglcontextrestored');
    expect(restored).not.toHaveBeenCalled();
    fire('style.load');
    expect(restored).toHaveBeenCalledTimes(1);
  });

  it('accepts the rebuilt style loading before the restored event', () => {
    watchContextLoss(map, { lost, restored });
    fire('webglcontextlost');
    fire('style.load');
    expect(restored).not.toHaveBeenCalled();
    fire('webglcontextrestored');
    expect(restored).toHaveBeenCalledTimes(1);
  });

  it('ignores a style load without a loss, and a style load left over from a previous loss', () => {
    watchContextLoss(map, { lost, restored });
    fire('style.load');
    fire('webglcontextrestored');
    expect(restored).not.toHaveBeenCalled();
    fire('webglcontextlost');
    fire('webglcontextrestored');
    fire('style.load');
    fire('webglcontextlost');
    fire('webglcontextrestored');
    expect(restored).toHaveBeenCalledTimes(1);
    fire('style.load');
    expect(restored).toHaveBeenCalledTimes(2);
  });

  it('stops listening when disposed', () => {
    const stop = watchContextLoss(map, { lost, restored });
    expect(map.listenerCount()).toBe(3);
    stop();
    fire('webglcontextlost');
    expect(lost).not.toHaveBeenCalled();
    expect(map.listenerCount()).toBe(0);
  });

  it('listens to the map only, writing nothing to it', () => {
    const stop = watchContextLoss(map, { lost, restored });
    fire('webglcontextlost');
    fire('webglcontextrestored');
    fire('style.load');
    stop();
    expect(map.calls.map((c) => [c.method, c.args[0]])).toEqual([
      ['on', 'webglcontextlost'],
      ['on', 'webglcontextrestored'],
      ['on', 'style.load'],
      ['off', 'webglcontextlost'],
      ['off', 'webglcontextrestored'],
      ['off', 'style.load'],
    ]);
  });

  it('leaves a User Timing mark at the loss, and at the restore after the handler has run', () => {
    const seen: string[][] = [];
    watchContextLoss(map, {
      lost: () => seen.push(marks()),
      restored: () => seen.push(marks()),
    });
    fire('webglcontextlost');
    fire('webglcontextrestored');
    expect(marks()).toEqual([CONTEXT_LOST_MARK]);
    fire('style.load');
    expect(marks()).toEqual([CONTEXT_LOST_MARK, CONTEXT_RESTORED_MARK]);
    expect(seen).toEqual([[CONTEXT_LOST_MARK], [CONTEXT_LOST_MARK]]);
  });
});
