import { Inflate, deflateSync, type FlateStreamHandler } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkLayers } from '../../src/data/import-check';
import type { ImportFact, ImportLayer } from '../../src/domain/import/types';
import {
  MAX_FRAGMENT_READ_CHARS,
  MAX_FRAGMENT_WRITE_CHARS,
  MAX_INFLATED_BYTES,
  decodeImportFragment,
  encodeImportLayers,
  fragmentShape,
  fragmentValue,
  hashWithoutImports,
  inflateCapped,
  withImportFragment,
} from '../../src/url/import-fragment';
import { importFact, importLayer, realDataset, type ImportLayerOverrides } from '../fixtures/builders';

const units = realDataset().units;

/** A layer as a link carries it: the 2023 notice's full title and a URL, so its encoded size is a real one. */
const layer = (facts: ImportFact[], overrides: ImportLayerOverrides = {}) =>
  importLayer(facts, {
    origin: 'link',
    source: { title: '关于2023年县域科技创新能力监测评价结果的通报', url: 'https://example.org/a?b=1' },
    ...overrides,
  });

/** Every unit of 2023 as an imported fact, ranked in code order: a year's complete list. */
function fullYear(): ImportFact[] {
  return units
    .filter((u) => u.validFrom <= 2023 && (u.validTo === null || u.validTo >= 2023))
    .map((u, i) =>
      importFact(u.code, 2023, i < 66 ? 'A' : i < 139 ? 'B' : 'C', { rank: i + 1, rankOf: 167, raw: u.nameZh }),
    );
}

const roundTrip = async (layers: ImportLayer[]) => {
  const value = await encodeImportLayers(layers);
  if (value === null) throw new Error('not encoded');
  const read = await decodeImportFragment(`#imp=${value}`);
  if (read.status !== 'ok') throw new Error(`not read: ${read.status}`);
  return checkLayers(read.candidates, units, 'link');
};

/** A fragment of any JSON value, as our encoder would write it. */
const fragmentOf = (json: unknown) => {
  const bytes = deflateSync(new TextEncoder().encode(JSON.stringify(json)));
  return `#imp=${Buffer.from(bytes).toString('base64url')}`;
};

