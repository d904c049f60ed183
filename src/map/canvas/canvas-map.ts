/**
 * The 2D map: a canvas that draws the store's view (draw.ts) from the geometry already loaded,
 * with no WebGL and no map library. It paints the first choropleth while MapLibre is still loading
 * (map-view.tsx), and stays the map where WebGL is missing, fails or is lost. It follows the
 * store like the MapLibre controller does: year, mode, base, flow, area, selection, hover and
 * legend highlight are drawn; the camera is reported to the store when a gesture of the user's
 * ends, and moved when the store asks (a view from a link, an area, a unit to fly to).
 *
 * Gestures (gestures.ts): drag to pan, wheel or pinch to zoom, double click to zoom in; with the
 * map focused, arrow keys pan and + / − zoom. A click selects the unit under the pointer, or
 * clears the selection on blank map. Moves are jumps: no animation to respect or to wait for.
 * Each frame sets the scale bar (scale-bar.ts), MapLibre's ScaleControl for this camera.
 */
import { vintageOf, type UnitCode } from '../../domain/types';
import { selectDrawStates, selectEmphasis } from '../../store/selectors';
import type { AppState, AppStore } from '../../store/store';
import {
  AREA_FIT,
  FIT_PADDING,
  RESIZE_SETTLE_MS,
  UNIT_FIT,
  VISIBLE_MARGIN,
  areaExtent,
  unitExtent,
  HEBEI_BOUNDS,
  constrainCamera,
  fitCamera,
  panBy,
  project,
  type Camera,
  type Extent,
  type ScreenPoint,
  type Size,
} from '../framing';
import type { E2eProbe } from '../probe';
import { createCanvasProbe } from './canvas-probe';
import { drawFrame, worldTransform, type Frame } from './draw';
import { followGestures } from './gestures';
import { createScaleBar } from './scale-bar';
import { shapesOf, type Shapes } from './shapes';

export const CHOROPLETH_READY_MARK = 'choropleth-ready';

export interface CanvasMapOptions {
  /** The map's accessible name and the keys it takes. */
  label: string;
  /** Runs once, after the first frame that shows the year's units. */
  onFirstPaint: () => void;
}

export interface CanvasMap {
  readonly canvas: HTMLCanvasElement;
  camera: () => Camera;
  /** Moves the camera (no report to the store): MapLibre's, when the 2D map takes over again. */
  jumpTo: (camera: Camera) => void;
  /** Whether the 2D map is the map shown: it draws, marks years and takes input only then. */
  setActive: (active: boolean) => void;
  zoomBy: (delta: number) => void;
  /** Resolves when no drag or pinch is in progress on the map (at once when none is). */
  settled: () => Promise<void>;
  probe: E2eProbe;
  dispose: () => void;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export function createCanvasMap(container: HTMLElement, store: AppStore, options: CanvasMapOptions): CanvasMap {
  const canvas = document.createElement('canvas');
  canvas.className = 'map-2d';
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'region');
  canvas.setAttribute('aria-label', options.label);
  container.append(canvas);
  const scaleBar = createScaleBar(container);
  const layer = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');

  let size: Size = { width: container.clientWidth, height: container.clientHeight };
  let dpr = window.devicePixelRatio || 1;
  const initial = store.getState().view;
  let camera: Camera = initial ? { ...initial } : fitCamera(HEBEI_BOUNDS, size, FIT_PADDING);
  let extent: Extent | null = null;
  let shapes: Shapes | null = null;
  let active = true;
  let painted = false;
  let lastYear: number | null = null;
  let frameRequest = 0;
  let lastFrame: Frame | null = null;
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  let reportTimer: ReturnType<typeof setTimeout> | undefined;

  const setCamera = (next: Camera) => {
    camera = extent ? constrainCamera(next, size, extent) : next;
    schedule();
  };

  function schedule() {
    if (!active || frameRequest) return;
    frameRequest = requestAnimationFrame(render);
  }

