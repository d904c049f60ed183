/**
 * The notices (src/features/notices/notices.tsx), rendered to strings (no DOM): a long list shows its first
 * items and a "Show all" button, actions are buttons, only the newest notices are shown with a
 * button for the earlier ones, and "Dismiss all" appears from two notices on. Clicks, focus and
 * the layout are covered in a browser by tests/e2e/notices.e2e.ts.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../src/store/store';
import { StoreContext } from '../../src/store/use-app-store';
import { DETAILS_SHOWN, NOTICES_SHOWN, Notices } from '../../src/features/notices/notices';

/** Server rendering reads the store's initial state: hand it the current one instead. */
const render = (store: AppStore) => {
  const value: AppStore = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(createElement(StoreContext.Provider, { value }, createElement(Notices)));
};

/** How often a pattern occurs in the markup. */
const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

describe('Notices', () => {
  it('renders an empty, labelled list when there is nothing to say', () => {
    const html = render(createAppStore({ lang: 'en' }));
    expect(html).toBe('<div class="notices"><ul id="notices-list" aria-label="Notices"></ul></div>');
  });

  it('shows the first items of a long list and a collapsed "Show all" button', () => {
    const store = createAppStore({ lang: 'en' });
    const details = Array.from({ length: 399 }, (_, i) => `Ignored year=${i}`);
    store.getState().notify('warning', '399 parts of this link were ignored', { details });
    const html = render(store);
    expect(count(html, /<li>Ignored year=/g)).toBe(DETAILS_SHOWN);
    expect(html).toContain('role="alert"');
    expect(html).toMatch(
      /<button type="button" class="notice-toggle" aria-expanded="false" aria-controls="notice-\d+-more"[^>]*>Show all 399<\/button>/,
    );
    // The rest is not in the page until asked for (a link can hold thousands).
    expect(html).not.toContain('Ignored year=3<');
    expect(html).not.toContain('Dismiss all');
  });

  it('needs no toggle for a short list, and uses role=status for information', () => {
    const store = createAppStore({ lang: 'zh' });
    store.getState().notify('info', '已保存', { details: ['一', '二', '三'] });
    const html = render(store);
    expect(html).toContain('role="status"');
    expect(html).not.toContain('notice-toggle');
    expect(count(html, /<li>[一二三]<\/li>/g)).toBe(3);
    expect(html).toContain('>关闭</button>');
  });

  it('renders actions as plain app buttons with the given labels', () => {
    const store = createAppStore({ lang: 'en' });
    store.getState().notify('warning', 'A stored backup could not be read', {
      actions: [
        { label: 'Download it', run: () => undefined },
        { label: 'Remove it', run: () => undefined },
      ],
    });
    const html = render(store);
    expect(html).toMatch(
      /<div class="notice-actions"><button type="button" class="btn" aria-describedby="notice-\d+">Download it<\/button><button type="button" class="btn" aria-describedby="notice-\d+">Remove it<\/button><\/div>/,
    );
  });

  it('shows the newest notices only, with "Dismiss all" and a button for the earlier ones', () => {
    const store = createAppStore({ lang: 'en' });
    for (let i = 1; i <= 5; i += 1) store.getState().notify('info', `notice ${i}`);
    const html = render(store);
    expect(count(html, /class="notice notice-info"/g)).toBe(NOTICES_SHOWN);
    expect(html).not.toContain('notice 1<');
    expect(html).toContain('notice 5<');
    expect(html).toContain('5 notices');
    expect(html).toContain('>Show 2 earlier notices</button>');
    expect(html).toContain('>Dismiss all</button>');

    const zh = createAppStore({ lang: 'zh' });
    zh.getState().notify('info', '一');
    zh.getState().notify('warning', '二');
    const zhHtml = render(zh);
    expect(zhHtml).toContain('2 条提示');
    expect(zhHtml).toContain('>全部关闭</button>');
    expect(zhHtml).not.toContain('较早');
  });

  it('renders quoted markup as text', () => {
    const store = createAppStore({ lang: 'en' });
    store.getState().notify('warning', '<img src=x onerror=alert(1)>', { details: ['<script>x</script>'] });
    const html = render(store);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
