/**
 * What the map area says when the data did not load or the map cannot draw: loadInto hands a
 * load's outcome to the store (at start and on Retry), MapLoadFailed offers the retry, and
 * MapFallback explains a map whose worker did not load differently from one without WebGL.
 * In a browser, with the requests really refused: tests/e2e/notices.e2e.ts.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { loadInto } from '../../src/data/load-dataset';
import { createAppStore, type AppStore } from '../../src/store/store';
import { StoreContext } from '../../src/store/use-app-store';
import { MapFallback, MapLoadFailed, noMapTextKey } from '../../src/features/map-status/map-fallback';
import { SOFTWARE_WEBGL_REASON, isSoftwareRenderer } from '../../src/map/webgl';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

/** Server rendering reads the store's initial state: hand it the current one instead. */
const render = (store: AppStore, node: ReturnType<typeof createElement>) => {
  const value: AppStore = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(createElement(StoreContext.Provider, { value }, node));
};

describe('loadInto', () => {
  it('reports a failure with its message, then a later success replaces it', async () => {
    const store = createAppStore({ lang: 'en', year: 2020, selected: '990101' });
    const failed = await loadInto(store.getState(), () => Promise.reject(new Error('tiers.csv: HTTP 404')));
    expect(failed).toBe(false);
    expect(store.getState().data).toEqual({ status: 'error', message: 'tiers.csv: HTTP 404' });

    const loaded = await loadInto(store.getState(), () =>
      Promise.resolve({ dataset: syntheticDataset(), geometry: emptyGeometry() }),
    );
    expect(loaded).toBe(true);
    const s = store.getState();
    expect(s.data.status).toBe('ready');
    // What the user chose (and the link said) is kept through the retry.
    expect([s.year, s.selected]).toEqual([2020, '990101']);
  });

  it('reports something thrown that is not an Error as text', async () => {
    const store = createAppStore();
    await loadInto(store.getState(), () => Promise.reject('offline' as unknown as Error));
    expect(store.getState().data).toEqual({ status: 'error', message: 'offline' });
  });
});

describe('MapLoadFailed', () => {
  it('says nothing while loading or once loaded', () => {
    const store = createAppStore();
    expect(render(store, createElement(MapLoadFailed))).toBe('');
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    expect(render(store, createElement(MapLoadFailed))).toBe('');
  });

  it('names the failure and offers a retry, in both languages', () => {
    for (const [lang, title, retry] of [
      ['en', 'The data could not be loaded', 'Try again'],
      ['zh', '数据加载失败', '重试'],
    ] as const) {
      const store = createAppStore({ lang });
      store.getState().dataFailed('hebei.topo.json: Failed to fetch');
      const html = render(store, createElement(MapLoadFailed));
      expect(html).toMatch(new RegExp(`<h2 id="map-load-failed-title"[^>]*>${title}</h2>`));
      expect(html).toContain('role="alert"');
      expect(html).toContain('hebei.topo.json: Failed to fetch');
      expect(html).toContain(`>${retry}</button>`);
    }
  });
});

describe('MapFallback', () => {
  it('tells a worker that did not load from missing WebGL, and offers a reload only for the former', () => {
    expect(noMapTextKey('WebGL is not available (no webgl2 or webgl context)')).toBe('robustNoMapText');
    expect(noMapTextKey('Failed to initialize WebGL')).toBe('robustNoMapText');
    expect(noMapTextKey('Worker failed to load. Check that the worker URL is correct.')).toBe('robustNoMapWorkerText');
    expect(noMapTextKey('something else')).toBe('robustNoMapOtherText');

    const store = createAppStore({ lang: 'en' });
    const worker = render(store, createElement(MapFallback, { reason: 'Worker failed to load.' }));
    expect(worker).toContain('worker script) did not load');
    expect(worker).toContain('>Reload the page</button>');
    const webgl = render(store, createElement(MapFallback, { reason: 'WebGL is not available' }));
    expect(webgl).toContain('so the map is drawn in 2D');
    expect(webgl).not.toContain('Reload the page');
    const zh = render(createAppStore({ lang: 'zh' }), createElement(MapFallback, { reason: 'Worker failed to load.' }));
    expect(zh).toContain('>重新加载页面</button>');
  });

  it('where WebGL is drawn in software, says the 2D map is quicker and offers the full map, which the store asks for', () => {
    const reason = `${SOFTWARE_WEBGL_REASON} (ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero))))`;
    expect(noMapTextKey(reason)).toBe('robustSoftwareMapText');
    const store = createAppStore({ lang: 'en' });
    const html = render(store, createElement(MapFallback, { reason }));
    expect(html).toContain('draws WebGL without a graphics card');
    expect(html).toContain('>Use the full map anyway</button>');
    expect(html).not.toContain('Reload the page');
    store.getState().mapFailed(reason);
    store.getState().requestFullMap();
    expect(store.getState()).toMatchObject({ fullMapRequested: true, mapUnavailable: null });
  });
});

describe('isSoftwareRenderer', () => {
  it('knows the software rasterisers by the names WebGL gives them, and no GPU by its own', () => {
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)')).toBe(
      true,
    );
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
    expect(isSoftwareRenderer('Apple M1')).toBe(false);
  });
});
