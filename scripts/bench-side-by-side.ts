/**
 * The side-by-side section of `npm run bench` (issue 13): the explorer's build and the ECharts
 * reference page (../shared/bench-refs/echarts, see its README: the same marks and controls),
 * each served by serveGzipped (the reference without the explorer's CSP headers), measured in
 * the same browser with alternating cold loads (explorer, reference, explorer, …, a new browser
 * context each), once with WebGL (SwiftShader) and once in a browser without WebGL.
 *
 * Per load, both pages opened at `?year=2023`:
 * - `choropleth-ready`: the mark's time (the first choropleth painted, by either renderer);
 * - `map-interactive`: for the explorer the mark's time (MapLibre has taken over, or without WebGL
 *   the 2D map is fully interactive); NaN when the build does not set it within the timeout. The
 *   reference has no such mark: its map-interactive is its choropleth-ready;
 * - JS before the first choropleth: script bodies (gzip, as transferred) whose Resource Timing
 *   responseEnd is at or before `choropleth-ready`;
 * - total JS: every script body received once the page is idle (map-interactive + 1 s), from CDP
 *   Network events and the page's Resource Timing (MapLibre's worker, lazily loaded chunks);
 * - year steps: the Year slider focused, then key press → `year-rendered:<year>` for each of
 *   YEAR_STEPS (2023 → 2019 → 2023), after map-interactive for the explorer.
 * Medians over the loads; a load without a mark counts as slower than any (NaN when that is the
 * median), so a missing mark breaks its budget instead of hiding.
 */
import { rmSync } from 'node:fs';
import { errors, type Browser, type Page } from 'playwright-core';
import { launchBrowser, openOfflinePage } from '../tests/e2e/helpers/browser.ts';
import { buildPlainMapLibre } from './bench-anchors/build-plain-maplibre.ts';
import { isScript, serveGzipped, watchBytes } from './bench-server.ts';
import { YEAR_STEPS } from './scale/measure.ts';

export type PageName = 'explorer' | 'reference' | 'plain';

/** How long a mark may take before it counts as absent (ms): BENCH_MARK_TIMEOUT_MS, 60 s. */
export const MARK_TIMEOUT = Number(process.env.BENCH_MARK_TIMEOUT_MS ?? 60_000);
/** How long one year step may take before the load's remaining steps are skipped (ms). */
const STEP_TIMEOUT = Math.min(MARK_TIMEOUT, 20_000);
const QUERY = '?year=2023';

interface Load {
  ready: number;
  interactive: number;
  jsBeforeReady: number;
  jsTotal: number;
  steps: number[];
}

export interface PageFigures {
  choroplethReadyMs: { median: number; runs: number[] };
  mapInteractiveMs: { median: number; runs: number[] };
  yearStepMs: { median: number; steps: number[] };
  jsBeforeChoroplethKiB: { median: number; runs: number[] };
  totalJsKiB: { median: number; runs: number[] };
}

export interface PassFigures {
  webgl: boolean;
  /** The explorer's map choice: 'full' chose MapLibre before each load, 'auto' left it to the explorer. */
  renderer: 'full' | 'auto';
  loads: number;
  explorer: PageFigures;
  reference: PageFigures;
  /**
   * The plain MapLibre page (bench-anchors/plain-maplibre), in the full-map pass only: what
   * MapLibre alone takes here to draw the same polygons. Informational; no budget.
   */
  plain?: PageFigures;
  /** Explorer ÷ reference, of the medians. */
  ratios: {
    choroplethReady: number;
    mapInteractive: number;
    yearStep: number;
    jsBeforeChoropleth: number;
    totalJs: number;
    /** The plain MapLibre page's map-interactive ÷ the reference's (full-map pass only). */
    plainMapInteractive?: number;
    /** The explorer's map-interactive ÷ the plain MapLibre page's (full-map pass only). */
    explorerOverPlain?: number;
  };
}

export interface SideBySideFigures {
  reference: string;
  /** WebGL (SwiftShader here) with the full map chosen: MapLibre takes over, as on a GPU machine. */
  webgl: PassFigures;
  noWebgl: PassFigures;
  /** WebGL drawn in software, the explorer's own choice: its 2D map stays (src/map/webgl.ts). */
  software?: PassFigures;
}

