import { describe, expect, it } from 'vitest';
import {
  bindImports,
  readLinkLayers,
  type ImportsWindow,
  type LinkLayersRead,
  type StorageEventLike,
} from '../../src/app/bind-imports';
import {
  IMPORT_BACKUP_KEY,
  IMPORT_STORAGE_KEY,
  MAX_BACKUPS,
  keepAside,
  type ImportBackup,
  type StorageLike,
} from '../../src/data/import-storage';
import type { ImportLayer } from '../../src/domain/import/types';
import type { Lang } from '../../src/domain/lang';
import { createAppStore, type AppStore } from '../../src/store/store';
import { encodeImportLayers } from '../../src/url/import-fragment';
import { importFact, importLayer } from '../fixtures/builders';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

/** A layer of one imported fact for `code`: B in 2019. */
const layer = (code: string, title = 'Notice', origin: ImportLayer['origin'] = 'local') =>
  importLayer([importFact(code, 2019, 'B')], { origin, source: { title } });

type FakeWindow = ImportsWindow & {
  url: string;
  fire: () => void;
  fireStorage: (event: StorageEventLike) => void;
  setHash: (h: string) => void;
};

function fakeWindow(hash = ''): FakeWindow {
  const hashListeners = new Set<() => void>();
  const storageListeners = new Set<(event: StorageEventLike) => void>();
  const location = { pathname: '/', search: '?year=2019', hash };
  const win: FakeWindow = {
    location,
    get url() {
      return `${location.pathname}${location.search}${location.hash}`;
    },
    history: {
      replaceState: (_data, _unused, url) => {
        const u = new URL(String(url), 'http://h');
        location.pathname = u.pathname;
        location.search = u.search;
        location.hash = u.hash;
      },
    },
    addEventListener: (type: 'hashchange' | 'storage', listener: (event: StorageEventLike) => void) => {
      if (type === 'hashchange') hashListeners.add(listener as () => void);
      else storageListeners.add(listener);
    },
    removeEventListener: (type: 'hashchange' | 'storage', listener: (event: StorageEventLike) => void) => {
      if (type === 'hashchange') hashListeners.delete(listener as () => void);
      else storageListeners.delete(listener);
    },
    fire: () => hashListeners.forEach((l) => l()),
    fireStorage: (event) => storageListeners.forEach((l) => l(event)),
    setHash: (h) => {
      location.hash = h;
    },
  };
  return win;
}

type Fault = 'none' | 'full' | 'blocked';

/**
 * One browser's localStorage, shared by its tabs. As in browsers, a write that changes a key
 * queues a `storage` event for every other tab (not the writer); `flush` delivers them, so a
 * test can let a tab act before it has heard of another's write. `fault` makes writes fail.
 */
function sharedStorage() {
  const data = new Map<string, string>();
  const queue: { to: FakeWindow; event: StorageEventLike }[] = [];
  const windows: FakeWindow[] = [];
  const state = { fault: 'none' as Fault, writes: 0 };
  const fail = (name: string) => {
    const e = new Error(name);
    e.name = name;
    throw e;
  };
  const changed = (from: FakeWindow, key: string | null) => {
    for (const to of windows) if (to !== from) queue.push({ to, event: { key } });
  };
  return {
    data,
    state,
    /** The storage as one tab's window sees it. */
    view(win: FakeWindow): StorageLike {
      windows.push(win);
      return {
        getItem: (k) => (state.fault === 'blocked' ? fail('SecurityError') : (data.get(k) ?? null)),
        setItem: (k, v) => {
          if (state.fault === 'full') fail('QuotaExceededError');
          if (state.fault === 'blocked') fail('SecurityError');
          state.writes += 1;
          if (data.get(k) === v) return;
          data.set(k, v);
          changed(win, k);
        },
        removeItem: (k) => {
          if (!data.has(k)) return;
          data.delete(k);
          changed(win, k);
        },
      };
    },
    /** Another tab's localStorage.clear(). */
    clear(from: FakeWindow | null = null) {
      data.clear();
      for (const to of windows) if (to !== from) queue.push({ to, event: { key: null } });
    },
    /** Delivers the queued storage events, in order. */
    flush() {
      while (queue.length > 0) {
        const next = queue.shift();
        next?.to.fireStorage(next.event);
      }
    },
    /** The titles stored, in order. */
    titles(): string[] {
      const text = data.get(IMPORT_STORAGE_KEY);
      if (text === undefined) return [];
      return (JSON.parse(text) as { layers: ImportLayer[] }).layers.map((l) => l.source.title);
    },
    backups(): ImportBackup[] {
      const text = data.get(IMPORT_BACKUP_KEY);
      return text === undefined ? [] : (JSON.parse(text) as { backups: ImportBackup[] }).backups;
    },
  };
}

type Shared = ReturnType<typeof sharedStorage>;

