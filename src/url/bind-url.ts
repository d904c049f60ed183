/**
 * The imperative side of the URL: reads the link once for the store's initial state, then keeps
 * the address bar in step with the store (OWID's bindToWindow). Writes use
 * history.replaceState, so moving through the years does not fill the back button's history,
 * and are debounced while playing: a URL write costs the browser real work, and the address
 * bar need not follow every tick. Also bindDocumentLang: <html lang> follows the UI language.
 */
import type { Lang } from '../domain/lang';
import { resolveCode } from '../domain/lineage';
import { chosenBaseCounts } from '../domain/timeline';
import type { UnitCode } from '../domain/types';
import { selectDefaultBase } from '../store/selectors';
import type { AppState, AppStore, InitialState } from '../store/store';
import {
  DEFAULT_MODE,
  DEFAULT_YEAR,
  invalidParams,
  parseUrlState,
  serializeUrlState,
  validValues,
  type InvalidParam,
  type UnknownParams,
  type UrlState,
} from './url-state';

/** What the binder needs of `window`; tests pass a small fake. */
export interface UrlWindow {
  readonly location: { readonly pathname: string; readonly search: string; readonly hash: string };
  readonly history: { replaceState(data: unknown, unused: string, url?: string | null): void };
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

/** Quiet time before writing while playing: one write per year shown, none per frame. */
export const PLAYING_WRITE_DELAY_MS = 250;

export interface UrlStart {
  /** Only the valid keys: spreading it over defaults never overwrites them with undefined. */
  initial: InitialState;
  invalid: InvalidParam[];
  unknown: UnknownParams;
}

/** The store's starting state from the page's link (read once, before the store exists). */
export function initialStateFromUrl(location: { search: string }, knownCodes?: ReadonlySet<string>): UrlStart {
  const parsed = parseUrlState(location.search, knownCodes);
  const values = validValues(parsed);
  const initial: InitialState = {};
  if (values.year !== undefined) initial.year = values.year;
  if (values.county !== undefined) initial.selected = values.county;
  if (values.mode !== undefined) initial.mode = values.mode;
  if (values.base !== undefined) initial.base = values.base;
  if (values.flow !== undefined) initial.flow = values.flow;
  if (values.pref !== undefined) initial.pref = values.pref;
  if (values.lang !== undefined) initial.lang = values.lang;
  if (values.view !== undefined) initial.view = values.view;
  return { initial, invalid: invalidParams(parsed), unknown: parsed.unknown };
}

/**
 * The view as a link writes it. The base is pinned: the chosen one, else the default base the
 * data gives for the year (selectDefaultBase; null for 2019 or before the data is loaded), so
 * the link keeps showing the same move when new data or an import moves the default.
 */
export function selectUrlState(state: AppState): UrlState {
  return {
    year: state.year,
    county: state.selected,
    mode: state.mode,
    base: chosenBaseCounts(state.base, state.year) ? state.base : selectDefaultBase(state, state.year),
    flow: state.flow,
    pref: state.pref,
    lang: state.lang,
    view: state.view,
  };
}

/** The codes of data/units.csv in any year, once the data is loaded. */
function knownCodesOf(state: AppState): ReadonlySet<string> | undefined {
  return state.data.status === 'ready' ? new Set(state.data.dataset.units.map((u) => u.code)) : undefined;
}

/** The notice about a link's ignored parts, in the UI language: its title and one line each. */
export type DescribeAddress = (lang: Lang, params: readonly InvalidParam[]) => { text: string; details: string[] };

export interface BindUrlOptions {
  /**
   * Words the ignored parts of an address for the notice (describeAddress in
   * app/address-notice.ts, passed in by the page, so that this layer holds no user-facing text).
   */
  describe: DescribeAddress;
  /** The language a link without `lang` opens in (the browser's): back/forward to such a link uses it. */
  defaultLang?: Lang;
  /** What the page's link held that was ignored (UrlStart.invalid): reported when binding. */
  invalid?: readonly InvalidParam[];
  /**
   * Runs the write that new data (the load, an import) calls for once the frame showing that
   * data is drawn. That write works out the pinned base year (every year's states) and reads
   * the address again: ~20 ms of a cold load (CPU profiles) that otherwise came before the first
   * choropleth. The page passes "after the next frame"; without it (tests), at once.
   */
  afterNextFrame?: (run: () => void) => void;
}

/**
 * Keeps `win`'s URL in step with the store and applies back/forward navigation to it.
 * Returns a function that stops both (and drops a pending write).
 */
export function bindUrl(store: AppStore, win: UrlWindow, options: BindUrlOptions): () => void {
  const defaultLang = options.defaultLang ?? 'en';
  const afterNextFrame = options.afterNextFrame ?? ((run: () => void) => run());
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** A write for new data waits for the next frame; any write before then does its work. */
  let dataWritePending = false;
  let knownCodes = knownCodesOf(store.getState());

  /**
   * The address notice: the id the store gave it and what it lists. One address, one notice.
   */
  let addressNotice: { id: number; params: readonly InvalidParam[] } | null = null;

  /**
   * Reports ignored parts of the address in one notice. A new address (back/forward) replaces
   * the notice of the one before, so navigating never piles notices up; parts found later in the
   * same address (a county the loaded data does not know) join its notice instead.
   */
  const notifyInvalid = (params: readonly InvalidParam[], sameAddress: boolean) => {
    if (params.length === 0) return;
    const { lang, notify, dismissNotice, notices } = store.getState();
    const earlier = addressNotice;
    const shown = earlier !== null && notices.some((n) => n.id === earlier.id);
    const all = sameAddress && shown ? [...earlier.params, ...params] : params;
    if (shown) dismissNotice(earlier.id);
    const { text, details } = options.describe(lang, all);
    addressNotice = { id: notify('warning', text, { details }), params: all };
  };

  const write = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    dataWritePending = false;
    const { pathname, search, hash } = win.location;
    // Unknown keys are read back from the address bar, so links from elsewhere keep them.
    const { unknown } = parseUrlState(search, knownCodes);
    const next = serializeUrlState(selectUrlState(store.getState()), unknown);
    if (next !== search) win.history.replaceState(null, '', `${pathname}${next}${hash}`);
  };

