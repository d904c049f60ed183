/**
 * The map area: the 2D map first, MapLibre when it is ready.
 *
 * 1. The 2D map (canvas/canvas-map.ts) is created at once and paints the first choropleth as
 *    soon as the data is in ('choropleth-ready'); clicks, keys and the slider work from then on.
 * 2. After that paint MapLibre is loaded (a dynamic import: it is not in the page's first
 *    bundle) and created behind the 2D map with its camera. When it has drawn its first complete
 *    frame it is given the 2D map's camera again (the user may have moved meanwhile; a drag or
 *    pinch in progress is let finish first) and is shown in the same frame as the 2D map is
 *    hidden ('map-interactive').
 * 3. Without WebGL, or when MapLibre cannot start, the 2D map stays the map ('map-interactive'
 *    once it has painted). When the WebGL context is lost, the 2D map takes over at MapLibre's
 *    camera until the context is back.
 * The container carries `data-renderer` (2d or webgl) for the CSS that shows one or the other,
 * and `data-painted` once the first paint is done (the loading line goes).
 *
 * What features need of the map goes through the store, never through its elements or class
 * names: its frame size (store.mapFrame, written when the area is laid out or resized) and focus
 * (store.focusMap, answered here by focusing the renderer shown).
 */
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useAppStore, useAppStoreApi } from '../store/use-app-store';
import { createCanvasMap, type CanvasMap } from './canvas/canvas-map';
import { sameCamera } from './framing';
import type { MapController } from './gl/map-controller';
import { mapProbe, type E2eProbe } from './probe';
import { rememberFullMap, webglUnavailable } from './webgl';
import './map-view.css';

export const MAP_INTERACTIVE_MARK = 'map-interactive';

export interface MapLabels {
  /** The map area's name. */
  region: string;
  /** The 2D map's name, with the keys it takes. */
  keys: string;
  zoomIn: string;
  zoomOut: string;
  /** Said while the first paint waits for the data. */
  drawing: string;
}