interface Tab {
  store: AppStore;
  win: FakeWindow;
  downloads: { fileName: string; text: string }[];
  titles: () => string[];
  apply: (l: ImportLayer) => void;
  remove: (title: string) => void;
  texts: () => string[];
  /** Resolves once every link read begun so far has been applied (or superseded). */
  settled: () => Promise<void>;
}

/** A macrotask: every continuation queued behind a resolved read has run by then. */
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** readLinkLayers, with each read it begins kept, so that a test can wait for them. */
function trackedReader() {
  const reads: Promise<LinkLayersRead>[] = [];
  return {
    readLink: (...args: Parameters<typeof readLinkLayers>) => {
      const read = readLinkLayers(...args);
      reads.push(read);
      return read;
    },
    settled: async () => {
      await Promise.all(reads);
      await tick();
    },
  };
}

/** A tab of the browser: a store bound to the shared storage, with its data loaded. */
function openTab(shared: Shared, options: { hash?: string; lang?: Lang } = {}): Tab {
  const store = createAppStore(options.lang ? { lang: options.lang } : {});
  const win = fakeWindow(options.hash);
  const downloads: { fileName: string; text: string }[] = [];
  const reader = trackedReader();
  bindImports(store, win, {
    storage: shared.view(win),
    download: (fileName, text) => downloads.push({ fileName, text }),
    now: () => new Date('2026-11-25T08:30:00.000Z'),
    readLink: reader.readLink,
  });
  store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
  return {
    store,
    win,
    downloads,
    titles: () => store.getState().imports.map((l) => l.source.title),
    apply: (l) => void store.getState().applyImport(l),
    remove: (title) => {
      const found = store.getState().imports.find((l) => l.source.title === title);
      if (!found) throw new Error(`no layer “${title}” in this tab`);
      store.getState().removeImport(found.id);
    },
    texts: () => store.getState().notices.map((n) => n.text),
    settled: reader.settled,
  };
}

/** A tab opened on a link, once its fragment has been read. */
async function openLinkTab(shared: Shared, options: { hash: string; lang?: Lang }): Promise<Tab> {
  const tab = openTab(shared, options);
  await tab.settled();
  return tab;
}

/** The hash of a link carrying the layers. */
const linkHash = async (...layers: ImportLayer[]) => `#imp=${(await encodeImportLayers(layers)) ?? ''}`;

const stored = (...layers: ImportLayer[]) => JSON.stringify({ version: 1, layers });

/** The notice whose text matches, with its actions by label. */
function noticeOf(tab: Tab, text: RegExp) {
  const notice = tab.store.getState().notices.find((n) => text.test(n.text));
  if (!notice) throw new Error(`no notice ${text}; have ${JSON.stringify(tab.texts())}`);
  const action = (label: string) => {
    const found = notice.actions?.find((a) => a.label === label);
    if (!found) throw new Error(`no action ${label}`);
    return found;
  };
  return { notice, action };
}

