/**
 * The scale section of npm run bench (issue 6): the same production build, loaded once with
 * Hebei's own files and once with all of China's (~2,850 county-level units, SYNTHETIC seeded
 * tiers: benchmark input only, see synthetic-data.ts). For China the page's requests for the
 * geometry and data assets are answered by Playwright (page.route) with bench/scale/'s files, so
 * exactly the same app code runs on both; nothing in src/ knows about this scenario.
 *
 * Per scenario and cold load (a new browser context; loads alternate Hebei, China, Hebei … so
 * drift on the shared machine hits both alike): time to the `choropleth-ready` mark; JS heap
 * after load (forced GC) of the page and of MapLibre's workers; then the Year slider stepped
 * across both vintages, each step timed three ways from the key press:
 * - rendered: the `year-rendered:<year>` mark (the main bench's figure: the map has issued the
 *   first frame of the new year);
 * - visible: the next animation frame, which cannot start before that frame has been committed
 *   (with software WebGL the commit waits for the GPU process to draw it);
 * - settled: frames are fast again (3 in a row under 50 ms), i.e. the fade and any follow-up
 *   frames are over and the page answers input at once.
 * Each step starts from a settled page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { openOfflinePage, waitForMark } from '../../tests/e2e/helpers/browser.ts';
import { datasetBundleText } from '../dataset-bundle.ts';
import { CHINA_TOPOLOGY, SCALE_DIR } from './build-china.ts';

export type ScenarioName = 'hebei' | 'china';

/**
 * Where each scenario puts the camera: Hebei's own first view (no view in the link: all 167/168
 * units), and for China a link view centred on the country at the app's minimum zoom (4). The
 * bench's 1280 × 800 viewport leaves the map about 930 × 645 px, which at zoom 4 shows central
 * and eastern China: about 2,450 of the 2,859 units (the far west of 新疆 and 西藏 is off screen).
 */
export const CHINA_VIEW = '?view=104,35.5,4';

/** The year steps of both benches: across both vintages, one key press at a time, from 2023. */
export const YEAR_STEPS = [
  ['ArrowLeft', 2022],
  ['ArrowLeft', 2021],
  ['ArrowLeft', 2020],
  ['ArrowLeft', 2019],
  ['ArrowRight', 2020],
  ['ArrowRight', 2021],
  ['ArrowRight', 2022],
  ['ArrowRight', 2023],
] as const;

/** The mode changes of both benches, from tier mode, one click each (the radios' names). */
export const MODE_CHANGES = ['Change', 'First year in A', 'Tier'] as const;
/** Set by the map once it has drawn a change of mode (src/map/marks.ts; not imported: it is app code). */
const UNITS_REDRAWN_MARK = 'units-redrawn';

/**
 * Click → the map has drawn the new mode (the `units-redrawn` mark: MapLibre's worker has laid
 * the units out again and the map is idle), for each of MODE_CHANGES; the page is left in tier
 * mode. Unlike a year step, a change of mode lays the units out again (docs/performance.md).
 */
export async function measureModeChanges(page: Page): Promise<number[]> {
  const times: number[] = [];
  for (const mode of MODE_CHANGES) {
    await page.evaluate('performance.clearMarks()');
    const clicked = (await page.evaluate('performance.now()')) as number;
    await page.getByRole('radio', { name: mode }).click({ timeout: 300_000 });
    await waitForMark(page, UNITS_REDRAWN_MARK, 300_000);
    const drawn = (await page.evaluate(`performance.getEntriesByName('${UNITS_REDRAWN_MARK}')[0].startTime`)) as number;
    times.push(drawn - clicked);
    await page.waitForTimeout(500);
  }
  return times;
}

interface StepTimes {
  rendered: number;
  visible: number;
  settled: number;
}

interface LoadFigures {
  ready: number;
  heapAfterLoad: number;
  workerHeapAfterLoad: number;
  steps: StepTimes[];
  modeChanges: number[];
  longTasks: number[];
}

interface Spread {
  median: number;
  max: number;
  steps: number[];
}

