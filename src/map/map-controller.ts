/**
 * The only code that drives MapLibre. Creates the map once, loads the geometry once, and
 * follows the store from outside React:
 * - a year change rewrites feature-state (never the GeoJSON) of the units whose look changed:
 *   during a cross-fade the old colours move to `prev`, drawn over the new ones and fading out;
 *   a vintage change switches one vintage's layers off and the other's on;
 * - hover, selection and the legend highlight are feature-state (only the fade is global-state);
 * - the camera is the map's own; it is reported to the store when it settles, and moved only
 *   when the store asks (a link's view, a search result to fly to).
 */
import { bbox } from '@turf/turf';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import latinFontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import { unitFeatureId, type MapGeometry } from '../domain/geometry';
import { unitIn } from '../domain/lineage';
import type { DrawState } from '../domain/map-keys';
import { inLegendEntry } from '../domain/unit-state';
import { vintageOf, type UnitCode, type Vintage, type Year } from '../domain/types';
import { selectDrawStates, selectFlowCodes } from '../store/selectors';
import type { AppState, AppStore, View } from '../store/store';
import { watchContextLoss } from './context-loss';
import { labelFeatures } from './label-features';
import {
  HATCHES,
  LABEL_LAYER,
  LOCAL_CJK_FONTS,
  ROLES,
  SOURCES,
  createStyle,
  layerOpacityProperty,
  layersInUse,
  patternId,
  unitLayerId,
  vintageFilter,
} from './map-style';
import { stripePattern } from './patterns';
import { isSoftwareRenderer, rendererName } from './renderer';
import { createFader } from './year-fade';

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
  /** Screen position (CSS pixels, relative to the map container) of a unit's label point. */
  labelPointOnScreen: (code: UnitCode, year: number) => { x: number; y: number } | null;
  /** Codes of the drawn units whose feature-state flag is set (e.g. 'flow', 'muted'), for tests. */
  unitsFlagged: (flag: 'flow' | 'muted' | 'unlit' | 'selected' | 'imported') => UnitCode[];
  dispose: () => void;
}

/** How far (CSS px) inside the map's edges the selected unit's label point is kept after a resize. */
const VISIBLE_MARGIN = 40;

const labelField = (lang: AppState['lang']) => (lang === 'zh' ? 'name_zh' : 'name_en');
const round = (value: number, digits: number) => Number(value.toFixed(digits));
const sameView = (a: View, b: View) =>
  Math.abs(a.lng - b.lng) < 1e-4 && Math.abs(a.lat - b.lat) < 1e-4 && Math.abs(a.zoom - b.zoom) < 0.01;

interface Emphasis {
  flow: boolean;
  muted: boolean;
  unlit: boolean;
  imported: boolean;
}

const sameEmphasis = (a: Emphasis, b: Emphasis) =>
  a.flow === b.flow && a.muted === b.muted && a.unlit === b.unlit && a.imported === b.imported;

/** Whether a unit drawn with `key` stays lit while the legend entry `highlight` is pointed at. */
function lit(highlight: AppState['highlight'], key: string, imported: boolean): boolean {
  if (highlight === null) return true;
  return highlight === 'imported' ? imported : inLegendEntry(key, highlight);
}

function setGeoJson(map: maplibregl.Map, id: string, data: GeoJSON.FeatureCollection) {
  map.getSource<maplibregl.GeoJSONSource>(id)?.setData(data);
}

function addPatterns(map: maplibregl.Map) {
  for (const { image, colors, direction } of HATCHES) {
    map.addImage(patternId(image), stripePattern(colors, 4, direction), { pixelRatio: 2 });
  }
}