describe('import fragment', () => {
  it('round-trips layers through the link and the strict checks', async () => {
    const layers = [
      layer([
        importFact('130110', 2023, 'A', { rank: 1, rankOf: 167, raw: '石家庄市鹿泉区' }),
        importFact('130983', 2023, 'B', { raw: '渤海新区黄骅市' }),
      ]),
      layer([importFact('130526', 2020, 'C', { raw: '任县' })], {
        id: 'IMP2',
        source: { title: 'CSV <b>x</b>', date: '', url: '' },
      }),
    ];
    expect(await roundTrip(layers)).toEqual({ layers, problems: [] });
  });

  it('keeps a complete year in a link of a few kilobytes', async () => {
    const value = await encodeImportLayers([layer(fullYear())]);
    expect(value).not.toBeNull();
    console.log(`fragment of 167 facts: ${value?.length} characters`);
    expect(value?.length).toBeLessThan(4000);
    expect((await roundTrip([layer(fullYear())])).layers[0]?.facts).toHaveLength(167);
  });

  it('writes no fragment without layers, or when it would be too long for a link', async () => {
    expect(await encodeImportLayers([])).toBeNull();
    // Incompressible raw text, as much as a fact may hold.
    let seed = 1;
    const noise = () =>
      Array.from({ length: 200 }, () =>
        String.fromCharCode(0x4e00 + ((seed = (seed * 48271) % 2147483647) % 20000)),
      ).join('');
    const big = Array.from({ length: 3 }, (_, i) =>
      layer(
        fullYear().map((f) => ({ ...f, raw: noise() })),
        { id: `IMP${i + 1}` },
      ),
    );
    expect(await encodeImportLayers(big)).toBeNull();
    expect(MAX_FRAGMENT_WRITE_CHARS).toBeGreaterThan(10_000);
  });

  it('finds no layers in a hash without the key', async () => {
    expect(await decodeImportFragment('')).toEqual({ status: 'none' });
    expect(await decodeImportFragment('#other=1')).toEqual({ status: 'none' });
    expect(fragmentShape('#other=1')).toEqual({ status: 'none' });
    expect(fragmentValue('#a=1&imp=xyz')).toBe('xyz');
  });

  it('reports corrupt fragments and applies nothing', async () => {
    const value = (await encodeImportLayers([layer(fullYear())])) ?? '';
    const cases: [string, string][] = [
      ['#imp=', 'encoding'],
      ['#imp=%%%', 'encoding'],
      ['#imp=abc!', 'encoding'],
      ['#imp=A', 'encoding'],
      [`#imp=${value.slice(0, 40)}`, 'compression'],
      [`#imp=${'A'.repeat(200_004)}`, 'too-large'],
      [`#imp=${Buffer.from('hello').toString('base64url')}`, 'compression'],
      [fragmentOf('not an object'), 'json'],
      [fragmentOf({ v: 2, l: [] }), 'version'],
      [fragmentOf({ v: 1, l: {} }), 'version'],
      [`#imp=${Buffer.from(deflateSync(new Uint8Array([0xff, 0xfe, 0x00]))).toString('base64url')}`, 'json'],
    ];
    for (const [hash, reason] of cases) {
      expect(await decodeImportFragment(hash), reason).toEqual({ status: 'corrupt', reason });
    }
  });

  it('tells a fragment too long or not base64url without inflating it', () => {
    expect(fragmentShape(`#imp=${'A'.repeat(200_004)}`)).toEqual({ status: 'corrupt', reason: 'too-large' });
    for (const hash of ['#imp=', '#imp=%%%', '#imp=abc!', '#imp=A']) {
      expect(fragmentShape(hash), hash).toEqual({ status: 'corrupt', reason: 'encoding' });
    }
    const shape = fragmentShape(`#imp=${Buffer.from('hello').toString('base64url')}`);
    expect(shape.status === 'compressed' && new TextDecoder().decode(shape.bytes)).toBe('hello');
  });

  it('refuses a small link that inflates past the limit', async () => {
    const bomb = deflateSync(new Uint8Array(5_000_000), { level: 9 });
    const hash = `#imp=${Buffer.from(bomb).toString('base64url')}`;
    expect(hash.length).toBeLessThan(20_000);
    expect(await decodeImportFragment(hash)).toEqual({ status: 'corrupt', reason: 'too-large' });
  });

  it('stops inflating a bomb soon after the limit, instead of inflating all of it', () => {
    // ~50 MB of zeros in a link of ~65,000 characters, under the read limit.
    const bomb = deflateSync(new Uint8Array(50_000_000), { level: 9 });
    expect(Buffer.from(bomb).toString('base64url').length).toBeLessThan(MAX_FRAGMENT_READ_CHARS);
    let inflatedBytes = 0;
    class CountingInflate extends Inflate {
      constructor(cb: FlateStreamHandler) {
        super((chunk, final) => {
          inflatedBytes += chunk.length;
          cb(chunk, final);
        });
      }
    }
    expect(inflateCapped(CountingInflate, bomb, MAX_INFLATED_BYTES)).toBeNull();
    // One step of input past the limit: at most ~1,032 bytes out per byte in, and a window's worth.
    expect(inflatedBytes).toBeLessThan(MAX_INFLATED_BYTES + 1_200_000);

    const text = new TextEncoder().encode('{"v":1,"l":[]}'.repeat(5_000));
    expect(inflateCapped(Inflate, deflateSync(text), MAX_INFLATED_BYTES)).toEqual(text);
    expect(() => inflateCapped(Inflate, deflateSync(text).subarray(0, 40), MAX_INFLATED_BYTES)).toThrow();
  });

  it('leaves wrong parts to the checks, which drop them with a reason', async () => {
    const read = await decodeImportFragment(
      fragmentOf({
        v: 1,
        l: [
          [
            'Good',
            '',
            '',
            '2026-01-01T00:00:00Z',
            [
              ['0110', 2023, 'A', null, '鹿泉区'],
              ['9999', 2023, 'A', null, 'x'],
            ],
          ],
          ['Bad link', '', 'javascript:alert(1)', '2026-01-01T00:00:00Z', [['0110', 2023, 'A', null, 'x']]],
          'not a layer',
          ['No facts', '', '', '2026-01-01T00:00:00Z', 'x'],
        ],
      }),
    );
    if (read.status !== 'ok') throw new Error('not read');
    const out = checkLayers(read.candidates, units, 'link');
    expect(out.layers.map((l) => l.source.title)).toEqual(['Good']);
    expect(out.layers[0]?.facts.map((f) => f.code)).toEqual(['130110']);
    expect(out.problems).toEqual([
      { code: 'facts-dropped', title: 'Good', count: 1, example: '139999@2023' },
      { code: 'layer-dropped', title: 'Bad link', reason: 'url' },
      { code: 'layer-dropped', title: null, reason: 'shape' },
      { code: 'layer-dropped', title: 'No facts', reason: 'shape' },
    ]);
  });

  it('sets and removes the fragment of a link', () => {
    expect(withImportFragment('http://h/?year=2021#old', 'abc')).toBe('http://h/?year=2021#imp=abc');
    expect(withImportFragment('http://h/?year=2021#imp=abc', null)).toBe('http://h/?year=2021');
    expect(hashWithoutImports('#imp=abc')).toBe('');
    expect(hashWithoutImports('#a=1&imp=abc')).toBe('#a=1');
  });
});
