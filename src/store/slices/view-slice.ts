/**
 * View slice: what the user is looking at (year and playback, camera and the map's frame,
 * language, map mode, base year, flow, area), and the requests to the map (fly to a unit, take
 * the focus). A year change also writes the selection and the base year: movedToYear
 * below is that rule, and every action that changes the year goes through it.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Lang } from '../../domain/lang';
import { followUnit } from '../../domain/lineage';
import { chosenBaseCounts, isYear, playbackNext, playbackStart, stepYear } from '../../domain/timeline';
import { LAST_YEAR, type UnitCode, type Year } from '../../domain/types';
import type { Flow, Mode, View } from '../../domain/view';
import type { AppState, InitialState } from '../store';

/** The map area's size in CSS pixels. */
export interface MapFrame {
  width: number;
  height: number;
}

export interface ViewSlice {
  year: Year;
  playing: boolean;
  /** Last settled camera; null until the map reports one (or a link sets one). */
  view: View | null;
  /** Asks the map to fly to a unit; `seq` makes a repeated request for the same unit distinct. */
  flyTo: { code: UnitCode; seq: number } | null;
  /**
   * The map area's CSS size (the camera's frame), written by map/map-view.tsx when it is laid out
   * or resized; null while it is not laid out. The figure export frames a "screen" figure like the
   * map on screen from it, without looking for the map's elements in the page.
   */
  mapFrame: MapFrame | null;
  /**
   * Counts the requests to move keyboard focus to the map (focusMap). map/map-view.tsx answers each
   * by focusing the renderer shown (the 2D map or MapLibre), which only it knows: e.g. after a
   * retried data load, whose button goes away, focus lands on the map rather than on <body>.
   */
  focusMapRequest: number;
  lang: Lang;
  mode: Mode;
  /**
   * The chosen base year of change mode and of the transition view; null means the default (the
   * earlier year with the most units comparable: domain/base-year.ts, applied by baseYearOf).
   */
  base: Year | null;
  /** The transition the user picked (its units are highlighted and listed), or null. */
  flow: Flow | null;
  /** Area (prefecture-level city, 定州 or 辛集) the map and tables are filtered to, or null. */
  pref: string | null;

  setYear: (year: number) => void;
  stepYear: (delta: number) => void;
  play: () => void;
  pause: () => void;
  /** Advances playback one year; stops at the last year. */
  tick: () => void;
  setView: (view: View) => void;
  /** Writes mapFrame; a size of 0 is null (not laid out). Nothing is written when it does not change. */
  setMapFrame: (frame: MapFrame | null) => void;
  /** Asks the map to take the keyboard focus (focusMapRequest). */
  focusMap: () => void;
  setLang: (lang: Lang) => void;
  setMode: (mode: Mode) => void;
  /** A base year at or after the selected year is refused (the change needs an earlier year). */
  setBase: (base: Year | null) => void;
  setFlow: (flow: Flow | null) => void;
  setPref: (pref: string | null) => void;
}

/** Whether `base` can be the base year of `year`: null (the default) always can, else only an earlier year. */
export function baseFits(base: Year | null, year: Year): boolean {
  return base === null || chosenBaseCounts(base, year);
}

/**
 * The fields a change to `year` writes: the selection carried into that year (任县 in 2019 is
 * 任泽区 in 2021; without data it stays as it is), and the base year, dropped back to the default
 * (null: the year with the most units comparable, domain/base-year.ts) if it is no longer earlier.
 */
export function movedToYear(
  state: Pick<AppState, 'data' | 'year' | 'selected' | 'base'>,
  year: Year,
): Pick<AppState, 'year' | 'selected' | 'base'> {
  const selected =
    state.selected === null || state.data.status !== 'ready'
      ? state.selected
      : followUnit(state.data.dataset.units, state.selected, state.year, year);
  return { year, selected, base: baseFits(state.base, year) ? state.base : null };
}

export function createViewSlice(
  initial: InitialState = {},
): StateCreator<AppState, [['zustand/subscribeWithSelector', never]], [], ViewSlice> {
  return (set, get) => {
    const goTo = (year: Year, playing: boolean) => set({ ...movedToYear(get(), year), playing });
    return {
      year: initial.year ?? LAST_YEAR,
      playing: false,
      view: initial.view ?? null,
      flyTo: null,
      mapFrame: null,
      focusMapRequest: 0,
      lang: initial.lang ?? 'en',
      mode: initial.mode ?? 'tier',
      base: initial.base ?? null,
      flow: initial.flow ?? null,
      pref: initial.pref ?? null,

      // Choosing a year stops playback.
      setYear: (year) => {
        if (isYear(year) && year !== get().year) goTo(year, false);
      },
      stepYear: (delta) => {
        const year = stepYear(get().year, delta);
        if (year !== get().year) goTo(year, false);
      },
      play: () => {
        const start = playbackStart(get().year);
        if (start !== get().year) goTo(start, true);
        else set({ playing: true });
      },
      pause: () => set({ playing: false }),
      tick: () => {
        if (!get().playing) return;
        const next = playbackNext(get().year);
        if (next === null) set({ playing: false });
        else goTo(next, next !== LAST_YEAR);
      },
      setView: (view) => set({ view }),
      setMapFrame: (frame) => {
        const next = frame === null || frame.width === 0 || frame.height === 0 ? null : frame;
        const current = get().mapFrame;
        if (next === current || (next && current && next.width === current.width && next.height === current.height)) {
          return;
        }
        set({ mapFrame: next === null ? null : { width: next.width, height: next.height } });
      },
      focusMap: () => set({ focusMapRequest: get().focusMapRequest + 1 }),
      setLang: (lang) => {
        if (lang !== get().lang) set({ lang });
      },
      setMode: (mode) => set({ mode }),
      setBase: (base) => {
        if (baseFits(base, get().year)) set({ base });
      },
      setFlow: (flow) => set({ flow }),
      setPref: (pref) => set({ pref }),
    };
  };
}
