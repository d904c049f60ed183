/**
 * The import graph of src/, read from the source with a regular expression over
 * `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')` (relative specifiers
 * only). What ESLint's per-file rules cannot see (src/README.md, "Who may import whom"):
 * - no cycle between feature folders (src/features/<name>/), type-only imports included;
 * - src/map/gl/ is loaded by import() only: outside it no file imports it statically, except for
 *   types (`import type`, erased from the bundle).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The module a relative specifier names, or null (a package, a stylesheet, an asset). */
function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((c) => /\.tsx?$/.test(c) && existsSync(c) && statSync(c).isFile()) ?? null;
}

interface Edge {
  from: string;
  to: string;
  /** `import type`, `export type`, or every named specifier marked `type`. */
  typeOnly: boolean;
  dynamic: boolean;
}

/** Every relative import of a file: static (with whether it is type-only) and dynamic. */
function importsOf(file: string, source: string): Edge[] {
  const edges: Edge[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?(?:([^'";]*?)\s*\bfrom\s*)?['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(statement)) {
    const to = resolveSpecifier(file, m[4] ?? '');
    if (!to) continue;
    const clause = (m[3] ?? '').trim();
    const named = /^\{([^}]*)\}$/s.exec(clause)?.[1];
    const specifiers =
      named
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean) ?? [];
    const allTyped = specifiers.length > 0 && specifiers.every((s) => s.startsWith('type '));
    edges.push({ from: file, to, typeOnly: m[2] !== undefined || allTyped, dynamic: false });
  }
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const to = resolveSpecifier(file, m[1] ?? '');
    if (to) edges.push({ from: file, to, typeOnly: false, dynamic: true });
  }
  return edges;
}

const files = sourceFiles(SRC);
const edges = files.flatMap((f) => importsOf(f, readFileSync(f, 'utf8')));
const rel = (file: string) => relative(SRC, file).split(sep).join('/');

/** The feature folder a file is in (features/<name>/…), or null. */
const featureOf = (file: string) => /^features\/([^/]+)\//.exec(rel(file))?.[1] ?? null;

/** The cycles of a directed graph (one per strongly connected component of two or more nodes). */
function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      for (;;) {
        const w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
        if (w === v) break;
      }
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the import graph of src/', () => {
  it('is read: the files and their imports are found', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.some((e) => rel(e.from) === 'main.tsx')).toBe(true);
    expect(edges.some((e) => e.dynamic && rel(e.to) === 'map/gl/map-controller.ts')).toBe(true);
  });

  it('finds a cycle where there is one (the check can fail)', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
  });

  it('has no cycle between feature folders', () => {
    const graph = new Map<string, Set<string>>();
    const why = new Map<string, string>();
    for (const e of edges) {
      const from = featureOf(e.from);
      const to = featureOf(e.to);
      if (from === null || to === null || from === to) continue;
      graph.set(from, (graph.get(from) ?? new Set()).add(to));
      why.set(`${from}→${to}`, `${rel(e.from)} imports ${rel(e.to)}`);
    }
    const found = cycles(graph).map((c) => ({
      features: c,
      imports: [...why].filter(([k]) => c.includes(k.split('→')[0] ?? '') && c.includes(k.split('→')[1] ?? '')),
    }));
    expect(found).toEqual([]);
  });

  it('imports src/map/gl statically only from inside it (elsewhere import() or types only)', () => {
    const static_ = edges.filter(
      (e) => !e.dynamic && !e.typeOnly && rel(e.to).startsWith('map/gl/') && !rel(e.from).startsWith('map/gl/'),
    );
    expect(static_.map((e) => `${rel(e.from)} imports ${rel(e.to)}`)).toEqual([]);
  });
});
