/**
 * The only code that drives MapLibre. Creates the map once, loads the geometry once, and
 * follows the store from outside React:
 * - the units source holds what is drawn in every year (unit-features.ts), rebuilt only when the
 *   mode, the base year or the facts change; a year change only switches one year's layers off
 *   and the other's on, and a cross-fade animates the opacity of the upper of the two;
 * - hover, selection, flows, areas and the legend highlight are feature-state flags;
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
import { YEARS, vintageOf, type UnitCode, type Vintage, type Year } from '../domain/types';
import { selectDrawStatesByYear, selectFlowCodes, type DrawStatesByYear } from '../store/selectors';
import type { AppState, AppStore, View } from '../store/store';
import { watchContextLoss } from './context-loss';
import { labelFeatures } from './label-features';
import { UNITS_REDRAWN_MARK } from './marks';
import {
  HATCHES,
  LABEL_LAYER,
  LOCAL_CJK_FONTS,
  SOURCES,
  YEAR_ROLES,
  createStyle,
  fadeOpacityProperty,
  layerOpacityProperty,
  layersInUse,
  patternId,
  vintageFilter,
  yearLayerId,
  yearLayers,
} from './map-style';
import { stripePattern } from './patterns';
import { isSoftwareRenderer, rendererName } from './renderer';
import { propertyUpdates, unitFeatures } from './unit-features';
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

/**
 * A unit layer's two opacities: the layer-wide one switches it (see layersInUse), a year layer's
 * own one is its cross-fade; each as the style starts it (switched off, not faded).
 */
const OPACITIES = {
  switch: { property: layerOpacityProperty, initial: 0 },
  fade: { property: fadeOpacityProperty, initial: 1 },
} as const;

