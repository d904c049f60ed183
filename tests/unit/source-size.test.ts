/**
 * The sizes issue 14 set for src/: no file over 450 lines, and at most four over 350 (code and
 * stylesheets alike). A file that grows past them is a file doing more than one thing: split it
 * where its concerns part (src/README.md says where each thing lives).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(tsx?|css)$/.test(name) ? [path] : [];
  });
}

const lines = (path: string) => readFileSync(path, 'utf8').split('\n').length - 1;
const sizes = files(SRC).map((path) => ({ file: relative(SRC, path), lines: lines(path) }));

describe('source file sizes (issue 14)', () => {
  it('reads every source file', () => {
    expect(sizes.length).toBeGreaterThan(100);
    expect(sizes.some((s) => s.file.endsWith('.css'))).toBe(true);
  });

  it('has no file over 450 lines', () => {
    expect(sizes.filter((s) => s.lines > 450)).toEqual([]);
  });

  it('has at most four files over 350 lines', () => {
    expect(sizes.filter((s) => s.lines > 350).length).toBeLessThanOrEqual(4);
  });
});
