/**
 * A static server for the benchmark that behaves like a real host: gzip for text types (with
 * Content-Encoding and Content-Length of the compressed body) and the site's
 * Content-Security-Policy header (scripts/csp.ts), on the loopback interface only.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { securityHeaders } from './csp.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.csv', '.svg']);

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