describe('bindImports', () => {
  it('restores kept layers when the data is ready, and saves changes', () => {
    const shared = sharedStorage();
    shared.data.set(IMPORT_STORAGE_KEY, stored(layer('990103')));
    const store = createAppStore();
    const win = fakeWindow();
    bindImports(store, win, { storage: shared.view(win) });
    expect(store.getState().imports).toEqual([]);
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    expect(store.getState().imports.map((l) => l.facts[0]?.code)).toEqual(['990103']);
    store.getState().removeImport('IMP1');
    expect(shared.data.has(IMPORT_STORAGE_KEY)).toBe(false);
  });

  it('applies a link’s layers as link layers; keep saves them and drops the fragment', async () => {
    const shared = sharedStorage();
    const tab = await openLinkTab(shared, { hash: await linkHash(layer('990105', 'Linked', 'link')) });
    expect(tab.store.getState().imports.map((l) => [l.origin, l.source.title])).toEqual([['link', 'Linked']]);
    expect(shared.data.has(IMPORT_STORAGE_KEY)).toBe(false);
    expect(tab.win.url).toContain('#imp=');
    tab.store.getState().keepLinkImports();
    expect(shared.titles()).toEqual(['Linked']);
    expect(tab.win.url).toBe('/?year=2019');
  });

  it('discard removes the link layers and the fragment', async () => {
    const tab = await openLinkTab(sharedStorage(), { hash: await linkHash(layer('990105', 'Linked', 'link')) });
    expect(tab.titles()).toEqual(['Linked']);
    tab.store.getState().discardLinkImports();
    expect(tab.store.getState().imports).toEqual([]);
    expect(tab.win.url).toBe('/?year=2019');
  });

  it('says what was wrong with a corrupt link or storage, applies nothing, keeps the view', async () => {
    const shared = sharedStorage();
    shared.data.set(IMPORT_STORAGE_KEY, '{broken');
    const store = createAppStore({ year: 2020 });
    const win = fakeWindow('#imp=not-deflate');
    const reader = trackedReader();
    bindImports(store, win, { storage: shared.view(win), readLink: reader.readLink });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    await reader.settled();
    expect(store.getState().imports).toEqual([]);
    expect(store.getState().year).toBe(2020);
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      'Imported data saved in this browser could not be read and was not applied. It is kept aside as it was: download it, or remove it.',
      'The imported data in this link could not be read (not compressed data); nothing from it was applied.',
    ]);
    expect(win.url).toBe('/?year=2019');
  });

  it('names the facts of a link that were dropped, in the UI language', async () => {
    const bad = { ...layer('990105', '通报', 'link'), facts: [...layer('990105').facts, ...layer('139999').facts] };
    const tab = await openLinkTab(sharedStorage(), { lang: 'zh', hash: await linkHash(bad) });
    expect(tab.store.getState().imports[0]?.facts).toHaveLength(1);
    expect(tab.texts()).toEqual([
      '链接中的导入数据：“通报”中有 1 条事实未应用（139999@2019）：单位、年份、类别或名次不正确。',
    ]);
  });

  it('follows a link with layers opened in the same tab', async () => {
    const tab = openTab(sharedStorage());
    tab.win.setHash(await linkHash(layer('990105', 'Later', 'link')));
    tab.win.fire();
    await tab.settled();
    expect(tab.titles()).toEqual(['Later']);
  });

  it('finds storage it cannot read at start and says so once; blocked storage (null) is silent until a save', () => {
    const shared = sharedStorage();
    shared.state.fault = 'blocked';
    const tab = openTab(shared);
    expect(tab.texts()).toEqual([
      'This browser’s storage could not be read: imported data from earlier visits is not shown.',
    ]);
    const store = createAppStore();
    bindImports(store, fakeWindow(), { storage: null });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    expect(store.getState().notices).toEqual([]);
    store.getState().applyImport(layer('990103'));
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      'This browser does not allow saving data: the imported data will be gone after a reload.',
    ]);
    expect(store.getState().imports).toHaveLength(1);
  });
});

describe('a full storage', () => {
  it('is said on every failed save, in one notice; the layers stay shown, and are written once there is room', () => {
    const full = 'This browser’s storage is full: the imported data is shown now but will be gone after a reload.';
    const shared = sharedStorage();
    const tab = openTab(shared);
    shared.state.fault = 'full';
    tab.apply(layer('990103', 'One'));
    expect(tab.store.getState().importsUnsaved).toBe(true);
    const first = tab.store.getState().notices[0]?.id;
    // Dismissed, and another layer applied: said again (a new notice, so it is announced).
    tab.store.getState().dismissAllNotices();
    tab.apply(layer('990105', 'Two'));
    expect(tab.titles()).toEqual(['One', 'Two']);
    expect(tab.texts()).toEqual([full]);
    // Not dismissed: the next failure takes the earlier notice's place instead of adding one.
    tab.apply(layer('990107', 'Two and a half'));
    tab.remove('Two and a half');
    expect(tab.texts()).toEqual([full]);
    expect(tab.store.getState().notices[0]?.id).not.toBe(first);
    expect(shared.titles()).toEqual([]);
    shared.state.fault = 'none';
    tab.apply(layer('990101', 'Three'));
    expect(shared.titles()).toEqual(['One', 'Two', 'Three']);
    // Saved: the warning is no longer true, and goes.
    expect(tab.store.getState().importsUnsaved).toBe(false);
    expect(tab.texts()).toEqual([]);
    shared.state.fault = 'full';
    tab.remove('One');
    expect(tab.texts()).toEqual([full]);
  });

  it('keeps this tab’s unsaved layer shown when another tab writes', () => {
    const shared = sharedStorage();
    const a = openTab(shared);
    const b = openTab(shared);
    shared.state.fault = 'full';
    a.apply(layer('990103', 'Unsaved in A'));
    shared.state.fault = 'none';
    b.apply(layer('990105', 'From B'));
    shared.flush();
    // A tried its change again on B's event, and this time it fitted.
    expect(a.titles()).toEqual(['From B', 'Unsaved in A']);
    expect(shared.titles()).toEqual(['From B', 'Unsaved in A']);
    shared.flush();
    expect(b.titles()).toEqual(['From B', 'Unsaved in A']);
  });
});