/** The median, with NaN (a mark that never came) sorted above every number. */
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => (Number.isNaN(a) ? 1 : 0) - (Number.isNaN(b) ? 1 : 0) || a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;
const kib = (bytes: number) => round(bytes / 1024, 1);

/** The mark's startTime, or NaN when the page has not set it within `timeout`. */
export async function markTime(page: Page, name: string, timeout: number): Promise<number> {
  try {
    // A function, not a string: the explorer's CSP (script-src 'self') refuses a string predicate.
    await page.waitForFunction((n) => performance.getEntriesByName(n, 'mark').length > 0, name, { timeout });
  } catch (e) {
    if (e instanceof errors.TimeoutError) return NaN;
    throw e;
  }
  return (await page.evaluate(`performance.getEntriesByName(${JSON.stringify(name)}, 'mark')[0].startTime`)) as number;
}

/**
 * Key press → `year-rendered:<year>` for each of YEAR_STEPS; a step that never renders (or a
 * slider that cannot be reached) ends the load's steps with NaN.
 */
async function yearSteps(page: Page): Promise<number[]> {
  const slider = page.getByRole('slider', { name: 'Year' });
  const steps: number[] = [];
  try {
    await slider.focus({ timeout: STEP_TIMEOUT });
    for (const [key, year] of YEAR_STEPS) {
      await page.evaluate('performance.clearMarks()');
      const pressed = (await page.evaluate('performance.now()')) as number;
      await slider.press(key, { timeout: STEP_TIMEOUT });
      const drawn = await markTime(page, `year-rendered:${year}`, STEP_TIMEOUT);
      steps.push(drawn - pressed);
      if (Number.isNaN(drawn)) break;
      await page.waitForTimeout(600);
    }
  } catch (e) {
    if (!(e instanceof errors.TimeoutError)) throw e;
    steps.push(NaN);
  }
  return steps;
}

const WEBGL_PROBE = `(() => {
  const canvas = document.createElement('canvas');
  return (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) !== null;
})()`;

/** Whether the reference's chart canvas has something drawn on it (more than 1 % of its pixels). */
const REFERENCE_DRAWN = `(() => {
  const canvas = document.querySelector('#map canvas');
  if (!canvas) return false;
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted += 1;
  return painted > data.length / 400;
})()`;

async function measureLoad(
  browser: Browser,
  url: string,
  name: PageName,
  webgl: boolean,
  renderer: 'full' | 'auto',
): Promise<Load> {
  const session = await openOfflinePage(browser, { renderer });
  const { page, context } = session;
  try {
    const cdp = await context.newCDPSession(page);
    const bytes = await watchBytes(cdp);
    await page.goto(`${url}${QUERY}`);
    const ready = await markTime(page, 'choropleth-ready', MARK_TIMEOUT);
    if (name === 'reference' && (Number.isNaN(ready) || !((await page.evaluate(REFERENCE_DRAWN)) as boolean)))
      throw new Error(`side by side: the reference page (${url}) drew no map: ${session.errors.join('; ')}`);
    if (name === 'plain' && Number.isNaN(ready))
      throw new Error(`side by side: the plain MapLibre page (${url}) drew no map: ${session.errors.join('; ')}`);
    // The explorer's map-interactive is only waited for once it has painted: without a first choropleth, no map.
    const interactive =
      name !== 'explorer' || Number.isNaN(ready) ? ready : await markTime(page, 'map-interactive', MARK_TIMEOUT);
    await page.waitForTimeout(1000);
    const jsBeforeReady = Number.isNaN(ready) ? NaN : await bytes.scriptsBy(page, ready);
    const jsTotal = (await bytes.received(page)).filter((r) => isScript(r.url)).reduce((n, r) => n + r.body, 0);
    // The plain MapLibre page has no years to step through.
    const steps = name === 'plain' ? [] : Number.isNaN(ready) ? [NaN] : await yearSteps(page);
    if (session.externalRequests.length > 0)
      throw new Error(`external requests (${name}): ${session.externalRequests.join(', ')}`);
    // Last, so that the probe's own WebGL context costs the load nothing.
    const hasWebgl = (await page.evaluate(WEBGL_PROBE)) as boolean;
    if (hasWebgl !== webgl)
      throw new Error(`side by side: WebGL is ${hasWebgl ? 'on' : 'off'} in the ${webgl ? 'WebGL' : 'no-WebGL'} pass`);
    return { ready, interactive, jsBeforeReady, jsTotal, steps };
  } finally {
    await context.close();
  }
}

