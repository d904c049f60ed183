/**
 * Direction spoofing from link-supplied text (issue 17, item 6): every title, link, name and
 * quoted value a link or storage supplies is cleaned where it enters (import-check.ts for what
 * is read back, apply.ts for what the store takes), so no shown or exported text carries a
 * bidirectional control.
 */
import { describe, expect, it } from 'vitest';
import { readLinkLayers } from '../../src/app/import-notices';
import { checkLayers, safeSourceUrl } from '../../src/data/import-check';
import { applyImports, withoutBidiControls } from '../../src/domain/import/apply';
import type { ImportLayer } from '../../src/domain/import/types';
import { hasBidiControls } from '../../src/domain/text-safety';
import { createAppStore } from '../../src/store/store';
import { encodeImportLayers } from '../../src/url/import-fragment';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

const units = syntheticDataset().units;
const RLO = '\u202e';

const layer = (source: Partial<ImportLayer['source']>, facts?: unknown[]): ImportLayer =>
  ({
    id: 'IMP1',
    source: { title: 'Notice', date: '', url: '', ...source },
    createdAt: '2026-11-25T00:00:00.000Z',
    facts: facts ?? [{ code: '990103', year: 2019, tier: 'B', rank: null, rankOf: null, raw: '丙县' }],
    origin: 'link',
  }) as ImportLayer;

describe('safeSourceUrl', () => {
  it('refuses a link with a bidirectional control, a control or an invisible character', () => {
    for (const bad of [
      `https://example.com/${RLO}gpj.exe`,
      'https://example.com/\u2066x\u2069',
      'https://example.com/\u200fx',
      'https://example.com/a\u0000b',
      'https://example.com/a\u0085b',
      'https://example.com/a\u200bb',
      'https://example.com/a\ufeffb',
      'https://exa\tmple.com/',
    ]) {
      expect(safeSourceUrl(bad), JSON.stringify(bad)).toBeNull();
    }
    expect(safeSourceUrl('https://example.com/报告.pdf')).toBe('https://example.com/报告.pdf');
  });
});

describe('layers read back', () => {
  it('lose the bidirectional controls of their link, as of their title and names', () => {
    const out = checkLayers(
      [
        layer({ title: `A${RLO}B`, url: `https://example.com/${RLO}gpj.exe` }, [
          { code: '990103', year: 2019, tier: 'B', rank: null, rankOf: null, raw: `丙${RLO}县` },
        ]),
      ],
      units,
      'link',
    );
    expect(out.problems).toEqual([]);
    expect(out.layers[0]?.source).toEqual({ title: 'AB', date: '', url: 'https://example.com/gpj.exe' });
    expect(out.layers[0]?.facts[0]?.raw).toBe('丙县');
  });

  it('are dropped when their link holds another control character', () => {
    const out = checkLayers([layer({ url: 'https://example.com/a\u0000b' })], units, 'link');
    expect(out.layers).toEqual([]);
    expect(out.problems).toEqual([{ code: 'layer-dropped', title: 'Notice', reason: 'url' }]);
  });

  it('quote a dropped fact without its controls', () => {
    const bad = { code: `${RLO}gpj.exe`, year: `20${RLO}19\u0007`, tier: 'B', rank: null, rankOf: null, raw: 'x' };
    const out = checkLayers([layer({}, [bad, ...layer({}).facts])], units, 'link');
    expect(out.problems).toEqual([{ code: 'facts-dropped', title: 'Notice', count: 1, example: 'gpj.exe@2019' }]);
  });

  it('give link notices without a bidirectional control', async () => {
    const hostile = [
      layer({ title: `${RLO}eltit`, date: '2023-02-30' }),
      { ...layer({ title: `T${RLO}` }, [{ code: `${RLO}gpj.exe`, year: 2022 }, ...layer({}).facts]), id: 'IMP2' },
    ];
    const read = await readLinkLayers(
      `#imp=${(await encodeImportLayers(hostile as ImportLayer[])) ?? ''}`,
      units,
      'en',
    );
    expect(read.messages).toHaveLength(2);
    for (const message of read.messages) expect(hasBidiControls(message), message).toBe(false);
    expect(read.messages[1]).toContain('(gpj.exe@2022)');
  });
});

describe('layers the store takes', () => {
  it('lose the bidirectional controls of their title, date, link and names', () => {
    const dirty = layer({ title: `T${RLO}`, date: `2023${RLO}`, url: `https://example.com/${RLO}gpj.exe` }, [
      { code: '990103', year: 2019, tier: 'B', rank: null, rankOf: null, raw: `丙${RLO}县` },
    ]);
    const clean = withoutBidiControls(dirty);
    expect(clean.source).toEqual({ title: 'T', date: '2023', url: 'https://example.com/gpj.exe' });
    expect(clean.facts[0]?.raw).toBe('丙县');
    const store = createAppStore();
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    store.getState().applyImport({ ...dirty, origin: 'local' });
    const data = store.getState().data;
    if (data.status !== 'ready') throw new Error('not ready');
    // What the report card, the details and the exports show: the source and the fact's note.
    const source = data.dataset.sources.find((s) => s.sourceId === 'IMP1');
    expect(source?.url).toBe('https://example.com/gpj.exe');
    const text = JSON.stringify(applyImports(data.base, store.getState().imports));
    expect(hasBidiControls(text)).toBe(false);
  });
});
