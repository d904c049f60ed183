/**
 * The import section of `npm run bench` (issue 17): parsing is linear in the input, and the
 * largest paste the dialog takes previews quickly without holding the page.
 *
 * - In Node: parseImportText on inputs of 25,000 to 200,000 characters, shaped the way text
 *   that froze or broke the old parser was (long white-space runs from a PDF copy, a long run of
 *   punctuation, a header followed by padding, runs of brackets of every kind, a list of names
 *   far over the entry limit) and ordinary notices. Each size's best of several runs; the
 *   figure is the time per character at 200,000 over the time per character at 25,000, per
 *   shape: 1 for linear growth, 8^0.5 ≈ 2.83 for n^1.5, 8 for quadratic.
 * - In Node, files: readImportInput on file bytes of 256 KiB and of the 2 MiB limit (decoding,
 *   parsing, resolving), for the shapes that were slowest or overflowed the stack (a 1.17 MB
 *   list of 赵县、 did). The same figure per byte: 2 MiB is 8 × 256 KiB.
 * - In the page: a 199,999-character notice (every unit's name once, padded with white space as
 *   a PDF copy can be) pasted into the dialog; Preview → the preview drawn, and the longest
 *   main-thread task meanwhile.
 */
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { parseImportText, readImportInput } from '../src/domain/import/index.ts';
import { IMPORT_LIMITS } from '../src/domain/import/types.ts';
import { openOfflinePage, waitForMark } from '../tests/e2e/helpers/browser.ts';
import { realDataset } from '../tests/fixtures/import/real-data.ts';

const SIZES = [25_000, 50_000, 100_000, 200_000] as const;
const RUNS = 7;

const units = realDataset().units;
const names = units.map((u) => u.nameZh);

/** Text of exactly `n` characters: `unit` repeated, cut. */
const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** A notice of `n` characters: a header, then every unit's name with white space between. */
function paddedNotice(n: number): string {
  const head = '2023年度 A类县（市、区）（共167个，以分数从高到低为序）：';
  const gap = Math.max(1, Math.floor((n - head.length - names.join('、').length) / names.length));
  const text = head + names.map((name) => `${name}、${' \u3000\t'.repeat(gap).slice(0, gap - 1)}\n`).join('');
  return text.padEnd(n, ' ').slice(0, n);
}

export const SHAPES: Record<string, (n: number) => string> = {
  'spaces then a name': (n) => `${' '.repeat(n - 3)}鹿泉区`,
  'colon after spaces': (n) => `石家庄市${' '.repeat(n - 5)}x`,
  'header then padding': (n) => `2023年 A类${' '.repeat(n - 12)}：鹿泉区`,
  'name then punctuation': (n) => `鹿泉区${'-'.repeat(n - 3)}`,
  'padded notice': paddedNotice,
  'dense names': (n) => fill('鹿泉区、栾城区、', n),
  'names with PDF spaces': (n) => fill('鹿泉区' + ' '.repeat(40) + '、', n),
  // Each dropped bracket left a space: a run of them was a run of spaces (cubic before).
  'brackets then a name': (n) => `${fill('（）', n - 3)}鹿泉区`,
  'mixed bracket runs': (n) => `${fill('()[]【】〔〕( )(1)', n - 3)}鹿泉区`,
  'brackets at a heading': (n) => `石家庄市${fill('()', n - 12)}（7个）：鹿泉区`,
  'brackets in a header': (n) => `2023年 A类${fill('【】', n - 22)}（共2个）：鹿泉区、栾城区`,
  // Far over the entry limit (the list overflowed the call stack at about 130,000 names).
  'names over the limit': (n) => fill('赵县、', n),
  'tier headers': (n) => fill('A类：', n),
  colons: (n) => fill('：', n),
};

/** File sizes in bytes: 256 KiB and the 2 MiB limit (8×, as the text sizes). */
const FILE_SIZES = [IMPORT_LIMITS.maxFileBytes / 8, IMPORT_LIMITS.maxFileBytes] as const;
const FILE_RUNS = 5;

