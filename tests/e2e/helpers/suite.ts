/**
 * The shared setup of the end-to-end files: one server for the production build and one browser
 * per file, pages opened offline, and, after all tests, the assertions every page must meet:
 * no request outside the loopback interface and no page or console error.
 */
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser, openOfflinePage, waitForMark, type OfflinePage } from './browser';
import { serveDirectory, type StaticServer } from './static-server';

export interface OfflineSuite {
  /**
   * Opens the app at `path` (a query string) and waits until the map is interactive: MapLibre
   * has taken over from the 2D map, or (without WebGL) the 2D map is the map. `context`
   * sets the browser context (e.g. a phone: viewport, hasTouch, isMobile, deviceScaleFactor).
   */
  open: (
    path?: string,
    options?: {
      reducedMotion?: boolean;
      context?: BrowserContextOptions;
      initScript?: string;
      /** openOfflinePage's `renderer`: 'full' (default) or 'auto' (the explorer's own choice). */
      renderer?: 'full' | 'auto';
    },
  ) => Promise<OfflinePage>;
  /** The served build's base URL (known once the suite has started). */
  url: () => string;
}

/**
 * `webgl: false`: the pages open in a browser without WebGL (the 2D map stays the map).
 * `expectedErrors`: console errors the tests cause on purpose (e.g. a chunk made to fail is
 * logged as a failed resource), left out of the final check.
 */
export function offlineSuite(suiteOptions: { webgl?: boolean; expectedErrors?: RegExp } = {}): OfflineSuite {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  const sessions: OfflinePage[] = [];

  beforeAll(async () => {
    server = await serveDirectory(process.env.E2E_DIST ?? 'dist');
    browser = await launchBrowser(suiteOptions.webgl === false ? { webgl: false } : {});
  });

  afterAll(async () => {
    for (const s of sessions) {
      expect(s.externalRequests, 'requests outside the loopback interface').toEqual([]);
      const expected = suiteOptions.expectedErrors;
      expect(expected ? s.errors.filter((e) => !expected.test(e)) : s.errors, 'page and console errors').toEqual([]);
    }
    await browser?.close();
    await server?.close();
  });

  const url = () => {
    if (!server) throw new Error('the suite has not started');
    return server.url;
  };

  return {
    url,
    open: async (path = '', options = {}) => {
      if (!browser) throw new Error('the suite has not started');
      const session = await openOfflinePage(browser, {
        ...(options.context ? { context: options.context } : {}),
        ...(options.renderer ? { renderer: options.renderer } : {}),
      });
      await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url() });
      if (options.reducedMotion) await session.page.emulateMedia({ reducedMotion: 'reduce' });
      if (options.initScript) await session.page.addInitScript(options.initScript);
      sessions.push(session);
      await session.page.goto(url() + path);
      await waitForMark(session.page, 'map-interactive');
      return session;
    },
  };
}
