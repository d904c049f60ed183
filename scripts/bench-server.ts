/**
 * A static server for the benchmark that behaves like a real host: gzip for text types (with
 * Content-Encoding and Content-Length of the compressed body) and the site's
 * Content-Security-Policy header (scripts/csp.ts), on the loopback interface only. Also what a
 * page received from it, by kind (watchBytes), for the benches that count bytes.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { securityHeaders } from './csp.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.csv', '.svg']);

export async function serveGzipped(
  dir: string,
  options: { headers?: Record<string, string> } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const headers = options.headers ?? securityHeaders();
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root}/index.html is missing: build the app first`);
  const cache = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    // Resolved against the origin by concatenation, not as a relative URL: '//x' would be read as
    // a host. A path that does not decode ('%') is a bad request, not a crash of the server.
    let path: string;
    try {
      path = decodeURIComponent(new URL(`http://127.0.0.1${req.url ?? '/'}`).pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    const ext = extname(file);
    const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    let body: Buffer = readFileSync(file);
    if (gzip) {
      body = cache.get(file) ?? gzipSync(body);
      cache.set(file, body);
    }
    res.writeHead(200, {
      ...headers,
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'content-length': body.length,
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) };
}

export type ByteKind = 'geometry' | 'data' | 'js' | 'css' | 'font' | 'other';

/** What a URL is, for the byte counts. */
export const byteKind = (url: string): ByteKind =>
  /\.topo[^/]*\.json/.test(url)
    ? 'geometry'
    : /\.csv/.test(url)
      ? 'data'
      : /\.m?js/.test(url)
        ? 'js'
        : /\.css/.test(url)
          ? 'css'
          : /\.woff2?/.test(url)
            ? 'font'
            : 'other';

/** A script's URL (.js or .mjs, query and fragment aside). */
export const isScript = (url: string): boolean => /\.m?js$/.test(new URL(url).pathname);

export interface Received {
  url: string;
  /** Bytes on the wire: the (gzip) body and the response headers. */
  encoded: number;
  /** The body as sent (gzip), without the headers. */
  body: number;
  decoded: number;
}

/** A page's Resource Timing entry, as far as the byte counts need it. */
interface Timed {
  name: string;
  responseEnd: number;
  encodedBodySize: number;
  decodedBodySize: number;
}

const TIMED = `performance.getEntriesByType('resource').map((e) => ({
  name: e.name, responseEnd: e.responseEnd, encodedBodySize: e.encodedBodySize, decodedBodySize: e.decodedBodySize,
}))`;

/**
 * Counts what a page receives, from the moment it is called: CDP Network events (call it before
 * `goto`). A dedicated worker's script (MapLibre's) is fetched outside the page's Network domain
 * on this Chromium, so `received` adds the page's Resource Timing entries CDP did not see.
 */
export async function watchBytes(cdp: CDPSession): Promise<{
  /** Every response so far, CDP's and then Resource Timing's (body sizes only: no header count). */
  received: (page: Page) => Promise<Received[]>;
  byKind: (page: Page) => Promise<Record<string, { encoded: number; decoded: number }>>;
  /** Script body bytes (gzip) the page had received by `time` (its clock), by Resource Timing. */
  scriptsBy: (page: Page, time: number) => Promise<number>;
}> {
  const requests = new Map<string, Received & { headers: number }>();
  const of = (id: string) => {
    const r = requests.get(id) ?? { url: '', encoded: 0, body: 0, decoded: 0, headers: 0 };
    requests.set(id, r);
    return r;
  };
  cdp.on('Network.responseReceived', (e) => {
    const r = of(e.requestId);
    r.url = e.response.url;
    r.headers = e.response.encodedDataLength;
  });
  cdp.on('Network.dataReceived', (e) => {
    of(e.requestId).decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = of(e.requestId);
    r.encoded = e.encodedDataLength;
    r.body = Math.max(0, e.encodedDataLength - r.headers);
  });
  await cdp.send('Network.enable');
  const timed = async (page: Page) => (await page.evaluate(TIMED)) as Timed[];
  const received = async (page: Page): Promise<Received[]> => {
    const seen = [...requests.values()].filter((r) => r.url !== '');
    const urls = new Set(seen.map((r) => r.url));
    const missed = (await timed(page))
      .filter((e) => !urls.has(e.name) && e.encodedBodySize > 0)
      .map((e) => ({ url: e.name, encoded: e.encodedBodySize, body: e.encodedBodySize, decoded: e.decodedBodySize }));
    return [...seen.map(({ url, encoded, body, decoded }) => ({ url, encoded, body, decoded })), ...missed];
  };
  return {
    received,
    byKind: async (page) => {
      const bytes: Record<string, { encoded: number; decoded: number }> = {};
      for (const r of await received(page)) {
        const k = byteKind(r.url);
        bytes[k] ??= { encoded: 0, decoded: 0 };
        bytes[k].encoded += r.encoded;
        bytes[k].decoded += r.decoded;
      }
      return bytes;
    },
    scriptsBy: async (page, time) =>
      (await timed(page))
        .filter((e) => isScript(e.name) && e.responseEnd > 0 && e.responseEnd <= time)
        .reduce((n, e) => n + e.encodedBodySize, 0),
  };
}
