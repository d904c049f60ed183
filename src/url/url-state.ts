/**
 * The URL codec: query string ⇄ the shareable part of the app state. Pure (no DOM, no window),
 * modelled on OWID's GrapherQueryParamParser and GrapherUrl:
 * - parsing is total: every key comes back valid, invalid (with the raw value and a reason
 *   the UI can translate) or missing, and nothing ever throws on what a user pasted;
 * - serializing pins every choice that changes what is shown (year, mode, lang, and base when
 *   the state holds one; the binder puts the default base in), with the link format's version
 *   (`v`, see migrations.ts), so a link keeps its meaning when a new year's data moves a default;
 *   keys whose absence is itself stable (no county, flow, area or camera) are left out, and
 *   numbers are rounded, so a shared link stays short;
 * - keys the explorer does not know are kept, in order, so links from elsewhere survive.
 *
 * Keys: year (2019–2023), county (6-digit adcode), mode (tier | change | trajectory), base (an
 * evaluation year before `year`), flow (a transition such as C-B or unknown-A), pref (an area's
 * code), lang (zh | en) and view (lng,lat,zoom).
 */
import { LANGS, type Lang } from '../domain/lang';
import { chosenBaseCounts, isYear } from '../domain/timeline';
import { LAST_YEAR, type UnitCode, type Year } from '../domain/types';
import { TRANSITION_CATEGORIES } from '../domain/transitions';
import { MODES, type Flow, type Mode, type View } from '../domain/view';
import { LINK_VERSION, URL_MIGRATIONS, VERSION_KEY, migrateParams, type UrlMigration } from './migrations';

/** The value each key carries when it is present and valid. */
export interface UrlValues {
  year: Year;
  county: UnitCode;
  mode: Mode;
  base: Year;
  flow: Flow;
  pref: string;
  lang: Lang;
  view: View;
}
export type UrlKey = keyof UrlValues;

/** The shareable state, as the store holds it. */
export interface UrlState {
  year: Year;
  county: UnitCode | null;
  mode: Mode;
  base: Year | null;
  flow: Flow | null;
  pref: string | null;
  lang: Lang;
  view: View | null;
}

/** Why a value was ignored; the UI turns each into a sentence in the user's language. */
export type InvalidReason =
  | 'empty'
  | 'repeated'
  | 'not-a-year'
  | 'not-an-evaluation-year'
  | 'not-a-code'
  | 'unknown-code'
  | 'unknown-mode'
  | 'base-not-earlier'
  | 'flow-format'
  | 'not-an-area'
  | 'unknown-lang'
  | 'view-format'
  | 'view-range';

export type ParsedParam<T> =
  { status: 'valid'; value: T } | { status: 'invalid'; raw: string; reason: InvalidReason } | { status: 'missing' };

/** One entry per key: a new key in UrlValues that is not parsed here is a compile error. */
export type ParsedParams = { [K in UrlKey]: ParsedParam<UrlValues[K]> };

export interface InvalidParam {
  key: UrlKey;
  raw: string;
  reason: InvalidReason;
}

export type UnknownParams = [key: string, value: string][];

export type ParsedUrlState = ParsedParams & {
  /** Second and later occurrences of a key: the first one wins, these are reported. */
  repeated: InvalidParam[];
  /** Keys the explorer does not know, in their order, for writing back unchanged. */
  unknown: UnknownParams;
};

/** The camera range a link may ask for: China and around it, MapLibre's zoom levels. */
export const VIEW_LIMITS = {
  lng: [70, 140],
  lat: [10, 60],
  zoom: [0, 22],
} as const satisfies Record<keyof View, readonly [number, number]>;

/** Decimals kept in a link: 4 for degrees (about 10 m), 2 for zoom. */
const VIEW_DECIMALS: Record<keyof View, number> = { lng: 4, lat: 4, zoom: 2 };

export const DEFAULT_YEAR: Year = LAST_YEAR;
export const DEFAULT_MODE: Mode = 'tier';

interface ParseContext {
  knownCodes: ReadonlySet<string> | undefined;
  areaCodes: ReadonlySet<string> | undefined;
}

type Parser<T> = (raw: string, context: ParseContext) => ParsedParam<T>;

const valid = <T>(value: T): ParsedParam<T> => ({ status: 'valid', value });
const invalid = <T>(raw: string, reason: InvalidReason): ParsedParam<T> => ({ status: 'invalid', raw, reason });

