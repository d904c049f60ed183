/**
 * Connects a map to the store, from outside React: the composition of the controller's parts.
 * - sources.ts: the geometry, written once; every year's drawing, written again only when the
 *   mode, the base year or the facts change;
 * - year-groups.ts: a year change only switches one year's layers off and the other's on, and a
 *   cross-fade animates the opacity of the upper of the two;
 * - flags.ts: hover, selection, flows, areas and the legend highlight are feature-state flags;
 * - camera.ts: the camera is the map's own, reported when it settles, moved when the store asks;
 * - pointer.ts: hover, tooltip position and click;
 * - map-load.ts and context-loss.ts: they say when the style has loaded, is lost and is back;
 *   nothing is written before it has loaded or while the WebGL context is lost, and everything
 *   is written again once it is back.
 *
 * It takes the map as a MapPort, so the unit tests drive it with a fake map
 * (tests/fixtures/fake-map.ts); map-controller.ts creates the real one.
 */
import { vintageOf } from '../../domain/types';
import { selectDrawStatesByYear } from '../../store/selectors';
import type { AppState, AppStore } from '../../store/store';
import { followCamera } from './camera';
import { watchContextLoss } from './context-loss';
import type { ProbeReads } from './e2e-probe';
import { UnitFlags } from './flags';
import { watchLoad } from './map-load';
import { listen, resolveMissingImages, type MapPort } from './map-port';
import { addMissingLayers } from './lean-layers';
import type { Year } from '../../domain/types';
import {
  HATCHES,
  LABEL_LAYER,
  VINTAGES,
  ROLES,
  labelField,
  labelText,
  patternId,
  styleLayers,
  unitLayerId,
  yearLayers,
} from './map-style';
import { stripePattern } from '../patterns';
import { followPointer } from './pointer';
import { MapSources, type WrittenData } from './sources';
import { YearGroups } from './year-groups';

export interface MapEnvironment {
  reducedMotion: () => boolean;
  /** Whether a software rasteriser draws the map; asked once, when the map has loaded. */
  softwareRendered: () => boolean;
  /**
   * Whether this map is the one on screen (default: always). While the 2D map is shown instead
   * (map-view.tsx), this one draws behind it but leaves no year marks and does not move its
   * camera for the store: the 2D map's camera is handed to it when it takes over.
   */
  shown?: () => boolean;
  /** Runs once the first year has been drawn and the map is idle. */
  onFirstIdle?: () => void;
  /** The geometry and units drawing the style was created with (createStyle's `data`). */
  written?: WrittenData;
  /** The layers the style was created switched on (lean-layers.ts withSwitchesOn). */
  switchedOn?: ReadonlySet<string>;
}

/** What the connection can be asked (the e2e probe reads it), and how to end it. */
export interface MapConnection extends ProbeReads {
  /** Adds every layer the map was created without (lean-layers.ts); once it is on screen. */
  completeStyle: () => void;
  /** Stops following the store and the map's events; the map itself stays (its owner removes it). */
  dispose: () => void;
}

