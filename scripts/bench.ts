/**
 * The benchmark (issue 6): the production build served like a real static host (gzip,
 * Content-Length) on 127.0.0.1, driven in headless Chromium (software WebGL on this machine).
 *
 *   npm run bench            # builds, then measures; exits non-zero when a budget is broken
 *   BENCH_SCALE=0 npm run bench        # without the all-China scale scenario
 *   BENCH_SIDE=0 npm run bench         # without the side-by-side section
 *   BENCH_ONLY=scale npm run bench     # only the scale scenario
 *   BENCH_ONLY=import npm run bench    # only the import section (scripts/bench-import.ts)
 *   BENCH_ONLY=side npm run bench      # only the side-by-side section (scripts/bench-side-by-side.ts)
 *   BENCH_ONLY=interactions npm run bench  # only the interactions section (scripts/bench-interactions.ts)
 * (a section not run keeps its last figures in bench/results.json, with their date)
 * BENCH_LOADS: cold loads (3 for the main figures, 5 each side by side); BENCH_NO_WEBGL_LOADS (7):
 * side by side without WebGL; BENCH_SOFTWARE_LOADS (7): side by side with WebGL left to the
 * explorer's choice (software WebGL here: its 2D map). Those two passes load in a few seconds, so
 * they take more loads: with 3, their ratios moved by up to 0.16 between two runs of the same
 * build on this machine. BENCH_REF: the reference page (../shared/bench-refs/echarts);
 * BENCH_MARK_TIMEOUT_MS (60 s): how long side by side waits for a mark before it counts as absent.
 *
 * Figures: bytes by type (encoded and decoded, worker included), time to choropleth-ready over
 * several cold loads (median and spread), key press → year-rendered on the Year slider (once the
 * map is interactive: after `map-interactive` when the build sets it), long
 * tasks during load and year steps, click → map redrawn for a change of mode, frame intervals
 * while playing, JS heap after load and after 20 playback cycles. Then the scale scenario (scripts/scale/): the same build on all of China's
 * ~2,850 county-level units (synthetic seeded tiers, benchmark input only) against Hebei, as a
 * table of ratios under `scale`. Then the import section (scripts/bench-import.ts): parse time per
 * character from 25,000 to 200,000 characters, and the largest paste's preview in the page.
 * Then side by side (scripts/bench-side-by-side.ts, issue 13): the explorer and the ECharts
 * reference page (../shared/bench-refs/README.md: same marks, same controls) in the same run,
 * alternating cold loads, once with WebGL and once in a browser without it: choropleth-ready,
 * map-interactive (the reference's is its choropleth-ready), year step, JS (gzip) before the first
 * choropleth and in all, as a table of explorer, reference and ratio under `sideBySide`; its
 * budgets are ratios to the reference, and the JS sizes in KiB. The WebGL pass also loads a plain
 * MapLibre page (scripts/bench-anchors/: the same polygons, one fill and one line layer) in turn,
 * and prints its map-interactive beside the explorer's, without a budget: what MapLibre alone
 * takes here. Then the interactions section
 * (scripts/bench-interactions.ts, issue 16): mode, base year, flow, area, year, zoom and table, each
 * action → painted and its longest task, on the explorer's own map and on the full map. The main
 * figures and side by side's first pass choose the full map (MapLibre) before each load, as a GPU
 * machine gets it (openOfflinePage's renderer). Budgets: bench/budgets.json. Results: bench/results.json.
 * Not part of `npm test`: timings are measurements, not assertions of correctness.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { launchBrowser, openOfflinePage, waitForMark } from '../tests/e2e/helpers/browser.ts';
import { importTable, measureImport, type ImportFigures } from './bench-import.ts';
import { interactionChecks, interactionsTable, measureInteractions } from './bench-interactions.ts';
import { serveGzipped, watchBytes } from './bench-server.ts';
import {
  MARK_TIMEOUT,
  markTime,
  measureSideBySide,
  sideBySideChecks,
  sideBySideTable,
  type SideBySideBudgets,
  type SideBySideFigures,
} from './bench-side-by-side.ts';
import { YEAR_STEPS, measureModeChanges, measureScale, scaleTable, type ScaleFigures } from './scale/measure.ts';

const LOADS = Number(process.env.BENCH_LOADS ?? 3);
const CYCLES = Number(process.env.BENCH_CYCLES ?? 20);
const ONLY_SCALE = process.env.BENCH_ONLY === 'scale';
const ONLY_IMPORT = process.env.BENCH_ONLY === 'import';
const ONLY_SIDE = process.env.BENCH_ONLY === 'side';
const ONLY_INTERACTIONS = process.env.BENCH_ONLY === 'interactions';
const MAIN = !ONLY_SCALE && !ONLY_IMPORT && !ONLY_SIDE && !ONLY_INTERACTIONS;
const INTERACTIONS = ONLY_INTERACTIONS || (MAIN && process.env.BENCH_INTERACTIONS !== '0');
const SCALE = ONLY_SCALE || (MAIN && process.env.BENCH_SCALE !== '0');
const IMPORT = ONLY_IMPORT || MAIN;
const SIDE = ONLY_SIDE || (MAIN && process.env.BENCH_SIDE !== '0');
const DIST = process.env.E2E_DIST ?? 'dist';
/** The reference page of the side-by-side section (../shared/bench-refs/README.md). */
const REFERENCE = process.env.BENCH_REF ?? '../shared/bench-refs/echarts';
const SIDE_LOADS = Number(process.env.BENCH_LOADS ?? 5);
const SIDE_NO_WEBGL_LOADS = Number(process.env.BENCH_NO_WEBGL_LOADS ?? 7);
const SIDE_SOFTWARE_LOADS = Number(process.env.BENCH_SOFTWARE_LOADS ?? 7);

