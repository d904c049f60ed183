/**
 * The on-demand messages (each feature's on-demand-messages.ts, src/i18n/i18n.ts): read from the
 * source, statically.
 * - Every module that names one of their keys imports the file that holds it, so the message is
 *   there wherever that module's code runs (a key named without it would show as the bare key).
 * - None of those files is reached from src/main.tsx by static imports: they stay out of the first
 *   view's script, which is what they are for.
 * - Importing one adds its messages in both languages; no key is in two of them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t, type MessageKey } from '../../src/i18n';

const SRC = resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = sourceFiles(SRC);
const text = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
const onDemand = files.filter((f) => f.endsWith('/on-demand-messages.ts'));

/** The module a relative specifier names, or null (a package, a stylesheet, an asset). */
function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * The modules a file imports at run time: `import … from`, `export … from` and bare `import '…'`,
 * not `import type` / `export type` and not dynamic import() (a chunk loaded on demand).
 */
function runtimeImports(file: string): string[] {
  const found: string[] = [];
  const statement = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\bfrom\s*)?['"]([^'"]+)['"]/gm;
  for (const m of (text.get(file) ?? '').matchAll(statement)) {
    const target = m[1] === undefined ? null : resolveSpecifier(file, m[1]);
    if (target) found.push(target);
  }
  return found;
}

async function keysOf(file: string): Promise<string[]> {
  const mod = (await import(file)) as { en: Record<string, string>; zh: Record<string, string> };
  expect(Object.keys(mod.zh).sort()).toEqual(Object.keys(mod.en).sort());
  return Object.keys(mod.en);
}

describe('on-demand messages', () => {
  it('are imported by every module that names one of their keys', async () => {
    expect(onDemand.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const holder of onDemand) {
      const keys = await keysOf(holder);
      for (const file of files) {
        if (file === holder || /messages\.ts$/.test(file)) continue;
        const named = keys.filter((k) => new RegExp(`['"\`]${k}['"\`]`).test(text.get(file) ?? ''));
        if (named.length > 0 && !runtimeImports(file).includes(holder)) {
          missing.push(`${relative(SRC, file)} names ${named.slice(0, 3).join(', ')} of ${relative(SRC, holder)}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('are not reached from the entry by static imports (not in the first view)', () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const next of runtimeImports(file)) visit(next);
    };
    visit(join(SRC, 'main.tsx'));
    expect(reached.size).toBeGreaterThan(50);
    expect(onDemand.filter((f) => reached.has(f)).map((f) => relative(SRC, f))).toEqual([]);
  });

  it('add both languages when imported, under keys of their own', async () => {
    for (const holder of onDemand) {
      const mod = (await import(holder)) as { en: Record<string, string>; zh: Record<string, string> };
      for (const [key, en] of Object.entries(mod.en)) {
        // Without parameters t leaves each {placeholder} as it is.
        expect(t('en', key as MessageKey), key).toBe(en);
        expect(t('zh', key as MessageKey), key).toBe(mod.zh[key]);
      }
    }
    // A key in two files would make the later one win silently.
    const all = (await Promise.all(onDemand.map(keysOf))).flat();
    expect(new Set(all).size).toBe(all.length);
  });
});