describe('tabs share the imports', () => {
  it('keeps both applies: B applies, then A (opened earlier, not told yet) applies another', () => {
    const shared = sharedStorage();
    const a = openTab(shared);
    const b = openTab(shared);
    b.apply(layer('990103', 'From B'));
    a.apply(layer('990105', 'From A'));
    expect(shared.titles()).toEqual(['From B', 'From A']);
    // A shows what storage holds as soon as it wrote; B once it hears of A's write.
    expect(a.titles()).toEqual(['From B', 'From A']);
    shared.flush();
    expect(b.titles()).toEqual(['From B', 'From A']);
    // A reload: a new tab reads both.
    expect(openTab(shared).titles()).toEqual(['From B', 'From A']);
    // The ids agree everywhere, and B's layer keeps its id in A.
    expect(a.store.getState().imports.map((l) => l.id)).toEqual(['IMP1', 'IMP2']);
    expect(b.store.getState().imports.map((l) => l.id)).toEqual(['IMP1', 'IMP2']);
  });

  it('shows another tab’s apply without a reload, and says what changed', () => {
    const shared = sharedStorage();
    const a = openTab(shared);
    const b = openTab(shared);
    b.apply(layer('990103', 'From B\u202e evil'));
    expect(a.titles()).toEqual([]);
    shared.flush();
    expect(a.titles()).toEqual(['From B evil']);
    const { notice } = noticeOf(a, /another tab/);
    expect(notice).toMatchObject({
      kind: 'info',
      text: 'Imported layers changed in another tab: 1 added, 0 removed.',
      // The title is the user's text: no direction override reaches the notice.
      details: ['Added: “From B evil”'],
    });
    // The imported fact is on the map's dataset, not only in the list.
    const data = a.store.getState().data;
    expect(data.status === 'ready' && data.dataset.tiers.some((f) => f.imported && f.code === '990103')).toBe(true);
    b.remove('From B evil'); // applyImport drops the controls, as every read-back does
    shared.flush();
    expect(a.titles()).toEqual([]);
    // The same notice, updated in its place: one at a time, listing every change it has seen.
    expect(a.texts().filter((text) => /another tab/.test(text))).toEqual([
      'Imported layers changed in another tab: 1 added, 1 removed.',
    ]);
    expect(noticeOf(a, /another tab/).notice.details).toEqual(['Added: “From B evil”', 'Removed: “From B evil”']);
    // Once dismissed, the next change starts a new one.
    a.store.getState().dismissAllNotices();
    b.apply(layer('990105', 'Again'));
    shared.flush();
    expect(a.texts()).toEqual(['Imported layers changed in another tab: 1 added, 0 removed.']);
  });

  it('writes nothing back when it only hears of another tab’s write (no ping-pong)', () => {
    const shared = sharedStorage();
    const a = openTab(shared);
    const b = openTab(shared);
    a.apply(layer('990103', 'From A'));
    const writes = shared.state.writes;
    shared.flush();
    shared.flush();
    expect(shared.state.writes).toBe(writes);
    expect(b.titles()).toEqual(['From A']);
  });

  it('ignores other keys, and takes a cleared storage as no layers, keeping link layers', async () => {
    const shared = sharedStorage();
    shared.data.set(IMPORT_STORAGE_KEY, stored(layer('990103', 'Kept')));
    const a = await openLinkTab(shared, { hash: await linkHash(layer('990105', 'Linked', 'link')) });
    expect(a.titles()).toEqual(['Kept', 'Linked']);
    a.win.fireStorage({ key: 'some-other-key' });
    expect(a.texts()).toEqual([]);
    shared.clear();
    shared.flush();
    expect(a.titles()).toEqual(['Linked']);
    expect(a.texts()).toEqual(['Imported layers changed in another tab: 0 added, 1 removed.']);
  });

  it('keeps a link layer another tab kept once, as the user’s own', async () => {
    const shared = sharedStorage();
    const hash = await linkHash(layer('990105', 'Linked', 'link'));
    const a = await openLinkTab(shared, { hash });
    const b = await openLinkTab(shared, { hash });
    b.store.getState().keepLinkImports();
    shared.flush();
    expect(a.store.getState().imports.map((l) => [l.origin, l.source.title])).toEqual([['local', 'Linked']]);
    expect(a.win.url).toBe('/?year=2019');
    expect(shared.titles()).toEqual(['Linked']);
  });

  // Every order of two applies and two removals across two tabs, each with the other tab's
  // events delivered at once or late: storage ends with exactly the applied layers.
  const ops = ['A-X', 'B-Y', 'A+Z', 'B+W'] as const;
  const permutations = <T>(items: readonly T[]): T[][] =>
    items.length <= 1
      ? [[...items]]
      : items.flatMap((item, i) =>
          permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [item, ...p]),
        );
  const orders = permutations(ops);

  it(`loses no layer and brings none back in any of ${orders.length * 8} orders of applies and removals`, () => {
    const layers = {
      X: layer('990101', 'X'),
      Y: layer('990102', 'Y'),
      Z: layer('990103', 'Z'),
      W: layer('990105', 'W'),
    };
    for (const order of orders) {
      for (let deliver = 0; deliver < 8; deliver += 1) {
        const shared = sharedStorage();
        shared.data.set(IMPORT_STORAGE_KEY, stored(layers.X, { ...layers.Y, id: 'IMP2' }));
        const tabs = { A: openTab(shared), B: openTab(shared) };
        order.forEach((op, i) => {
          const tab = tabs[op[0] as 'A' | 'B'];
          const name = op[2] as keyof typeof layers;
          if (op[1] === '+') tab.apply(layers[name]);
          else tab.remove(name);
          // Bit i: the events of this step reach the other tab before the next step, or later.
          if (deliver & (1 << i)) shared.flush();
        });
        const label = `${order.join(' ')} / ${deliver}`;
        expect([...shared.titles()].sort(), label).toEqual(['W', 'Z']);
        shared.flush();
        expect([...tabs.A.titles()].sort(), label).toEqual(['W', 'Z']);
        expect(tabs.B.titles(), label).toEqual(tabs.A.titles());
        expect(openTab(shared).titles(), label).toEqual(tabs.A.titles());
      }
    }
  });

  it('stores the same layer once when both tabs apply it, and removes it when either removes it', () => {
    const shared = sharedStorage();
    const a = openTab(shared);
    const b = openTab(shared);
    a.apply(layer('990103', 'Same'));
    b.apply(layer('990103', 'Same'));
    expect(shared.titles()).toEqual(['Same']);
    shared.flush();
    expect(a.titles()).toEqual(['Same']);
    expect(b.titles()).toEqual(['Same']);
    a.remove('Same');
    b.remove('Same');
    expect(shared.titles()).toEqual([]);
    shared.flush();
    expect(a.titles()).toEqual([]);
    expect(b.titles()).toEqual([]);
  });
});