function summarise(loads: Load[]): PageFigures {
  const runs = (pick: (l: Load) => number, digits = 0) => loads.map((l) => round(pick(l), digits));
  const steps = loads.flatMap((l) => l.steps);
  const jsBefore = runs((l) => kib(l.jsBeforeReady), 1);
  const jsTotal = runs((l) => kib(l.jsTotal), 1);
  return {
    choroplethReadyMs: { median: median(loads.map((l) => l.ready)), runs: runs((l) => l.ready) },
    mapInteractiveMs: { median: median(loads.map((l) => l.interactive)), runs: runs((l) => l.interactive) },
    yearStepMs: { median: median(steps), steps: steps.map((s) => round(s)) },
    jsBeforeChoroplethKiB: { median: median(jsBefore), runs: jsBefore },
    totalJsKiB: { median: median(jsTotal), runs: jsTotal },
  };
}

/**
 * One pass: `loads` rounds of alternating cold loads of the explorer and the reference, and of
 * the plain MapLibre page where `urls.plain` is given (the full-map pass).
 */
async function measurePass(
  webgl: boolean,
  loads: number,
  urls: { explorer: string; reference: string; plain?: string },
  renderer: 'full' | 'auto' = 'full',
): Promise<PassFigures> {
  const browser = await launchBrowser({ webgl });
  const runs: Record<PageName, Load[]> = { explorer: [], reference: [], plain: [] };
  const pages: PageName[] = urls.plain === undefined ? ['explorer', 'reference'] : ['explorer', 'reference', 'plain'];
  try {
    for (let i = 0; i < loads; i += 1) {
      for (const name of pages) {
        const started = Date.now();
        const load = await measureLoad(browser, urls[name] ?? '', name, webgl, renderer);
        runs[name].push(load);
        console.log(
          `side by side (${webgl ? `WebGL, ${renderer === 'full' ? 'full map' : "explorer's choice"}` : 'no WebGL'}): ${name} load ${i + 1}/${loads}: choropleth-ready ${load.ready.toFixed(0)} ms, map-interactive ${load.interactive.toFixed(0)} ms (${((Date.now() - started) / 1000).toFixed(0)} s)`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  const explorer = summarise(runs.explorer);
  const reference = summarise(runs.reference);
  const plain = runs.plain.length > 0 ? summarise(runs.plain) : undefined;
  const ratio = (pick: (f: PageFigures) => number, of = explorer, to = reference) => round(pick(of) / pick(to), 2);
  const interactive = (f: PageFigures) => f.mapInteractiveMs.median;
  return {
    webgl,
    renderer,
    loads,
    explorer,
    reference,
    ...(plain ? { plain } : {}),
    ratios: {
      choroplethReady: ratio((f) => f.choroplethReadyMs.median),
      mapInteractive: ratio(interactive),
      yearStep: ratio((f) => f.yearStepMs.median),
      jsBeforeChoropleth: ratio((f) => f.jsBeforeChoroplethKiB.median),
      totalJs: ratio((f) => f.totalJsKiB.median),
      ...(plain
        ? { plainMapInteractive: ratio(interactive, plain), explorerOverPlain: ratio(interactive, explorer, plain) }
        : {}),
    },
  };
}

/**
 * Both passes: `loads` alternating cold loads of each page with WebGL (the plain MapLibre page
 * too, built from bench-anchors/), `noWebglLoads` without.
 */
export async function measureSideBySide(options: {
  dist: string;
  reference: string;
  loads: number;
  noWebglLoads: number;
  softwareLoads: number;
}): Promise<SideBySideFigures> {
  const plainDir = await buildPlainMapLibre(options.reference);
  const explorer = await serveGzipped(options.dist);
  // The reference and the plain page are not the explorer's: none of its headers (its CSP would not fit them).
  const reference = await serveGzipped(options.reference, { headers: {} });
  const plain = await serveGzipped(plainDir, { headers: {} });
  try {
    const urls = { explorer: explorer.url, reference: reference.url };
    return {
      reference: options.reference,
      webgl: await measurePass(true, options.loads, { ...urls, plain: plain.url }),
      noWebgl: await measurePass(false, options.noWebglLoads, urls),
      ...(options.softwareLoads > 0 ? { software: await measurePass(true, options.softwareLoads, urls, 'auto') } : {}),
    };
  } finally {
    await explorer.close();
    await reference.close();
    await plain.close();
    rmSync(plainDir, { recursive: true, force: true });
  }
}

/** The table the bench prints for one pass. */
export function sideBySideTable(f: PassFigures): string {
  const cell = (x: number, digits: number) => (Number.isNaN(x) ? 'NaN' : x.toFixed(digits)).padStart(10);
  const row = (name: string, e: number, r: number, ratio: number, digits = 0, note = '') =>
    `  ${name.padEnd(36)}${cell(e, digits)}${cell(r, digits)}${`×${Number.isNaN(ratio) ? 'NaN' : ratio.toFixed(2)}`.padStart(9)}${note}`;
  const { explorer: e, reference: r, ratios } = f;
  return [
    `side by side, ${f.webgl ? (f.renderer === 'auto' ? "WebGL (SwiftShader), the explorer's own choice (2D map)" : 'WebGL (SwiftShader), full map chosen (MapLibre)') : 'WebGL disabled'}: ${f.loads} alternating cold loads each, medians`,
    `  ${''.padEnd(36)}${'explorer'.padStart(10)}${'reference'.padStart(10)}${'ratio'.padStart(9)}`,
    row('choropleth-ready (ms)', e.choroplethReadyMs.median, r.choroplethReadyMs.median, ratios.choroplethReady),
    row(
      'map-interactive (ms)',
      e.mapInteractiveMs.median,
      r.mapInteractiveMs.median,
      ratios.mapInteractive,
      0,
      '  (reference: its choropleth-ready)',
    ),
    row('year step (ms)', e.yearStepMs.median, r.yearStepMs.median, ratios.yearStep),
    row(
      'JS before first choropleth (KiB gz)',
      e.jsBeforeChoroplethKiB.median,
      r.jsBeforeChoroplethKiB.median,
      ratios.jsBeforeChoropleth,
      1,
    ),
    row('total JS (KiB gzip)', e.totalJsKiB.median, r.totalJsKiB.median, ratios.totalJs, 1),
    ...(f.plain
      ? [
          `  plain MapLibre page (the same polygons, one fill and one line layer; no budget): map-interactive ${f.plain.mapInteractiveMs.median.toFixed(0)} ms,` +
            ` ×${ratios.plainMapInteractive?.toFixed(2)} the reference; the explorer's is ×${ratios.explorerOverPlain?.toFixed(2)} the plain page's`,
        ]
      : []),
  ].join('\n');
}

export interface SideBySideBudgets {
  choroplethReadyRatio: number;
  mapInteractiveRatio: number;
  yearStepRatio: number;
  jsBeforeChoroplethKiB: number;
  totalJsKiB: number;
  noWebgl: { choroplethReadyRatio: number; yearStepRatio: number };
}

/** The section's budget checks: [name, measured, budget]. */
export function sideBySideChecks(f: SideBySideFigures, b: SideBySideBudgets): [string, number, number][] {
  return [
    ['side: choropleth-ready ÷ reference (×)', f.webgl.ratios.choroplethReady, b.choroplethReadyRatio],
    ['side: map-interactive ÷ reference (×)', f.webgl.ratios.mapInteractive, b.mapInteractiveRatio],
    ['side: year step ÷ reference (×)', f.webgl.ratios.yearStep, b.yearStepRatio],
    ['side: JS before choropleth (KiB gzip)', f.webgl.explorer.jsBeforeChoroplethKiB.median, b.jsBeforeChoroplethKiB],
    ['side: total JS (KiB gzip)', f.webgl.explorer.totalJsKiB.median, b.totalJsKiB],
    ['side, no WebGL: choropleth-ready ÷ ref (×)', f.noWebgl.ratios.choroplethReady, b.noWebgl.choroplethReadyRatio],
    ['side, no WebGL: year step ÷ reference (×)', f.noWebgl.ratios.yearStep, b.noWebgl.yearStepRatio],
    ...(f.software
      ? ([
          [
            'side, software WebGL: choropleth-ready ÷ ref (×)',
            f.software.ratios.choroplethReady,
            b.choroplethReadyRatio,
          ],
          ['side, software WebGL: map-interactive ÷ ref (×)', f.software.ratios.mapInteractive, b.mapInteractiveRatio],
          ['side, software WebGL: year step ÷ ref (×)', f.software.ratios.yearStep, b.yearStepRatio],
        ] as [string, number, number][])
      : []),
  ];
}
