/**
 * The 2D map (src/map/canvas/canvas-map.ts) over the real geometry, in Node: a fake canvas whose
 * 2D context records the drawing calls, frames run by hand. It paints once the data is in, draws
 * again for a year step or a selection (one frame for several changes), marks each year drawn,
 * selects and hovers the unit under the pointer, reports a drag's view to the store once it
 * settles, follows views and units the store asks for, and stops drawing while hidden.
 */
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { geometryFromTopology, type MapGeometry } from '../../src/domain/geometry';
import { SELECTED_OUTLINE } from '../../src/domain/palette';
import type { Dataset, UnitCode, Vintage } from '../../src/domain/types';
import { CHOROPLETH_READY_MARK, createCanvasMap, type CanvasMap } from '../../src/map/canvas/canvas-map';
import { shapesOf } from '../../src/map/canvas/shapes';
import type { ScreenPoint } from '../../src/map/framing';
import { createAppStore, type AppStore } from '../../src/store/store';
import { realDataset } from '../fixtures/builders';
import { FakeCanvas, RecordingPath, type DrawCall } from '../fixtures/fake-canvas';

const PINGSHAN = '130131';
/** 任县 (2019 boundaries) became 任泽区 (2021 boundaries). */
const RENXIAN = '130526';
const RENZE = '130505';

const dataset: Dataset = realDataset();
const geometry: MapGeometry = geometryFromTopology(
  JSON.parse(readFileSync('geo/out/hebei.topo.json', 'utf8')) as Topology,
);

let canvases: FakeCanvas[];
let frames: Map<number, () => void>;
let nextFrame: number;
let resize: () => void;
let marks: string[];
let container: { clientWidth: number; clientHeight: number; append: () => void };
let store: AppStore;
let firstPaints: number;
let map: CanvasMap;

beforeEach(() => {
  canvases = [];
  frames = new Map();
  nextFrame = 1;
  marks = [];
  vi.stubGlobal('Path2D', RecordingPath);
  vi.stubGlobal(
    'ImageData',
    class {
      constructor(
        readonly data: Uint8ClampedArray,
        readonly width: number,
        readonly height: number,
      ) {}
    },
  );
  vi.stubGlobal('document', {
    createElement: () => {
      const canvas = new FakeCanvas();
      canvases.push(canvas);
      return canvas;
    },
  });
  vi.stubGlobal('window', { devicePixelRatio: 2 });
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => {
    frames.set(nextFrame, run);
    return nextFrame++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: () => void) {
        resize = callback;
      }
      observe() {}
      disconnect() {}
    },
  );
  vi.spyOn(performance, 'mark').mockImplementation((name: string) => {
    marks.push(name);
    return undefined as unknown as PerformanceMark;
  });
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  container = { clientWidth: 800, clientHeight: 600, append: () => {} };
  store = createAppStore({ year: 2023 });
  firstPaints = 0;
  map = createCanvasMap(container as unknown as HTMLElement, store, {
    label: 'Map',
    onFirstPaint: () => (firstPaints += 1),
  });
});

