/**
 * What features get of the map goes through the store, not through the map's elements: its frame
 * size (mapFrame, written by src/map/map-view.tsx, read by the figure export) and focus
 * (focusMap, answered by map-view.tsx with the renderer shown, asked after a retried data load).
 * The store fields are tested on the view slice alone; the last test holds features to it by
 * refusing, in their sources, selectors of the class names src/map gives its elements.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { createViewSlice } from '../../src/store/slices/view-slice';
import { createAppStore, type AppState } from '../../src/store/store';

/** A store of the view slice alone: these fields read and write nothing else. */
const viewStore = () =>
  createStore<AppState>()(subscribeWithSelector((...a) => ({ ...createViewSlice()(...a) }) as AppState));

describe('store.mapFrame', () => {
  it('is null until the map is laid out, then its size', () => {
    const store = viewStore();
    expect(store.getState().mapFrame).toBeNull();
    store.getState().setMapFrame({ width: 800, height: 600 });
    expect(store.getState().mapFrame).toEqual({ width: 800, height: 600 });
    store.getState().setMapFrame(null);
    expect(store.getState().mapFrame).toBeNull();
  });

  it('takes a size of 0 (not laid out, e.g. hidden) as null', () => {
    const store = viewStore();
    store.getState().setMapFrame({ width: 800, height: 600 });
    store.getState().setMapFrame({ width: 0, height: 600 });
    expect(store.getState().mapFrame).toBeNull();
    store.getState().setMapFrame({ width: 800, height: 600 });
    store.getState().setMapFrame({ width: 800, height: 0 });
    expect(store.getState().mapFrame).toBeNull();
  });

  it('notifies only when the size changes', () => {
    const store = viewStore();
    const listener = vi.fn();
    store.subscribe((s) => s.mapFrame, listener);
    store.getState().setMapFrame({ width: 0, height: 0 });
    store.getState().setMapFrame(null);
    expect(listener).not.toHaveBeenCalled();
    store.getState().setMapFrame({ width: 800, height: 600 });
    const first = store.getState().mapFrame;
    store.getState().setMapFrame({ width: 800, height: 600 });
    expect(store.getState().mapFrame).toBe(first);
    expect(listener).toHaveBeenCalledTimes(1);
    store.getState().setMapFrame({ width: 801, height: 600 });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('keeps its own copy of the size given', () => {
    const store = viewStore();
    const size = { width: 800, height: 600 };
    store.getState().setMapFrame(size);
    size.width = 10;
    expect(store.getState().mapFrame).toEqual({ width: 800, height: 600 });
  });
});

describe('store.focusMap', () => {
  it('counts the requests, each one a change the map hears', () => {
    const store = createAppStore();
    const heard = vi.fn();
    store.subscribe((s) => s.focusMapRequest, heard);
    expect(store.getState().focusMapRequest).toBe(0);
    store.getState().focusMap();
    store.getState().focusMap();
    expect(store.getState().focusMapRequest).toBe(2);
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it('writes nothing else', () => {
    const store = createAppStore();
    store.getState().setMapFrame({ width: 800, height: 600 });
    const before = store.getState();
    store.getState().focusMap();
    const after = store.getState();
    const changed = Object.keys(after).filter(
      (key) => !Object.is(after[key as keyof AppState], before[key as keyof AppState]),
    );
    expect(changed).toEqual(['focusMapRequest']);
  });
});

/** The .ts and .tsx files under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('features and the map', () => {
  it("do not look for the map's elements by its class names", () => {
    // The classes src/map gives its elements (map-view.tsx, canvas/canvas-map.ts) and MapLibre's.
    // .map-column and the features' own map-… classes (map-fallback, …) are not among them.
    const mapClass = /\.(?:map|map-gl|map-2d|map-2d-zoom|map-drawing|maplibregl-[\w-]+)(?![\w-])/;
    const literal = /(['"`])((?:(?!\1)[^\\\n]|\\.)*)\1/g;
    const found = sources(join(__dirname, '../../src/features')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(literal)]
        .map((m) => m[2] ?? '')
        .filter((text) => mapClass.test(text))
        .map((text) => `${file}: ${text}`),
    );
    expect(found).toEqual([]);
  });
});
