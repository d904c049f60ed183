import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MapGeometry } from '../../src/domain/geometry';
import { createAppStore, type AppStore } from '../../src/store/store';
import { MAX_ADDRESS_DETAILS, describeAddress, describeInvalid, truncateRaw } from '../../src/app/address-notice';
import {
  PLAYING_WRITE_DELAY_MS,
  bindDocumentLang,
  bindUrl as bindUrlWith,
  initialStateFromUrl,
  type BindUrlOptions,
  type UrlWindow,
} from '../../src/url/bind-url';

/** The binder as the page binds it: with the notices' wording of ignored parts. */
const bindUrl = (store: AppStore, win: UrlWindow, options: Partial<BindUrlOptions> = {}) =>
  bindUrlWith(store, win, { describe: describeAddress, ...options });
import { hasBidiControls } from '../../src/domain/text-safety';
import { unit } from '../fixtures/builders';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

// The binder never reads geometry; a cast keeps this test independent of the geometry's shape.
const emptyGeometry = {} as MapGeometry;

/** A window with just what the binder uses; replaceState updates `location` as a browser would. */
function fakeWindow(search = '') {
  const listeners = new Set<() => void>();
  const location = { pathname: '/explorer/', search, hash: '#map' };
  const replaceState = vi.fn((_data: unknown, _unused: string, url?: string | null) => {
    const parsed = new URL(url ?? '', 'http://localhost');
    location.pathname = parsed.pathname;
    location.search = parsed.search;
    location.hash = parsed.hash;
  });
  const win: UrlWindow = {
    location,
    history: { replaceState },
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
  };
  /** The user moves back or forward to `nextSearch`. */
  const popTo = (nextSearch: string) => {
    location.search = nextSearch;
    for (const listener of listeners) listener();
  };
  return { win, location, replaceState, listeners, popTo };
}

/** The last URL written, or null. */
const lastUrl = (spy: ReturnType<typeof fakeWindow>['replaceState']) => spy.mock.lastCall?.[2] ?? null;

let store: AppStore;
let dispose: (() => void) | null = null;

beforeEach(() => {
  vi.useFakeTimers();
  store = createAppStore({ lang: 'en' });
});

afterEach(() => {
  dispose?.();
  dispose = null;
  vi.useRealTimers();
});

describe('initialStateFromUrl', () => {
  it('gives only the valid keys, so defaults are not overwritten with undefined', () => {
    const start = initialStateFromUrl({ search: '?year=2020&lang=fr&county=130102&view=116,39,7&ref=x' });
    expect(start.initial).toEqual({ year: 2020, selected: '130102', view: { lng: 116, lat: 39, zoom: 7 } });
    expect('lang' in start.initial).toBe(false);
    expect(start.invalid).toEqual([{ key: 'lang', raw: 'fr', reason: 'unknown-lang' }]);
    expect(start.unknown).toEqual([['ref', 'x']]);
  });

  it('checks county against known codes when it is given them', () => {
    const start = initialStateFromUrl({ search: '?v=2&county=999999' }, new Set(['130102']));
    expect(start.initial).toEqual({});
    expect(start.invalid).toEqual([{ key: 'county', raw: '999999', reason: 'unknown-code' }]);
  });
});

