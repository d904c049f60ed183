/**
 * The only code that creates a MapLibre map, loaded on demand after the 2D map has painted
 * (map-view.tsx). The map is created once the data is in, with its sources holding their data
 * and the 2D map's camera, so its first complete frame shows what the 2D map shows. It is
 * connected to the store (connect-map.ts) and offers a probe of what it draws (e2e-probe.ts),
 * which map-view.tsx makes the current one (../probe.ts) once the map is on screen.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import latinFontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import { vintageOf } from '../../domain/types';
import { selectDrawStatesByYear } from '../../store/selectors';
import type { AppStore } from '../../store/store';
import type { Camera } from '../framing';
import { MAX_ZOOM, MIN_ZOOM, sameCamera } from '../framing';
import type { E2eProbe } from '../probe';
import { connectMap } from './connect-map';
import { createE2eProbe } from './e2e-probe';
import { firstViewSwitches, withSwitchesOn } from './lean-layers';
import type { MapPort } from './map-port';
import { LOCAL_CJK_FONTS, createStyle, labelField } from './map-style';
import { isSoftwareRenderer, rendererName } from './renderer';
import { sourceData } from './sources';

// The worker is bundled as a file of our own build (Vite `?url`), never fetched from a CDN.
maplibregl.setWorkerUrl(workerUrl);

export interface MapControllerOptions {
  /** The camera to start at: the 2D map's. */
  camera: Camera;
  /** Whether this map is on screen (connect-map.ts MapEnvironment.shown). */
  shown: () => boolean;
  /** The first year has been drawn completely and the map is idle: it can take over. */
  onFirstIdle: () => void;
  /** The map's accessible name and its zoom buttons' names, in the UI language. */
  labels: GlLabels;
}

export interface GlLabels {
  region: string;
  zoomIn: string;
  zoomOut: string;
}

export interface MapController {
  probe: E2eProbe;
  camera: () => Camera;
  /**
   * Moves the camera at once; resolves when the map has drawn the new view. `redraw`: wait for a
   * complete frame even when the camera stays (after a context loss, the style was rebuilt).
   */
  jumpTo: (camera: Camera, redraw?: boolean) => Promise<void>;
  /** Moves the keyboard focus to the map. */
  focus: () => void;
  /** Whether the map has the keyboard focus. */
  hasFocus: () => boolean;
  /** Adds the layers it was created without (after it is on screen: lean-layers.ts). */
  completeStyle: () => void;
  /** Names the canvas and the zoom buttons again (the language changed). */
  setLabels: (labels: GlLabels) => void;
  dispose: () => void;
}

export function createMapController(
  container: HTMLElement,
  store: AppStore,
  options: MapControllerOptions,
): MapController {
  const initial = store.getState();
  if (initial.data.status !== 'ready') throw new Error('the map is created once the data is in');
  const { geometry, dataset } = initial.data;
  const byYear = selectDrawStatesByYear(initial);
  // A lean start: the shown year's vintage of the units only (half the geometry for the worker).
  const seeded = byYear ? sourceData(geometry, dataset.units, byYear, [vintageOf(initial.year)]) : null;
  // The shown year's layers start switched on: the first complete frame shows it.
  const switchedOn = firstViewSwitches(initial.year);
  const map = new maplibregl.Map({
    container,
    style: withSwitchesOn(
      createStyle(
        vintageOf(initial.year),
        labelField(initial.lang),
        new URL(latinFontUrl, document.baseURI).href,
        seeded?.sources,
        // A lean start: the shown year's layers only; the rest once the map is on screen.
        [initial.year],
      ),
      switchedOn,
    ),
    center: [options.camera.lng, options.camera.lat],
    zoom: options.camera.zoom,
    // The context ends at a box; keeping the camera inside it keeps that edge off screen.
    maxBounds: geometry.extent,
    attributionControl: false,
    renderWorldCopies: false,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    localIdeographFontFamily: LOCAL_CJK_FONTS,
    // Keeps the last frame readable from the canvas (drawImage, toDataURL) between frames. The
    // exports draw from SVG and do not read it; without it the first view was no faster (9 loads).
    canvasContextAttributes: { preserveDrawingBuffer: true },
    // The zoom buttons' names (MapLibre reads them once, when the control is added).
    locale: { 'NavigationControl.ZoomIn': options.labels.zoomIn, 'NavigationControl.ZoomOut': options.labels.zoomOut },
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  /** MapLibre has no way to rename its controls: their buttons are renamed in place. */
  function setLabels(labels: GlLabels) {
    map.getCanvas().setAttribute('aria-label', labels.region);
    const container = map.getContainer();
    for (const [selector, name] of [
      ['.maplibregl-ctrl-zoom-in', labels.zoomIn],
      ['.maplibregl-ctrl-zoom-out', labels.zoomOut],
    ] as const) {
      const button = container.querySelector(selector);
      button?.setAttribute('title', name);
      button?.setAttribute('aria-label', name);
    }
  }
  setLabels(options.labels);

  // The compiler checks here that a MapLibre map is a MapPort: the parts use nothing else.
  const port: MapPort = map;
  const connection = connectMap(port, store, {
    reducedMotion: () => window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    softwareRendered: () => isSoftwareRenderer(rendererName(map.getCanvas())),
    shown: options.shown,
    onFirstIdle: options.onFirstIdle,
    ...(seeded ? { written: seeded.written } : {}),
    switchedOn,
  });

  return {
    probe: createE2eProbe(port, connection),
    camera: () => {
      const c = map.getCenter();
      return { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
    },
    jumpTo: (camera, redraw = false) =>
      new Promise((resolve) => {
        const c = map.getCenter();
        const same = sameCamera({ lng: c.lng, lat: c.lat, zoom: map.getZoom() }, camera);
        if (same && !redraw) {
          resolve();
          return;
        }
        // 'idle' follows the first frame drawn with everything loaded: the new view's, or the
        // rebuilt style's when the camera stays.
        map.once('idle', () => resolve());
        if (same) map.triggerRepaint();
        else map.jumpTo({ center: [camera.lng, camera.lat], zoom: camera.zoom });
      }),
    focus: () => map.getCanvas().focus(),
    hasFocus: () => document.activeElement === map.getCanvas(),
    completeStyle: () => connection.completeStyle(),
    setLabels,
    dispose: () => {
      connection.dispose();
      map.remove();
    },
  };
}
