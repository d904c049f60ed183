/**
 * The places of code loaded on first use (src/features/details, share, embed), server-rendered
 * before their code is in, and a chunk's import tried again after a failure
 * (retryableImport in src/components/lazy-feature.tsx).
 */
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { failedScript, retryableImport } from '../../src/components/lazy-feature';
import type { Year } from '../../src/domain/types';
import { DetailsPanel } from '../../src/features/details';
import { EmbedFooter } from '../../src/features/embed';
import { ShareButton } from '../../src/features/share';
import { createAppStore, type AppStore, type InitialState } from '../../src/store/store';
import { StoreContext } from '../../src/store/use-app-store';
import { realDataset } from '../fixtures/builders';
import { emptyGeometry } from '../fixtures/empty-geometry';

const real = realDataset();

function render(element: ReactElement, initial: InitialState): string {
  const store = createAppStore(initial);
  store.getState().dataLoaded(real, emptyGeometry());
  // Server rendering reads the store's initial state; the loaded state stands in for it here.
  const loaded: AppStore = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(createElement(StoreContext.Provider, { value: loaded }, element));
}

describe('before their code is in', () => {
  it('the details place shows the selected unit and Loading…, busy', () => {
    const html = render(createElement(DetailsPanel), { year: 2023 as Year, selected: '130131', lang: 'en' });
    expect(html).toContain('class="details-panel" aria-busy="true"');
    expect(html).toContain('<h2 tabindex="-1">Pingshan County <span lang="zh">平山县</span></h2>');
    expect(html).toContain('<p role="status">Loading…</p>');
    expect(html).not.toContain('Try again');
  });

  it('the details place in Chinese, and nothing without a selection', () => {
    const zh = render(createElement(DetailsPanel), { year: 2023 as Year, selected: '130131', lang: 'zh' });
    expect(zh).toContain('<h2 tabindex="-1">平山县</h2>');
    expect(zh).toContain('正在加载…');
    expect(render(createElement(DetailsPanel), { year: 2023 as Year, lang: 'en' })).toBe('');
  });

  it('Share is a button that opens a dialog, without the dialog yet', () => {
    const html = render(createElement(ShareButton), { lang: 'en' });
    expect(html).toContain('id="share-button"');
    expect(html).toContain('aria-haspopup="dialog" aria-expanded="false" aria-busy="false"');
    expect(html).toContain('>Share</button>');
    expect(html).not.toContain('<dialog');
  });

  it('the embed footer keeps the source line, and says Loading… where the link goes', () => {
    const html = render(createElement(EmbedFooter, { explorerHref: () => 'http://example.test/' }), { lang: 'en' });
    expect(html).toContain('<footer class="embed-footer" aria-busy="true">');
    expect(html).toContain('Data: Hebei’s county innovation evaluations');
    expect(html).toContain('Loading…');
    expect(html).not.toContain('<a ');
  });
});

describe('retryableImport', () => {
  it('finds the chunk a failed dynamic import names (Chromium, Firefox), or none', () => {
    expect(
      failedScript(
        new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:4173/assets/share-dialog-Bk1.js'),
      ),
    ).toBe('http://127.0.0.1:4173/assets/share-dialog-Bk1.js');
    expect(failedScript(new TypeError('error loading dynamically imported module: https://x.test/a/b-c.mjs'))).toBe(
      'https://x.test/a/b-c.mjs',
    );
    expect(failedScript(new Error('offline'))).toBeNull();
    expect(failedScript('Importing a module script failed.')).toBeNull();
  });

  it('loads as given until a failure names the chunk; then not the same address again', async () => {
    let loads = 0;
    const load = retryableImport(() => {
      loads += 1;
      return Promise.reject(
        new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:1/assets/x-1.js'),
      );
    });
    await expect(load()).rejects.toThrow('x-1.js');
    // The next try goes to x-1.js?retry=1 (nothing listens on port 1 here): not through `load`.
    await expect(load()).rejects.toBeDefined();
    expect(loads).toBe(1);
  });

  it('tries the given import again when the failure names no chunk', async () => {
    let attempt = 0;
    const load = retryableImport(() => {
      attempt += 1;
      return attempt === 1 ? Promise.reject(new Error('offline')) : Promise.resolve('in');
    });
    await expect(load()).rejects.toThrow('offline');
    await expect(load()).resolves.toBe('in');
    expect(attempt).toBe(2);
  });
});