  const schedule = () => {
    if (!store.getState().playing) {
      write();
      return;
    }
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, PLAYING_WRITE_DELAY_MS);
  };

  const scheduleForData = () => {
    if (dataWritePending) return;
    dataWritePending = true;
    afterNextFrame(() => {
      if (dataWritePending) write();
    });
  };

  const unsubscribeUrl = store.subscribe(
    // The data joins the list: the default base the link pins is known once it is loaded, and an
    // import (new shown data) can move it.
    (s) => [s.year, s.selected, s.mode, s.base, s.flow, s.pref, s.lang, s.view, s.playing, s.data] as const,
    (next, previous) => (next[9] !== previous[9] ? scheduleForData() : schedule()),
    { equalityFn: (a, b) => a.every((value, i) => Object.is(value, b[i])) },
  );

  /**
   * A county from a link that names no unit of any year, or a pref that is no area, is dropped
   * once the codes are known.
   */
  const checkCounty = () => {
    knownCodes = knownCodesOf(store.getState());
    const { selected, pref, data } = store.getState();
    if (knownCodes && selected !== null && !knownCodes.has(selected)) {
      notifyInvalid([{ key: 'county', raw: selected, reason: 'unknown-code' }], true);
      store.getState().select(null);
    }
    const areas = data.status === 'ready' ? new Set(data.dataset.units.map((u) => u.prefectureCode)) : null;
    if (areas && pref !== null && !areas.has(pref)) {
      notifyInvalid([{ key: 'pref', raw: pref, reason: 'not-an-area' }], true);
      store.getState().setPref(null);
    }
  };
  const unsubscribeData = store.subscribe(
    (s) => s.data.status,
    (status) => {
      if (status === 'ready') checkCounty();
    },
  );

  /** As the store does for the page's link: a code of another year names its unit in this year. */
  const resolveLinked = (code: UnitCode): UnitCode => {
    const { data, year } = store.getState();
    return data.status === 'ready' ? resolveCode(data.dataset.units, code, year) : code;
  };

  const onPopState = () => {
    // Once the data is loaded, an area code that names no area is reported, as on page load.
    const { data } = store.getState();
    const areaCodes = data.status === 'ready' ? new Set(data.dataset.units.map((u) => u.prefectureCode)) : undefined;
    const parsed = parseUrlState(win.location.search, knownCodes, undefined, areaCodes);
    const values = validValues(parsed);
    const state = store.getState();
    // A missing key means the default; an invalid one leaves the current value as it is.
    if (parsed.year.status !== 'invalid') state.setYear(values.year ?? DEFAULT_YEAR);
    if (parsed.county.status !== 'invalid') {
      const county = values.county === undefined ? null : resolveLinked(values.county);
      if (county !== store.getState().selected) state.select(county, { fly: county !== null });
    }
    if (parsed.mode.status !== 'invalid') state.setMode(values.mode ?? DEFAULT_MODE);
    if (parsed.base.status !== 'invalid') state.setBase(values.base ?? null);
    if (parsed.flow.status !== 'invalid') state.setFlow(values.flow ?? null);
    if (parsed.pref.status !== 'invalid') state.setPref(values.pref ?? null);
    if (parsed.lang.status !== 'invalid') state.setLang(values.lang ?? defaultLang);
    if (values.view) state.setView(values.view);
    notifyInvalid(invalidParams(parsed), false);
  };
  win.addEventListener('popstate', onPopState);

  notifyInvalid(options.invalid ?? [], false);
  // The page's link may hold invalid keys or unrounded numbers: write the canonical form once.
  write();
  if (store.getState().data.status === 'ready') checkCounty();

  return () => {
    unsubscribeUrl();
    unsubscribeData();
    win.removeEventListener('popstate', onPopState);
    if (timer !== null) clearTimeout(timer);
    timer = null;
    dataWritePending = false;
  };
}

/** Keeps <html lang> in step with the UI language, for screen readers and CJK font choice. */
export function bindDocumentLang(store: AppStore, doc: { documentElement: { lang: string } } = document): () => void {
  const apply = (lang: Lang) => {
    doc.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
  };
  return store.subscribe((s) => s.lang, apply, { fireImmediately: true });
}