describe('notice texts', () => {
  it('names the key, the value and the reason in the UI language', () => {
    expect(describeInvalid('en', { key: 'year', raw: '1999', reason: 'not-an-evaluation-year' })).toBe(
      'Ignored year=1999: not an evaluation year (2019–2023)',
    );
    expect(describeInvalid('zh', { key: 'year', raw: '1999', reason: 'not-an-evaluation-year' })).toBe(
      '已忽略 year=1999：不是评价年份（2019—2023）',
    );
    expect(describeInvalid('en', { key: 'year', raw: '2020', reason: 'repeated' })).toContain(
      'year appears more than once',
    );
  });

  it('cuts very long values, and never splits a character', () => {
    const text = describeInvalid('en', { key: 'county', raw: 'x'.repeat(5000), reason: 'not-a-code' });
    expect(text.length).toBeLessThan(120);
    expect(text).toContain('…');
    expect(truncateRaw('😀'.repeat(50), 10)).toBe(`${'😀'.repeat(9)}…`);
    expect(truncateRaw('short')).toBe('short');
  });

  it('drops bidirectional controls from a quoted value, so it cannot flip the sentence', () => {
    const text = describeInvalid('en', { key: 'mode', raw: '\u202Eedom\u202C\u2066x\u2069', reason: 'unknown-mode' });
    expect(hasBidiControls(text)).toBe(false);
    expect(text).toContain('mode=edomx:');
  });

  it('describes a whole address in one title with one line per ignored part, capped', () => {
    const one = describeAddress('en', [{ key: 'year', raw: '1999', reason: 'not-an-evaluation-year' }]);
    expect(one).toEqual({
      text: 'One part of this link was ignored; the map shows the rest:',
      details: ['Ignored year=1999: not an evaluation year (2019–2023)'],
    });
    const repeats = Array.from({ length: 12 }, () => ({
      key: 'year' as const,
      raw: '2020',
      reason: 'repeated' as const,
    }));
    const zh = describeAddress('zh', repeats, 10);
    expect(zh.text).toBe('此链接中有 12 处被忽略，地图按其余部分显示：');
    expect(zh.details).toHaveLength(11);
    expect(zh.details.at(-1)).toBe('……另有 2 处');
    expect(MAX_ADDRESS_DETAILS).toBeGreaterThanOrEqual(400);
  });

  it('keeps markup in a value as plain text (components render it as text)', () => {
    const text = describeInvalid('en', { key: 'mode', raw: '<img src=x onerror=alert(1)>', reason: 'unknown-mode' });
    expect(text).toBe(
      'Ignored mode=<img src=x onerror=alert(1)>: not a map mode (available: tier, change, trajectory)',
    );
  });
});

