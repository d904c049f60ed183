/**
 * Developer aid for the scale bench (issue 6): a CPU profile of the page during the load
 * (navigation → choropleth-ready) and during one year step (key press → 3 s later), with time
 * attributed to the modules of the bundle. Build WITHOUT minification first, so functions keep
 * their names and rolldown's `// src/…` module comments mark where each module starts:
 *
 *   npx vite build --minify false --outDir /tmp/scale-dist-nomin --emptyOutDir
 *   E2E_DIST=/tmp/scale-dist-nomin npx tsx scripts/scale/profile.ts china [--out prefix]
 *
 * Prints, per phase: self time by module group (MapLibre, React, each src/ module, the
 * engine's own "(program)", GC, idle) and the app functions (src/) with the most inclusive time.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { launchBrowser, openOfflinePage, waitForMark } from '../../tests/e2e/helpers/browser.ts';
import { serveGzipped } from '../bench-server.ts';
import { CHINA_VIEW, routeChina, scenarioFiles } from './measure.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const scenario = process.argv[2] === 'hebei' ? 'hebei' : 'china';
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
const dist = process.env.E2E_DIST ?? 'dist';

/** Start line (0-based) of each module in the main bundle, from rolldown's comments. */
function moduleStarts(): { line: number; module: string }[] {
  const bundle = readdirSync(join(dist, 'assets')).find((f) => /^index-.*\.js$/.test(f)) ?? '';
  const starts: { line: number; module: string }[] = [];
  readFileSync(join(dist, 'assets', bundle), 'utf8')
    .split('\n')
    .forEach((text, line) => {
      const m = /^\/\/ (\S+\.(?:[cm]?js|tsx?))$/.exec(text);
      if (m?.[1]) starts.push({ line, module: m[1].replace(/^node_modules\/((?:@[^/]+\/)?[^/]+).*$/, '$1') });
    });
  return starts;
}
const starts = moduleStarts();

function moduleOf(frame: ProfileNode['callFrame']): string {
  if (!frame.url) return frame.functionName; // (program), (garbage collector), (idle), (root)
  if (!/\/assets\/index-/.test(frame.url)) return frame.url.split('/').pop() ?? frame.url;
  let found = '(bundle)';
  for (const s of starts) {
    if (s.line > frame.lineNumber) break;
    found = s.module;
  }
  return found;
}

function report(profile: Profile, title: string): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfByModule = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const node = byId.get(id);
    if (!node) return;
    const module = moduleOf(node.callFrame);
    selfByModule.set(module, (selfByModule.get(module) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)?.callFrame;
      if (!frame) break;
      const m = moduleOf(frame);
      if (!m.startsWith('src/')) continue;
      const key = `${frame.functionName || '(anonymous)'} (${m})`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  });
  const lines = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => `  ${ms.toFixed(0).padStart(7)} ms  ${k}`);
  return [
    `${title}: ${total.toFixed(0)} ms sampled`,
    ' self time by module:',
    ...lines(selfByModule, 14),
    ' app functions (src/) by inclusive time:',
    ...lines(inclusive, 18),
  ].join('\n');
}

async function profiled(cdp: CDPSession, run: () => Promise<void>): Promise<Profile> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  await run();
  return ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile;
}

const server = await serveGzipped(dist);
const browser = await launchBrowser();
try {
  const { page, context } = await openOfflinePage(browser);
  if (scenario === 'china') await routeChina(page, scenarioFiles('china', dist));
  const cdp = await context.newCDPSession(page);
  const load = await profiled(cdp, async () => {
    await page.goto(`${server.url}${scenario === 'china' ? CHINA_VIEW : ''}`);
    await waitForMark(page, 'choropleth-ready', 300_000);
  });
  const ready = (await page.evaluate(`performance.getEntriesByName('choropleth-ready')[0].startTime`)) as number;
  console.log(report(load, `${scenario} load (choropleth-ready at ${ready.toFixed(0)} ms)`));
  await page.waitForTimeout(3000);
  const slider = page.getByRole('slider', { name: 'Year' });
  await slider.focus();
  await page.evaluate('performance.clearMarks()');
  let stepMs = 0;
  const step = await profiled(cdp, async () => {
    const pressed = (await page.evaluate('performance.now()')) as number;
    await slider.press('ArrowLeft', { timeout: 300_000 });
    await waitForMark(page, 'year-rendered:2022', 300_000);
    stepMs =
      ((await page.evaluate(`performance.getEntriesByName('year-rendered:2022')[0].startTime`)) as number) - pressed;
    await page.waitForTimeout(3000);
  });
  console.log(report(step, `${scenario} year step 2023 → 2022 (year-rendered after ${stepMs.toFixed(0)} ms)`));
  if (out) {
    writeFileSync(`${out}-load.cpuprofile`, JSON.stringify(load));
    writeFileSync(`${out}-step.cpuprofile`, JSON.stringify(step));
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
