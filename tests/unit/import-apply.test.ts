import { describe, expect, it } from 'vitest';
import { applyImports, nextLayerId } from '../../src/domain/import/apply';
import { dataset, fact, importFact, importLayer } from '../fixtures/builders';

/** One stated fact: 鹿泉区 A in 2019, ranked 1 of 168. */
const base = dataset({ tiers: [fact('130110', 2019, 'A', { rank: 1, rankOf: 168, sourceIds: ['P002'] })] });

describe('applyImports', () => {
  it('returns the base dataset itself without layers', () => {
    expect(applyImports(base, [])).toBe(base);
  });

  it('adds new facts marked imported, with the layer as their source', () => {
    const out = applyImports(base, [importLayer([importFact('130111', 2019, 'B', { raw: '栾城区' })])]);
    expect(out.tiers).toHaveLength(2);
    expect(out.tiers[1]).toMatchObject({
      code: '130111',
      tier: 'B',
      imported: true,
      sourceIds: ['IMP1'],
      basis: 'stated',
    });
    expect(out.sources.map((s) => s.sourceId)).toEqual(['IMP1']);
    expect(base.tiers).toHaveLength(1);
  });

  it('replaces a fact the user overrode, in place, and later layers win', () => {
    const out = applyImports(base, [
      importLayer([importFact('130110', 2019, 'B', { rankOf: 168, raw: '鹿泉区' })]),
      importLayer([importFact('130110', 2019, 'C', { rank: 5, rankOf: 168, raw: '鹿泉' })], { id: 'IMP2' }),
    ]);
    expect(out.tiers).toHaveLength(1);
    expect(out.tiers[0]).toMatchObject({ tier: 'C', rank: 5, rankOf: 168, sourceIds: ['IMP2'] });
  });

  it('drops rank_of when no rank is given (the pair is both or neither)', () => {
    const out = applyImports(base, [importLayer([importFact('130111', 2019, 'B', { rankOf: 168, raw: 'x' })])]);
    expect(out.tiers[1]).toMatchObject({ rank: null, rankOf: null });
  });

  it('numbers layers after the highest id in use', () => {
    expect(nextLayerId([])).toBe('IMP1');
    expect(nextLayerId([importLayer([]), importLayer([], { id: 'IMP7' })])).toBe('IMP8');
  });
});
