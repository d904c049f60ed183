/**
 * The site's Content-Security-Policy, in one place. Used by `vite preview` (vite.config.ts), the
 * end-to-end static server (tests/e2e/helpers/static-server.ts), the benchmark server
 * (scripts/bench-server.ts), and, as a <meta> tag, by the built index.html itself, so that any
 * static host that sends no header still applies it. docs/security.md explains each source.
 *
 * The policy is the strict starting point of issue 6 with one change, a tightening: workers
 * come only from our own origin (no `blob:`). Nothing is loosened. The comments say why each
 * source is allowed; tests/e2e/security.e2e.ts drives the app under it and expects no violation.
 */
import type { Plugin } from 'vite';

export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  // Only the bundled modules: no inline script and no eval. MapLibre 6 needs neither (its
  // worker only evals in importScriptInWorkers, which we never call).
  'script-src': ["'self'"],
  // MapLibre 6 starts its worker as a module worker from the file Vite emits
  // (`maplibre-gl-worker.mjs?url`, set with setWorkerUrl in src/map/map-controller.ts). It is
  // same-origin, so MapLibre does not wrap it in a blob: URL (it does so only for a cross-origin
  // worker, e.g. from a CDN): `blob:` is not needed here. MapLibre's docs list `worker-src 'self'`.
  'worker-src': ["'self'"],
  // The CSV and geometry files, and the Latin font MapLibre fetches for its labels.
  'connect-src': ["'self'"],
  // data: and blob: are what MapLibre's docs ask for (images it decodes from data it fetched or
  // was given); the app's own PNG export also goes through a blob.
  'img-src': ["'self'", 'data:', 'blob:'],
  // Stylesheets are files; the inline styles React, MapLibre and d3 set go through the CSSOM
  // (element.style), which style-src does not govern, so no 'unsafe-inline'.
  'style-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  // Only as an HTTP header: browsers ignore frame-ancestors in a <meta> tag (and warn). Any page
  // may frame the site (issue 15): the embedded view (`?embed=1`) is made for articles on other
  // hosts, and a static host sends one header for every query string, so the explorer can be
  // framed too. What a framing page could trick a reader into is small: the explorer changes
  // nothing but its own view and this browser's imported layers, which need a paste or a file.
  'frame-ancestors': ['*'],
};

/** Directives a <meta http-equiv> policy may not carry (CSP 3 §3.3). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The policy as a header value (`for: 'meta'` leaves out what a <meta> tag may not carry). */
export function contentSecurityPolicy(options: { for?: 'header' | 'meta' } = {}): string {
  return Object.entries(CSP_DIRECTIVES)
    .filter(([name]) => options.for !== 'meta' || !HEADER_ONLY.has(name))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The response headers every server of the built site sends. */
export function securityHeaders(): Record<string, string> {
  return { 'Content-Security-Policy': contentSecurityPolicy() };
}

/**
 * Puts the policy into the built index.html right after <meta charset>, before any script or
 * stylesheet, so it is in force for everything the page loads. Build only: the dev server's
 * React refresh needs inline scripts.
 */
export function cspMetaPlugin(): Plugin {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ for: 'meta' })}" />`;
  return {
    name: 'hebei-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
        if (!charset) throw new Error('index.html has no <meta charset>: the CSP <meta> goes right after it');
        const at = charset.index + charset[0].length;
        return `${html.slice(0, at)}\n    ${tag}${html.slice(at)}`;
      },
    },
  };
}