/** UTF-8 bytes of `unit` repeated, at most `bytes` long. */
function fileOf(unit: string, bytes: number): Uint8Array {
  const one = new TextEncoder().encode(unit).length;
  return new TextEncoder().encode(unit.repeat(Math.floor(bytes / one)));
}

export const FILE_SHAPES: Record<string, (bytes: number) => Uint8Array> = {
  'names over the limit': (b) => fileOf('赵县、', b),
  'brackets then names': (b) => fileOf('（）（ ）【1】鹿泉区、', b),
  // Its ideographic spaces and names take 3 bytes a character: half as many characters fit.
  'padded notice': (b) => new TextEncoder().encode(paddedNotice(Math.floor(b / 2))),
  'tier headers': (b) => fileOf('A类：', b),
  'white space': (b) => fileOf(' \u3000\t\n', b),
};

export interface ImportFigures {
  /** Shape → size → best time (ms). */
  parseMs: Record<string, Record<number, number>>;
  /** Shape → time per character at the largest size ÷ at the smallest. */
  growth: Record<string, number>;
  /** File shape → size in bytes → best time to read it (ms). */
  fileMs: Record<string, Record<number, number>>;
  /** File shape → time per byte at 2 MiB ÷ at 256 KiB. */
  fileGrowth: Record<string, number>;
  /** The worst of `growth` and `fileGrowth`. */
  worstGrowth: number;
  page: { previewMs: number; longestTaskMs: number };
}

const defaults = { year: 2023, tier: 'A' as const, scoreOrdered: false };

/** Time per unit at the larger size ÷ at the smaller; a floor of 0.05 ms keeps timer resolution out. */
const growthOf = (bySize: Record<number, number>, first: number, last: number) =>
  (bySize[last] ?? NaN) / last / (Math.max(0.05, bySize[first] ?? 0) / first);

function measureFiles(): Pick<ImportFigures, 'fileMs' | 'fileGrowth'> {
  const fileMs: ImportFigures['fileMs'] = {};
  const fileGrowth: ImportFigures['fileGrowth'] = {};
  for (const [shape, make] of Object.entries(FILE_SHAPES)) {
    const bySize: Record<number, number> = {};
    for (const size of FILE_SIZES) {
      const bytes = make(size);
      readImportInput({ kind: 'bytes', bytes }, defaults, units); // warm-up
      let best = Infinity;
      for (let r = 0; r < FILE_RUNS; r += 1) {
        const t0 = performance.now();
        readImportInput({ kind: 'bytes', bytes }, defaults, units);
        best = Math.min(best, performance.now() - t0);
      }
      bySize[size] = best;
    }
    fileMs[shape] = bySize;
    fileGrowth[shape] = growthOf(bySize, FILE_SIZES[0], FILE_SIZES[1]);
  }
  return { fileMs, fileGrowth };
}

function measureParse(): Pick<ImportFigures, 'parseMs' | 'growth'> {
  const parseMs: ImportFigures['parseMs'] = {};
  const growth: ImportFigures['growth'] = {};
  for (const [shape, make] of Object.entries(SHAPES)) {
    const bySize: Record<number, number> = {};
    for (const size of SIZES) {
      const text = make(size);
      parseImportText(text, defaults); // warm-up
      let best = Infinity;
      for (let r = 0; r < RUNS; r += 1) {
        const t0 = performance.now();
        parseImportText(text, defaults);
        best = Math.min(best, performance.now() - t0);
      }
      bySize[size] = best;
    }
    parseMs[shape] = bySize;
    growth[shape] = growthOf(bySize, SIZES[0], SIZES[SIZES.length - 1] ?? SIZES[0]);
  }
  return { parseMs, growth };
}

/** The text and file figures, without the page's. */
export function measureNode(): Omit<ImportFigures, 'page'> {
  const parse = measureParse();
  const files = measureFiles();
  const all = [...Object.values(parse.growth), ...Object.values(files.fileGrowth)];
  return { ...parse, ...files, worstGrowth: all.reduce((a, b) => Math.max(a, b), 0) };
}

