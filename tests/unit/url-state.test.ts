import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/domain/lang';
import { TRANSITION_CATEGORIES } from '../../src/domain/transitions';
import { YEARS } from '../../src/domain/types';
import { MODES } from '../../src/domain/view';
import {
  LINK_VERSION,
  URL_MIGRATIONS,
  VERSION_KEY,
  linkVersion,
  migrateParams,
  pinVersion1Defaults,
  type UrlMigration,
} from '../../src/url/migrations';
import {
  URL_KEYS,
  invalidParams,
  parseUrlState,
  roundView,
  serializeUrlState,
  validValues,
  type UrlKey,
  type UrlState,
} from '../../src/url/url-state';
import { stateOf } from '../fixtures/url-state';

const KNOWN = new Set(['130102', '130104', '130526', '130505']);

/** Views as a link stores them: already rounded, so a round trip must give them back exactly. */
const roundedView = fc
  .record({
    lng: fc.integer({ min: 700_000, max: 1_400_000 }),
    lat: fc.integer({ min: 100_000, max: 600_000 }),
    zoom: fc.integer({ min: 0, max: 2200 }),
  })
  .map(({ lng, lat, zoom }) => ({ lng: lng / 10_000, lat: lat / 10_000, zoom: zoom / 100 }));

const category = fc.constantFrom(...TRANSITION_CATEGORIES);
const anyState = (view: fc.Arbitrary<UrlState['view']>) =>
  fc
    .record({
      year: fc.constantFrom(...YEARS),
      county: fc.option(fc.stringMatching(/^\d{6}$/), { nil: null }),
      mode: fc.constantFrom(...MODES),
      base: fc.option(fc.constantFrom(...YEARS), { nil: null }),
      flow: fc.option(fc.record({ from: category, to: category }), { nil: null }),
      pref: fc.option(fc.stringMatching(/^\d{6}$/), { nil: null }),
      lang: fc.constantFrom(...LANGS),
      view: fc.option(view, { nil: null }),
    })
    // A base at or after the year is never held by the store (setBase refuses it).
    .map((state) => ({ ...state, base: state.base !== null && state.base < state.year ? state.base : null }));

const unknownKey = fc
  .string({ minLength: 1, maxLength: 8 })
  .filter((k) => !(URL_KEYS as string[]).includes(k) && k !== VERSION_KEY);
const unknownParams = fc.array(fc.tuple(unknownKey, fc.string({ maxLength: 12 })), { maxLength: 4 });

function statusOf(search: string, key: UrlKey, known?: ReadonlySet<string>) {
  return parseUrlState(search, known)[key];
}

