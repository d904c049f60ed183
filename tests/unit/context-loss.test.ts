/** WebGL context loss: the controller hears "lost" at once and "restored" only once the rebuilt style has loaded. */
import type * as maplibregl from 'maplibre-gl';
import { describe, expect, it, vi } from 'vitest';
import { watchContextLoss } from '../../src/map/gl/context-loss';

/** The part of a MapLibre map the watcher uses: on, off and firing events by name. */
function fakeMap() {
  const listeners = new Map<string, Set<() => void>>();
  const map = {
    on: (type: string, listener: () => void) => listeners.set(type, (listeners.get(type) ?? new Set()).add(listener)),
    off: (type: string, listener: () => void) => listeners.get(type)?.delete(listener),
  };
  const fire = (type: string) => listeners.get(type)?.forEach((l) => l());
  const count = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);
  return { map: map as unknown as maplibregl.Map, fire, count };
}

describe('watchContextLoss', () => {
  it('reports the loss at once, and the restore after both the context and the rebuilt style are back', () => {
    const { map, fire } = fakeMap();
    const lost = vi.fn();
    const restored = vi.fn();
    watchContextLoss(map, { lost, restored });
    fire('webglcontextlost');
    expect(lost).toHaveBeenCalledTimes(1);
    fire('webglcontextrestored');
    expect(restored).not.toHaveBeenCalled();
    fire('style.load');
    expect(restored).toHaveBeenCalledTimes(1);
  });

  it('accepts the rebuilt style loading before the restored event', () => {
    const { map, fire } = fakeMap();
    const restored = vi.fn();
    watchContextLoss(map, { lost: () => {}, restored });
    fire('webglcontextlost');
    fire('style.load');
    expect(restored).not.toHaveBeenCalled();
    fire('webglcontextrestored');
    expect(restored).toHaveBeenCalledTimes(1);
  });

  it('ignores a style load without a loss, and a style load left over from a previous loss', () => {
    const { map, fire } = fakeMap();
    const restored = vi.fn();
    watchContextLoss(map, { lost: () => {}, restored });
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
    const { map, fire, count } = fakeMap();
    const lost = vi.fn();
    const stop = watchContextLoss(map, { lost, restored: () => {} });
    stop();
    fire('webglcontextlost');
    expect(lost).not.toHaveBeenCalled();
    expect(count()).toBe(0);
  });
});