export function createMapController(container: HTMLElement, store: AppStore): MapController {
  const initial = store.getState();
  let vintage: Vintage = vintageOf(initial.year);
  const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const map = new maplibregl.Map({
    container,
    style: createStyle(vintage, labelField(initial.lang), new URL(latinFontUrl, document.baseURI).href),
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

  let geometry: MapGeometry | null = null;
  let styleReady = false;
  let drawn: { year: Year; states: Map<UnitCode, DrawState>; keys: Set<string>; outline: boolean } | null = null;
  /** Each unit feature's draw key and outline as last written to feature-state. */
  const written = new Map<number, string>();
  /** Each unit feature's previous-year draw key as last written (for the fade). */
  const writtenPrev = new Map<number, string>();
  /** The optional layers last switched on or off (see layersInUse), so only changes are written. */
  const layerSwitches = new Map<string, boolean>();
  /** During a cross-fade, the vintage of the year it fades from. */
  let fadingFrom: Vintage | null = null;
  const fadeDone = () => {
    fadingFrom = null;
    switchLayers();
  };
  /** Whether any drawn unit is dimmed, has an imported fact, is in the flow (from applyEmphasis). */
  let emphasisInUse = { dimmed: false, imported: false, flow: false };
  /** The flags last written for flow, area and legend emphasis and imported facts, so only changes are written. */
  const emphasis = new Map<number, Emphasis>();
  let readyMarked = false;
  let cameraSettled = false;
  /** Set while a flight the app asked for is under way (see the moveend handler). */
  let flying = false;
  const focus = { hover: null as number | null, selected: null as number | null };
  const unsubscribers: (() => void)[] = [];
  /** Set once the map has loaded: no cross-fade where a software rasteriser draws the map. */
  let softwareRendering = false;
  const fader = createFader(
    (value) => map.setGlobalStateProperty('fade', value),
    reducedMotion,
    () => softwareRendering,
  );

  /** Each vintage has its own unit layers (switched in switchLayers); only the labels are filtered. */
  function applyVintage(next: Vintage) {
    map.setFilter(LABEL_LAYER, vintageFilter(next));
    vintage = next;
  }

  function applyStates(year: Year, states: Map<UnitCode, DrawState>) {
    const previous = drawn;
    const nextVintage = vintageOf(year);
    // Only units whose look changed are written: MapLibre rewrites the paint arrays of every
    // layer of the source for each feature written (a cost that grows with the geometry), and
    // from one year to the next most units keep their tier or stay unknown.
    for (const [code, state] of states) {
      const id = unitFeatureId(code, nextVintage);
      const look = `${state.key}|${state.outline}`;
      if (written.get(id) === look) continue;
      map.setFeatureState({ source: SOURCES.units, id }, { state: state.key, outline: state.outline });
      written.set(id, look);
    }
    applyVintage(nextVintage);
    const keys = new Set<string>();
    let outline = false;
    for (const state of states.values()) {
      keys.add(state.key);
      outline ||= state.outline;
    }
    // During a fade the previous year's colours are drawn over the new ones (on its own
    // vintage's features) and fade out, so a change of vintage never flashes. Without a fade
    // (reduced motion, slow frames) that layer is not drawn, and nothing is written for it.
    const pv = previous ? vintageOf(previous.year) : null;
    fadingFrom = null;
    if (previous && pv !== null && fader.run(fadeDone)) {
      fadingFrom = pv;
      for (const [code, state] of previous.states) {
        const id = unitFeatureId(code, pv);
        if (writtenPrev.get(id) === state.key) continue;
        map.setFeatureState({ source: SOURCES.units, id }, { prev: state.key });
        writtenPrev.set(id, state.key);
      }
    }
    drawn = { year, states, keys, outline };
    switchLayers();
    // The first frame drawn after the change shows the new year (starting to fade in, or at once).
    map.once('render', () => performance.mark(`year-rendered:${year}`));
    map.triggerRepaint();
    if (!readyMarked) {
      map.once('idle', () => {
        readyMarked = true;
        performance.mark('choropleth-ready');
        cameraSettled = true;
      });
    }
  }

  function setFocus(kind: 'hover' | 'selected', id: number | null) {
    const old = focus[kind];
    if (old === id) return;
    if (old !== null) map.setFeatureState({ source: SOURCES.units, id: old }, { [kind]: false });
    if (id !== null) map.setFeatureState({ source: SOURCES.units, id }, { [kind]: true });
    focus[kind] = id;
    switchLayers();
  }

  /** Switches the optional layers on or off by what is drawn now (see layersInUse). */
  function switchLayers() {
    if (!drawn) return;
    const inUse = layersInUse({
      vintage: vintageOf(drawn.year),
      fadingFrom,
      keys: drawn.keys,
      outline: drawn.outline,
      ...emphasisInUse,
      hover: focus.hover !== null,
      selected: focus.selected !== null,
    });
    for (const [id, on] of inUse) {
      if (layerSwitches.get(id) === on) continue;
      const type = map.getLayer(id)?.type;
      if (type !== 'fill' && type !== 'line') continue;
      map.setPaintProperty(id, layerOpacityProperty(type), on ? 1 : 0);
      layerSwitches.set(id, on);
    }
  }

  /**
   * The chosen flow's units are outlined; units outside it, or outside the chosen area, are
   * muted; units outside the legend entry under the pointer are unlit; units whose fact of the
   * year is imported get the imported outline. Only flags that changed are written.
   */
  function applyEmphasis(state: AppState) {
    if (state.data.status !== 'ready' || !drawn) return;
    const flow = selectFlowCodes(state);
    const units = state.data.dataset.units;
    const facts = state.data.index.factsByYear.get(state.year);
    const v = vintageOf(state.year);
    const inUse = { dimmed: false, imported: false, flow: false };
    for (const [code, draw] of drawn.states) {
      const id = unitFeatureId(code, v);
      const inFlow = flow?.has(code) ?? false;
      const outsideArea = state.pref !== null && unitIn(units, code, state.year)?.prefectureCode !== state.pref;
      const imported = facts?.get(code)?.imported === true;
      const next: Emphasis = {
        flow: inFlow,
        muted: (flow !== null && !inFlow) || outsideArea,
        unlit: !lit(state.highlight, draw.key, imported),
        imported,
      };
      inUse.dimmed ||= next.muted || next.unlit;
      inUse.imported ||= imported;
      inUse.flow ||= inFlow;
      const last = emphasis.get(id);
      if (last && sameEmphasis(last, next)) continue;
      map.setFeatureState({ source: SOURCES.units, id }, { ...next });
      emphasis.set(id, next);
    }
    emphasisInUse = inUse;
    switchLayers();
  }

  /** `animate` false: the first view of a link with an area and no view (not a view to record). */
  function flyToArea(code: string, animate = true) {
    const feature = geometry?.areas.features.find((f) => f.properties.code === code);
    if (!feature) return;
    const [w, s, e, n] = bbox(feature);
    flying = animate;
    map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding: 40, duration: animate && !reducedMotion() ? 900 : 0 },
    );
  }

  function applySelection(state: AppState) {
    const code = state.selected;
    const exists = code !== null && drawn?.states.has(code);
    setFocus('selected', exists && code ? unitFeatureId(code, vintageOf(state.year)) : null);
  }

  function flyToUnit(code: UnitCode, year: Year) {
    const id = unitFeatureId(code, vintageOf(year));
    const feature = geometry?.units.features.find((f) => f.id === id);
    if (!feature) return;
    const [w, s, e, n] = bbox(feature);
    flying = true;
    map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding: 60, maxZoom: 9, duration: reducedMotion() ? 0 : 900 },
    );
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
      setGeoJson(map, SOURCES.labels, labelFeatures(geometry, state.data.dataset.units));
      if (state.pref !== null && state.view === null) flyToArea(state.pref, false);
    }
    const states = selectDrawStates(state);
    if (states && states !== drawn?.states) applyStates(state.year, states);
    applySelection(state);
    applyEmphasis(state);
  }

  const codeOf = (feature: maplibregl.MapGeoJSONFeature | undefined): UnitCode | null =>
    typeof feature?.properties.code === 'string' ? feature.properties.code : null;

  map.on('load', () => {
    softwareRendering = isSoftwareRenderer(rendererName(map.getCanvas()));
    addPatterns(map);
    styleReady = true;
    sync(store.getState());
  });
  /** The unit under a point, from the shown vintage's fill (the other vintage's is only switched off). */
  const unitAt = (point: maplibregl.PointLike) => {
    const layer = unitLayerId(ROLES.fill, vintage);
    return map.getLayer(layer) ? map.queryRenderedFeatures(point, { layers: [layer] })[0] : undefined;
  };
  map.on('mousemove', (e) => {
    if (!styleReady) return;
    const feature = unitAt(e.point);
    const id = typeof feature?.id === 'number' ? feature.id : null;
    if (id === null && focus.hover === null) return;
    setFocus('hover', id);
    store.getState().hover(codeOf(feature), { x: e.point.x, y: e.point.y });
  });
  map.getCanvas().addEventListener('mouseleave', () => {
    if (focus.hover === null) return;
    setFocus('hover', null);
    store.getState().hover(null);
  });
  map.on('click', (e) => {
    // A click on the blank map while its context is lost must not clear the selection.
    if (!styleReady) return;
    store.getState().select(codeOf(unitAt(e.point)));
  });
  // Only the user's own moves and flights the app started are views worth sharing; a moveend
  // from a resize or a layout change is not, so links stay short.
  map.on('moveend', (e: { originalEvent?: Event }) => {
    const ours = flying;
    flying = false;
    if (!cameraSettled || (!e.originalEvent && !ours)) return;
    const c = map.getCenter();
    const view = { lng: round(c.lng, 4), lat: round(c.lat, 4), zoom: round(map.getZoom(), 2) };
    const current = store.getState().view;
    if (!current || !sameView(current, view)) store.getState().setView(view);
  });
  // A resize keeps the centre, so a map that shrinks (on a phone, under the bottom sheet rising
  // after a tap) can push the selected unit out of sight: once the size settles, pan just enough
  // to bring its label point back in.
  let resizeTimer: number | undefined;
  map.on('resize', () => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => {
      const { selected, year } = store.getState();
      const point = selected === null ? undefined : geometry?.labels[vintageOf(year)].get(selected);
      // A flight or the user's own gesture already decides where the camera goes.
      if (!point || !styleReady || map.isMoving()) return;
      const { x, y } = map.project(point);
      const { clientWidth: w, clientHeight: h } = map.getContainer();
      const inside = (v: number, size: number) => Math.min(Math.max(v, VISIBLE_MARGIN), size - VISIBLE_MARGIN);
      const dx = x - inside(x, w);
      const dy = y - inside(y, h);
      if (dx !== 0 || dy !== 0) map.panBy([dx, dy], { duration: reducedMotion() ? 0 : 300 });
    }, 200);
  });

  unsubscribers.push(
    // While the WebGL context is lost the style is gone: nothing is written to the map, and the
    // page says why it is blank. Once the style is rebuilt, feature-state and global-state (which
    // MapLibre does not keep) are written again from the store: the current year and selection.
    watchContextLoss(map, {
      lost: () => {
        styleReady = false;
        fader.cancel();
        fadingFrom = null;
        drawn = null;
        emphasis.clear();
        written.clear();
        writtenPrev.clear();
        layerSwitches.clear();
        focus.hover = null;
        focus.selected = null;
        store.getState().setMapContextLost(true);
      },
      restored: () => {
        styleReady = true;
        const state = store.getState();
        map.setLayoutProperty(LABEL_LAYER, 'text-field', ['get', labelField(state.lang)]);
        sync(state);
        state.setMapContextLost(false);
      },
    }),
    store.subscribe(
      (s) => [s.data, s.year, s.selected, s.mode, s.base, s.flow, s.pref] as const,
      () => sync(store.getState()),
      { equalityFn: (a, b) => a.every((value, i) => Object.is(value, b[i])) },
    ),
    store.subscribe(
      (s) => s.pref,
      (pref) => {
        if (pref !== null) flyToArea(pref);
      },
    ),
    store.subscribe(
      (s) => s.highlight,
      () => {
        if (styleReady) applyEmphasis(store.getState());
      },
    ),
    store.subscribe(
      (s) => s.lang,
      (lang) => {
        if (styleReady) map.setLayoutProperty(LABEL_LAYER, 'text-field', ['get', labelField(lang)]);
      },
    ),
    store.subscribe(
      (s) => s.flyTo,
      (request) => {
        if (request) flyToUnit(request.code, store.getState().year);
      },
    ),
    store.subscribe(
      (s) => s.view,
      (view) => {
        // A view from outside (a link opened with history navigation): jump, never animate.
        if (!view) return;
        const c = map.getCenter();
        if (!sameView(view, { lng: c.lng, lat: c.lat, zoom: map.getZoom() })) {
          map.jumpTo({ center: [view.lng, view.lat], zoom: view.zoom });
        }
      },
    ),
  );

  return {
    labelPointOnScreen: (code, year) => {
      const point = geometry?.labels[vintageOf(year)].get(code);
      if (!point) return null;
      const { x, y } = map.project(point);
      return { x, y };
    },
    unitsFlagged: (flag) => {
      if (!drawn) return [];
      const v = vintageOf(drawn.year);
      return [...drawn.states.keys()].filter(
        (code) => map.getFeatureState({ source: SOURCES.units, id: unitFeatureId(code, v) })[flag] === true,
      );
    },
    dispose: () => {
      fader.cancel();
      window.clearTimeout(resizeTimer);
      unsubscribers.forEach((u) => u());
      map.remove();
    },
  };
}
