/**
 * Panel error boundaries and the no-WebGL fallback, rendered to strings (no DOM). Error
 * boundaries do not catch during server rendering, so the boundary's pieces are tested directly:
 * the state it derives from an error and what it renders in that state. The real catch is
 * React's; the page-level behaviour is covered by tests/e2e/robustness.e2e.ts.
 */
import { createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../src/store/store';
import { StoreContext } from '../../src/store/use-app-store';
import { PanelBoundary } from '../../src/components/error-boundary';
import { MapFallback } from '../../src/features/map-status/map-fallback';

const render = (store: AppStore, node: ReactNode) =>
  renderToString(createElement(StoreContext.Provider, { value: store }, node));

describe('PanelBoundary', () => {
  it('keeps the error (an Error even when something else was thrown)', () => {
    const error = new Error('boom');
    expect(PanelBoundary.getDerivedStateFromError(error).error).toBe(error);
    expect(PanelBoundary.getDerivedStateFromError('text').error?.message).toBe('text');
  });

  it('renders its children while nothing failed', () => {
    const html = render(
      createAppStore(),
      createElement(PanelBoundary, { name: 'test' }, createElement('p', null, 'ok')),
    );
    expect(html).toBe('<p>ok</p>');
  });

  it('renders a translated message and a retry button after an error', () => {
    for (const [lang, message, retry] of [
      ['en', 'This panel could not be shown: boom', 'Try again'],
      ['zh', '此面板无法显示：boom', '重试'],
    ] as const) {
      const boundary = new PanelBoundary({ name: 'test' });
      boundary.state = PanelBoundary.getDerivedStateFromError(new Error('boom'));
      const html = render(createAppStore({ lang }), boundary.render());
      expect(html).toContain(message);
      expect(html).toContain(`>${retry}</button>`);
      expect(html).toContain('role="alert"');
    }
  });

  it('escapes the error message (it may quote a pasted link)', () => {
    const boundary = new PanelBoundary({ name: 'test' });
    boundary.state = { error: new Error('<img src=x onerror=alert(1)>') };
    const html = render(createAppStore(), boundary.render());
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });
});

describe('map unavailable', () => {
  it('is recorded by the store', () => {
    const store = createAppStore();
    expect(store.getState().mapUnavailable).toBeNull();
    store.getState().mapFailed('no WebGL');
    expect(store.getState().mapUnavailable).toBe('no WebGL');
  });

  it('the note over the 2D map explains it, in both languages', () => {
    const en = render(createAppStore(), createElement(MapFallback, { reason: 'no WebGL' }));
    expect(en).toContain('Simple map');
    expect(en).toContain('so the map is drawn in 2D');
    expect(en).toContain('Reason: no WebGL');
    expect(en).toContain('>Close</button>');
    const zh = render(createAppStore({ lang: 'zh' }), createElement(MapFallback, { reason: 'no WebGL' }));
    expect(zh).toContain('简易地图');
    expect(zh).toContain('以二维方式绘制');
  });
});