afterEach(() => {
  map.dispose();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const canvas = () => canvases[0] ?? new FakeCanvas();
const calls = () => canvas().context.calls;

/** Runs the frames requested so far; returns how many ran. */
function runFrames(): number {
  const pending = [...frames.values()];
  frames.clear();
  calls().length = 0;
  pending.forEach((run) => run());
  return pending.length;
}

function loaded() {
  store.getState().dataLoaded(dataset, geometry);
  runFrames();
}

const unitPaths = (vintage: Vintage) =>
  new Map([...shapesOf(geometry, dataset.units).units[vintage]].map(([c, s]) => [s.path, c]));

/** Codes of the units whose shapes `name` (fill or stroke) was called with, optionally in a colour. */
function unitsIn(list: DrawCall[], vintage: Vintage, name: 'fill' | 'stroke', colour?: string): Set<UnitCode> {
  const paths = unitPaths(vintage);
  const codes = new Set<UnitCode>();
  for (const call of list) {
    if (call.name !== name) continue;
    if (colour !== undefined && (name === 'fill' ? call.fillStyle : call.strokeStyle) !== colour) continue;
    const code = paths.get(call.args[0] as unknown as Path2D);
    if (code !== undefined) codes.add(code);
  }
  return codes;
}

const onScreen = (code: UnitCode): ScreenPoint => {
  const point = map.probe.labelPointOnScreen(code, store.getState().year);
  if (!point) throw new Error(`no label point for ${code}`);
  return point;
};

describe('painting', () => {
  it('draws nothing before the data, then paints the year once it is in', () => {
    expect(runFrames()).toBe(1);
    expect(calls()).toEqual([]);
    expect(firstPaints).toBe(0);

    store.getState().dataLoaded(dataset, geometry);
    expect(runFrames()).toBe(1);
    expect(firstPaints).toBe(1);
    expect(marks).toEqual(['year-rendered:2023', CHOROPLETH_READY_MARK]);
    // The canvas has the container's size in device pixels.
    expect([canvas().width, canvas().height]).toEqual([1600, 1200]);
    const filled = unitsIn(calls(), 2021, 'fill');
    expect(filled.has(PINGSHAN)).toBe(true);
    expect(filled.has(RENZE)).toBe(true);
    expect(unitsIn(calls(), 2019, 'fill').size).toBe(0);
  });

  it('draws a year step in one frame, in that year’s boundaries, and marks it', () => {
    loaded();
    store.getState().setYear(2019);
    store.getState().select(PINGSHAN);
    expect(frames.size).toBe(1);
    runFrames();
    expect(marks.at(-1)).toBe('year-rendered:2019');
    const filled = unitsIn(calls(), 2019, 'fill');
    expect(filled.has(RENXIAN)).toBe(true);
    expect(unitsIn(calls(), 2021, 'fill').size).toBe(0);
    expect(firstPaints).toBe(1);
    // The same year again is not marked again.
    store.getState().setHighlight('A');
    runFrames();
    expect(marks.filter((m) => m === 'year-rendered:2019')).toHaveLength(1);
  });

  it('outlines the selected unit, and draws it plain once the selection is cleared', () => {
    loaded();
    expect(unitsIn(calls(), 2021, 'stroke', SELECTED_OUTLINE).size).toBe(0);
    store.getState().select(PINGSHAN);
    expect(runFrames()).toBe(1);
    expect([...unitsIn(calls(), 2021, 'stroke', SELECTED_OUTLINE)]).toEqual([PINGSHAN]);
    expect(map.probe.unitsFlagged('selected')).toEqual([PINGSHAN]);
    store.getState().select(null);
    runFrames();
    expect(unitsIn(calls(), 2021, 'stroke', SELECTED_OUTLINE).size).toBe(0);
    expect(map.probe.unitsFlagged('selected')).toEqual([]);
  });

  it('follows a resize of its container', () => {
    loaded();
    container.clientWidth = 400;
    resize();
    runFrames();
    expect([canvas().width, canvas().height]).toEqual([800, 1200]);
  });
});

describe('input', () => {
  const pointer = (p: ScreenPoint) => ({ clientX: p.x, clientY: p.y });

  it('selects the unit under a click, and clears the selection on a click outside the units', () => {
    loaded();
    const at = onScreen(PINGSHAN);
    canvas().fire('pointerdown', pointer(at));
    canvas().fire('pointerup', pointer(at));
    expect(store.getState().selected).toBe(PINGSHAN);
    canvas().fire('pointerdown', pointer({ x: 2, y: 2 }));
    canvas().fire('pointerup', pointer({ x: 2, y: 2 }));
    expect(store.getState().selected).toBeNull();
  });

  it('hovers the unit under the mouse, with its position for the tooltip', () => {
    loaded();
    const at = onScreen(PINGSHAN);
    canvas().fire('pointermove', pointer(at));
    expect(store.getState().hovered).toBe(PINGSHAN);
    expect(store.getState().pointer).toEqual(at);
    canvas().fire('pointerleave');
    expect(store.getState().hovered).toBeNull();
  });

  it('reports a drag’s view to the store 150 ms after it ends, rounded', () => {
    loaded();
    canvas().fire('pointerdown', pointer({ x: 400, y: 300 }));
    canvas().fire('pointermove', pointer({ x: 350, y: 280 }));
    canvas().fire('pointerup', pointer({ x: 350, y: 280 }));
    expect(store.getState().view).toBeNull();
    vi.advanceTimersByTime(150);
    const { lng, lat, zoom } = map.camera();
    expect(store.getState().view).toEqual({
      lng: Number(lng.toFixed(4)),
      lat: Number(lat.toFixed(4)),
      zoom: Number(zoom.toFixed(2)),
    });
  });
});

describe('moves the store asks for', () => {
  it('jumps to a view from outside', () => {
    loaded();
    store.getState().setView({ lng: 115.5, lat: 38.5, zoom: 8 });
    expect(map.camera()).toEqual({ lng: 115.5, lat: 38.5, zoom: 8 });
    expect(frames.size).toBe(1);
  });

  it('flies to a unit selected with `fly`: closer in, the unit in the middle', () => {
    loaded();
    const before = map.camera();
    store.getState().select(PINGSHAN, { fly: true });
    expect(map.camera().zoom).toBeGreaterThan(before.zoom);
    const { x, y } = onScreen(PINGSHAN);
    expect(Math.abs(x - 400)).toBeLessThan(200);
    expect(Math.abs(y - 300)).toBeLessThan(150);
    vi.advanceTimersByTime(150);
    expect(store.getState().view).not.toBeNull();
  });
});

describe('hidden (MapLibre shown)', () => {
  it('draws nothing and takes no clicks; shown again, it draws and marks the year', () => {
    loaded();
    map.setActive(false);
    expect(canvas().hidden).toBe(true);
    store.getState().setYear(2019);
    expect(frames.size).toBe(0);
    const at = onScreen(PINGSHAN);
    canvas().fire('pointerdown', { clientX: at.x, clientY: at.y });
    canvas().fire('pointerup', { clientX: at.x, clientY: at.y });
    expect(store.getState().selected).toBeNull();

    map.setActive(true);
    expect(canvas().hidden).toBe(false);
    expect(runFrames()).toBe(1);
    expect(marks.at(-1)).toBe('year-rendered:2019');
    // Shown again in the same year, the year is marked again (MapLibre may have marked others).
    map.setActive(false);
    map.setActive(true);
    runFrames();
    expect(marks.filter((m) => m === 'year-rendered:2019')).toHaveLength(2);
  });

  it('is gone after dispose: no canvas, no listeners, no frames', () => {
    loaded();
    map.dispose();
    expect(canvas().removed).toBe(true);
    expect(canvas().listeners.size).toBe(0);
    store.getState().setYear(2019);
    expect(frames.size).toBe(0);
  });
});
