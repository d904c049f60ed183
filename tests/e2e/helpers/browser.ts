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

/** `context` overrides the defaults for a whole device, e.g. a phone (viewport, touch, scale). */
export async function openOfflinePage(
  browser: Browser,
  options: { width?: number; height?: number; locale?: string; context?: BrowserContextOptions } = {},
): Promise<OfflinePage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    deviceScaleFactor: 1,
    locale: options.locale ?? 'en-US',
    ...options.context,
  });
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
  });
  return { context, page, externalRequests, errors };
}

/** Waits for a User Timing mark the app sets (e.g. 'choropleth-ready'). */
export async function waitForMark(page: Page, name: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction((n) => performance.getEntriesByName(n, 'mark').length > 0, name, { timeout });
}
