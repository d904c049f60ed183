/**
 * The interactions section of `npm run bench` (issue 16: "no interaction blocks the page for more
 * than 200 ms on this machine"). The build opens at `?year=2021` once the map is interactive and
 * has settled; then each interaction is done as a user does it, and measured:
 * - action → painted: from just before the action until two animation frames have run after it
 *   (the page has produced a frame with the result; a main thread held by a long task delays it);
 * - the longest main-thread task (Long Tasks API) from the action until 1.5 s after it.
 * Twice: with the explorer's own choice of map on this machine (WebGL drawn in software: the 2D
 * map) and with the full map chosen (MapLibre, as a GPU machine gets it; not budgeted, since its
 * frames are read back on the main thread here, see docs/performance.md).
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openOfflinePage, waitForMark } from '../tests/e2e/helpers/browser.ts';
import { serveGzipped } from './bench-server.ts';

export interface InteractionFigures {
  /** Per interaction: action → painted (ms) and the longest task meanwhile (ms, 0 when none over 50). */
  auto: Record<string, { paintedMs: number; longestTaskMs: number }>;
  full: Record<string, { paintedMs: number; longestTaskMs: number }>;
}

/** Each interaction, in order (each leaves the page ready for the next). */
const INTERACTIONS: [name: string, act: (page: Page) => Promise<void>][] = [
  ['mode: change', (p) => p.getByRole('radio', { name: 'Change' }).click()],
  [
    'base year',
    async (p) => {
      await p.getByRole('combobox', { name: /Base year/ }).selectOption('2019');
    },
  ],
  [
    'flow (Sankey band)',
    (p) =>
      p
        .getByRole('button', { name: /^[ABC] → [ABC]: \d+ unit/ })
        .first()
        .click(),
  ],
  ['mode: tier', (p) => p.getByRole('radio', { name: 'Tier' }).click()],
  [
    'area (prefecture table)',
    (p) =>
      p
        .locator('.prefecture-table')
        .getByRole('button', { name: /Shijiazhuang/ })
        .click(),
  ],
  ['year step', (p) => p.getByRole('slider', { name: 'Year' }).press('ArrowRight')],
  [
    'zoom in to labels (2 wheel steps)',
    async (p) => {
      const box = await p.locator('.map').boundingBox();
      if (!box) throw new Error('no map');
      await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await p.mouse.wheel(0, -500);
      await p.mouse.wheel(0, -500);
    },
  ],
  ['table: open', (p) => p.getByRole('button', { name: 'Table' }).click()],
];

const PAINTED = `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))`;
const OBSERVE = `(() => {
  window.__benchTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__benchTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask' });
})()`;

async function measure(browser: Browser, url: string, renderer: 'auto' | 'full') {
  const { page, context } = await openOfflinePage(browser, { renderer });
  const out: InteractionFigures['auto'] = {};
  try {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${url}?year=2021`);
    await waitForMark(page, 'map-interactive');
    // MapLibre completes its style after taking over; the 2D map has nothing left to do.
    await page.waitForTimeout(4000);
    await page.evaluate(OBSERVE);
    for (const [name, act] of INTERACTIONS) {
      const start = (await page.evaluate('performance.now()')) as number;
      await act(page);
      const painted = (await page.evaluate(PAINTED)) as number;
      await page.waitForTimeout(1500);
      const tasks = (await page.evaluate(`window.__benchTasks.filter(([s]) => s >= ${start})`)) as number[][];
      await page.evaluate('window.__benchTasks = []');
      out[name] = {
        paintedMs: Math.round(painted - start),
        longestTaskMs: Math.round(Math.max(0, ...tasks.map(([, d]) => d ?? 0))),
      };
      console.log(
        `interactions (${renderer}): ${name}: painted ${out[name].paintedMs} ms, longest task ${out[name].longestTaskMs} ms`,
      );
    }
  } finally {
    await context.close();
  }
  return out;
}

export async function measureInteractions(dist: string): Promise<InteractionFigures> {
  const server = await serveGzipped(dist);
  const browser = await launchBrowser();
  try {
    return { auto: await measure(browser, server.url, 'auto'), full: await measure(browser, server.url, 'full') };
  } finally {
    await browser.close();
    await server.close();
  }
}

export function interactionsTable(f: InteractionFigures): string {
  const cell = (x: number | undefined) => (x === undefined ? '—' : String(x)).padStart(12);
  return [
    'interactions on ?year=2021 (action → painted, longest task; ms): the explorer’s own map here (2D) and the full map (MapLibre in software)',
    `  ${''.padEnd(36)}${'2D painted'.padStart(12)}${'2D task'.padStart(12)}${'GL painted'.padStart(12)}${'GL task'.padStart(12)}`,
    ...INTERACTIONS.map(
      ([name]) =>
        `  ${name.padEnd(36)}${cell(f.auto[name]?.paintedMs)}${cell(f.auto[name]?.longestTaskMs)}${cell(f.full[name]?.paintedMs)}${cell(f.full[name]?.longestTaskMs)}`,
    ),
  ].join('\n');
}

/** Budget checks: the longest task of each interaction on the explorer's own map. */
export function interactionChecks(f: InteractionFigures, longestTaskMs: number): [string, number, number][] {
  return INTERACTIONS.map(([name]) => [
    `interaction: ${name}, longest task (ms)`,
    f.auto[name]?.longestTaskMs ?? NaN,
    longestTaskMs,
  ]);
}
