/**
 * Hostile addresses against the URL codec and its binder, with a seeded generator (fast-check):
 * repeated keys (up to hundreds of times), unknown keys (__proto__, constructor, look-alikes),
 * huge values, bad percent-encoding, unicode (lone surrogates, bidirectional controls, other
 * scripts' digits), markup and javascript: payloads, and sequences of back/forward navigations.
 * The page-level counterpart, in Chromium, is tests/e2e/address-fuzz.e2e.ts.
 *
 * What must hold: nothing throws; every key reads as valid, invalid or missing; the address
 * notice is one notice, quotes no bidirectional control, and stays short per line; the link
 * written back reads again with nothing ignored, keeps the unknown keys, and is a fixed point;
 * the store only ever holds valid values.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MapGeometry } from '../../src/domain/geometry';
import { LANGS } from '../../src/domain/lang';
import { hasBidiControls } from '../../src/domain/text-safety';
import { YEARS } from '../../src/domain/types';
import { MODES } from '../../src/domain/view';
import { createAppStore } from '../../src/store/store';
import { MAX_ADDRESS_DETAILS, describeAddress } from '../../src/app/address-notice';
import { bindUrl, initialStateFromUrl, type UrlWindow } from '../../src/url/bind-url';
import { URL_KEYS, invalidParams, isViewInRange, parseUrlState, serializeUrlState } from '../../src/url/url-state';
import { syntheticDataset } from '../fixtures/synthetic-dataset';
import { stateOf } from '../fixtures/url-state';

const SEED = 20_261_717;

/** Each would set window.__pwned if it ever ran as script in a page. */
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=window.__pwned=1>',
  'javascript:window.__pwned=1',
  '<script>window.__pwned=1</script>',
  '{{constructor.constructor("window.__pwned=1")()}}',
];

/** Percent-encoding a decoder must survive: cut, not hex, overlong, surrogate halves. */
const BAD_PERCENT = ['%', '%2', '%ZZ', '%%', '%u0041', '%E0%A4%A', '%ED%A0%80', '%C0%AF', '%FF%FE', '%F0%9F%98'];

const UNICODE = [
  '河北',
  '鹿泉区',
  '😀',
  '\uD800',
  '\uDC00x',
  'e\u0301',
  '\u0000',
  '\u200B',
  '\uFEFF',
  '\u202Eedom\u202C',
  '\u2066tier\u2069',
  '２０２０',
  '٢٠٢٠',
  'ＴＩＥＲ',
];

const VALID = ['2019', '2020', '2023', '130102', '130100', 'tier', 'change', 'trajectory', 'C-B', 'unknown-A', 'zh'];

const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...VALID, 'en', '116.5,39,7', '114.5,38.04,8') },
  { weight: 2, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_PERCENT) },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE) },
  fc.constantFrom('', ' ', 'NaN', 'Infinity', '-0', '1e3', '0x7E7', '2023.0', '1,2', '1,2,3,4', 'a,b,c', 'A-Z'),
  fc.integer({ min: 1, max: 20_000 }).map((n) => '9'.repeat(n)),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...URL_KEYS) },
  fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'toString', 'Year', 'YEAR', ' year', 'year ', 'imp'),
  // Percent-encoded names decode to the real keys ("yea%72" is "year").
  fc.constantFrom('yea%72', '%79ear', 'co%75nty', 'la%6Eg'),
  fc.constantFrom(...PAYLOADS, ...BAD_PERCENT, ...UNICODE),
  fc.string({ maxLength: 8 }),
);

/** One `key=value` piece, its value percent-encoded or raw (bad escapes and all). */
const pair = fc.tuple(key, value, fc.boolean()).map(([k, v, raw]) => {
  if (raw) return `${k}=${v.replace(/[&#]/g, encodeURIComponent)}`;
  try {
    return `${k}=${encodeURIComponent(v)}`;
  } catch {
    // A lone surrogate cannot be encoded: send it as it is.
    return `${k}=${v}`;
  }
});

/** A key repeated many times, as in a link where a script appended `year=` on every click. */
const repeated = fc
  .tuple(fc.constantFrom(...URL_KEYS), value, fc.integer({ min: 2, max: 500 }))
  .map(([k, v, n]) => Array.from({ length: n }, () => `${k}=${encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, ''))}`));

/** A query string: pieces joined by &, sometimes with empty pieces, a bare key or a separator of another kind. */
const query = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: pair.map((p) => [p]) },
      { weight: 1, arbitrary: repeated },
      fc.constantFrom([''], ['year'], ['='], ['=2020'], ['year=2020;mode=change'], ['&&']),
    ),
    { maxLength: 8 },
  )
  .map((groups) => `?${groups.flat().join('&')}`);

const KNOWN = new Set(syntheticDataset().units.map((u) => u.code));
const AREAS = new Set(syntheticDataset().units.map((u) => u.prefectureCode));