/** Plain decimals only: no exponents, hex, Infinity or spaces, which no link of ours contains. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

function parseView(raw: string): ParsedParam<View> {
  const parts = raw.split(',');
  if (parts.length !== 3 || !parts.every((p) => DECIMAL.test(p))) return invalid(raw, 'view-format');
  const [lng, lat, zoom] = parts.map(Number) as [number, number, number];
  const view: View = { lng, lat, zoom };
  return isViewInRange(view) ? valid(view) : invalid(raw, 'view-range');
}

export function isViewInRange(view: View): boolean {
  return (Object.keys(VIEW_LIMITS) as (keyof View)[]).every((k) => {
    const [min, max] = VIEW_LIMITS[k];
    return Number.isFinite(view[k]) && view[k] >= min && view[k] <= max;
  });
}

const CODE_SHAPE = /^\d{6}$/;

/** Key order here is the order keys are written in. */
const PARSERS: { [K in UrlKey]: Parser<UrlValues[K]> } = {
  year: (raw) => {
    if (!/^\d+$/.test(raw)) return invalid(raw, 'not-a-year');
    const year = Number(raw);
    return isYear(year) ? valid(year) : invalid(raw, 'not-an-evaluation-year');
  },
  county: (raw, { knownCodes }) => {
    if (!CODE_SHAPE.test(raw)) return invalid(raw, 'not-a-code');
    if (knownCodes && !knownCodes.has(raw)) return invalid(raw, 'unknown-code');
    return valid(raw);
  },
  mode: (raw) => {
    const mode = MODES.find((m) => m === raw);
    return mode ? valid(mode) : invalid(raw, 'unknown-mode');
  },
  // Whether the base is earlier than the year is checked in parseUrlState, which sees both.
  base: (raw) => {
    if (!/^\d+$/.test(raw)) return invalid(raw, 'not-a-year');
    const year = Number(raw);
    return isYear(year) ? valid(year) : invalid(raw, 'not-an-evaluation-year');
  },
  flow: (raw) => {
    const [from, to, extra] = raw.split('-');
    const category = (c: string | undefined) => TRANSITION_CATEGORIES.find((k) => k === c);
    const a = category(from);
    const b = category(to);
    return a && b && extra === undefined ? valid({ from: a, to: b }) : invalid(raw, 'flow-format');
  },
  pref: (raw, { areaCodes }) => {
    if (!CODE_SHAPE.test(raw)) return invalid(raw, 'not-a-code');
    if (areaCodes && !areaCodes.has(raw)) return invalid(raw, 'not-an-area');
    return valid(raw);
  },
  lang: (raw) => {
    const lang = LANGS.find((l) => l === raw);
    return lang ? valid(lang) : invalid(raw, 'unknown-lang');
  },
  view: parseView,
};

export const URL_KEYS = Object.keys(PARSERS) as UrlKey[];

export function isUrlKey(key: string): key is UrlKey {
  return Object.prototype.hasOwnProperty.call(PARSERS, key);
}

function parseKey<K extends UrlKey>(key: K, raw: string | undefined, context: ParseContext): ParsedParam<UrlValues[K]> {
  if (raw === undefined) return { status: 'missing' };
  if (raw.trim() === '') return invalid(raw, 'empty');
  const parse: Parser<UrlValues[K]> = PARSERS[key];
  return parse(raw, context);
}

/**
 * Reads a query string (with or without the leading '?'). `knownCodes` are the codes of
 * data/units.csv in any year; before the data is loaded, pass nothing and only the shape of
 * `county` is checked (the binder checks it again once the codes are known).
 */
export function parseUrlState(
  search: string,
  knownCodes?: ReadonlySet<string>,
  migrations: readonly UrlMigration[] = URL_MIGRATIONS,
  areaCodes?: ReadonlySet<string>,
): ParsedUrlState {
  const params = migrateParams(new URLSearchParams(search), migrations);
  const first = new Map<UrlKey, string>();
  const repeated: InvalidParam[] = [];
  const unknown: UnknownParams = [];
  for (const [key, value] of params) {
    if (!isUrlKey(key)) unknown.push([key, value]);
    else if (first.has(key)) repeated.push({ key, raw: value, reason: 'repeated' });
    else first.set(key, value);
  }
  const context: ParseContext = { knownCodes, areaCodes };
  const year = parseKey('year', first.get('year'), context);
  let base = parseKey('base', first.get('base'), context);
  const yearValue = year.status === 'valid' ? year.value : DEFAULT_YEAR;
  if (base.status === 'valid' && !chosenBaseCounts(base.value, yearValue)) {
    base = invalid(String(base.value), 'base-not-earlier');
  }
  return {
    year,
    county: parseKey('county', first.get('county'), context),
    mode: parseKey('mode', first.get('mode'), context),
    base,
    flow: parseKey('flow', first.get('flow'), context),
    pref: parseKey('pref', first.get('pref'), context),
    lang: parseKey('lang', first.get('lang'), context),
    view: parseKey('view', first.get('view'), context),
    repeated,
    unknown,
  };
}