/**
 * readLinkLayers held back until the test opens each read's gate, in any order: the reads of a
 * slow connection (fflate still loading) that finish out of order.
 */
function gatedReader() {
  const reads: { hash: string; open: () => void; read: Promise<LinkLayersRead> }[] = [];
  return {
    readLink: (...args: Parameters<typeof readLinkLayers>) => {
      const real = readLinkLayers(...args);
      let open = () => {};
      const gate = new Promise<void>((resolve) => (open = resolve));
      const read = gate.then(() => real);
      reads.push({ hash: args[0], open, read });
      return read;
    },
    /** Lets the i-th read finish, and waits until the binder has applied it (or not). */
    release: async (i: number) => {
      const read = reads[i];
      if (!read) throw new Error(`no read ${i}; have ${reads.length}`);
      read.open();
      await read.read;
      await tick();
    },
    count: () => reads.length,
  };
}

/** A tab whose link reads finish when the test says. */
function openGatedTab(shared: Shared, hash = '') {
  const store = createAppStore();
  const win = fakeWindow(hash);
  const reader = gatedReader();
  const stop = bindImports(store, win, { storage: shared.view(win), readLink: reader.readLink });
  store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
  return {
    store,
    win,
    reader,
    stop,
    titles: () => store.getState().imports.map((l) => [l.origin, l.source.title]),
    texts: () => store.getState().notices.map((n) => n.text),
  };
}