export function connectMap(map: MapPort, store: AppStore, env: MapEnvironment): MapConnection {
  /** False until the style has loaded, and while the WebGL context is lost: nothing is written then. */
  let styleReady = false;
  /** Set once the map has loaded: no cross-fade where a software rasteriser draws the map. */
  let softwareRendering = false;

  const shown = env.shown ?? (() => true);
  const sources = new MapSources(map, env.written);
  const years = new YearGroups(map, {
    vintage: vintageOf(store.getState().year),
    flagsInUse: () => flags.inUse(),
    reducedMotion: env.reducedMotion,
    softwareRendering: () => softwareRendering,
    onFirstIdle: () => {
      camera.settle();
      env.onFirstIdle?.();
    },
    shown,
    ...(env.switchedOn ? { switchedOn: env.switchedOn } : {}),
  });
  /** The full style's layers (the label layer's field does not matter: it is never added). */
  const allLayers = () => styleLayers(vintageOf(store.getState().year), labelField(store.getState().lang));
  /**
   * Set from adding layers until the map is next idle: their tiles are being laid out, and a
   * year switched to them now would show no units (and leave a mark for a year not drawn).
   */
  let layoutPending = false;
  /** Set while a sync waits for that idle. */
  let syncAfterLayout = false;
  /** New layers or a newly filled source: their tiles are laid out until the map is next idle. */
  function layingOut() {
    layoutPending = true;
    map.once('idle', () => {
      layoutPending = false;
    });
  }
  function addLayers(wanted?: (id: string) => boolean) {
    if (addMissingLayers(map, allLayers(), wanted) > 0) layingOut();
  }
  /**
   * Gives `year`'s vintage's source its features when it has none yet, and adds `year`'s
   * layers and its vintage's when missing; whether they are still being laid out.
   */
  function yearLaidOut(year: Year): boolean {
    const vintage = vintageOf(year);
    const wanted = new Set([...yearLayers(year), ...Object.values(ROLES).map((role) => unitLayerId(role, vintage))]);
    // The source first: the layers need it.
    if (sources.fill(vintage)) layingOut();
    addLayers((id) => wanted.has(id));
    return !layoutPending;
  }
  const flags = new UnitFlags(map, () => years.switchLayers());

  function sync(state: AppState) {
    if (!styleReady || state.data.status !== 'ready') return;
    const newGeometry = sources.writeGeometry(state.data.geometry, state.data.dataset.units);
    if (newGeometry && state.pref !== null && state.view === null) camera.flyToArea(state.pref, false);
    const byYear = selectDrawStatesByYear(state);
    if (!byYear) return;
    sources.writeUnits(byYear, newGeometry, vintageOf(state.year));
    const states = byYear.get(state.year);
    const drawn = years.drawn;
    if (states && (states !== drawn?.states || state.year !== drawn.year)) {
      // The year drawn stays until the new year's layers are laid out; then this runs again.
      if (yearLaidOut(state.year)) years.show(state.year, states);
      else if (!syncAfterLayout) {
        syncAfterLayout = true;
        map.once('idle', () => {
          syncAfterLayout = false;
          sync(store.getState());
        });
      }
    }
    flags.applySelection(state, years.drawn);
    flags.applyEmphasis(state, years.drawn);
  }

  /** Adds a hatch pattern by its image id, unless the map has it (or it is not one of ours). */
  function addPattern(id: string) {
    const hatch = HATCHES.find(({ image }) => patternId(image) === id);
    if (!hatch || map.hasImage(id)) return;
    map.addImage(id, stripePattern(hatch.colors, 4, hatch.direction), { pixelRatio: 2 });
  }

  /** Every hatch, for the modes and years not drawn yet. */
  const addPatterns = () => HATCHES.forEach(({ image }) => addPattern(patternId(image)));

  let started = false;
  /**
   * The style is loaded: the store's state is written (the flags of a link's selection, flow or
   * area, and anything that changed since the map was created). On 'style.load', before any tile
   * is laid out, so the first complete frame draws it; on 'load' (after that frame) it cost one
   * frame more before the map was idle and could take over.
   */
  const start = () => {
    if (started) return;
    started = true;
    softwareRendering = env.softwareRendered();
    // A map created with its data has the hatches its first frame needs (asked for below);
    // adding the others now would change the style and cost a frame before it is idle. They
    // come with the rest of the style (completeStyle).
    if (!env.written) addPatterns();
    styleReady = true;
    sync(store.getState());
  };

  const stops = [
    listen(map, { 'style.load': start }),
    watchLoad(map, store, start),
    // A map created with its sources' data lays tiles out before 'load': the worker asks for a
    // hatch the first time a tile needs it, and it is added then, before the answer goes back
    // (MapLibre's 'styleimagemissing' event comes after the answer: those tiles were laid out
    // without their hatch, and the hand-over showed them flat until the style was completed).
    resolveMissingImages(map, addPattern),
    followPointer(map, store, {
      styleReady: () => styleReady,
      shownYear: () => years.drawn?.year ?? null,
      flags,
    }),
    // While the WebGL context is lost the style is gone: nothing is written to the map, and the
    // page says why it is blank. Once the style is rebuilt, the units' drawing, the layer switches
    // and the feature-state flags (which MapLibre does not keep) are written again from the store.
    watchContextLoss(map, {
      lost: () => {
        styleReady = false;
        years.reset();
        sources.forgetUnits();
        flags.reset();
        store.getState().setMapContextLost(true);
      },
      restored: () => {
        styleReady = true;
        const state = store.getState();
        map.setLayoutProperty(LABEL_LAYER, 'text-field', labelText(state.lang));
        sync(state);
        state.setMapContextLost(false);
      },
    }),
    // Subscribed before the camera's: when one change selects a unit and asks to fly to it, the
    // selection flag is written before the flight starts.
    store.subscribe(
      (s) => [s.data, s.year, s.selected, s.mode, s.base, s.flow, s.pref] as const,
      () => sync(store.getState()),
      { equalityFn: (a, b) => a.every((value, i) => Object.is(value, b[i])) },
    ),
  ];
  const camera = followCamera(map, store, {
    geometry: () => sources.geometry,
    styleReady: () => styleReady,
    reducedMotion: env.reducedMotion,
    shown,
  });
  stops.push(
    camera.dispose,
    store.subscribe(
      (s) => s.highlight,
      () => {
        if (styleReady) flags.applyEmphasis(store.getState(), years.drawn);
      },
    ),
    store.subscribe(
      (s) => s.lang,
      (lang) => {
        if (styleReady) map.setLayoutProperty(LABEL_LAYER, 'text-field', labelText(lang));
      },
    ),
  );

  return {
    completeStyle: () => {
      if (!styleReady) return;
      addPatterns();
      // The sources first: the layers need them.
      if (VINTAGES.map((v) => sources.fill(v)).some(Boolean)) layingOut();
      addLayers();
      years.switchLayers();
    },
    geometry: () => sources.geometry,
    drawn: () => years.drawn,
    dispose: () => {
      years.dispose();
      stops.forEach((stop) => stop());
    },
  };
}
