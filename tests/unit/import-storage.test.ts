import { describe, expect, it } from 'vitest';
import { MAX_LAYERS, checkLayers, isSourceDate, safeSourceUrl } from '../../src/data/import-check';
import {
  IMPORT_BACKUP_KEY,
  IMPORT_STORAGE_KEY,
  IMPORT_STORAGE_VERSION,
  MAX_BACKUPS,
  MAX_BACKUP_CHARS,
  browserStorage,
  diffLayers,
  keepAside,
  mergeLayers,
  parseImportEntry,
  readImportBackups,
  readImportStorage,
  removeImportBackups,
  removeImportEntry,
  saveImportLayers,
  updateImportLayers,
  type ImportBackup,
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

/** A layer of one fact, named by its title. */
const titled = (title: string, code = '990103', id = 'IMP1'): ImportLayer =>
  layer({
    id,
    source: { title, date: '', url: '' },
    facts: [{ year: 2019, tier: 'B', rank: null, rankOf: null, raw: code, code }],
  });

type Mode = 'ok' | 'full' | 'blocked';

/**
 * An in-memory Storage that can be made full or blocked, for every key or for one key (a full
 * storage refuses a write that would grow it; removing still works).
 */
function memoryStorage(
  mode: Mode = 'ok',
  only?: string,
): StorageLike & { data: Map<string, string>; mode: Mode; only: string | undefined } {
  const data = new Map<string, string>();
  const fail = (name: string) => {
    const error = new Error(name);
    error.name = name;
    throw error;
  };
  const store = {
    data,
    mode,
    only,
    getItem: (key: string) =>
      store.mode === 'blocked' && (store.only === undefined || store.only === key)
        ? fail('SecurityError')
        : (data.get(key) ?? null),
    setItem: (key: string, value: string) => {
      const applies = store.only === undefined || store.only === key;
      if (applies && store.mode === 'full') fail('QuotaExceededError');
      if (applies && store.mode === 'blocked') fail('SecurityError');
      data.set(key, value);
    },
    removeItem: (key: string) => {
      data.delete(key);
    },
  };
  return store;
}

const entry = (layers: unknown, version: number = IMPORT_STORAGE_VERSION) => JSON.stringify({ version, layers });
const backupsOf = (storage: StorageLike): ImportBackup[] => {
  const read = readImportBackups(storage);
  if (read.status !== 'ok') throw new Error(`backups ${read.status}`);
  return read.backups;
};
const NOW = new Date('2026-11-25T08:30:00.000Z');

describe('import storage', () => {
  it('round-trips the kept layers and leaves link layers out', () => {
    const storage = memoryStorage();
    const kept = layer();
    const linked = layer({ id: 'IMP2', origin: 'link' });
    expect(saveImportLayers(storage, [kept, linked])).toEqual({ ok: true });
    expect(readImportStorage(storage, units)).toMatchObject({
      status: 'read',
      layers: [kept],
      problems: [],
      issue: null,
      writable: true,
    });
    expect(JSON.parse(storage.data.get(IMPORT_STORAGE_KEY) ?? '')).toEqual({ version: 1, layers: [kept] });
  });

  it('keeps the key of the first version, so what it wrote is still read', () => {
    expect(IMPORT_STORAGE_KEY).toBe('hebei-explorer:imports:v1');
  });

  it('removes the key when no layer is kept', () => {
    const storage = memoryStorage();
    saveImportLayers(storage, [layer()]);
    saveImportLayers(storage, [layer({ origin: 'link' })]);
    expect(storage.data.has(IMPORT_STORAGE_KEY)).toBe(false);
    expect(readImportStorage(storage, units)).toMatchObject({ status: 'read', layers: [], issue: null });
  });

  it('reports a full or blocked storage instead of throwing', () => {
    expect(saveImportLayers(memoryStorage('full'), [layer()])).toEqual({ ok: false, reason: 'full' });
    expect(saveImportLayers(memoryStorage('blocked'), [layer()])).toEqual({ ok: false, reason: 'unavailable' });
    expect(saveImportLayers(null, [layer()])).toEqual({ ok: false, reason: 'unavailable' });
    expect(readImportStorage(memoryStorage('blocked'), units)).toEqual({ status: 'unavailable' });
    expect(readImportStorage(null, units)).toEqual({ status: 'unavailable' });
    const blocked = updateImportLayers(memoryStorage('blocked'), units, { added: [layer()], removed: [] });
    expect(blocked).toEqual({
      read: { status: 'unavailable' },
      layers: null,
      save: { ok: false, reason: 'unavailable' },
    });
  });

  it('finds no storage where reading localStorage throws', () => {
    const blocked = {
      get localStorage(): Storage {
        throw new Error('SecurityError');
      },
    };
    expect(browserStorage(blocked)).toBeNull();
  });
});

describe('reading a stored entry', () => {
  const parse = (text: string) => parseImportEntry(text, units);

  it('reads an entry of this version in full', () => {
    expect(parse(entry([layer()]))).toEqual({ kind: 'ok', layers: [layer()], problems: [], migratedFrom: null });
  });

  it('calls text that is not JSON, truncated, or not { version, layers } unreadable', () => {
    const whole = entry([layer()]);
    for (const text of ['{not json', whole.slice(0, whole.length - 7), '', '[]', 'null', '"x"', '{"layers":[]}']) {
      expect(parse(text), text).toEqual({ kind: 'unreadable', version: null });
    }
    expect(parse('{"version":"1","layers":[]}')).toEqual({ kind: 'unreadable', version: null });
    expect(parse('{"version":1.5,"layers":[]}')).toEqual({ kind: 'unreadable', version: null });
    expect(parse('{"version":1}')).toEqual({ kind: 'unreadable', version: 1 });
    expect(parse('{"version":1,"layers":{}}')).toEqual({ kind: 'unreadable', version: 1 });
  });

  it('tells an older format without a migration step from a newer one', () => {
    expect(parse(entry([layer()], 0))).toEqual({ kind: 'older', version: 0 });
    expect(parse(entry([layer()], -3))).toEqual({ kind: 'older', version: -3 });
    expect(parse(entry([layer()], IMPORT_STORAGE_VERSION + 1))).toEqual({ kind: 'newer', version: 2 });
  });

  it('migrates an older entry step by step through the table, then checks it', () => {
    // A made-up history: version 1 called the list "items", version 2 "layers"; 3 is current.
    const migrations = {
      1: (e: Record<string, unknown>) => ({ version: 2, layers: e.items }),
      2: (e: Record<string, unknown>) => ({ ...e, version: 3 }),
    };
    const old = JSON.stringify({ version: 1, items: [layer()] });
    expect(parseImportEntry(old, units, { version: 3, migrations })).toEqual({
      kind: 'ok',
      layers: [layer()],
      problems: [],
      migratedFrom: 1,
    });
    // A missing step, or one that throws, leaves the entry an older format.
    expect(parseImportEntry(old, units, { version: 3, migrations: { 2: migrations[2] } })).toEqual({
      kind: 'older',
      version: 1,
    });
    const throwing = {
      ...migrations,
      1: () => {
        throw new Error('bad');
      },
    };
    expect(parseImportEntry(old, units, { version: 3, migrations: throwing })).toEqual({ kind: 'older', version: 1 });
  });

  it('reports the layers and facts the checks drop', () => {
    const bad = { ...layer(), facts: [...layer().facts, { ...layer().facts[0], code: '139999' }] };
    const out = parse(entry([bad, { ...layer(), id: 'P1' }]));
    expect(out).toMatchObject({ kind: 'ok', layers: [layer()] });
    expect(out.kind === 'ok' ? out.problems.map((p) => p.code) : []).toEqual(['facts-dropped', 'layer-dropped']);
  });
});

describe('nothing stored is lost silently', () => {
  const cases: [string, string, string][] = [
    ['not JSON', '{not json', 'unreadable'],
    ['a truncated write', entry([layer()]).slice(0, 40), 'unreadable'],
    ['an older format', entry([layer()], 0), 'older'],
    [
      'dropped facts',
      entry([{ ...layer(), facts: [...layer().facts, { ...layer().facts[0], code: '139999' }] }]),
      'dropped',
    ],
    [
      'a dropped layer',
      entry([layer(), { ...layer(), id: 'IMP2', source: { title: '', date: '', url: '' } }]),
      'dropped',
    ],
  ];

  for (const [what, text, issue] of cases) {
    it(`copies ${what} aside before writing over it, and writes what could be read`, () => {
      const storage = memoryStorage();
      storage.data.set(IMPORT_STORAGE_KEY, text);
      const out = updateImportLayers(storage, units, { added: [titled('Added', '990105')], removed: [] }, { now: NOW });
      expect(out.read).toMatchObject({ status: 'read', issue, text, writable: true, notKept: null });
      expect(out.save).toEqual({ ok: true });
      expect(backupsOf(storage)).toEqual([
        {
          id: NOW.toISOString(),
          savedAt: NOW.toISOString(),
          reason: issue,
          version: issue === 'older' ? 0 : null,
          text,
        },
      ]);
      const now = readImportStorage(storage, units);
      const readable = issue === 'dropped' ? ['Notice'] : [];
      expect(now.status === 'read' ? now.layers.map((l) => l.source.title) : null).toEqual([...readable, 'Added']);
      expect(now).toMatchObject({ issue: null });
    });
  }

  it('copies the same text once, however often it is read', () => {
    const storage = memoryStorage();
    storage.data.set(IMPORT_STORAGE_KEY, '{broken');
    for (let i = 0; i < 3; i += 1) readImportStorage(storage, units, { now: new Date(NOW.getTime() + i) });
    expect(backupsOf(storage)).toHaveLength(1);
  });

  it('never writes over or removes a newer version’s entry, and keeps a copy of it', () => {
    const storage = memoryStorage();
    const text = entry([{ anything: 'a later shape' }], IMPORT_STORAGE_VERSION + 1);
    storage.data.set(IMPORT_STORAGE_KEY, text);
    const add = updateImportLayers(storage, units, { added: [layer()], removed: [] }, { now: NOW, rewrite: true });
    expect(add.read).toMatchObject({ issue: 'newer', version: 2, writable: false, layers: [] });
    expect(add.save).toEqual({ ok: false, reason: 'newer' });
    // What the tab would hold: its own layer only (the newer entry's are not read).
    expect(add.layers?.map((l) => l.source.title)).toEqual(['Notice']);
    const remove = updateImportLayers(storage, units, { added: [], removed: [layer()] }, { rewrite: true });
    expect(remove.save).toEqual({ ok: false, reason: 'newer' });
    expect(storage.data.get(IMPORT_STORAGE_KEY)).toBe(text);
    expect(backupsOf(storage).map((b) => [b.reason, b.version, b.text])).toEqual([['newer', 2, text]]);
  });

  it('writes a migrated entry back in this version’s format only after keeping the original', () => {
    const storage = memoryStorage();
    const old = JSON.stringify({ version: 1, items: [layer()] });
    storage.data.set(IMPORT_STORAGE_KEY, old);
    const migrations = { 1: (e: Record<string, unknown>) => ({ version: 2, layers: e.items }) };
    const out = updateImportLayers(
      storage,
      units,
      { added: [], removed: [] },
      { version: 2, migrations, rewrite: true },
    );
    expect(out.read).toMatchObject({ issue: 'migrated', version: 1, writable: true });
    expect(out.save).toEqual({ ok: true });
    expect(backupsOf(storage).map((b) => [b.reason, b.text])).toEqual([['migrated', old]]);
    // (saveImportLayers writes this build's version, 1; the point is that the original is kept.)
    expect(JSON.parse(storage.data.get(IMPORT_STORAGE_KEY) ?? '').layers).toEqual([layer()]);
  });

  it('without a rewrite and without a change, copies aside but writes nothing', () => {
    const storage = memoryStorage();
    storage.data.set(IMPORT_STORAGE_KEY, '{broken');
    const out = updateImportLayers(storage, units, { added: [], removed: [] });
    expect(out.save).toBeNull();
    expect(storage.data.get(IMPORT_STORAGE_KEY)).toBe('{broken');
    expect(backupsOf(storage)).toHaveLength(1);
  });

  it('leaves the entry as it is when no copy can be kept: the backups are full', () => {
    const storage = memoryStorage();
    for (let i = 0; i < MAX_BACKUPS; i += 1) {
      expect(keepAside(storage, `old ${i}`, 'unreadable', null, new Date(NOW.getTime() + i))).toMatchObject({
        ok: true,
      });
    }
    const before = JSON.stringify(backupsOf(storage));
    storage.data.set(IMPORT_STORAGE_KEY, '{broken');
    const out = updateImportLayers(storage, units, { added: [layer()], removed: [] }, { rewrite: true });
    expect(out.read).toMatchObject({ issue: 'unreadable', kept: null, notKept: 'backups-full', writable: false });
    expect(out.save).toEqual({ ok: false, reason: 'not-kept' });
    expect(storage.data.get(IMPORT_STORAGE_KEY)).toBe('{broken');
    // No earlier copy was dropped to make room.
    expect(JSON.stringify(backupsOf(storage))).toBe(before);
  });

  it('leaves the entry as it is when its copy would pass the size bound', () => {
    const storage = memoryStorage();
    keepAside(storage, 'x'.repeat(MAX_BACKUP_CHARS - 10), 'unreadable', null, NOW);
    storage.data.set(IMPORT_STORAGE_KEY, `{broken${'y'.repeat(20)}`);
    const out = readImportStorage(storage, units);
    expect(out).toMatchObject({ notKept: 'backups-full', writable: false });
    expect(backupsOf(storage)).toHaveLength(1);
  });

  it('never writes over a backups key it cannot read, and then leaves the entry too', () => {
    const storage = memoryStorage();
    storage.data.set(IMPORT_BACKUP_KEY, '{"version":9}');
    storage.data.set(IMPORT_STORAGE_KEY, '{broken');
    const out = updateImportLayers(storage, units, { added: [layer()], removed: [] });
    expect(out.read).toMatchObject({ notKept: 'backups-unreadable', writable: false });
    expect(storage.data.get(IMPORT_BACKUP_KEY)).toBe('{"version":9}');
    expect(storage.data.get(IMPORT_STORAGE_KEY)).toBe('{broken');
    expect(readImportBackups(storage)).toEqual({ status: 'unreadable', text: '{"version":9}' });
  });

  it('leaves the entry as it is when the copy’s write hits the quota', () => {
    const storage = memoryStorage('full', IMPORT_BACKUP_KEY);
    storage.data.set(IMPORT_STORAGE_KEY, '{broken');
    const out = updateImportLayers(storage, units, { added: [layer()], removed: [] });
    expect(out.read).toMatchObject({ notKept: 'refused', writable: false });
    expect(out.save).toEqual({ ok: false, reason: 'not-kept' });
    expect(storage.data.get(IMPORT_STORAGE_KEY)).toBe('{broken');
  });

  it('reports the quota on the entry’s own write and leaves what was stored', () => {
    const storage = memoryStorage();
    saveImportLayers(storage, [titled('First')]);
    const text = storage.data.get(IMPORT_STORAGE_KEY);
    storage.mode = 'full';
    const out = updateImportLayers(storage, units, { added: [titled('Second', '990105', 'IMP2')], removed: [] });
    expect(out.save).toEqual({ ok: false, reason: 'full' });
    expect(out.layers?.map((l) => l.source.title)).toEqual(['First', 'Second']);
    expect(storage.data.get(IMPORT_STORAGE_KEY)).toBe(text);
  });

  it('writes no more layers than the reader keeps: two tabs under the limit together leave the entry as it was', () => {
    const storage = memoryStorage();
    const many = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => titled(`Layer ${from + i}`, '990103', `IMP${from + i}`));
    // This tab wrote 30 layers; another tab, which had read none of them, adds 21 more.
    expect(updateImportLayers(storage, units, { added: many(1, 30), removed: [] }).save).toEqual({ ok: true });
    const text = storage.data.get(IMPORT_STORAGE_KEY);
    const out = updateImportLayers(storage, units, { added: many(31, MAX_LAYERS - 30 + 1), removed: [] });
    expect(out.save).toEqual({ ok: false, reason: 'too-many' });
    expect(out.layers).toHaveLength(MAX_LAYERS + 1);
    expect(storage.data.get(IMPORT_STORAGE_KEY)).toBe(text);
    // Up to the limit is written, and read back in full, with no layer dropped.
    const fits = updateImportLayers(storage, units, { added: many(31, MAX_LAYERS - 30), removed: [] });
    expect(fits.save).toEqual({ ok: true });
    const back = readImportStorage(storage, units);
    expect(back.status === 'read' && back.layers.length).toBe(MAX_LAYERS);
    expect(back.status === 'read' && back.problems).toEqual([]);
  });

  it('gives each copy its own id, even within the same millisecond', () => {
    const storage = memoryStorage();
    keepAside(storage, 'a', 'unreadable', null, NOW);
    keepAside(storage, 'b', 'older', 0, NOW);
    expect(backupsOf(storage).map((b) => b.id)).toEqual([NOW.toISOString(), `${NOW.toISOString()}#2`]);
  });

  it('removes copies and the entry only when asked, and only the entry that was shown', () => {
    const storage = memoryStorage();
    keepAside(storage, 'a', 'unreadable', null, NOW);
    keepAside(storage, 'b', 'unreadable', null, new Date(NOW.getTime() + 1));
    expect(removeImportBackups(storage, [backupsOf(storage)[0]?.id ?? ''])).toBe(true);
    expect(backupsOf(storage).map((b) => b.text)).toEqual(['b']);
    expect(removeImportBackups(storage, 'all')).toBe(true);
    expect(storage.data.has(IMPORT_BACKUP_KEY)).toBe(false);

    storage.data.set(IMPORT_STORAGE_KEY, 'written since by another tab');
    expect(removeImportEntry(storage, 'what the notice showed')).toBe(true);
    expect(storage.data.get(IMPORT_STORAGE_KEY)).toBe('written since by another tab');
    expect(removeImportEntry(storage, 'written since by another tab')).toBe(true);
    expect(storage.data.has(IMPORT_STORAGE_KEY)).toBe(false);
    expect(removeImportEntry(memoryStorage('blocked'), 'x')).toBe(false);
    expect(removeImportBackups(null, 'all')).toBe(false);
  });
});

