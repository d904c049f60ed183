/**
 * Prints what the browser downloads from the production build (dist/), raw and gzip, grouped
 * into code, data and geometry, and checks the geometry budget.
 *
 *   npm run build && npm run size
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** All unit geometry of both vintages plus outlines and context, gzip. Goal set in issue 2. */
const GEOMETRY_GZIP_BUDGET = 70 * 1024;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

// Vite adds a content hash to asset names: hebei.topo-<hash>.json.
const kind = (path: string) =>
  /\.topo(-[\w-]+)?\.json$/.test(path)
    ? 'geometry'
    : path.endsWith('.csv')
      ? 'data'
      : /\.(m?js|css|html)$/.test(path)
        ? 'code'
        : 'other';

const rows = files('dist')
  .filter((p) => !p.endsWith('.map'))
  .map((path) => {
    const bytes = readFileSync(path);
    return {
      path: relative('dist', path),
      kind: kind(path),
      raw: bytes.length,
      gzip: gzipSync(bytes).length,
    };
  })
  .sort((a, b) => a.kind.localeCompare(b.kind) || b.gzip - a.gzip);

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${'file'.padEnd(52)} ${'kind'.padEnd(9)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}`);
for (const r of rows)
  console.log(`${r.path.padEnd(52)} ${r.kind.padEnd(9)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)}`);
const totals = new Map<string, { raw: number; gzip: number }>();
for (const r of rows) {
  const t = totals.get(r.kind) ?? { raw: 0, gzip: 0 };
  totals.set(r.kind, { raw: t.raw + r.raw, gzip: t.gzip + r.gzip });
}
console.log('');
for (const [k, t] of totals)
  console.log(`${k.padEnd(9)} raw ${kb(t.raw).padStart(10)}  gzip ${kb(t.gzip).padStart(10)}`);
const geometry = totals.get('geometry')?.gzip ?? 0;
console.log(`\ngeometry gzip ${kb(geometry)} (budget ${kb(GEOMETRY_GZIP_BUDGET)})`);
if (geometry === 0 || geometry > GEOMETRY_GZIP_BUDGET) {
  console.error(geometry === 0 ? 'no geometry file found in dist/' : 'geometry is over budget');
  process.exit(1);
}