describe('URL codec round trips', () => {
  it('gives back any valid state: parse(serialize(s)) = s', () => {
    fc.assert(
      fc.property(anyState(roundedView), fc.constantFrom(...LANGS), unknownParams, (state, defaultLang, unknown) => {
        const parsed = parseUrlState(serializeUrlState(state, unknown));
        // Every link pins its language, so the browser's (defaultLang) never fills it in.
        expect(stateOf(parsed, defaultLang)).toEqual(state);
        expect(parsed.unknown).toEqual(unknown);
        expect(invalidParams(parsed)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('rounds any in-range view to 4 and 2 decimals, and the link reads back the rounded view', () => {
    const view = fc.record({
      lng: fc.double({ min: 70, max: 140, noNaN: true }),
      lat: fc.double({ min: 10, max: 60, noNaN: true }),
      zoom: fc.double({ min: 0, max: 22, noNaN: true }),
    });
    fc.assert(
      fc.property(view, (v) => {
        const search = serializeUrlState({
          year: 2023,
          county: null,
          mode: 'tier',
          base: null,
          flow: null,
          pref: null,
          lang: 'en',
          view: v,
        });
        const parsed = parseUrlState(search);
        expect(parsed.view).toEqual({ status: 'valid', value: roundView(v) });
        expect(search).not.toMatch(/e[-+]?\d/);
      }),
      { numRuns: 500 },
    );
  });

  it('writes a readable, rounded view', () => {
    const search = serializeUrlState({
      year: 2023,
      county: null,
      mode: 'tier',
      base: null,
      flow: null,
      pref: null,
      lang: 'en',
      view: { lng: 115.123456, lat: 38.9, zoom: 7.456 },
    });
    expect(search).toBe('?v=2&year=2023&mode=tier&lang=en&view=115.1235,38.9,7.46');
  });
});

describe('serializeUrlState pins what is shown', () => {
  const defaults: UrlState = {
    year: 2023,
    county: null,
    mode: 'tier',
    base: null,
    flow: null,
    pref: null,
    lang: 'zh',
    view: null,
  };

  it('writes the version, year, mode and lang even for the default state', () => {
    expect(LINK_VERSION).toBe(2);
    expect(serializeUrlState(defaults)).toBe('?v=2&year=2023&mode=tier&lang=zh');
  });

  it('writes each optional key when set', () => {
    const pinned = '?v=2&year=2023';
    expect(serializeUrlState({ ...defaults, year: 2020 })).toBe('?v=2&year=2020&mode=tier&lang=zh');
    expect(serializeUrlState({ ...defaults, county: '130102' })).toBe(`${pinned}&county=130102&mode=tier&lang=zh`);
    expect(serializeUrlState({ ...defaults, lang: 'en' })).toBe(`${pinned}&mode=tier&lang=en`);
    expect(serializeUrlState({ ...defaults, view: { lng: 116, lat: 39, zoom: 7 } })).toBe(
      `${pinned}&mode=tier&lang=zh&view=116,39,7`,
    );
    expect(serializeUrlState({ ...defaults, mode: 'change', base: 2019 })).toBe(
      `${pinned}&mode=change&base=2019&lang=zh`,
    );
    expect(serializeUrlState({ ...defaults, flow: { from: 'C', to: 'B' } })).toBe(
      `${pinned}&mode=tier&flow=C-B&lang=zh`,
    );
    expect(serializeUrlState({ ...defaults, pref: '130100' })).toBe(`${pinned}&mode=tier&pref=130100&lang=zh`);
  });

  it('reads base, flow and pref, refusing a base that is not before the year', () => {
    expect(parseUrlState('?year=2021&base=2019').base).toEqual({ status: 'valid', value: 2019 });
    expect(parseUrlState('?year=2021&base=2021').base).toMatchObject({ status: 'invalid', reason: 'base-not-earlier' });
    expect(parseUrlState('?base=2023').base).toMatchObject({ status: 'invalid', reason: 'base-not-earlier' });
    expect(parseUrlState('?flow=unknown-A').flow).toEqual({ status: 'valid', value: { from: 'unknown', to: 'A' } });
    for (const raw of ['CB', 'C-D', 'C-B-A', '-B', 'c-b'])
      expect(parseUrlState(`?v=2&flow=${raw}`).flow).toMatchObject({ status: 'invalid', reason: 'flow-format' });
    const areas = new Set(['130100', '130181']);
    expect(parseUrlState('?pref=130181', undefined, undefined, areas).pref).toEqual({
      status: 'valid',
      value: '130181',
    });
    expect(parseUrlState('?pref=130110', undefined, undefined, areas).pref).toMatchObject({ reason: 'not-an-area' });
  });

  it('writes the keys in a fixed order, then the unknown keys', () => {
    const search = serializeUrlState(
      { ...defaults, year: 2019, county: '130104', lang: 'en', view: { lng: 116, lat: 39, zoom: 7 } },
      [['utm_source', 'wechat']],
    );
    expect(search).toBe('?v=2&year=2019&county=130104&mode=tier&lang=en&view=116,39,7&utm_source=wechat');
  });

  it('writes the state an invalid value left, never the invalid value', () => {
    const parsed = parseUrlState('?v=2&year=1999&lang=fr');
    expect(serializeUrlState(stateOf(parsed, 'en'), parsed.unknown)).toBe('?v=2&year=2023&mode=tier&lang=en');
  });

  it('drops a view the parser would refuse instead of writing it', () => {
    const bare = '?v=2&year=2023&mode=tier&lang=zh';
    expect(serializeUrlState({ ...defaults, view: { lng: 10, lat: 39, zoom: 7 } })).toBe(bare);
    expect(serializeUrlState({ ...defaults, view: { lng: Number.NaN, lat: 39, zoom: 7 } })).toBe(bare);
  });

  it('encodes unknown keys and values safely, and never writes a second version', () => {
    const search = serializeUrlState(defaults, [
      ['q', 'a&b=c #<x>'],
      ['v', '9'],
    ]);
    expect(search).toBe('?v=2&year=2023&mode=tier&lang=zh&q=a%26b%3Dc%20%23%3Cx%3E');
    expect(parseUrlState(search).unknown).toEqual([['q', 'a&b=c #<x>']]);
  });
});

describe('parseUrlState', () => {
  it('reads every key, with or without the leading "?"', () => {
    for (const search of ['?year=2021&county=130102&mode=tier&lang=zh&view=116.5,39.25,8', 'year=2021&county=130102']) {
      const parsed = parseUrlState(search, KNOWN);
      expect(parsed.year).toEqual({ status: 'valid', value: 2021 });
      expect(parsed.county).toEqual({ status: 'valid', value: '130102' });
    }
    const parsed = parseUrlState('?year=2021&county=130102&mode=tier&lang=zh&view=116.5,39.25,8');
    expect(validValues(parsed)).toEqual({
      year: 2021,
      county: '130102',
      mode: 'tier',
      lang: 'zh',
      view: { lng: 116.5, lat: 39.25, zoom: 8 },
    });
  });

  it('reports every key as missing in an empty query of the current version', () => {
    const parsed = parseUrlState('?v=2');
    for (const key of URL_KEYS) expect(parsed[key]).toEqual({ status: 'missing' });
    expect(parsed.unknown).toEqual([]);
    expect(parsed.repeated).toEqual([]);
  });

  const huge = '9'.repeat(400);
  const script = encodeURIComponent('<script>alert(1)</script>');
  const cases: [UrlKey, string, string][] = [
    ['year', 'abc', 'not-a-year'],
    ['year', '2021.0', 'not-a-year'],
    ['year', '-2021', 'not-a-year'],
    ['year', '1999', 'not-an-evaluation-year'],
    ['year', '2024', 'not-an-evaluation-year'],
    ['year', huge, 'not-an-evaluation-year'],
    ['year', '', 'empty'],
    ['year', '%20', 'empty'],
    ['year', script, 'not-a-year'],
    ['county', '13010', 'not-a-code'],
    ['county', '1301020', 'not-a-code'],
    ['county', 'abcdef', 'not-a-code'],
    ['county', huge, 'not-a-code'],
    ['county', '', 'empty'],
    ['county', script, 'not-a-code'],
    ['mode', 'sankey', 'unknown-mode'],
    ['mode', 'TIER', 'unknown-mode'],
    ['mode', '1', 'unknown-mode'],
    ['mode', '', 'empty'],
    ['mode', script, 'unknown-mode'],
    ['lang', 'fr', 'unknown-lang'],
    ['lang', 'zh-CN', 'unknown-lang'],
    ['lang', '0', 'unknown-lang'],
    ['lang', '', 'empty'],
    ['lang', script, 'unknown-lang'],
    ['view', '116,39', 'view-format'],
    ['view', '116,39,7,1', 'view-format'],
    ['view', 'a,b,c', 'view-format'],
    ['view', '1e2,39,7', 'view-format'],
    ['view', 'Infinity,39,7', 'view-format'],
    ['view', ' 116,39,7', 'view-format'],
    ['view', '116,39,', 'view-format'],
    ['view', '0,39,7', 'view-range'],
    ['view', '116,89,7', 'view-range'],
    ['view', '116,39,23', 'view-range'],
    ['view', '116,39,-1', 'view-range'],
    ['view', `${huge},39,7`, 'view-range'],
    ['view', '', 'empty'],
    ['view', script, 'view-format'],
  ];

  it.each(cases)('%s=%s is invalid (%s), and the raw value is kept', (key, raw, reason) => {
    const parsed = parseUrlState(`?${key}=${raw}`);
    expect(parsed[key]).toEqual({ status: 'invalid', raw: new URLSearchParams(`x=${raw}`).get('x'), reason });
    expect(invalidParams(parsed)).toHaveLength(1);
  });

  it('checks county against the known codes when it has them, else only its shape', () => {
    expect(statusOf('?county=999999', 'county')).toEqual({ status: 'valid', value: '999999' });
    expect(statusOf('?county=999999', 'county', KNOWN)).toEqual({
      status: 'invalid',
      raw: '999999',
      reason: 'unknown-code',
    });
    // 任县's code is no longer in use, but a link from 2019 may name it: the store follows it.
    expect(statusOf('?county=130526', 'county', KNOWN)).toEqual({ status: 'valid', value: '130526' });
  });

  it('keeps the first of a repeated key and reports the repeat as invalid', () => {
    const parsed = parseUrlState('?year=2020&year=2021&lang=xx&lang=zh');
    expect(parsed.year).toEqual({ status: 'valid', value: 2020 });
    expect(parsed.lang).toEqual({ status: 'invalid', raw: 'xx', reason: 'unknown-lang' });
    expect(parsed.repeated).toEqual([
      { key: 'year', raw: '2021', reason: 'repeated' },
      { key: 'lang', raw: 'zh', reason: 'repeated' },
    ]);
    expect(invalidParams(parsed).map((p) => `${p.key}=${p.raw}:${p.reason}`)).toEqual([
      'lang=xx:unknown-lang',
      'year=2021:repeated',
      'lang=zh:repeated',
    ]);
  });

  it('applies the valid keys even when others are invalid', () => {
    const parsed = parseUrlState('?year=1999&county=130102&view=nope&lang=en');
    expect(validValues(parsed)).toEqual({ county: '130102', lang: 'en' });
    expect(invalidParams(parsed).map((p) => p.key)).toEqual(['year', 'view']);
  });

  it('keeps unknown keys in order, repeats included', () => {
    const parsed = parseUrlState('?utm=a&year=2020&from=weibo&utm=b&empty=&Year=2021');
    expect(parsed.unknown).toEqual([
      ['utm', 'a'],
      ['from', 'weibo'],
      ['utm', 'b'],
      ['empty', ''],
      ['Year', '2021'],
    ]);
    expect(serializeUrlState(stateOf(parsed, 'en'), parsed.unknown)).toBe(
      '?v=2&year=2020&mode=tier&lang=en&utm=a&from=weibo&utm=b&empty=&Year=2021',
    );
  });

  it('never throws on arbitrary input, and what it reads serializes again', () => {
    const text = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }));
    const query = fc.oneof(
      text,
      fc
        .array(fc.tuple(fc.constantFrom(...URL_KEYS, 'x', ''), text), { maxLength: 6 })
        .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
    );
    fc.assert(
      fc.property(query, fc.boolean(), (search, withCodes) => {
        const parsed = parseUrlState(search, withCodes ? KNOWN : undefined);
        for (const key of URL_KEYS) expect(['valid', 'invalid', 'missing']).toContain(parsed[key].status);
        for (const param of invalidParams(parsed)) expect(param.reason).toMatch(/\S/);
        const again = serializeUrlState(stateOf(parsed, 'en'), parsed.unknown);
        expect(typeof again).toBe('string');
        // Writing what was read is stable: reading the written link gives the same state.
        expect(stateOf(parseUrlState(again), 'en')).toEqual(stateOf(parsed, 'en'));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('URL migrations', () => {
  it('has one migration (version 1 → 2), so links are written as version 2', () => {
    expect(URL_MIGRATIONS).toEqual([pinVersion1Defaults]);
    expect(LINK_VERSION).toBe(URL_MIGRATIONS.length + 1);
  });

  it('reads the version from v: missing or unreadable is version 1', () => {
    const version = (q: string) => linkVersion(new URLSearchParams(q));
    expect(version('')).toBe(1);
    expect(version('v=2')).toBe(2);
    expect(version('v=7&v=2')).toBe(7);
    for (const raw of ['', '0', '-1', 'x', '2.0', '99999']) expect(version(`v=${raw}`)).toBe(1);
  });

  it('runs the migrations from the link version on, in order, before parsing, without touching the input', () => {
    const renameY: UrlMigration = (params) => {
      const y = params.get('y');
      if (y !== null && !params.has('year')) params.set('year', y);
      params.delete('y');
      return params;
    };
    const bumpYear: UrlMigration = (params) => {
      if (params.get('year') === '2018') params.set('year', '2019');
      return params;
    };
    const input = new URLSearchParams('?y=2018&keep=1');
    expect(migrateParams(input, [renameY, bumpYear]).toString()).toBe('keep=1&year=2019');
    expect(migrateParams(input, [bumpYear, renameY]).toString()).toBe('keep=1&year=2018');
    expect(input.toString()).toBe('y=2018&keep=1');
    // A version 2 link skips the first migration; a version 3 link skips both; v is removed.
    expect(migrateParams(new URLSearchParams('v=2&y=2018&year=2018'), [renameY, bumpYear]).toString()).toBe(
      'y=2018&year=2019',
    );
    expect(migrateParams(new URLSearchParams('v=3&y=2018'), [renameY, bumpYear]).toString()).toBe('y=2018');

    const parsed = parseUrlState('?y=2020&keep=1', undefined, [renameY]);
    expect(parsed.year).toEqual({ status: 'valid', value: 2020 });
    expect(parsed.unknown).toEqual([['keep', '1']]);
  });

  it('skips a migration that throws instead of failing the page', () => {
    const broken: UrlMigration = () => {
      throw new Error('bug');
    };
    const parsed = parseUrlState('?year=2020', undefined, [broken]);
    expect(parsed.year).toEqual({ status: 'valid', value: 2020 });
  });
});

describe('version 1 links (no v) keep the meaning they had', () => {
  const values = (search: string) => validValues(parseUrlState(search));

  it('a link without year showed 2023, the latest year then, and still does', () => {
    expect(values('')).toEqual({ year: 2023 });
    expect(values('?county=130102')).toEqual({ year: 2023, county: '130102' });
    // A link of the current version without year is not a version 1 link: nothing is filled in.
    expect(parseUrlState('?v=2&county=130102').year).toEqual({ status: 'missing' });
  });

  it('keeps a year the link names, valid or not (an invalid one is still reported)', () => {
    expect(values('?year=2021')).toEqual({ year: 2021 });
    expect(parseUrlState('?year=1999').year).toMatchObject({ status: 'invalid', raw: '1999' });
  });

  it('a change link without base compared with the year before (the rule of its time)', () => {
    expect(values('?mode=change')).toEqual({ year: 2023, mode: 'change', base: 2022 });
    expect(values('?year=2021&mode=change')).toEqual({ year: 2021, mode: 'change', base: 2020 });
    expect(values('?year=2020&mode=change')).toEqual({ year: 2020, mode: 'change', base: 2019 });
    // 2019 has no earlier evaluation: no base.
    expect(values('?year=2019&mode=change')).toEqual({ year: 2019, mode: 'change' });
  });

  it('a flow link without base is a move from the year before too, in any mode', () => {
    expect(values('?year=2023&flow=C-A')).toEqual({ year: 2023, base: 2022, flow: { from: 'C', to: 'A' } });
    expect(values('?year=2022&mode=trajectory&flow=B-A')).toEqual({
      year: 2022,
      mode: 'trajectory',
      base: 2021,
      flow: { from: 'B', to: 'A' },
    });
  });

  it('leaves a base the link names, and tier or trajectory links without flow, as they are', () => {
    expect(values('?year=2023&mode=change&base=2019')).toEqual({ year: 2023, mode: 'change', base: 2019 });
    expect(values('?year=2023&mode=tier')).toEqual({ year: 2023, mode: 'tier' });
    expect(values('?year=2023&mode=trajectory')).toEqual({ year: 2023, mode: 'trajectory' });
  });

  it('adds no base when the year is unreadable (the parser reports the year)', () => {
    expect(parseUrlState('?year=abc&mode=change').base).toEqual({ status: 'missing' });
  });

  it('adds no lang: the language of the browser fills it in as before', () => {
    expect(parseUrlState('?year=2021').lang).toEqual({ status: 'missing' });
  });

  it('once written again, an old link is a version 2 link with the same meaning', () => {
    const parsed = parseUrlState('?mode=change&county=130102&ref=a');
    const written = serializeUrlState(stateOf(parsed, 'zh'), parsed.unknown);
    expect(written).toBe('?v=2&year=2023&county=130102&mode=change&base=2022&lang=zh&ref=a');
    expect(stateOf(parseUrlState(written), 'en')).toEqual(stateOf(parsed, 'zh'));
  });
});
