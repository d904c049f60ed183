/**
 * Debian's Chromium driven by playwright-core, offline: every request to a host other than the
 * loopback interface is blocked and counted, so each test can assert the app made none.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  // WebGL through SwiftShader (software), since there is no GPU.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/**
 * Added by `launchBrowser({ webgl: false })`: `document.createElement('canvas').getContext('webgl2')`
 * and `('webgl')` return null (a browser whose WebGL is blocked). OffscreenCanvas still has it.
 */
export const NO_WEBGL_ARGS = ['--disable-webgl', '--disable-3d-apis'];

/** `webgl: false` launches a browser without WebGL (NO_WEBGL_ARGS); the default keeps SwiftShader's. */
export async function launchBrowser(options: { webgl?: boolean } = {}): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const args = options.webgl === false ? [...CHROMIUM_ARGS, ...NO_WEBGL_ARGS] : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args });
}

export interface OfflinePage {
  context: BrowserContext;
  page: Page;
  /** URLs of requests to non-loopback hosts, all of which were blocked. */
  externalRequests: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

export function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return LOOPBACK.test(hostname);
}

/** src/map/webgl.ts FULL_MAP_KEY: the tab's choice of the full map where WebGL is drawn in software. */
export const FULL_MAP_KEY = 'hebei-explorer:full-map-on-software-webgl';

/**
 * `context` overrides the defaults for a whole device, e.g. a phone (viewport, touch, scale).
 * `renderer`: this machine's WebGL is SwiftShader, a software rasteriser, where the explorer keeps
 * its 2D map unless the user chose the full map in the tab; 'full' (the default) makes that choice
 * before the page loads, so the pages exercise MapLibre as on a machine with a GPU; 'auto' leaves
 * the explorer's own choice.
 */
export async function openOfflinePage(
  browser: Browser,
  options: {
    width?: number;
    height?: number;
    locale?: string;
    context?: BrowserContextOptions;
    renderer?: 'full' | 'auto';
  } = {},
): Promise<OfflinePage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    deviceScaleFactor: 1,
    locale: options.locale ?? 'en-US',
    ...options.context,
  });
  if ((options.renderer ?? 'full') === 'full') {
    await context.addInitScript((key) => {
      try {
        window.sessionStorage.setItem(key, '1');
      } catch {
        // about:blank and opaque origins have no session storage: nothing to choose there.
      }
    }, FULL_MAP_KEY);
  }
  const externalRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    externalRequests.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    // MapLibre only warns of an image its style lacks, and the tiles that needed it are drawn
    // without it: a hatch missing from the map is an error here.
    else if (m.type() === 'warning' && MAPLIBRE_MISSING_IMAGE.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return { context, page, externalRequests, errors };
}

/** MapLibre's warning for an image a tile needs that the style does not have. */
const MAPLIBRE_MISSING_IMAGE = /^Image ".*" could not be loaded/;

/** Waits for a User Timing mark the app sets (e.g. 'choropleth-ready'). */
export async function waitForMark(page: Page, name: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction((n) => performance.getEntriesByName(n, 'mark').length > 0, name, { timeout });
}
