import { describe, expect, it } from 'vitest';
import { applyImports, nextLayerId } from '../../src/domain/import/apply';
import type { ImportLayer } from '../../src/domain/import/types';
import type { Dataset, TierFact } from '../../src/domain/types';

const stated: TierFact = {
  code: '130110',
  year: 2019,
  tier: 'A',
  rank: 1,
  rankOf: 168,
  basis: 'stated',
  confidence: 'high',
  sourceIds: ['P002'],
  note: '',
  noteZh: '',
};
const base: Dataset = { units: [], sources: [], tiers: [stated], ranges: [], totals: [], indicators: [] };

function layer(id: string, facts: ImportLayer['facts']): ImportLayer {
  return {
    id,
    source: { title: 'Notice', date: '2023-12-22', url: '' },
    createdAt: '2026-11-25T00:00:00Z',
    facts,
    origin: 'local',
  };
}

describe('applyImports', () => {
  it('returns the base dataset itself without layers', () => {
    expect(applyImports(base, [])).toBe(base);
  });

  it('adds new facts marked imported, with the layer as their source', () => {
    const out = applyImports(base, [
      layer('IMP1', [{ code: '130111', year: 2019, tier: 'B', rank: null, rankOf: null, raw: '栾城区' }]),
    ]);
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
      layer('IMP1', [{ code: '130110', year: 2019, tier: 'B', rank: null, rankOf: 168, raw: '鹿泉区' }]),
      layer('IMP2', [{ code: '130110', year: 2019, tier: 'C', rank: 5, rankOf: 168, raw: '鹿泉' }]),
    ]);
    expect(out.tiers).toHaveLength(1);
    expect(out.tiers[0]).toMatchObject({ tier: 'C', rank: 5, rankOf: 168, sourceIds: ['IMP2'] });
  });

  it('drops rank_of when no rank is given (the pair is both or neither)', () => {
    const out = applyImports(base, [
      layer('IMP1', [{ code: '130111', year: 2019, tier: 'B', rank: null, rankOf: 168, raw: 'x' }]),
    ]);
    expect(out.tiers[1]).toMatchObject({ rank: null, rankOf: null });
  });

  it('numbers layers after the highest id in use', () => {
    expect(nextLayerId([])).toBe('IMP1');
    expect(nextLayerId([layer('IMP1', []), layer('IMP7', [])])).toBe('IMP8');
  });
});