describe('a link read while the page is in use', () => {
  it('applies only the latest of two link reads, whichever finishes first', async () => {
    const older = await linkHash(layer('990105', 'Older', 'link'));
    const newer = await linkHash(layer('990103', 'Newer', 'link'));
    const corrupt = '#imp=not-deflate';
    for (const [first, second] of [
      [0, 1],
      [1, 0],
    ] as const) {
      const tab = openGatedTab(sharedStorage(), older);
      tab.win.setHash(newer);
      tab.win.fire();
      expect(tab.reader.count(), 'both read').toBe(2);
      await tab.reader.release(first);
      await tab.reader.release(second);
      expect(tab.titles(), `${first} then ${second}`).toEqual([['link', 'Newer']]);
      expect(tab.win.url).toBe(`/?year=2019${newer}`);
    }
    // An older link that turns out corrupt says nothing once a newer one is read instead.
    const tab = openGatedTab(sharedStorage(), corrupt);
    tab.win.setHash(newer);
    tab.win.fire();
    await tab.reader.release(1);
    await tab.reader.release(0);
    expect(tab.titles()).toEqual([['link', 'Newer']]);
    expect(tab.texts()).toEqual([]);
  });

  it('follows this tab’s changes and other tabs’ writes meanwhile, and keeps the fragment until it is read', async () => {
    const shared = sharedStorage();
    const hash = await linkHash(layer('990105', 'Linked', 'link'));
    const tab = openGatedTab(shared, hash);
    const other = openTab(shared);
    tab.store.getState().applyImport(layer('990103', 'Mine'));
    other.apply(layer('990101', 'Theirs'));
    shared.flush();
    expect(shared.titles()).toEqual(['Mine', 'Theirs']);
    expect(tab.titles()).toEqual([
      ['local', 'Mine'],
      ['local', 'Theirs'],
    ]);
    expect(tab.win.url).toBe(`/?year=2019${hash}`);
    await tab.reader.release(0);
    expect(tab.titles()).toEqual([
      ['local', 'Mine'],
      ['local', 'Theirs'],
      ['link', 'Linked'],
    ]);
    expect(tab.texts()).toEqual(['Imported layers changed in another tab: 1 added, 0 removed.']);
    tab.store.getState().discardLinkImports();
    expect(tab.win.url).toBe('/?year=2019');
    expect(shared.titles()).toEqual(['Mine', 'Theirs']);
  });

  it('drops a fragment that gave nothing only once it is read', async () => {
    const tab = openGatedTab(sharedStorage(), '#imp=not-deflate');
    expect(tab.win.url).toBe('/?year=2019#imp=not-deflate');
    await tab.reader.release(0);
    expect(tab.texts()).toEqual([
      'The imported data in this link could not be read (not compressed data); nothing from it was applied.',
    ]);
    expect(tab.win.url).toBe('/?year=2019');
  });

  it('keeps a fragment whose reader could not be loaded, and says so', async () => {
    const store = createAppStore();
    const win = fakeWindow(await linkHash(layer('990105', 'Linked', 'link')));
    const unread: LinkLayersRead = { layers: [], messages: ['not loaded'], present: true, unread: true };
    bindImports(store, win, { storage: null, readLink: () => Promise.resolve(unread) });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    await tick();
    expect(store.getState().notices.map((n) => n.text)).toEqual(['not loaded']);
    // Not even a change of the user's drops it: a reload reads it.
    store.getState().applyImport(layer('990103', 'Mine'));
    expect(win.url).toContain('#imp=');
  });

  it('applies nothing once stopped', async () => {
    const tab = openGatedTab(sharedStorage(), await linkHash(layer('990105', 'Linked', 'link')));
    tab.stop();
    await tab.reader.release(0);
    expect(tab.titles()).toEqual([]);
    expect(tab.texts()).toEqual([]);
  });
});

