import { describe, expect, it } from 'vitest';
import { MAX_LAYERS, checkLayers, isSourceDate, safeSourceUrl } from '../../src/data/import-check';
import {
  IMPORT_STORAGE_KEY,
  browserStorage,
  loadImportLayers,
  saveImportLayers,
  type StorageLike,
} from '../../src/data/import-storage';
import type { ImportLayer } from '../../src/domain/import/types';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

const units = syntheticDataset().units;

function layer(overrides: Partial<ImportLayer> = {}): ImportLayer {
  return {
    id: 'IMP1',
    source: { title: 'Notice', date: '2023-12-22', url: 'https://example.org/notice' },
    createdAt: '2026-11-25T00:00:00.000Z',
    facts: [{ code: '990103', year: 2019, tier: 'B', rank: null, rankOf: null, raw: '丙县' }],
    origin: 'local',
    ...overrides,
  };
}

/** An in-memory Storage that can be made full or blocked. */
function memoryStorage(mode: 'ok' | 'full' | 'blocked' = 'ok'): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  const fail = (name: string) => {
    const error = new Error(name);
    error.name = name;
    throw error;
  };
  return {
    data,
    getItem: (key) => (mode === 'blocked' ? fail('SecurityError') : (data.get(key) ?? null)),
    setItem: (key, value) => {
      if (mode === 'full') fail('QuotaExceededError');
      if (mode === 'blocked') fail('SecurityError');
      data.set(key, value);
    },
    removeItem: (key) => {
      data.delete(key);
    },
  };
}

describe('import storage', () => {
  it('round-trips the kept layers and leaves link layers out', () => {
    const storage = memoryStorage();
    const kept = layer();
    const linked = layer({ id: 'IMP2', origin: 'link' });
    expect(saveImportLayers(storage, [kept, linked])).toEqual({ ok: true });
    expect(loadImportLayers(storage, units)).toEqual({ layers: [kept], problems: [] });
  });

  it('removes the key when no layer is kept', () => {
    const storage = memoryStorage();
    saveImportLayers(storage, [layer()]);
    saveImportLayers(storage, [layer({ origin: 'link' })]);
    expect(storage.data.has(IMPORT_STORAGE_KEY)).toBe(false);
    expect(loadImportLayers(storage, units)).toEqual({ layers: [], problems: [] });
  });

  it('reports a full or blocked storage instead of throwing', () => {
    expect(saveImportLayers(memoryStorage('full'), [layer()])).toEqual({ ok: false, reason: 'full' });
    expect(saveImportLayers(memoryStorage('blocked'), [layer()])).toEqual({ ok: false, reason: 'unavailable' });
    expect(saveImportLayers(null, [layer()])).toEqual({ ok: false, reason: 'unavailable' });
    expect(loadImportLayers(memoryStorage('blocked'), units).problems).toEqual([{ code: 'storage-unavailable' }]);
    expect(loadImportLayers(null, units)).toEqual({ layers: [], problems: [] });
  });

  it('finds no storage where reading localStorage throws', () => {
    const blocked = {
      get localStorage(): Storage {
        throw new Error('SecurityError');
      },
    };
    expect(browserStorage(blocked)).toBeNull();
  });

  it('reports text that is not JSON, or another version, and applies nothing', () => {
    for (const text of ['{not json', '[]', 'null', '{"version":2,"layers":[]}', '{"layers":[]}']) {
      const storage = memoryStorage();
      storage.data.set(IMPORT_STORAGE_KEY, text);
      expect(loadImportLayers(storage, units)).toEqual({ layers: [], problems: [{ code: 'storage-corrupt' }] });
    }
  });
});

