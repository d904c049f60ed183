/**
 * The only code that creates a MapLibre map. It makes the map once, with the style and the first
 * view, connects it to the store (connect-map.ts, which composes the parts that follow the store
 * and the map's events) and installs the end-to-end tests' probe (e2e-probe.ts).
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import latinFontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import { vintageOf } from '../domain/types';
import type { AppStore } from '../store/store';
import { connectMap } from './connect-map';
import { createE2eProbe, installE2eProbe } from './e2e-probe';
import type { MapPort } from './map-port';
import { LOCAL_CJK_FONTS, createStyle, labelField } from './map-style';
import { isSoftwareRenderer, rendererName } from './renderer';

// The worker is bundled as a file of our own build (Vite `?url`), never fetched from a CDN.
maplibregl.setWorkerUrl(workerUrl);

/** Hebei's extent with a little margin (WGS84): the first view when a link gives none. */
export const HEBEI_BOUNDS: [[number, number], [number, number]] = [
  [113.4, 36.0],
  [119.9, 42.65],
];

/**
 * Why the map cannot be drawn here, or null when WebGL is available. Checked before the map is
 * created: with WebGL turned off MapLibre would only throw (or log) from deep inside its setup.
 */
export function webglUnavailable(): string | null {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return 'WebGL is not available (no webgl2 or webgl context)';
    // Hands the probe's context back at once: browsers allow only a few live contexts.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return null;
  } catch (error) {
    return `WebGL is not available (${error instanceof Error ? error.message : String(error)})`;
  }
}

export interface MapController {
  dispose: () => void;
}

export function createMapController(container: HTMLElement, store: AppStore): MapController {
  const initial = store.getState();
  const map = new maplibregl.Map({
    container,
    style: createStyle(vintageOf(initial.year), labelField(initial.lang), new URL(latinFontUrl, document.baseURI).href),
    ...(initial.view
      ? { center: [initial.view.lng, initial.view.lat] as [number, number], zoom: initial.view.zoom }
      : { bounds: HEBEI_BOUNDS, fitBoundsOptions: { padding: 16 } }),
    attributionControl: false,
    renderWorldCopies: false,
    minZoom: 4,
    maxZoom: 12,
    localIdeographFontFamily: LOCAL_CJK_FONTS,
    // Keeps the canvas readable for screenshots and PNG export.
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.getCanvas().setAttribute('aria-label', 'Map of Hebei county-level units coloured by innovation tier');

  // The compiler checks here that a MapLibre map is a MapPort: the parts use nothing else.
  const port: MapPort = map;
  const connection = connectMap(port, store, {
    reducedMotion: () => window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    softwareRendered: () => isSoftwareRenderer(rendererName(map.getCanvas())),
  });
  const removeProbe = installE2eProbe(window, createE2eProbe(port, connection));

  return {
    dispose: () => {
      removeProbe();
      connection.dispose();
      map.remove();
    },
  };
}
