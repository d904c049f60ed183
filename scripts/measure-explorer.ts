/**
 * Measures the explorer's two interactive costs in headless Chromium (software WebGL) against
 * the production build: the time from a key press on the year slider to the
 * `year-rendered:<year>` mark, and frame intervals while playing 2019 → 2023.
 *
 *   npm run build && npm run measure:explorer
 *
 * Prints the figures; not part of `npm test` (timings are not assertions). The full benchmark
 * with budgets is `npm run bench` (issue 6).
 */
import { launchBrowser, openOfflinePage, waitForMark } from '../tests/e2e/helpers/browser.ts';
import { serveDirectory } from '../tests/e2e/helpers/static-server.ts';

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const ms = (n: number) => `${n.toFixed(1)} ms`;

const server = await serveDirectory(process.env.E2E_DIST ?? 'dist');
const browser = await launchBrowser();
try {
  const { page } = await openOfflinePage(browser);
  if (process.env.REDUCED_MOTION) await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(server.url);
  await waitForMark(page, 'choropleth-ready');
  await page.waitForTimeout(1000);

  // Year steps: 2023 → 2019 and back, one key press at a time, each waited for.
  const slider = page.getByRole('slider', { name: 'Year' });
  await slider.focus();
  const steps: number[] = [];
  for (const [key, year] of [
    ['ArrowLeft', 2022],
    ['ArrowLeft', 2021],
    ['ArrowLeft', 2020],
    ['ArrowLeft', 2019],
    ['ArrowRight', 2020],
    ['ArrowRight', 2021],
    ['ArrowRight', 2022],
    ['ArrowRight', 2023],
  ] as const) {
    await page.evaluate(() => performance.clearMarks());
    const pressed = await page.evaluate(() => performance.now());
    await slider.press(key);
    await waitForMark(page, `year-rendered:${year}`, 10_000);
    const rendered = await page.evaluate(
      (y) => performance.getEntriesByName(`year-rendered:${y}`)[0]?.startTime ?? NaN,
      year,
    );
    steps.push(rendered - pressed);
    await page.waitForTimeout(700);
  }

  // Playback from 2019: frame intervals from requestAnimationFrame until playing stops.
  await page.getByRole('slider', { name: 'Year' }).press('Home');
  await page.waitForTimeout(800);
  // Passed as text: tsx would otherwise add helpers for named functions that the page lacks.
  const frames = (await page.evaluate(`(async () => {
    const intervals = [];
    let last = performance.now();
    let running = true;
    const loop = (now) => {
      intervals.push(now - last);
      last = now;
      if (running) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    const playButton = () => [...document.querySelectorAll('button')].find((b) => b.textContent.includes('Play'));
    playButton().click();
    const started = performance.now();
    await new Promise((done) => {
      const check = () => {
        if ((playButton() && performance.now() - started > 2000) || performance.now() - started > 15000) done();
        else setTimeout(check, 100);
      };
      setTimeout(check, 100);
    });
    running = false;
    return intervals.slice(1);
  })()`)) as number[];
  const sortedSteps = [...steps].sort((a, b) => a - b);
  const sortedFrames = [...frames].sort((a, b) => a - b);
  console.log('Year step (key press → year-rendered mark), 8 steps across both vintages');
  console.log(
    `  median ${ms(quantile(sortedSteps, 0.5))}, max ${ms(sortedSteps.at(-1) ?? NaN)}: ${steps.map((s) => s.toFixed(0)).join(', ')} ms`,
  );
  console.log(`Playback 2019 → 2023: ${frames.length} frames`);
  console.log(
    `  frame interval p50 ${ms(quantile(sortedFrames, 0.5))}, p95 ${ms(quantile(sortedFrames, 0.95))}, max ${ms(sortedFrames.at(-1) ?? NaN)}, over 50 ms: ${frames.filter((f) => f > 50).length}`,
  );
} finally {
  await browser.close();
  await server.close();
}