interface Budgets {
  geometryGzipKB: number;
  medianLoadToChoroplethReadyMs: number;
  medianYearStepMs: number;
  medianModeChangeMs: number;
  playbackFramesOver50Ms: number;
  heapGrowthAfterCyclesPct: number;
  scale: { yearStepRatio: number };
  import: { parseGrowthPerChar: number; largestPastePreviewMs: number; largestPasteLongestTaskMs: number };
  sideBySide: SideBySideBudgets;
  interactionLongestTaskMs: number;
}
const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as Budgets;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
// Browser-side code is passed as text: tsx would add helpers for named functions the page lacks.
const OBSERVE_LONG_TASKS = `window.__longTasks = []; new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longTasks.push(e.duration);
}).observe({ type: 'longtask', buffered: true });`;

if (SCALE) {
  // Rebuilt only when an input changed (about 2 minutes and 1.7 GB: its own process and heap).
  const built = spawnSync(
    process.execPath,
    ['--max-old-space-size=4096', '--import', 'tsx', 'scripts/scale/build-china.ts'],
    { stdio: 'inherit' },
  );
  if (built.status !== 0) throw new Error('scale: building bench/scale/ failed');
}

const results: Record<string, unknown> = {};
let scale: ScaleFigures | null = null;
let importFigures: ImportFigures | null = null;
let side: SideBySideFigures | null = null;
const server = await serveGzipped(DIST);
const browser = await launchBrowser();
try {
  // Cold loads: a new browser context each, so nothing is cached.
  const loads: { ready: number; longTasks: number[]; bytes: Record<string, { encoded: number; decoded: number }> }[] =
    [];
  for (let i = 0; i < (MAIN ? LOADS : 0); i += 1) {
    const session = await openOfflinePage(browser);
    const cdp = await session.context.newCDPSession(session.page);
    const received = await watchBytes(cdp);
    await session.page.addInitScript(OBSERVE_LONG_TASKS);
    await session.page.goto(server.url);
    await waitForMark(session.page, 'choropleth-ready');
    const ready = (await session.page.evaluate(
      `performance.getEntriesByName('choropleth-ready')[0].startTime`,
    )) as number;
    const longTasks = (await session.page.evaluate('window.__longTasks')) as number[];
    loads.push({ ready, longTasks: [...longTasks], bytes: await received.byKind(session.page) });
    if (session.externalRequests.length > 0)
      throw new Error(`external requests: ${session.externalRequests.join(', ')}`);
    if (i < LOADS - 1) await session.context.close();
    else results.lastSession = true;

    if (i === LOADS - 1) {
      const { page } = session;
      // Interactions are the full map's: after MapLibre's hand-over (issue 13), if the build has one.
      await markTime(page, 'map-interactive', MARK_TIMEOUT);
      await page.waitForTimeout(1000);
      // Year steps across both vintages, one key press at a time.
      const slider = page.getByRole('slider', { name: 'Year' });
      await slider.focus();
      const steps: number[] = [];
      await page.evaluate('window.__longTasks = []');
      for (const [key, year] of YEAR_STEPS) {
        await page.evaluate('performance.clearMarks()');
        const pressed = (await page.evaluate('performance.now()')) as number;
        await slider.press(key);
        await waitForMark(page, `year-rendered:${year}`, 20_000);
        const drawn = (await page.evaluate(
          `performance.getEntriesByName('year-rendered:${year}')[0].startTime`,
        )) as number;
        steps.push(drawn - pressed);
        await page.waitForTimeout(600);
      }
      const stepLongTasks = (await page.evaluate('window.__longTasks')) as number[];
      const modeChanges = await measureModeChanges(page);

      const heap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        return (await page.evaluate('performance.memory.usedJSHeapSize')) as number;
      };
      const heapAfterLoad = await heap();
      // One playback 2019 → 2023 with frame intervals, then more cycles for the heap.
      const play = `(async () => {
        const intervals = [];
        let last = performance.now();
        let running = true;
        const loop = (now) => { intervals.push(now - last); last = now; if (running) requestAnimationFrame(loop); };
        requestAnimationFrame(loop);
        const button = () => [...document.querySelectorAll('button')].find((b) => /^\\W*(Play|Pause)/.test(b.textContent));
        if (button().textContent.includes('Play')) button().click();
        const started = performance.now();
        await new Promise((done) => {
          const check = () => {
            if ((button().textContent.includes('Play') && performance.now() - started > 2000) || performance.now() - started > 30000) done();
            else setTimeout(check, 100);
          };
          setTimeout(check, 100);
        });
        running = false;
        return intervals.slice(1);
      })()`;
      const frames = (await page.evaluate(play)) as number[];
      for (let c = 1; c < CYCLES; c += 1) await page.evaluate(play);
      const heapAfterCycles = await heap();
      results.interaction = { steps, stepLongTasks, modeChanges, frames, heapAfterLoad, heapAfterCycles };
      await session.context.close();
    }
  }
  results.loads = loads;
  if (SCALE) scale = await measureScale(browser, server.url, DIST, LOADS);
  if (IMPORT) importFigures = await measureImport(browser, server.url);
} finally {
  await browser.close();
  await server.close();
}
// Its own servers and browsers (one with WebGL, one without), once the others are closed.
if (SIDE)
  side = await measureSideBySide({
    dist: DIST,
    reference: REFERENCE,
    loads: SIDE_LOADS,
    noWebglLoads: SIDE_NO_WEBGL_LOADS,
    softwareLoads: SIDE_SOFTWARE_LOADS,
  });