/** Lone surrogates as U+FFFD, as the serializer writes them (encodeURIComponent would throw). */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** How often each explorer key occurs in a query, as a browser decodes it. */
function occurrences(search: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [k] of new URLSearchParams(search)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

describe('hostile addresses: the codec', () => {
  it('reads every generated address without throwing, reporting each repeat', () => {
    fc.assert(
      fc.property(query, fc.boolean(), (search, withData) => {
        const parsed = parseUrlState(search, withData ? KNOWN : undefined, undefined, withData ? AREAS : undefined);
        for (const k of URL_KEYS) expect(['valid', 'invalid', 'missing']).toContain(parsed[k].status);
        const counts = occurrences(search);
        for (const k of URL_KEYS) {
          const repeats = parsed.repeated.filter((p) => p.key === k).length;
          expect(repeats).toBe(Math.max(0, (counts.get(k) ?? 0) - 1));
        }
        // Keys that only look like ours stay unknown, and are kept.
        expect(parsed.unknown.every(([k]) => !(URL_KEYS as string[]).includes(k))).toBe(true);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('describes the ignored parts in one notice: short lines, no bidirectional controls, a true count', () => {
    fc.assert(
      fc.property(query, fc.constantFrom(...LANGS), (search, lang) => {
        const ignored = invalidParams(parseUrlState(search));
        if (ignored.length === 0) return;
        const { text, details } = describeAddress(lang, ignored);
        expect(text).toContain(ignored.length === 1 ? (lang === 'en' ? 'One part' : '1 处') : String(ignored.length));
        expect(details.length).toBe(
          Math.min(ignored.length, MAX_ADDRESS_DETAILS) + (ignored.length > MAX_ADDRESS_DETAILS ? 1 : 0),
        );
        for (const line of [text, ...details]) {
          expect(hasBidiControls(line)).toBe(false);
          // The raw value is cut to 40 characters; the longest reason is about 80.
          expect(Array.from(line).length).toBeLessThan(200);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('writes back a link that reads with nothing ignored, keeps unknown keys, and is a fixed point', () => {
    fc.assert(
      fc.property(query, fc.constantFrom(...LANGS), (search, defaultLang) => {
        const parsed = parseUrlState(search);
        const written = serializeUrlState(stateOf(parsed, defaultLang), parsed.unknown);
        expect(written === '' || written.startsWith('?')).toBe(true);
        const reread = parseUrlState(written);
        expect(invalidParams(reread)).toEqual([]);
        expect(stateOf(reread, defaultLang)).toEqual(stateOf(parsed, defaultLang));
        expect(reread.unknown.map(([k]) => k)).toEqual(parsed.unknown.map(([k]) => wellFormed(k)));
        expect(serializeUrlState(stateOf(reread, defaultLang), reread.unknown)).toBe(written);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});

/** A window with just what the binder uses; replaceState updates `location` as a browser would. */
function fakeWindow(search: string) {
  const listeners = new Set<() => void>();
  const location = { pathname: '/', search, hash: '' };
  const win: UrlWindow = {
    location,
    history: {
      replaceState: (_data, _unused, url) => {
        const parsed = new URL(url ?? '', 'http://localhost');
        location.search = parsed.search;
        location.hash = parsed.hash;
      },
    },
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
  };
  const popTo = (next: string) => {
    location.search = next;
    for (const listener of listeners) listener();
  };
  return { win, popTo };
}

describe('hostile addresses: the binder', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens and navigates through generated addresses with one address notice and only valid state', () => {
    const emptyGeometry = {} as MapGeometry;
    fc.assert(
      fc.property(query, fc.array(query, { maxLength: 12 }), fc.nat({ max: 12 }), (first, later, loadAt) => {
        const { win, popTo } = fakeWindow(first);
        const start = initialStateFromUrl({ search: first });
        const store = createAppStore({ lang: 'en', ...start.initial });
        const dispose = bindUrl(store, win, { describe: describeAddress, invalid: start.invalid });
        try {
          later.forEach((search, i) => {
            if (i === loadAt) store.getState().dataLoaded(syntheticDataset(), emptyGeometry);
            popTo(search);
            const s = store.getState();
            expect(YEARS).toContain(s.year);
            expect(MODES).toContain(s.mode);
            expect(LANGS).toContain(s.lang);
            expect(s.base === null || s.base < s.year).toBe(true);
            expect(s.view === null || isViewInRange(s.view)).toBe(true);
            // Only the binder notifies here: never more than its one address notice.
            expect(s.notices.length).toBeLessThanOrEqual(1);
            for (const notice of s.notices) {
              expect(hasBidiControls(notice.text)).toBe(false);
              expect((notice.details ?? []).some(hasBidiControls)).toBe(false);
            }
          });
        } finally {
          dispose();
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