describe('stored imports are never deleted silently', () => {
  it('keeps an unreadable entry aside, offers it as a download, and removes only the copy when asked', () => {
    const shared = sharedStorage();
    const text = '{"version":1,"layers":[{"id":"IMP1","source":{"title":"Cut';
    shared.data.set(IMPORT_STORAGE_KEY, text);
    const tab = openTab(shared);
    const { notice, action } = noticeOf(tab, /could not be read/);
    expect(notice.kind).toBe('warning');
    expect(notice.actions?.map((a) => a.label)).toEqual(['Download', 'Remove']);
    expect(shared.backups().map((b) => [b.reason, b.text])).toEqual([['unreadable', text]]);
    // The copy is safe, so the entry is cleaned: the next load does not report it again.
    expect(shared.data.has(IMPORT_STORAGE_KEY)).toBe(false);

    action('Download').run();
    expect(tab.downloads).toEqual([
      { fileName: 'hebei-explorer-imports-unreadable-2026-11-25T08-30-00-000Z.json', text },
    ]);

    // Another tab loaded now finds only the copy, from an earlier "visit".
    const later = openTab(shared);
    expect(later.texts()).toEqual([
      'This browser keeps 1 copies of imported data set aside earlier because they could not be used in full.',
    ]);

    action('Remove').run();
    expect(shared.backups()).toEqual([]);
    expect(tab.store.getState().notices.some((n) => n.id === notice.id)).toBe(false);
    expect(tab.texts().at(-1)).toBe('Removed the imported data kept aside.');
  });

  it('keeps the original text aside before dropping layers or facts from it, and lists what was dropped', () => {
    const shared = sharedStorage();
    const bad = { ...layer('990103', 'Partly'), facts: [...layer('990103').facts, ...layer('139999').facts] };
    const text = stored(bad, { ...layer('990105', ''), id: 'IMP2' });
    shared.data.set(IMPORT_STORAGE_KEY, text);
    const tab = openTab(shared);
    expect(tab.titles()).toEqual(['Partly']);
    const { notice } = noticeOf(tab, /Part of the imported data/);
    expect(notice.details).toEqual([
      'Imported data saved in this browser: 1 fact of “Partly” was not applied (139999@2019): unknown unit, year, tier or rank.',
      'Imported data saved in this browser: a layer was not applied (missing or over-long title).',
    ]);
    expect(shared.backups().map((b) => [b.reason, b.text])).toEqual([['dropped', text]]);
    expect(JSON.parse(shared.data.get(IMPORT_STORAGE_KEY) ?? '').layers[0].facts).toHaveLength(1);
  });

  it('says an older format it cannot read apart, with its version', () => {
    const shared = sharedStorage();
    shared.data.set(IMPORT_STORAGE_KEY, JSON.stringify({ version: 0, layers: [] }));
    const tab = openTab(shared, { lang: 'zh' });
    expect(tab.texts()).toEqual([
      '此浏览器中保存的导入数据是本应用旧版本的格式（格式 0），当前版本无法读取，未应用。原数据已原样另存：可以下载，也可以删除。',
    ]);
    expect(shared.backups().map((b) => b.reason)).toEqual(['older']);
  });

  it('never writes over a newer version’s entry; Remove removes it, and then this tab’s layers are saved', () => {
    const shared = sharedStorage();
    const text = JSON.stringify({ version: 2, layers: [{ from: 'the future' }] });
    shared.data.set(IMPORT_STORAGE_KEY, text);
    const tab = openTab(shared);
    const { action } = noticeOf(tab, /newer version of the explorer \(format 2\)/);
    tab.apply(layer('990103', 'Here'));
    tab.apply(layer('990105', 'Also here'));
    expect(tab.titles()).toEqual(['Here', 'Also here']);
    expect(shared.data.get(IMPORT_STORAGE_KEY)).toBe(text);
    expect(tab.texts().filter((t) => /not saved/.test(t))).toHaveLength(2); // the entry's notice, and one for the saves
    // A reload does not report it twice, nor copy it again.
    const other = openTab(shared);
    expect(other.texts().filter((t) => /newer version/.test(t))).toHaveLength(1);
    expect(shared.backups()).toHaveLength(1);

    action('Download').run();
    expect(tab.downloads[0]?.text).toBe(text);
    action('Remove').run();
    expect(shared.backups()).toEqual([]);
    expect(shared.titles()).toEqual(['Here', 'Also here']);
    expect(tab.texts().at(-1)).toBe(
      'Removed the saved imported data this version could not use; imports made here are saved again.',
    );
  });

  it('leaves an entry it cannot copy aside unchanged, keeps its readable layers shown, and saves after Remove', () => {
    const shared = sharedStorage();
    const full = sharedStorage();
    for (let i = 0; i < MAX_BACKUPS; i += 1) keepAside(full.view(fakeWindow()), `old ${i}`, 'unreadable', null);
    shared.data.set(IMPORT_BACKUP_KEY, full.data.get(IMPORT_BACKUP_KEY) ?? '');
    const bad = { ...layer('990103', 'Partly'), facts: [...layer('990103').facts, ...layer('139999').facts] };
    const text = stored(bad);
    shared.data.set(IMPORT_STORAGE_KEY, text);
    const tab = openTab(shared);
    expect(tab.titles()).toEqual(['Partly']);
    const { action } = noticeOf(tab, /no copy of it could be kept aside/);
    tab.apply(layer('990105', 'New'));
    expect(shared.data.get(IMPORT_STORAGE_KEY)).toBe(text);
    expect(shared.backups()).toHaveLength(MAX_BACKUPS);
    action('Download').run();
    expect(tab.downloads[0]?.text).toBe(text);
    action('Remove').run();
    expect(shared.titles()).toEqual(['Partly', 'New']);
    // The earlier copies were not touched by removing this entry.
    expect(shared.backups()).toHaveLength(MAX_BACKUPS);
  });

  it('lists copies kept on earlier visits in one notice, to download or remove all', () => {
    const shared = sharedStorage();
    const view = shared.view(fakeWindow());
    keepAside(view, 'first', 'unreadable', null, new Date('2026-11-20T10:00:00.000Z'));
    keepAside(view, 'x'.repeat(4096), 'newer', 3, new Date('2026-11-21T11:30:00.000Z'));
    const tab = openTab(shared);
    const { notice, action } = noticeOf(tab, /keeps 2 copies/);
    expect(notice.kind).toBe('info');
    expect(notice.details).toEqual([
      '2026-11-20 10:00 UTC (unreadable, 1 KB)',
      '2026-11-21 11:30 UTC (newer format, 4 KB)',
    ]);
    action('Download all').run();
    expect(JSON.parse(tab.downloads[0]?.text ?? '').backups.map((b: ImportBackup) => b.text)).toEqual([
      'first',
      'x'.repeat(4096),
    ]);
    action('Remove all').run();
    expect(shared.data.has(IMPORT_BACKUP_KEY)).toBe(false);
    expect(tab.texts().at(-1)).toBe('Removed all imported data kept aside earlier.');
  });

  it('reports an entry another tab made unreadable, and keeps it aside, without writing over it', () => {
    const shared = sharedStorage();
    const a = openTab(shared);
    a.apply(layer('990103', 'Mine'));
    shared.data.set(IMPORT_STORAGE_KEY, '{"version":1,"layers":[');
    a.win.fireStorage({ key: IMPORT_STORAGE_KEY });
    expect(noticeOf(a, /could not be read/).notice.kind).toBe('warning');
    expect(shared.backups().map((b) => b.text)).toEqual(['{"version":1,"layers":[']);
    expect(shared.data.get(IMPORT_STORAGE_KEY)).toBe('{"version":1,"layers":[');
  });
});