/** `children`: notes laid over the map area (positioned inside it, out of the flow). */
export function MapView({ labels, children }: { labels: MapLabels; children?: ReactNode }) {
  const container = useRef<HTMLDivElement>(null);
  const glContainer = useRef<HTMLDivElement>(null);
  const flatMap = useRef<CanvasMap | null>(null);
  const glMap = useRef<MapController | null>(null);
  const latestLabels = useRef(labels);
  const store = useAppStoreApi();
  // The data could not be loaded: the map area says so (features/map-status), nothing is being
  // drawn and there is nothing to zoom.
  const dataFailed = useAppStore((s) => s.data.status === 'error');

  useEffect(() => {
    latestLabels.current = labels;
    flatMap.current?.canvas.setAttribute('aria-label', labels.keys);
    glMap.current?.setLabels(labels);
  }, [labels]);

  // A layout effect, not a passive one: the 2D map then exists as soon as the page is committed,
  // and the data's arrival paints it in the next frame. A passive effect waits for the page's
  // first paint, and the data (in by then on a cold load) waited with it: choropleth-ready
  // ~60 ms later, and the pixels ~90 ms later (medians of 8 loads, docs/performance.md).
  useLayoutEffect(() => {
    const area = container.current;
    const glArea = glContainer.current;
    if (!area || !glArea) return undefined;
    let disposed = false;
    let gl: MapController | null = null;
    let glShown = false;
    let interactive = false;

    const markInteractive = () => {
      if (interactive) return;
      interactive = true;
      performance.mark(MAP_INTERACTIVE_MARK);
    };
    const show = (renderer: '2d' | 'webgl') => {
      area.dataset.renderer = renderer;
    };
    const markPainted = () => {
      area.dataset.painted = 'true';
    };
    // The probe of the renderer shown (probe.ts).
    let clearProbe = () => {};
    const setProbe = (probe: E2eProbe) => {
      clearProbe();
      clearProbe = mapProbe.show(probe);
    };
    /** MapLibre cannot draw here: the 2D map stays the map, and the page says why (store.mapUnavailable). */
    const stayFlat = (reason: string) => {
      store.getState().mapFailed(reason);
      markInteractive();
    };

    /** Whether MapLibre can still be shown (nothing has ended or shown it meanwhile). */
    const mayShow = () => !disposed && gl !== null && !glShown && !store.getState().mapContextLost;

    /** `afterLoss`: the style was rebuilt after a context loss; wait for its complete frame. */
    async function takeOver(afterLoss = false) {
      if (!gl || !mayShow() || store.getState().mapUnavailable !== null) return;
      // The same view as the 2D map shows now, drawn before it is shown.
      let target = flat.camera();
      await gl.jumpTo(target, afterLoss);
      // That frame can take hundreds of ms in software, and the user may move the 2D map
      // meanwhile: a drag or pinch in progress is let finish (hiding the canvas would cut it
      // off), and MapLibre follows the 2D map's camera until the two agree.
      for (;;) {
        if (!mayShow()) return;
        await flat.settled();
        if (!gl || !mayShow()) return;
        const now = flat.camera();
        if (sameCamera(now, target)) break;
        target = now;
        await gl.jumpTo(target);
      }
      if (!gl) return;
      glShown = true;
      // Focus on the 2D map moves with the map (hiding a focused element would drop it to <body>).
      const focused = document.activeElement === flat.canvas;
      show('webgl');
      flat.setActive(false);
      if (focused) gl.focus();
      setProbe(gl.probe);
      markInteractive();
      // The other years' layers, laid out behind the map shown, before the first year step.
      gl.completeStyle();
    }

    let glLoading = false;
    function loadMapLibre() {
      if (glLoading) return;
      glLoading = true;
      import('./gl/map-controller')
        .then(({ createMapController }) => {
          if (disposed || !glArea) return;
          gl = createMapController(glArea, store, {
            camera: flat.camera(),
            shown: () => glShown,
            onFirstIdle: () => void takeOver(),
            labels: latestLabels.current,
          });
          glMap.current = gl;
        })
        .catch((error: unknown) => stayFlat(error instanceof Error ? error.message : String(error)));
    }

    function startMapLibre() {
      // The first frame is on screen once the frame's callbacks end: nothing more is done in it.
      markPainted();
      setTimeout(() => {
        // MapLibre's chunk is asked for first, so that it downloads while the panels below the
        // map (AfterMapPaint) render; before, its request waited ~200 ms for them.
        const missing = webglUnavailable();
        if (missing !== null) stayFlat(missing);
        else loadMapLibre();
        store.getState().markMapPainted();
      }, 0);
    }

    const flat = createCanvasMap(area, store, { label: latestLabels.current.keys, onFirstPaint: startMapLibre });
    flatMap.current = flat;
    show('2d');
    setProbe(flat.probe);

    // The map's frame for the features that frame a figure like the screen (store.mapFrame): read
    // when the area is laid out and on each resize, written only when it changes (setMapFrame).
    const frameObserver = new ResizeObserver(() => {
      store.getState().setMapFrame({ width: area.clientWidth, height: area.clientHeight });
    });
    frameObserver.observe(area);

    // A feature asked for the focus on the map (store.focusMap): the renderer shown takes it.
    const unsubscribeFocus = store.subscribe(
      (s) => s.focusMapRequest,
      () => {
        if (glShown && gl) gl.focus();
        else flat.canvas.focus();
      },
    );

    const unsubscribe = store.subscribe(
      (s) => s.mapContextLost,
      (lost) => {
        if (!gl) return;
        if (lost && glShown) {
          // The 2D map draws meanwhile, where MapLibre's camera was.
          glShown = false;
          const focused = gl.hasFocus();
          flat.jumpTo(gl.camera());
          flat.setActive(true);
          show('2d');
          if (focused) flat.canvas.focus();
          setProbe(flat.probe);
        } else if (!lost) void takeOver(true);
      },
    );

    // MapLibre could not start (its worker did not load): the 2D map is the map from now on.
    const unsubscribeFailure = store.subscribe(
      (s) => s.mapUnavailable,
      (reason) => {
        if (reason !== null) markInteractive();
      },
    );
    // The user asked for the full map where WebGL is drawn in software: it starts now, and in
    // this tab from now on.
    const unsubscribeRequest = store.subscribe(
      (s) => s.fullMapRequested,
      (requested) => {
        if (!requested) return;
        rememberFullMap();
        loadMapLibre();
      },
    );

    return () => {
      disposed = true;
      frameObserver.disconnect();
      store.getState().setMapFrame(null);
      unsubscribeFocus();
      unsubscribe();
      unsubscribeFailure();
      unsubscribeRequest();
      clearProbe();
      gl?.dispose();
      glMap.current = null;
      flat.dispose();
      flatMap.current = null;
    };
  }, [store]);

  return (
    <div ref={container} className="map" role="region" aria-label={labels.region}>
      <div ref={glContainer} className="map-gl" />
      {/* Only seen where the data is slow to arrive (hidden by CSS once the map has painted). */}
      {!dataFailed && (
        <p className="map-drawing" role="status">
          {labels.drawing}
        </p>
      )}
      <div className="map-2d-zoom">
        <button
          type="button"
          aria-label={labels.zoomIn}
          title={labels.zoomIn}
          disabled={dataFailed}
          onClick={() => flatMap.current?.zoomBy(1)}
        >
          +
        </button>
        <button
          type="button"
          aria-label={labels.zoomOut}
          title={labels.zoomOut}
          disabled={dataFailed}
          onClick={() => flatMap.current?.zoomBy(-1)}
        >
          −
        </button>
      </div>
      {children}
    </div>
  );
}