  /** The last emphasis and what it was computed from: a hover or a camera move keeps it. */
  let emphasis: { from: readonly unknown[]; value: Frame['emphasis'] } | null = null;
  function emphasisOf(state: AppState, draw: NonNullable<ReturnType<typeof selectDrawStates>>) {
    const from = [draw, state.data, state.year, state.base, state.pref, state.highlight, state.flow];
    if (!emphasis || from.some((value, i) => !Object.is(value, emphasis?.from[i])))
      emphasis = { from, value: selectEmphasis(state, draw) };
    return emphasis.value;
  }

  function frameOf(state: AppState): Frame | null {
    const draw = selectDrawStates(state);
    if (!draw) return null;
    return {
      camera,
      size,
      dpr,
      year: state.year,
      draw,
      emphasis: emphasisOf(state, draw),
      selected: state.selected,
      hovered: state.hovered,
      lang: state.lang,
    };
  }

  function render() {
    frameRequest = 0;
    if (!active) return;
    scaleBar.update(camera, size);
    const state = store.getState();
    const width = Math.round(size.width * dpr);
    const height = Math.round(size.height * dpr);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    const frame = shapes ? frameOf(state) : null;
    if (!shapes || !frame) {
      lastFrame = null;
      return;
    }
    drawFrame(ctx as CanvasRenderingContext2D, shapes, frame, layer);
    lastFrame = frame;
    if (frame.year !== lastYear) {
      lastYear = frame.year;
      performance.mark(`year-rendered:${frame.year}`);
    }
    if (!painted) {
      painted = true;
      performance.mark(CHOROPLETH_READY_MARK);
      options.onFirstPaint();
    }
  }

  /** Takes the loaded geometry: the camera is kept inside it, and a linked area is framed. */
  function takeData(state: AppState) {
    if (state.data.status !== 'ready' || shapes) return;
    shapes = shapesOf(state.data.geometry, state.data.dataset.units);
    extent = state.data.geometry.extent;
    if (state.pref !== null && state.view === null) fitArea(state.pref);
    else setCamera(camera);
  }

  function fitExtent(extent: Extent | null, padding: number, maxZoom?: number) {
    if (!extent) return;
    const [w, s, e, n] = extent;
    setCamera(
      fitCamera(
        [
          [w, s],
          [e, n],
        ],
        size,
        padding,
        maxZoom,
      ),
    );
  }

  function fitArea(code: string) {
    const state = store.getState();
    if (state.data.status !== 'ready') return;
    fitExtent(areaExtent(state.data.geometry, code), AREA_FIT.padding);
  }

  function flyToUnit(code: UnitCode) {
    const state = store.getState();
    if (state.data.status !== 'ready') return;
    fitExtent(unitExtent(state.data.geometry, code, state.year), UNIT_FIT.padding, UNIT_FIT.maxZoom);
  }

  /** After a gesture of the user's: the view goes to the store (and the address), once it settles. */
  function reportView() {
    clearTimeout(reportTimer);
    reportTimer = setTimeout(() => {
      if (!painted || !active) return;
      const view = { lng: round(camera.lng, 4), lat: round(camera.lat, 4), zoom: round(camera.zoom, 2) };
      const current = store.getState().view;
      if (!current || current.lng !== view.lng || current.lat !== view.lat || current.zoom !== view.zoom) {
        store.getState().setView(view);
      }
    }, 150);
  }

  /** The unit of the shown year under a point (CSS px from the map's corner), or null. */
  function unitAt(point: ScreenPoint): UnitCode | null {
    const frame = lastFrame;
    if (!shapes || !frame || !ctx) return null;
    const units = shapes.units[vintageOf(frame.year)];
    const t = worldTransform(frame.camera, frame.size, frame.dpr);
    const a = t.a ?? 1;
    const wx = (point.x * dpr - (t.e ?? 0)) / a;
    const wy = (point.y * dpr - (t.f ?? 0)) / a;
    ctx.save();
    ctx.setTransform(t);
    try {
      for (const code of frame.draw.keys()) {
        const shape = units.get(code);
        if (!shape) continue;
        const [x0, y0, x1, y1] = shape.box;
        if (wx < x0 || wx > x1 || wy < y0 || wy > y1) continue;
        if (ctx.isPointInPath(shape.path, point.x * dpr, point.y * dpr)) return code;
      }
      return null;
    } finally {
      ctx.restore();
    }
  }