const interactions = INTERACTIONS ? await measureInteractions(DIST) : null;

// Report
type Check = [name: string, value: number, budget: number];

/** The main figures: printed, and returned with their budget checks. */
function mainReport(): { output: Record<string, unknown>; checks: Check[] } {
  type Interaction = {
    steps: number[];
    stepLongTasks: number[];
    modeChanges: number[];
    frames: number[];
    heapAfterLoad: number;
    heapAfterCycles: number;
  };
  const loads = results.loads as {
    ready: number;
    longTasks: number[];
    bytes: Record<string, { encoded: number; decoded: number }>;
  }[];
  const it = results.interaction as Interaction;
  const kb = (n: number) => (n / 1024).toFixed(1);
  const first = loads[0]?.bytes ?? {};
  const readies = loads.map((l) => l.ready);
  const loadLong = loads.flatMap((l) => l.longTasks);
  const over50 = it.frames.filter((f) => f > 50).length;
  const heapGrowth = ((it.heapAfterCycles - it.heapAfterLoad) / it.heapAfterLoad) * 100;

  const figures = {
    bytes: Object.fromEntries(
      Object.entries(first).map(([k, v]) => [
        k,
        { encodedKB: Number(kb(v.encoded)), decodedKB: Number(kb(v.decoded)) },
      ]),
    ),
    choroplethReadyMs: { median: median(readies), min: Math.min(...readies), max: Math.max(...readies), runs: readies },
    loadLongTasks: {
      count: loadLong.length,
      totalMs: Math.round(loadLong.reduce((a, b) => a + b, 0)),
      maxMs: Math.round(Math.max(0, ...loadLong)),
    },
    yearStepMs: { median: median(it.steps), max: Math.max(...it.steps), steps: it.steps.map(Math.round) },
    yearStepLongTasks: { count: it.stepLongTasks.length, maxMs: Math.round(Math.max(0, ...it.stepLongTasks)) },
    modeChangeMs: {
      median: median(it.modeChanges),
      max: Math.max(...it.modeChanges),
      runs: it.modeChanges.map(Math.round),
    },
    playbackFrames: {
      count: it.frames.length,
      p50: quantile(it.frames, 0.5),
      p95: quantile(it.frames, 0.95),
      max: Math.max(...it.frames),
      over50ms: over50,
    },
    heapMB: {
      afterLoad: it.heapAfterLoad / 2 ** 20,
      afterCycles: it.heapAfterCycles / 2 ** 20,
      cycles: CYCLES,
      growthPct: heapGrowth,
    },
  };
  const checks: Check[] = [
    ['geometry gzip (KB)', figures.bytes.geometry?.encodedKB ?? NaN, budgets.geometryGzipKB],
    ['median load → choropleth-ready (ms)', figures.choroplethReadyMs.median, budgets.medianLoadToChoroplethReadyMs],
    ['median year step (ms)', figures.yearStepMs.median, budgets.medianYearStepMs],
    ['median mode change (ms)', figures.modeChangeMs.median, budgets.medianModeChangeMs],
    ['playback frames over 50 ms', over50, budgets.playbackFramesOver50Ms],
    ['heap growth after cycles (%)', heapGrowth, budgets.heapGrowthAfterCyclesPct],
  ];
  console.log('bytes (first cold load, KB):');
  for (const [k, v] of Object.entries(figures.bytes))
    console.log(
      `  ${k.padEnd(9)} encoded ${String(v.encodedKB).padStart(8)}  decoded ${String(v.decodedKB).padStart(8)}`,
    );
  console.log(
    `choropleth-ready: median ${figures.choroplethReadyMs.median.toFixed(0)} ms (min ${figures.choroplethReadyMs.min.toFixed(0)}, max ${figures.choroplethReadyMs.max.toFixed(0)}) over ${LOADS} cold loads`,
  );
  console.log(
    `long tasks during load: ${figures.loadLongTasks.count} (total ${figures.loadLongTasks.totalMs} ms, max ${figures.loadLongTasks.maxMs} ms)`,
  );
  console.log(
    `year step: median ${figures.yearStepMs.median.toFixed(0)} ms, max ${figures.yearStepMs.max.toFixed(0)} ms; long tasks ${figures.yearStepLongTasks.count} (max ${figures.yearStepLongTasks.maxMs} ms)`,
  );
  console.log(
    `mode change (click → units-redrawn): median ${figures.modeChangeMs.median.toFixed(0)} ms, max ${figures.modeChangeMs.max.toFixed(0)} ms`,
  );
  console.log(
    `playback: ${figures.playbackFrames.count} frames, p50 ${figures.playbackFrames.p50.toFixed(1)} ms, p95 ${figures.playbackFrames.p95.toFixed(1)} ms, max ${figures.playbackFrames.max.toFixed(0)} ms, over 50 ms: ${over50}`,
  );
  console.log(
    `heap: ${figures.heapMB.afterLoad.toFixed(1)} MB after load, ${figures.heapMB.afterCycles.toFixed(1)} MB after ${CYCLES} cycles (${heapGrowth.toFixed(1)} %)`,
  );
  return { output: { date: new Date().toISOString(), loads: LOADS, figures }, checks };
}