/** Every value that was ignored, first by key then the repeats, for notices. */
export function invalidParams(parsed: ParsedUrlState): InvalidParam[] {
  const ignored: InvalidParam[] = [];
  for (const key of URL_KEYS) {
    const param = parsed[key];
    if (param.status === 'invalid') ignored.push({ key, raw: param.raw, reason: param.reason });
  }
  return [...ignored, ...parsed.repeated];
}

/** The valid values only: what a link asks for. */
export function validValues(parsed: ParsedParams): Partial<UrlValues> {
  const values: Partial<UrlValues> = {};
  if (parsed.year.status === 'valid') values.year = parsed.year.value;
  if (parsed.county.status === 'valid') values.county = parsed.county.value;
  if (parsed.mode.status === 'valid') values.mode = parsed.mode.value;
  if (parsed.base.status === 'valid') values.base = parsed.base.value;
  if (parsed.flow.status === 'valid') values.flow = parsed.flow.value;
  if (parsed.pref.status === 'valid') values.pref = parsed.pref.value;
  if (parsed.lang.status === 'valid') values.lang = parsed.lang.value;
  if (parsed.view.status === 'valid') values.view = parsed.view.value;
  return values;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // `+ 0` turns -0 into 0 so it is written as "0", not "-0".
  return Math.round(value * factor) / factor + 0;
}

/** The view as a link stores it: lng and lat to 4 decimals, zoom to 2. */
export function roundView(view: View): View {
  return {
    lng: round(view.lng, VIEW_DECIMALS.lng),
    lat: round(view.lat, VIEW_DECIMALS.lat),
    zoom: round(view.zoom, VIEW_DECIMALS.zoom),
  };
}

/** Numbers as plain decimals (String() would write 1e-7 for tiny values; rounding rules those out). */
function formatNumber(value: number, decimals: number): string {
  return value.toFixed(decimals).replace(/\.?0+$/, '');
}

type Serializer = (state: UrlState) => string | null;

/**
 * Each key's value in a link, or null where nothing is written. Year, mode and lang are always
 * written (a year outside the evaluations, which the store never holds, is not).
 */
const SERIALIZERS: Record<UrlKey, Serializer> = {
  year: (s) => (isYear(s.year) ? String(s.year) : null),
  county: (s) => (s.county !== null && CODE_SHAPE.test(s.county) ? s.county : null),
  mode: (s) => s.mode,
  base: (s) => (isYear(s.base) && chosenBaseCounts(s.base, s.year) ? String(s.base) : null),
  flow: (s) => (s.flow === null ? null : `${s.flow.from}-${s.flow.to}`),
  pref: (s) => (s.pref !== null && CODE_SHAPE.test(s.pref) ? s.pref : null),
  lang: (s) => s.lang,
  view: (s) => {
    if (s.view === null) return null;
    const view = roundView(s.view);
    // A camera the parser would refuse (panned far away) is not worth sharing.
    if (!isViewInRange(view)) return null;
    return [
      formatNumber(view.lng, VIEW_DECIMALS.lng),
      formatNumber(view.lat, VIEW_DECIMALS.lat),
      formatNumber(view.zoom, VIEW_DECIMALS.zoom),
    ].join(',');
  },
};

/** Lone UTF-16 surrogates make encodeURIComponent throw; a pasted link may contain them. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Like URLSearchParams, but commas stay readable (`view=116.5,39,7`): they need no escaping in a query. */
function encodeComponent(text: string): string {
  return encodeURIComponent(wellFormed(text)).replace(/%2C/gi, ',');
}

/**
 * The query string for `state`, starting with '?': the version (`v`), then year, mode and lang
 * always, base when the state holds one, county, flow, area and view when set, then the
 * unknown keys unchanged. `base: null` is written as nothing: the caller that wants the link to
 * keep the default base's meaning passes the default in (the binder does, see bind-url.ts).
 */
export function serializeUrlState(state: UrlState, unknown: readonly (readonly [string, string])[] = []): string {
  const pairs: [string, string][] = [[VERSION_KEY, String(LINK_VERSION)]];
  for (const key of URL_KEYS) {
    const value = SERIALIZERS[key](state);
    if (value !== null) pairs.push([key, value]);
  }
  // The parser never returns `v` as unknown (migrateParams consumes it); a caller's would repeat it.
  for (const [key, value] of unknown) if (key !== VERSION_KEY) pairs.push([key, value]);
  return `?${pairs.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join('&')}`;
}