describe('a copy removed in another tab', () => {
  it('takes this tab’s notice about it away, so no Remove button is left for nothing', () => {
    const shared = sharedStorage();
    shared.data.set(IMPORT_STORAGE_KEY, '{"version":1,"layers":[');
    const a = openTab(shared);
    const b = openTab(shared);
    expect(noticeOf(a, /could not be read/).notice.actions).toHaveLength(2);
    noticeOf(b, /keeps 1 copies/)
      .action('Remove all')
      .run();
    expect(shared.backups()).toEqual([]);
    shared.flush();
    expect(a.texts().filter((text) => /could not be read/.test(text))).toEqual([]);
  });

  it('lists the copies left when another tab removed some of them', () => {
    const shared = sharedStorage();
    const view = shared.view(fakeWindow());
    keepAside(view, 'first', 'unreadable', null, new Date('2026-11-20T10:00:00.000Z'));
    keepAside(view, 'second', 'unreadable', null, new Date('2026-11-21T11:30:00.000Z'));
    const a = openTab(shared);
    expect(noticeOf(a, /keeps 2 copies/).notice.details).toHaveLength(2);
    // Another tab (or version) removed the first copy only.
    const [first] = shared.backups();
    shared.data.set(
      IMPORT_BACKUP_KEY,
      JSON.stringify({ version: 1, backups: shared.backups().filter((x) => x.id !== first?.id) }),
    );
    a.win.fireStorage({ key: IMPORT_BACKUP_KEY });
    const { notice, action } = noticeOf(a, /keeps 1 copies/);
    expect(notice.details).toEqual(['2026-11-21 11:30 UTC (unreadable, 1 KB)']);
    expect(a.texts().filter((text) => /keeps/.test(text))).toHaveLength(1);
    action('Download all').run();
    expect(JSON.parse(a.downloads[0]?.text ?? '').backups.map((x: ImportBackup) => x.text)).toEqual(['second']);
    // The whole storage cleared by another tab: nothing is left to offer.
    shared.clear();
    shared.flush();
    expect(a.texts().filter((text) => /keeps/.test(text))).toEqual([]);
  });

  it('takes a newer version’s entry notice away once another tab removed the entry', () => {
    const shared = sharedStorage();
    shared.data.set(IMPORT_STORAGE_KEY, JSON.stringify({ version: 2, layers: [] }));
    const a = openTab(shared);
    const b = openTab(shared);
    noticeOf(b, /newer version/)
      .action('Remove')
      .run();
    shared.flush();
    expect(a.texts().filter((text) => /newer version/.test(text))).toEqual([]);
  });
});

describe('a link with many problems', () => {
  it('gives one notice listing them, not one notice each', async () => {
    const bad = Array.from({ length: 60 }, (_, i) => ({
      ...layer('990105', `Bad ${i}`, 'link'),
      id: `IMP${i + 1}`,
      source: { title: `Bad ${i}`, date: '2023-02-30', url: '' },
    }));
    const tab = await openLinkTab(sharedStorage(), { hash: await linkHash(...bad) });
    expect(tab.store.getState().notices).toHaveLength(1);
    const { notice } = noticeOf(tab, /has 51 problems/);
    expect(notice.kind).toBe('warning');
    expect(notice.details).toHaveLength(51);
    expect(notice.details?.[0]).toBe('Imported data in the link: only the first 50 layers were applied.');
    expect(notice.details?.[1]).toBe('Imported data in the link: the layer “Bad 0” was not applied (bad date).');
  });

  it('quotes no direction override from a dropped fact', async () => {
    const bad = {
      ...layer('990105', 'Notice', 'link'),
      facts: [...layer('990105').facts, { ...layer('990103').facts[0], code: '\u202egpj.exe' }],
    } as ImportLayer;
    const tab = await openLinkTab(sharedStorage(), { hash: await linkHash(bad) });
    expect(tab.texts()).toHaveLength(1);
    expect(tab.texts()[0]).toContain('(gpj.exe@2019)');
    expect(tab.texts()[0]).not.toMatch(/[\u202a-\u202e]/u);
  });
});

describe('the notices kept', () => {
  it('are at most MAX_NOTICES: each link read adds one, the oldest go', async () => {
    const { MAX_NOTICES } = await import('../../src/store/slices/panels-slice');
    const tab = openTab(sharedStorage());
    for (let i = 0; i < MAX_NOTICES + 5; i += 1) {
      tab.win.setHash(`#imp=broken${i}`);
      tab.win.fire();
      await tab.settled();
    }
    expect(tab.store.getState().notices).toHaveLength(MAX_NOTICES);
  });
});