describe('bindUrl', () => {
  it('writes the canonical link once on start, keeping pathname, hash and unknown keys', () => {
    const { win, replaceState } = fakeWindow('?ref=mail&year=1999&view=116.123456,39,7');
    store = createAppStore({ lang: 'en', view: { lng: 116.123456, lat: 39, zoom: 7 } });
    dispose = bindUrl(store, win);
    expect(replaceState).toHaveBeenCalledTimes(1);
    expect(lastUrl(replaceState)).toBe('/explorer/?v=2&year=2023&mode=tier&lang=en&view=116.1235,39,7&ref=mail#map');
  });

  it('does not write when the link is already canonical', () => {
    const { win, replaceState } = fakeWindow('?v=2&year=2020&mode=tier&lang=en');
    store = createAppStore({ lang: 'en', year: 2020 });
    dispose = bindUrl(store, win);
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('writes at once when not playing', () => {
    const { win, replaceState, location } = fakeWindow();
    dispose = bindUrl(store, win);
    store.getState().setYear(2021);
    expect(lastUrl(replaceState)).toBe('/explorer/?v=2&year=2021&mode=tier&lang=en#map');
    store.getState().select('130102');
    expect(location.search).toBe('?v=2&year=2021&county=130102&mode=tier&lang=en');
    store.getState().setLang('zh');
    expect(location.search).toBe('?v=2&year=2021&county=130102&mode=tier&lang=zh');
    store.getState().setView({ lng: 115.5, lat: 38.25, zoom: 6.5 });
    expect(location.search).toBe('?v=2&year=2021&county=130102&mode=tier&lang=zh&view=115.5,38.25,6.5');
    // The start wrote the canonical form of the empty address, then one write per change.
    expect(replaceState).toHaveBeenCalledTimes(5);
  });

  it('pins the language even when it is the browser language, so the link opens in it anywhere', () => {
    const { win, location } = fakeWindow();
    store = createAppStore({ lang: 'zh' });
    dispose = bindUrl(store, win, { defaultLang: 'zh' });
    expect(location.search).toBe('?v=2&year=2023&mode=tier&lang=zh');
    store.getState().setLang('en');
    expect(location.search).toBe('?v=2&year=2023&mode=tier&lang=en');
  });

  it('pins the default base once the data gives it, and a chosen base over it', () => {
    const { win, location } = fakeWindow('?v=2&year=2021&mode=change');
    store = createAppStore({ lang: 'en', year: 2021, mode: 'change' });
    dispose = bindUrl(store, win);
    // Before the data is loaded the default base is not known: nothing is pinned yet.
    expect(location.search).toBe('?v=2&year=2021&mode=change&lang=en');
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry);
    const pinned = new URLSearchParams(location.search).get('base');
    expect(pinned).not.toBeNull();
    expect(Number(pinned)).toBeLessThan(2021);
    expect(store.getState().base).toBeNull();
    store.getState().setBase(2019);
    expect(location.search).toBe('?v=2&year=2021&mode=change&base=2019&lang=en');
    // 2019 has no earlier year: no base.
    store.getState().setYear(2019);
    expect(location.search).toBe('?v=2&year=2019&mode=change&lang=en');
  });

  it("writes for new data after the next frame (the page's afterNextFrame), unless a change writes first", () => {
    const { win, location, replaceState } = fakeWindow('?v=2&year=2021&mode=change');
    store = createAppStore({ lang: 'en', year: 2021, mode: 'change' });
    const frames: (() => void)[] = [];
    dispose = bindUrl(store, win, { afterNextFrame: (run) => frames.push(run) });
    expect(location.search).toBe('?v=2&year=2021&mode=change&lang=en');
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry);
    // The load asks for one write, after the frame that shows the data; none yet.
    expect(frames).toHaveLength(1);
    expect(new URLSearchParams(location.search).get('base')).toBeNull();
    frames.shift()?.();
    expect(Number(new URLSearchParams(location.search).get('base'))).toBeLessThan(2021);

    // An import (new shown data) asks again; a user's change before that frame writes at once,
    // base included, and the frame's write then has nothing left to do.
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry);
    expect(frames).toHaveLength(1);
    store.getState().setYear(2023);
    const written = location.search;
    expect(written).toContain('year=2023');
    expect(new URLSearchParams(written).get('base')).not.toBeNull();
    replaceState.mockClear();
    frames.shift()?.();
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('drops a write waiting for the next frame when disposed', () => {
    const { win, replaceState } = fakeWindow('?v=2&year=2021&mode=change&lang=en');
    store = createAppStore({ lang: 'en', year: 2021, mode: 'change' });
    const frames: (() => void)[] = [];
    const stop = bindUrl(store, win, { afterNextFrame: (run) => frames.push(run) });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry);
    stop();
    frames.shift()?.();
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('ignores state the link does not carry (hover, highlight)', () => {
    const { win, replaceState } = fakeWindow('?v=2&year=2023&mode=tier&lang=en');
    dispose = bindUrl(store, win);
    store.getState().hover('130102');
    store.getState().setHighlight('A');
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('debounces writes while playing, and writes at once when playback stops', () => {
    const { win, replaceState, location } = fakeWindow('?v=2&year=2019&mode=tier&lang=en');
    store = createAppStore({ lang: 'en', year: 2019 });
    dispose = bindUrl(store, win);
    store.getState().play();
    store.getState().tick(); // 2020
    expect(replaceState).not.toHaveBeenCalled();
    vi.advanceTimersByTime(PLAYING_WRITE_DELAY_MS - 1);
    expect(replaceState).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(location.search).toBe('?v=2&year=2020&mode=tier&lang=en');

    // Quick changes while playing (e.g. a map frame reporting the camera) collapse into one write.
    store.getState().tick(); // 2021
    for (let i = 0; i < 60; i += 1) store.getState().setView({ lng: 115 + i / 100, lat: 39, zoom: 7 });
    vi.advanceTimersByTime(PLAYING_WRITE_DELAY_MS);
    expect(replaceState).toHaveBeenCalledTimes(2);
    expect(location.search).toBe('?v=2&year=2021&mode=tier&lang=en&view=115.59,39,7');

    store.getState().tick(); // 2022
    store.getState().tick(); // 2023: the last year ends playback
    expect(store.getState().playing).toBe(false);
    expect(location.search).toBe('?v=2&year=2023&mode=tier&lang=en&view=115.59,39,7');
    expect(replaceState).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(PLAYING_WRITE_DELAY_MS * 4);
    expect(replaceState).toHaveBeenCalledTimes(3);
  });

  it('flushes a pending write when playback is paused', () => {
    const { win, location } = fakeWindow('?year=2019');
    store = createAppStore({ lang: 'en', year: 2019 });
    dispose = bindUrl(store, win);
    store.getState().play();
    store.getState().tick();
    expect(location.search).toBe('?v=2&year=2019&mode=tier&lang=en');
    store.getState().pause();
    expect(location.search).toBe('?v=2&year=2020&mode=tier&lang=en');
  });

  it('applies back/forward navigation: valid keys set, missing keys reset, invalid keys kept and reported', () => {
    const { win, popTo } = fakeWindow();
    dispose = bindUrl(store, win);
    popTo('?year=2020&county=130102&lang=zh&view=116,39,7&ref=x');
    let s = store.getState();
    expect([s.year, s.selected, s.lang, s.view]).toEqual([2020, '130102', 'zh', { lng: 116, lat: 39, zoom: 7 }]);
    expect(s.flyTo?.code).toBe('130102');
    expect(s.notices).toEqual([]);

    popTo('?year=1999&lang=zh');
    s = store.getState();
    expect([s.year, s.selected, s.lang]).toEqual([2020, null, 'zh']);
    expect(s.notices.map((n) => [n.text, n.details])).toEqual([
      ['此链接中有 1 处被忽略，地图按其余部分显示：', ['已忽略 year=1999：不是评价年份（2019—2023）']],
    ]);
    expect(s.notices[0]?.kind).toBe('warning');

    popTo('');
    s = store.getState();
    expect([s.year, s.selected, s.lang]).toEqual([2023, null, 'en']);
  });

  it('reports a county no unit has once the data is loaded, and drops it', () => {
    const { win, location } = fakeWindow('?county=999999&year=2020');
    store = createAppStore({ lang: 'en', selected: '999999', year: 2020 });
    dispose = bindUrl(store, win);
    expect(store.getState().notices).toEqual([]);
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry);
    const s = store.getState();
    expect(s.selected).toBeNull();
    expect(s.notices.map((n) => n.details)).toEqual([
      ['Ignored county=999999: no county-level unit of Hebei has this code'],
    ]);
    expect(new URLSearchParams(location.search).get('county')).toBeNull();
    expect(new URLSearchParams(location.search).get('year')).toBe('2020');
  });

  it('keeps a county the data knows, and checks popstate links against the loaded codes', () => {
    const { win, popTo } = fakeWindow('?county=990101');
    store = createAppStore({ lang: 'en', selected: '990101' });
    dispose = bindUrl(store, win);
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry);
    expect(store.getState().selected).toBe('990101');
    expect(store.getState().notices).toEqual([]);

    popTo('?county=123456');
    expect(store.getState().selected).toBe('990101');
    expect(store.getState().notices.map((n) => n.details)).toEqual([
      ['Ignored county=123456: no county-level unit of Hebei has this code'],
    ]);
  });

  it('resolves a linked code of another year through lineage on back/forward', () => {
    const dataset = syntheticDataset();
    if (!dataset.units.some((u) => u.code === '990105')) throw new Error('fixture changed: 990105 is missing');
    // 戊县 (990105, up to 2020) continues as a new unit from 2021.
    dataset.units.push(unit('990106', '己区', { validFrom: 2021, predecessorCodes: ['990105'] }));
    const { win, popTo } = fakeWindow();
    dispose = bindUrl(store, win);
    store.getState().dataLoaded(dataset, emptyGeometry);
    popTo('?year=2022&county=990105');
    expect(store.getState().selected).toBe('990106');
    popTo('?year=2019&county=990105');
    expect(store.getState().selected).toBe('990105');
  });

  it('reports a back/forward pref that names no area once the data is loaded, keeping the current one', () => {
    const { win, popTo } = fakeWindow();
    dispose = bindUrl(store, win);
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry);
    popTo('?pref=990100');
    expect(store.getState().pref).toBe('990100');
    popTo('?pref=990101');
    expect(store.getState().pref).toBe('990100');
    expect(store.getState().notices.at(-1)?.details?.join()).toContain('pref=990101');
  });

  it('checks the county at once when bound after the data loaded', () => {
    const { win } = fakeWindow('?county=999999');
    store = createAppStore({ lang: 'en', selected: '999999' });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry);
    dispose = bindUrl(store, win);
    expect(store.getState().selected).toBeNull();
    expect(store.getState().notices).toHaveLength(1);
  });

  it("reports the ignored parts of the page's link in one notice, 399 repeats included", () => {
    const search = `?${Array.from({ length: 400 }, (_, i) => `year=${2019 + (i % 5)}`).join('&')}&mode=x`;
    const { win } = fakeWindow(search);
    const start = initialStateFromUrl({ search });
    store = createAppStore({ lang: 'en', ...start.initial });
    dispose = bindUrl(store, win, { invalid: start.invalid });
    const { notices } = store.getState();
    expect(notices).toHaveLength(1);
    expect(notices[0]?.kind).toBe('warning');
    expect(notices[0]?.text).toBe('400 parts of this link were ignored; the map shows the rest:');
    expect(notices[0]?.details).toHaveLength(400);
    expect(notices[0]?.details?.[0]).toContain('mode=x');
    expect(store.getState().year).toBe(2019);
  });

  it('replaces the address notice on back/forward instead of adding one per navigation', () => {
    const { win, popTo } = fakeWindow('?year=1999');
    store = createAppStore({ lang: 'en' });
    dispose = bindUrl(store, win, { invalid: initialStateFromUrl({ search: '?year=1999' }).invalid });
    store.getState().notify('info', 'something else');
    for (let i = 0; i < 30; i += 1) popTo(i % 2 === 0 ? '?mode=bogus&year=2019&year=2020' : '?year=1999');
    popTo('?mode=bogus&year=2019&year=2020');
    const { notices } = store.getState();
    expect(notices.map((n) => n.text)).toEqual([
      'something else',
      '2 parts of this link were ignored; the map shows the rest:',
    ]);
    // A valid address leaves the last notice for the user to dismiss.
    popTo('?year=2021');
    expect(store.getState().notices).toHaveLength(2);
    // Once dismissed, the next ignored address gets a notice of its own.
    const address = store.getState().notices[1];
    if (address) store.getState().dismissNotice(address.id);
    popTo('?lang=fr');
    expect(store.getState().notices.map((n) => n.details)).toEqual([
      undefined,
      ['Ignored lang=fr: not a language (zh or en)'],
    ]);
  });

  it('adds a county found unknown after loading to the address notice of the same link', () => {
    const search = '?county=999999&mode=bogus';
    const { win } = fakeWindow(search);
    const start = initialStateFromUrl({ search });
    store = createAppStore({ lang: 'en', ...start.initial });
    dispose = bindUrl(store, win, { invalid: start.invalid });
    expect(store.getState().notices).toHaveLength(1);
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry);
    const { notices } = store.getState();
    expect(notices).toHaveLength(1);
    expect(notices[0]?.details).toEqual([
      'Ignored mode=bogus: not a map mode (available: tier, change, trajectory)',
      'Ignored county=999999: no county-level unit of Hebei has this code',
    ]);
  });

  it('stops writing, listening and any pending write when disposed', () => {
    const { win, replaceState, listeners } = fakeWindow('?v=2&year=2019&mode=tier&lang=en');
    store = createAppStore({ lang: 'en', year: 2019 });
    const stop = bindUrl(store, win);
    expect(listeners.size).toBe(1);
    store.getState().play();
    store.getState().tick();
    stop();
    expect(listeners.size).toBe(0);
    vi.advanceTimersByTime(PLAYING_WRITE_DELAY_MS * 2);
    store.getState().setYear(2021);
    store.getState().select('130102');
    expect(replaceState).not.toHaveBeenCalled();
  });
});

describe('bindDocumentLang', () => {
  it('keeps <html lang> in step with the UI language', () => {
    const doc = { documentElement: { lang: '' } };
    const stop = bindDocumentLang(store, doc);
    expect(doc.documentElement.lang).toBe('en');
    store.getState().setLang('zh');
    expect(doc.documentElement.lang).toBe('zh-Hans');
    stop();
    store.getState().setLang('en');
    expect(doc.documentElement.lang).toBe('zh-Hans');
  });
});