// A section not run this time (BENCH_ONLY, BENCH_SCALE=0) keeps its last figures, with their date.
let output: Record<string, unknown> = existsSync('bench/results.json')
  ? (JSON.parse(readFileSync('bench/results.json', 'utf8')) as Record<string, unknown>)
  : {};
const checks: Check[] = [];
if (MAIN) {
  const main = mainReport();
  output = {
    ...main.output,
    ...(output.scale ? { scale: output.scale } : {}),
    ...(output.import ? { import: output.import } : {}),
    ...(output.sideBySide ? { sideBySide: output.sideBySide } : {}),
    ...(output.interactions ? { interactions: output.interactions } : {}),
  };
  checks.push(...main.checks);
}
if (scale) {
  output.scale = { date: new Date().toISOString(), ...scale };
  console.log(`\n${scaleTable(scale)}`);
  checks.push(['scale: year step China ÷ Hebei (×)', scale.ratios.yearStepMedian, budgets.scale.yearStepRatio]);
}
if (importFigures) {
  output.import = { date: new Date().toISOString(), ...importFigures };
  console.log(`\n${importTable(importFigures)}`);
  checks.push(
    ['import: parse growth per character (×)', importFigures.worstGrowth, budgets.import.parseGrowthPerChar],
    ['import: largest paste → preview (ms)', importFigures.page.previewMs, budgets.import.largestPastePreviewMs],
    [
      'import: longest task while reading (ms)',
      importFigures.page.longestTaskMs,
      budgets.import.largestPasteLongestTaskMs,
    ],
  );
}
if (side) {
  output.sideBySide = { date: new Date().toISOString(), ...side };
  console.log(
    [side.webgl, side.noWebgl, ...(side.software ? [side.software] : [])]
      .map((f) => `\n${sideBySideTable(f)}`)
      .join('\n'),
  );
  checks.push(...sideBySideChecks(side, budgets.sideBySide));
}
if (interactions) {
  output.interactions = { date: new Date().toISOString(), ...interactions };
  console.log(`\n${interactionsTable(interactions)}`);
  checks.push(...interactionChecks(interactions, budgets.interactionLongestTaskMs));
}
writeFileSync('bench/results.json', `${JSON.stringify(output, null, 2)}\n`);

console.log(`\n${'budget'.padEnd(48)}measured    budget`);
let broken = 0;
for (const [name, value, budget] of checks) {
  const ok = value <= budget;
  if (!ok) broken += 1;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${name.padEnd(43)} ${value.toFixed(Number.isInteger(value) ? 0 : Math.abs(value) < 10 ? 2 : 1).padStart(9)} ${String(budget).padStart(9)}`,
  );
}
console.log(`\nresults in bench/results.json; ${broken} budget(s) broken`);
process.exit(broken > 0 ? 1 : 0);