async function measurePage(browser: Browser, url: string): Promise<ImportFigures['page']> {
  const session = await openOfflinePage(browser);
  const { page } = session;
  try {
    await page.goto(url);
    // Once MapLibre has taken over from the 2D map: its start would otherwise share the main
    // thread with the preview measured here.
    await waitForMark(page, 'map-interactive');
    await page.waitForTimeout(1000);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import tier results' });
    const text = paddedNotice(IMPORT_LIMITS.maxTextChars - 1);
    await dialog.getByRole('textbox', { name: 'Notice text' }).fill(text);
    await page.waitForTimeout(500);
    // Timed in the page: click → the preview's heading is in the DOM, polled every frame.
    const measured = (await page.evaluate(`(async () => {
      const tasks = [];
      const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); });
      observer.observe({ type: 'longtask' });
      const button = [...document.querySelectorAll('dialog button')].find((b) => b.textContent.trim() === 'Preview');
      const t0 = performance.now();
      button.click();
      await new Promise((done) => {
        const check = () => {
          const h = [...document.querySelectorAll('dialog h3')].find((e) => e.textContent.includes('Preview'));
          if (h || performance.now() - t0 > 20000) done(); else requestAnimationFrame(check);
        };
        check();
      });
      const ms = performance.now() - t0;
      await new Promise((r) => setTimeout(r, 50));
      observer.disconnect();
      return { ms, longest: Math.max(0, ...tasks) };
    })()`)) as { ms: number; longest: number };
    return { previewMs: measured.ms, longestTaskMs: measured.longest };
  } finally {
    await session.context.close();
  }
}

export async function measureImport(browser: Browser, url: string): Promise<ImportFigures> {
  const parse = measureNode();
  const runs: ImportFigures['page'][] = [];
  for (let i = 0; i < 3; i += 1) runs.push(await measurePage(browser, url));
  runs.sort((a, b) => a.previewMs - b.previewMs);
  return { ...parse, page: runs[1] ?? runs[0] ?? { previewMs: NaN, longestTaskMs: NaN } };
}

export function importTable(figures: ImportFigures): string {
  const lines = ['import parsing (Node, best of 7, ms):'];
  lines.push(`  ${'shape'.padEnd(24)}${SIZES.map((s) => String(s).padStart(10)).join('')}   growth/char`);
  for (const [shape, bySize] of Object.entries(figures.parseMs)) {
    lines.push(
      `  ${shape.padEnd(24)}${SIZES.map((s) => (bySize[s] ?? NaN).toFixed(1).padStart(10)).join('')}   ${(figures.growth[shape] ?? NaN).toFixed(2).padStart(8)}×`,
    );
  }
  lines.push('import files (Node, read from bytes: decode, parse, resolve; best of 5, ms):');
  lines.push(`  ${'shape'.padEnd(24)}${FILE_SIZES.map((s) => `${s / 1024} KiB`.padStart(10)).join('')}   growth/byte`);
  for (const [shape, bySize] of Object.entries(figures.fileMs ?? {})) {
    lines.push(
      `  ${shape.padEnd(24)}${FILE_SIZES.map((s) => (bySize[s] ?? NaN).toFixed(1).padStart(10)).join('')}   ${(figures.fileGrowth?.[shape] ?? NaN).toFixed(2).padStart(8)}×`,
    );
  }
  lines.push(
    `largest paste (199,999 characters) in the page: Preview → preview drawn ${figures.page.previewMs.toFixed(0)} ms (median of 3), longest main-thread task ${figures.page.longestTaskMs.toFixed(0)} ms`,
  );
  return lines.join('\n');
}

// `npx tsx scripts/bench-import.ts`: the Node figures alone, without a build or a browser.
if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const figures = measureNode();
  console.log(importTable({ ...figures, page: { previewMs: NaN, longestTaskMs: NaN } }));
  console.log(`worst growth ${figures.worstGrowth.toFixed(2)}×`);
}