describe('strict checks of layers read back', () => {
  const check = (value: unknown, origin: ImportLayer['origin'] = 'local') => checkLayers(value, units, origin);

  it('keeps a valid layer as it is', () => {
    expect(check([layer()])).toEqual({ layers: [layer()], problems: [] });
  });

  it('drops facts with unknown codes, wrong years, tiers or ranks, and repeated unit-years', () => {
    const good = layer().facts[0];
    const facts: unknown[] = [
      good,
      { ...good, code: '139999' }, // no such unit
      { ...good, code: '990105', year: 2021 }, // the unit ended in 2020
      { ...good, code: '990101', year: 2018 },
      { ...good, code: '990101', tier: 'D' },
      { ...good, code: '990101', rank: 0, rankOf: 168 },
      { ...good, code: '990101', rank: 1.5, rankOf: 168 },
      { ...good, code: '990101', rank: 3, rankOf: 999 },
      { ...good, code: '990101', raw: 42 },
      { ...good, code: '990101', raw: 'x'.repeat(201) },
      { ...good, tier: 'A' }, // the same unit and year again
      '990101',
      null,
    ];
    const out = check([layer({ facts: facts as ImportLayer['facts'] })]);
    expect(out.layers[0]?.facts).toEqual([good]);
    expect(out.problems).toEqual([{ code: 'facts-dropped', title: 'Notice', count: 12, example: '139999@2019' }]);
  });

  it('keeps only known fields and gives rank_of from the year', () => {
    const fact = { code: '990101', year: 2019, tier: 'A', rank: 2, rankOf: null, raw: '甲区', extra: '<script>' };
    const out = check([{ ...layer({ facts: [fact] as ImportLayer['facts'] }), extra: 1 }]);
    expect(out.layers[0]).toEqual(
      layer({ facts: [{ code: '990101', year: 2019, tier: 'A', rank: 2, rankOf: 168, raw: '甲区' }] }),
    );
  });

  it('drops layers with a wrong shape, id, title, date, link or origin, and says why', () => {
    const cases: [unknown, string][] = [
      [{ ...layer(), facts: 'x' }, 'shape'],
      [{ ...layer(), source: null }, 'shape'],
      [layer({ createdAt: 'yesterday' }), 'shape'],
      [layer({ id: 'P001' }), 'id'],
      [layer({ source: { title: '  ', date: '', url: '' } }), 'title'],
      [layer({ source: { title: 'x'.repeat(201), date: '', url: '' } }), 'title'],
      [layer({ source: { title: 'T', date: '2023-13', url: '' } }), 'date'],
      [layer({ source: { title: 'T', date: '', url: 'javascript:alert(1)' } }), 'url'],
      [layer({ source: { title: 'T', date: '', url: 'data:text/html,x' } }), 'url'],
      [layer({ origin: 'link' }), 'origin'],
      [layer({ facts: [] }), 'no-facts'],
    ];
    for (const [value, reason] of cases) {
      const out = check([value]);
      expect(out.layers, reason).toEqual([]);
      expect(out.problems[0], reason).toMatchObject({ code: 'layer-dropped', reason });
    }
  });

  it('drops a repeated id, too many facts and too many layers', () => {
    const many = Array.from({ length: 2001 }, () => layer().facts[0]);
    expect(check([layer(), layer()]).problems).toEqual([{ code: 'layer-dropped', title: 'Notice', reason: 'id' }]);
    expect(check([layer({ facts: many as ImportLayer['facts'] })]).problems[0]).toMatchObject({ reason: 'too-many' });
    const lots = Array.from({ length: MAX_LAYERS + 3 }, (_, i) => layer({ id: `IMP${i + 1}` }));
    const out = check(lots);
    expect(out.layers).toHaveLength(MAX_LAYERS);
    expect(out.problems).toEqual([{ code: 'too-many-layers', limit: MAX_LAYERS }]);
  });

  it('refuses anything that is not a list', () => {
    for (const value of [null, {}, 'layers', 3]) expect(check(value).problems).toEqual([{ code: 'not-layers' }]);
  });

  it('accepts link layers only where a link is read', () => {
    expect(check([layer({ origin: 'link' })], 'link').layers).toHaveLength(1);
  });
});

describe('source fields', () => {
  it('takes http and https links only', () => {
    expect(safeSourceUrl('https://kjt.hebei.gov.cn/x?a=1')).toBe('https://kjt.hebei.gov.cn/x?a=1');
    expect(safeSourceUrl(' http://example.org ')).toBe('http://example.org');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:x', '/relative', 'example.org', '']) {
      expect(safeSourceUrl(bad), bad).toBeNull();
    }
  });

  it('takes a year, a month or a day as the date', () => {
    for (const ok of ['', '2023', '2023-12', '2023-12-22']) expect(isSourceDate(ok), ok).toBe(true);
    for (const bad of ['2023/12/22', '23-12-22', '2023-00', '2023-12-32', 'soon'])
      expect(isSourceDate(bad), bad).toBe(false);
  });
});