  const gestures = followGestures(canvas, {
    active: () => active,
    camera: () => camera,
    size: () => size,
    move: setCamera,
    ended: reportView,
    hover: (point) => {
      const code = point === null ? null : unitAt(point);
      if (code !== null || store.getState().hovered !== null) store.getState().hover(code, point);
      return code !== null;
    },
    click: (point) => store.getState().select(unitAt(point)),
  });

  /** Pans just enough to bring the selected unit's label point back inside the margin. */
  function keepSelectionInView() {
    const { selected, year, data } = store.getState();
    if (selected === null || data.status !== 'ready') return;
    const point = data.geometry.labels[vintageOf(year)].get(selected);
    if (!point) return;
    const { x, y } = project(camera, size, point);
    const inside = (v: number, s: number) => Math.min(Math.max(v, VISIBLE_MARGIN), s - VISIBLE_MARGIN);
    const dx = x - inside(x, size.width);
    const dy = y - inside(y, size.height);
    if (dx !== 0 || dy !== 0) setCamera(panBy(camera, -dx, -dy));
  }

  const resizeObserver = new ResizeObserver(() => {
    const next = { width: container.clientWidth, height: container.clientHeight };
    if (next.width === size.width && next.height === size.height && dpr === (window.devicePixelRatio || 1)) return;
    size = next;
    dpr = window.devicePixelRatio || 1;
    setCamera(camera);
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (active) keepSelectionInView();
    }, RESIZE_SETTLE_MS);
  });
  resizeObserver.observe(container);

  const unsubscribers = [
    store.subscribe(
      (s) => [s.data, s.year, s.selected, s.hovered, s.mode, s.base, s.flow, s.pref, s.highlight, s.lang] as const,
      () => {
        takeData(store.getState());
        schedule();
      },
      { equalityFn: (a, b) => a.every((value, i) => Object.is(value, b[i])) },
    ),
    store.subscribe(
      (s) => s.pref,
      (pref) => {
        // Moves the app makes on request are views worth sharing, like the user's own.
        if (pref === null || !active) return;
        fitArea(pref);
        reportView();
      },
    ),
    store.subscribe(
      (s) => s.flyTo,
      (request) => {
        if (!request || !active) return;
        flyToUnit(request.code);
        reportView();
      },
    ),
    store.subscribe(
      (s) => s.view,
      (view) => {
        // A view from outside (a link opened with history navigation): jump.
        if (!view || !active) return;
        if (
          view.lng !== round(camera.lng, 4) ||
          view.lat !== round(camera.lat, 4) ||
          view.zoom !== round(camera.zoom, 2)
        ) {
          setCamera({ ...view });
        }
      },
    ),
  ];
  takeData(store.getState());
  schedule();

  return {
    canvas,
    camera: () => camera,
    jumpTo: (next) => setCamera(next),
    setActive: (on) => {
      if (on === active) return;
      active = on;
      canvas.hidden = !on;
      scaleBar.setShown(on);
      if (on) {
        lastYear = null;
        schedule();
      } else {
        cancelAnimationFrame(frameRequest);
        frameRequest = 0;
      }
    },
    zoomBy: gestures.zoomBy,
    settled: gestures.settled,
    probe: createCanvasProbe(store, { camera: () => camera, size: () => size, lastFrame: () => lastFrame }),
    dispose: () => {
      active = false;
      gestures.dispose();
      cancelAnimationFrame(frameRequest);
      clearTimeout(resizeTimer);
      clearTimeout(reportTimer);
      resizeObserver.disconnect();
      unsubscribers.forEach((u) => u());
      canvas.remove();
      scaleBar.dispose();
    },
  };
}