export interface ScenarioFigures {
  units: number;
  geometry: { rawKB: number; gzipKB: number };
  data: { rawKB: number; gzipKB: number };
  choroplethReadyMs: { median: number; min: number; max: number; runs: number[] };
  /** Key press → year-rendered mark (as the main bench). */
  yearStepMs: Spread;
  yearStepVisibleMs: Spread;
  yearStepSettledMs: Spread;
  yearStepLongTasks: { count: number; maxMs: number };
  /** Click on a mode → units-redrawn mark (measureModeChanges). */
  modeChangeMs: Spread;
  /** Page (main thread) JS heap after load; workers: MapLibre's worker heaps. */
  heapAfterLoadMB: { median: number; runs: number[]; workersMedian: number; workerRuns: number[] };
}

export interface ScaleFigures {
  loads: number;
  hebei: ScenarioFigures;
  china: ScenarioFigures;
  ratios: {
    units: number;
    geometryGzip: number;
    choroplethReady: number;
    yearStepMedian: number;
    yearStepMax: number;
    yearStepVisibleMedian: number;
    yearStepSettledMedian: number;
    modeChangeMedian: number;
    heapAfterLoad: number;
    workerHeapAfterLoad: number;
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const sizes = (buffers: Buffer[]) => ({
  rawKB: kb(buffers.reduce((n, b) => n + b.length, 0)),
  // Level 6, as the bench server (and most hosts) send them.
  gzipKB: kb(buffers.reduce((n, b) => n + gzipSync(b).length, 0)),
});

/** The build's geometry and data assets, by the name Vite gave them (`dataset-<hash>.json`). */
export function productionAssets(dist: string): { geometry: string; dataset: string } {
  const files = readdirSync(join(dist, 'assets'));
  const find = (stem: string, ext: string) => {
    const found = files.filter((f) => new RegExp(`^${stem.replace('.', '\\.')}-[\\w-]+\\.${ext}$`).test(f));
    if (found.length !== 1)
      throw new Error(`scale: expected one ${stem}-*.${ext} in ${dist}/assets, found ${found.length}`);
    return found[0] ?? '';
  };
  return {
    geometry: find('hebei.topo', 'json'),
    dataset: find('dataset', 'json'),
  };
}

/** The files each scenario serves for the geometry and data assets. */
export function scenarioFiles(scenario: ScenarioName, dist: string): Map<string, Buffer> {
  const assets = productionAssets(dist);
  const files = new Map<string, Buffer>();
  const own = (asset: string) => readFileSync(join(dist, 'assets', asset));
  files.set(assets.geometry, scenario === 'china' ? readFileSync(CHINA_TOPOLOGY) : own(assets.geometry));
  // The six tables reach the page as one bundle, built from China's CSVs as the build does from data/.
  files.set(assets.dataset, scenario === 'china' ? Buffer.from(datasetBundleText(SCALE_DIR)) : own(assets.dataset));
  return files;
}

// Browser-side code is passed as text: tsx would add helpers for named functions the page lacks.
const OBSERVE_LONG_TASKS = `window.__longTasks = []; new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longTasks.push(e.duration);
}).observe({ type: 'longtask', buffered: true });`;

/**
 * Resolves when animation frames are fast again (3 in a row under 50 ms), or after 180 s; the
 * value is when the first of them started. Also used before each step, so none starts on a busy page.
 */
const SETTLE = `window.__settle = () => new Promise((resolve) => {
  let last = performance.now(), quick = 0, since = last;
  const started = last;
  const loop = (now) => {
    const dt = now - last;
    last = now;
    if (dt < 50) { if (quick === 0) since = now - dt; quick += 1; } else quick = 0;
    if (quick >= 3 || now - started > 180000) resolve(since); else requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
});
window.__watchStep = (year) => {
  const step = (window.__step = { rendered: null, visible: null, settled: null });
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name !== 'year-rendered:' + year || step.rendered !== null) continue;
      step.rendered = e.startTime;
      observer.disconnect();
      requestAnimationFrame((now) => {
        step.visible = now;
        window.__settle().then((t) => { step.settled = t; });
      });
    }
  });
  observer.observe({ type: 'mark' });
};`;

/**
 * JS heap of each of the page's workers (MapLibre's), after a GC in each: the workers hold the
 * tiled GeoJSON, which the page's own heap does not show. Talks to the workers through the
 * page's CDP session (Target.sendMessageToTarget), since Playwright exposes none for them.
 */
async function workerHeaps(cdp: CDPSession): Promise<number> {
  type Info = { targetId: string; type: string };
  // The Target domain's messages are typed loosely here: Playwright's protocol typings name them
  // but this non-flattened use (a session inside a session) needs plain objects.
  const send = (method: string, params: object) => cdp.send(method as never, params as never) as Promise<unknown>;
  const { targetInfos } = (await send('Target.getTargets', {})) as { targetInfos: Info[] };
  let total = 0;
  for (const worker of targetInfos.filter((t) => t.type === 'worker')) {
    const { sessionId } = (await send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as {
      sessionId: string;
    };
    const replies = new Map<number, (result: unknown) => void>();
    const onMessage = (e: { sessionId: string; message: string }) => {
      if (e.sessionId !== sessionId) return;
      const message = JSON.parse(e.message) as { id?: number; result?: unknown };
      if (message.id !== undefined) replies.get(message.id)?.(message.result);
    };
    cdp.on('Target.receivedMessageFromTarget' as never, onMessage as never);
    const call = (id: number, method: string) =>
      new Promise<unknown>((resolve) => {
        replies.set(id, resolve);
        void send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await call(1, 'HeapProfiler.collectGarbage');
    const usage = (await call(2, 'Runtime.getHeapUsage')) as { usedSize: number };
    total += usage.usedSize;
    cdp.off('Target.receivedMessageFromTarget' as never, onMessage as never);
    await send('Target.detachFromTarget', { sessionId });
  }
  return total;
}

/**
 * Answers the page's requests for the replaced assets with the China files. Returns a counter
 * of the requests answered, so a load that did not get them all fails instead of measuring Hebei.
 */
export async function routeChina(page: Page, files: Map<string, Buffer>): Promise<() => number> {
  let answered = 0;
  const names = [...files.keys()];
  await page.route(
    (url) => names.some((n) => url.pathname.endsWith(`/assets/${n}`)),
    async (route) => {
      const name = names.find((n) => new URL(route.request().url()).pathname.endsWith(`/assets/${n}`)) ?? '';
      answered += 1;
      await route.fulfill({
        status: 200,
        contentType: name.endsWith('.json') ? 'application/json' : 'text/csv; charset=utf-8',
        body: files.get(name) ?? Buffer.alloc(0),
      });
    },
  );
  return () => answered;
}

export interface LoadOptions {
  /** Keep the page open and return it (for the screenshot) instead of closing the context. */
  keepOpen?: boolean;
  /** Skip the year steps (a load only for the screenshot). */
  noSteps?: boolean;
  /** Viewport; the bench's 1280 × 800 when absent. */
  width?: number;
  height?: number;
  /** The link's query, instead of the scenario's own (CHINA_VIEW or none). */
  query?: string;
}

/** One cold load of a scenario, measured. */
export async function measureLoad(
  browser: Browser,
  baseUrl: string,
  dist: string,
  scenario: ScenarioName,
  options: LoadOptions = {},
): Promise<LoadFigures & { page?: Page; close: () => Promise<void> }> {
  const session = await openOfflinePage(browser, { width: options.width ?? 1280, height: options.height ?? 800 });
  const { page, context } = session;
  const cdp = await context.newCDPSession(page);
  const answered = scenario === 'china' ? await routeChina(page, scenarioFiles('china', dist)) : () => 2;
  await page.addInitScript(OBSERVE_LONG_TASKS);
  await page.addInitScript(SETTLE);
  await page.goto(`${baseUrl}${options.query ?? (scenario === 'china' ? CHINA_VIEW : '')}`);
  await waitForMark(page, 'choropleth-ready', 180_000);
  const ready = (await page.evaluate(`performance.getEntriesByName('choropleth-ready')[0].startTime`)) as number;
  if (answered() !== 2) {
    throw new Error(`scale: ${answered()} of 2 asset requests (geometry, dataset) were answered with China's files`);
  }
  if (session.externalRequests.length > 0) throw new Error(`external requests: ${session.externalRequests.join(', ')}`);
  if (session.errors.length > 0) throw new Error(`page errors in ${scenario}: ${session.errors.join('; ')}`);
  await page.evaluate('window.__settle()');
  await cdp.send('HeapProfiler.collectGarbage');
  // Runtime.getHeapUsage is exact; performance.memory is rounded unless Chromium is told otherwise.
  const heapAfterLoad = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const workerHeapAfterLoad = await workerHeaps(cdp);

  const steps: StepTimes[] = [];
  let longTasks: number[] = [];
  let modeChanges: number[] = [];
  if (!options.noSteps) {
    const slider = page.getByRole('slider', { name: 'Year' });
    await slider.focus();
    await page.evaluate('window.__longTasks = []');
    for (const [key, year] of YEAR_STEPS) {
      await page.evaluate('window.__settle()');
      await page.evaluate(`performance.clearMarks(); window.__watchStep(${year})`);
      const pressed = (await page.evaluate('performance.now()')) as number;
      // Playwright's press returns only once the page has handled keyup, which waits behind
      // slow frames: the times come from the page's own clock instead.
      await slider.press(key, { timeout: 300_000 });
      // A function, not a string: the app's CSP (script-src 'self') refuses a string predicate.
      await page.waitForFunction(
        () => (window as unknown as { __step: { settled: number | null } }).__step.settled !== null,
        undefined,
        { timeout: 300_000 },
      );
      const t = (await page.evaluate('window.__step')) as StepTimes;
      steps.push({ rendered: t.rendered - pressed, visible: t.visible - pressed, settled: t.settled - pressed });
    }
    longTasks = (await page.evaluate('window.__longTasks')) as number[];
    modeChanges = await measureModeChanges(page);
  }
  const close = () => context.close();
  if (!options.keepOpen) await close();
  return {
    ready,
    heapAfterLoad,
    workerHeapAfterLoad,
    steps,
    modeChanges,
    longTasks,
    ...(options.keepOpen ? { page } : {}),
    close,
  };
}

function summarise(scenario: ScenarioName, dist: string, loads: LoadFigures[]): ScenarioFigures {
  const files = scenarioFiles(scenario, dist);
  const assets = productionAssets(dist);
  const geometry = files.get(assets.geometry) ?? Buffer.alloc(0);
  const topology = JSON.parse(geometry.toString('utf8')) as { objects: { units_2019: { geometries: unknown[] } } };
  const readies = loads.map((l) => l.ready);
  const steps = loads.flatMap((l) => l.steps);
  const spread = (xs: number[]): Spread => ({ median: median(xs), max: Math.max(...xs), steps: xs.map(Math.round) });
  const longTasks = loads.flatMap((l) => l.longTasks);
  const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  const heaps = loads.map((l) => mb(l.heapAfterLoad));
  const workerHeaps = loads.map((l) => mb(l.workerHeapAfterLoad));
  return {
    units: topology.objects.units_2019.geometries.length,
    geometry: sizes([geometry]),
    data: sizes([files.get(assets.dataset) ?? Buffer.alloc(0)]),
    choroplethReadyMs: {
      median: median(readies),
      min: Math.min(...readies),
      max: Math.max(...readies),
      runs: readies.map(Math.round),
    },
    yearStepMs: spread(steps.map((s) => s.rendered)),
    yearStepVisibleMs: spread(steps.map((s) => s.visible)),
    yearStepSettledMs: spread(steps.map((s) => s.settled)),
    yearStepLongTasks: { count: longTasks.length, maxMs: Math.round(Math.max(0, ...longTasks)) },
    modeChangeMs: spread(loads.flatMap((l) => l.modeChanges)),
    heapAfterLoadMB: {
      median: median(heaps),
      runs: heaps,
      workersMedian: median(workerHeaps),
      workerRuns: workerHeaps,
    },
  };
}

/** Both scenarios, `loads` cold loads each, alternating. */
export async function measureScale(
  browser: Browser,
  baseUrl: string,
  dist: string,
  loads: number,
): Promise<ScaleFigures> {
  const runs: Record<ScenarioName, LoadFigures[]> = { hebei: [], china: [] };
  for (let i = 0; i < loads; i += 1) {
    for (const scenario of ['hebei', 'china'] as const) {
      const started = Date.now();
      runs[scenario].push(await measureLoad(browser, baseUrl, dist, scenario));
      console.log(
        `scale: ${scenario} load ${i + 1}/${loads} measured in ${((Date.now() - started) / 1000).toFixed(0)} s`,
      );
    }
  }
  const hebei = summarise('hebei', dist, runs.hebei);
  const china = summarise('china', dist, runs.china);
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    loads,
    hebei,
    china,
    ratios: {
      units: ratio(china.units, hebei.units),
      geometryGzip: ratio(china.geometry.gzipKB, hebei.geometry.gzipKB),
      choroplethReady: ratio(china.choroplethReadyMs.median, hebei.choroplethReadyMs.median),
      yearStepMedian: ratio(china.yearStepMs.median, hebei.yearStepMs.median),
      yearStepMax: ratio(china.yearStepMs.max, hebei.yearStepMs.max),
      yearStepVisibleMedian: ratio(china.yearStepVisibleMs.median, hebei.yearStepVisibleMs.median),
      yearStepSettledMedian: ratio(china.yearStepSettledMs.median, hebei.yearStepSettledMs.median),
      modeChangeMedian: ratio(china.modeChangeMs.median, hebei.modeChangeMs.median),
      heapAfterLoad: ratio(china.heapAfterLoadMB.median, hebei.heapAfterLoadMB.median),
      workerHeapAfterLoad: ratio(china.heapAfterLoadMB.workersMedian, hebei.heapAfterLoadMB.workersMedian),
    },
  };
}

/** The Hebei vs China table the bench prints. */
export function scaleTable(f: ScaleFigures): string {
  const row = (name: string, h: number, c: number, r: number, digits = 0) =>
    `  ${name.padEnd(28)} ${h.toFixed(digits).padStart(9)} ${c.toFixed(digits).padStart(9)} ${`×${r.toFixed(2)}`.padStart(8)}`;
  return [
    `scale (${f.loads} cold loads each; China = SYNTHETIC tiers, benchmark input only):`,
    `  ${''.padEnd(28)} ${'Hebei'.padStart(9)} ${'China'.padStart(9)} ${'ratio'.padStart(8)}`,
    row('units', f.hebei.units, f.china.units, f.ratios.units),
    row('geometry gzip (KB)', f.hebei.geometry.gzipKB, f.china.geometry.gzipKB, f.ratios.geometryGzip, 1),
    row(
      'choropleth-ready median (ms)',
      f.hebei.choroplethReadyMs.median,
      f.china.choroplethReadyMs.median,
      f.ratios.choroplethReady,
    ),
    row('year step median (ms)', f.hebei.yearStepMs.median, f.china.yearStepMs.median, f.ratios.yearStepMedian),
    row('year step max (ms)', f.hebei.yearStepMs.max, f.china.yearStepMs.max, f.ratios.yearStepMax),
    row(
      '  → visible, median (ms)',
      f.hebei.yearStepVisibleMs.median,
      f.china.yearStepVisibleMs.median,
      f.ratios.yearStepVisibleMedian,
    ),
    row(
      '  → settled, median (ms)',
      f.hebei.yearStepSettledMs.median,
      f.china.yearStepSettledMs.median,
      f.ratios.yearStepSettledMedian,
    ),
    row('mode change median (ms)', f.hebei.modeChangeMs.median, f.china.modeChangeMs.median, f.ratios.modeChangeMedian),
    row(
      'JS heap after load, page (MB)',
      f.hebei.heapAfterLoadMB.median,
      f.china.heapAfterLoadMB.median,
      f.ratios.heapAfterLoad,
      1,
    ),
    row(
      '  workers (MB)',
      f.hebei.heapAfterLoadMB.workersMedian,
      f.china.heapAfterLoadMB.workersMedian,
      f.ratios.workerHeapAfterLoad,
      1,
    ),
  ].join('\n');
}