const NO_EMPHASIS: Emphasis = { flow: false, muted: false, unlit: false, imported: false };
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
  /** What the unit-years source holds: every year's draw states and the features made of them. */
  let written: { byYear: DrawStatesByYear; features: ReturnType<typeof unitFeatures> } | null = null;
  /** The year drawn and its units' draw states. */
  let drawn: { year: Year; states: Map<UnitCode, DrawState> } | null = null;
  /** The opacities last written (see switchLayers), by kind and layer, so only changes are written. */
  const opacities = new Map<string, number>();
  /**
   * During a cross-fade: the year it comes from, the upper of the two years' groups (whose
   * opacity moves: it fades in over the year below on a step forward, and fades out to uncover
   * the year below on a step back), and how far the new year is shown, 0 to 1.
   */
  let fade: { from: Year; upper: Year; shown: number } | null = null;
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
    (shown) => {
      if (!fade) return;
      fade.shown = shown;
      switchLayers();
    },
    reducedMotion,
    () => softwareRendering,
  );
  const fadeDone = () => {
    fade = null;
    switchLayers();
  };

  /**
   * Shows `year`: switches its group on and the previous one off, at once or through a
   * cross-fade. Nothing is written per unit, so this costs the same at any number of units.
   */
  function applyYear(year: Year, states: Map<UnitCode, DrawState>) {
    const previous = drawn?.year ?? null;
    // A change during a fade ends it where it is: the year it was fading to is shown.
    fader.cancel();
    fade = null;
    const nextVintage = vintageOf(year);
    if (nextVintage !== vintage) {
      // Only the labels are filtered by vintage (one point per unit: cheap to lay out again).
      map.setFilter(LABEL_LAYER, vintageFilter(nextVintage));
      vintage = nextVintage;
    }
    drawn = { year, states };
    if (previous !== null && previous !== year) {
      fade = { from: previous, upper: Math.max(previous, year) as Year, shown: 0 };
      fader.run(fadeDone);
    }
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

  /**
   * Switches the layers on or off by what is drawn now (see layersInUse), through their
   * layer-wide opacity; during a cross-fade the upper group's own opacity follows the fade.
   */
  function switchLayers() {
    if (!drawn) return;
    const inUse = layersInUse({
      year: drawn.year,
      fadingFrom: fade?.from ?? null,
      ...emphasisInUse,
      hover: focus.hover !== null,
      selected: focus.selected !== null,
    });
    for (const [id, on] of inUse) writeOpacity(id, 'switch', on ? 1 : 0);
    for (const year of YEARS) {
      const moving = fade?.upper === year;
      const opacity = !fade || !moving ? 1 : year === drawn.year ? fade.shown : 1 - fade.shown;
      for (const id of yearLayers(year)) writeOpacity(id, 'fade', opacity);
    }
  }

  /** Sets one of a layer's opacities, unless it already has that value. */
  function writeOpacity(id: string, kind: keyof typeof OPACITIES, value: number) {
    const key = `${kind} ${id}`;
    if ((opacities.get(key) ?? OPACITIES[kind].initial) === value) return;
    const type = map.getLayer(id)?.type;
    if (type !== 'fill' && type !== 'line') return;
    map.setPaintProperty(id, OPACITIES[kind].property(type), value);
    opacities.set(key, value);
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
      // A unit never written has every flag unset (the style reads a missing flag as false).
      if (sameEmphasis(emphasis.get(id) ?? NO_EMPHASIS, next)) continue;
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
    const newGeometry = geometry !== state.data.geometry;
    if (newGeometry) {
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
    const byYear = selectDrawStatesByYear(state);
    if (!byYear || !geometry) return;
    // Another mode, base year or set of facts: the units are laid out again with every year's
    // drawing (never on a year step, which keeps the same byYear).
    if (newGeometry || byYear !== written?.byYear) {
      const features = unitFeatures(geometry.units, byYear);
      const source = map.getSource<maplibregl.GeoJSONSource>(SOURCES.unitYears);
      if (newGeometry || !written) source?.setData(features);
      else {
        void source?.updateData({ update: propertyUpdates(written.features, features) });
        // The map is idle again once every unit in view is drawn the new way (bench, tests).
        map.once('idle', () => performance.mark(UNITS_REDRAWN_MARK));
      }
      written = { byYear, features };
    }
    const states = byYear.get(state.year);
    if (states && (states !== drawn?.states || state.year !== drawn.year)) applyYear(state.year, states);
    applySelection(state);
    applyEmphasis(state);
  }

  const codeOf = (feature: maplibregl.MapGeoJSONFeature | undefined): UnitCode | null =>
    typeof feature?.properties.code === 'string' ? feature.properties.code : null;

  /** Set by the map's first 'load': until then a failed worker means the map can never draw. */
  let loaded = false;
  let failed = false;
  // MapLibre parses every source in its web workers. When their script cannot run (a 404, a
  // request refused by the server, a network filter or the Content-Security-Policy, or a script
  // that throws) each worker's 'error' event reaches the map as an ErrorEvent saying the worker
  // failed to load, and the map stays blank without ever firing 'load'. Checked in Chromium for
  // each of those causes (tests/e2e/notices.e2e.ts drives one): the page then offers the table
  // instead (store.mapUnavailable). Any other error is logged, as MapLibre does by default when
  // nobody listens.
  map.on('error', (event) => {
    const { message } = event.error;
    if (!loaded && /\bworker\b/i.test(message)) {
      if (failed) return;
      failed = true;
      console.warn(`The map cannot draw: ${message}`);
      store.getState().mapFailed(message);
      return;
    }
    console.error(event.error);
  });
  map.on('load', () => {
    loaded = true;
    softwareRendering = isSoftwareRenderer(rendererName(map.getCanvas()));
    addPatterns(map);
    styleReady = true;
    sync(store.getState());
  });
  /** The unit under a point, from the shown year's fill (the other years' are only switched off). */
  const unitAt = (point: maplibregl.PointLike) => {
    const year = drawn?.year;
    if (year === undefined) return undefined;
    const layer = yearLayerId(YEAR_ROLES.fill, year);
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
    // page says why it is blank. Once the style is rebuilt, the units' drawing, the layer switches
    // and the feature-state flags (which MapLibre does not keep) are written again from the store.
    watchContextLoss(map, {
      lost: () => {
        styleReady = false;
        fader.cancel();
        fade = null;
        drawn = null;
        written = null;
        emphasis.clear();
        opacities.clear();
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
