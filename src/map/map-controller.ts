/**
 * The only code that drives MapLibre. Creates the map once, loads the geometry once, and
 * follows the store from outside React: a year change only rewrites feature-state (never the
 * GeoJSON), and a vintage change only swaps the layers' filter.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { unitFeatureId, type MapGeometry } from '../domain/geometry';
import { stripeColors } from '../domain/palette';
import { stateKey, type UnitState } from '../domain/unit-state';
import { vintageOf, type UnitCode, type Vintage, type Year } from '../domain/types';
import { selectYearStates } from '../store/selectors';
import type { AppState, AppStore } from '../store/store';
import { HATCHED_STATES, SOURCES, createStyle, patternId, unitLayers, vintageFilter } from './map-style';
import { stripePattern } from './patterns';

// The worker is bundled as a file of our own build (Vite `?url`), never fetched from a CDN.
maplibregl.setWorkerUrl(workerUrl);

/** Hebei's extent with a little margin (WGS84). */
export const HEBEI_BOUNDS: [[number, number], [number, number]] = [
  [113.4, 36.0],
  [119.9, 42.65],
];

export interface MapController {
  /** Screen position (CSS pixels, relative to the map container) of a unit's label point. */
  labelPointOnScreen: (code: UnitCode, year: number) => { x: number; y: number } | null;
  dispose: () => void;
}

function setGeoJson(map: maplibregl.Map, id: string, data: GeoJSON.FeatureCollection) {
  const source = map.getSource<maplibregl.GeoJSONSource>(id);
  source?.setData(data);
}

function addPatterns(map: maplibregl.Map) {
  for (const { key, tiers } of HATCHED_STATES) {
    map.addImage(patternId(key), stripePattern(stripeColors(tiers)), { pixelRatio: 2 });
  }
}

export function createMapController(container: HTMLElement, store: AppStore): MapController {
  let vintage: Vintage = vintageOf(store.getState().year);
  const map = new maplibregl.Map({
    container,
    style: createStyle(vintage),
    bounds: HEBEI_BOUNDS,
    fitBoundsOptions: { padding: 16 },
    attributionControl: false,
    renderWorldCopies: false,
    minZoom: 4,
    maxZoom: 12,
    // Keeps the canvas readable for screenshots and PNG export.
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.getCanvas().setAttribute('aria-label', 'Map of Hebei county-level units coloured by innovation tier');

  let geometry: MapGeometry | null = null;
  let styleReady = false;
  let drawnStates: Map<UnitCode, UnitState> | null = null;
  let readyMarked = false;
  const unsubscribers: (() => void)[] = [];

  function applyVintage(next: Vintage) {
    if (next === vintage) return;
    vintage = next;
    for (const layer of unitLayers(vintage)) map.setFilter(layer.id, vintageFilter(vintage));
  }

  function applyStates(year: Year, states: Map<UnitCode, UnitState>) {
    const v = vintageOf(year);
    for (const [code, state] of states) {
      const id = unitFeatureId(code, v);
      map.setFeatureState(
        { source: SOURCES.units, id },
        { state: stateKey(state), derived: state.kind === 'known' && state.fact.basis === 'derived' },
      );
    }
    drawnStates = states;
    map.once('idle', () => {
      if (!readyMarked) {
        readyMarked = true;
        performance.mark('choropleth-ready');
      }
      performance.mark(`year-rendered:${year}`);
    });
  }

  function sync(state: AppState) {
    if (!styleReady || state.data.status !== 'ready') return;
    if (geometry !== state.data.geometry) {
      geometry = state.data.geometry;
      // The context ends at a box; keeping the camera inside it keeps that edge off screen.
      map.setMaxBounds(geometry.extent);
      setGeoJson(map, SOURCES.context, geometry.context);
      setGeoJson(map, SOURCES.units, geometry.units);
      setGeoJson(map, SOURCES.areas, geometry.areas);
      setGeoJson(map, SOURCES.province, geometry.province);
    }
    const states = selectYearStates(state);
    if (states && states !== drawnStates) {
      applyVintage(vintageOf(state.year));
      applyStates(state.year, states);
    }
  }

  map.on('load', () => {
    addPatterns(map);
    styleReady = true;
    sync(store.getState());
  });
  unsubscribers.push(
    store.subscribe(
      (s) => [s.data, s.year] as const,
      () => sync(store.getState()),
      { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
    ),
  );

  return {
    labelPointOnScreen: (code, year) => {
      const point = geometry?.labels[vintageOf(year)].get(code);
      if (!point) return null;
      const { x, y } = map.project(point);
      return { x, y };
    },
    dispose: () => {
      unsubscribers.forEach((u) => u());
      map.remove();
    },
  };
}