describe('a change applied to what storage holds now', () => {
  it('diffs layers by content, whatever their ids', () => {
    const a = titled('A');
    const b = titled('B', '990105', 'IMP2');
    expect(diffLayers([a, b], [{ ...b, id: 'IMP9' }, titled('C', '990101', 'IMP3')])).toEqual({
      added: [titled('C', '990101', 'IMP3')],
      removed: [a],
    });
  });

  it('removes by content, appends what was added last, once, with a free id if its own is taken', () => {
    const stored = [titled('A'), titled('B', '990105', 'IMP2')];
    const merged = mergeLayers(stored, {
      removed: [{ ...titled('A'), id: 'IMP7' }],
      added: [titled('C', '990101', 'IMP2'), { ...titled('B', '990105'), id: 'IMP5' }, titled('D', '990102', 'IMP8')],
    });
    expect(merged.map((l) => [l.id, l.source.title])).toEqual([
      ['IMP2', 'B'],
      ['IMP3', 'C'],
      ['IMP8', 'D'],
    ]);
    expect(merged.every((l) => l.origin === 'local')).toBe(true);
  });

  it('keeps both tabs’ applies: B writes first, A (which never saw it) writes after', () => {
    const storage = memoryStorage();
    updateImportLayers(storage, units, { added: [titled('From B')], removed: [] });
    // Tab A's own list never had B's layer: its change is only what it added.
    updateImportLayers(storage, units, { added: [titled('From A', '990105')], removed: [] });
    const now = readImportStorage(storage, units);
    expect(now.status === 'read' ? now.layers.map((l) => [l.id, l.source.title]) : null).toEqual([
      ['IMP1', 'From B'],
      ['IMP2', 'From A'],
    ]);
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
      [layer({ createdAt: 'yesterday' }), 'date'],
      [layer({ createdAt: '2023-02-30T00:00:00.000Z' }), 'date'],
      [layer({ createdAt: 1 } as unknown as Partial<ImportLayer>), 'date'],
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
