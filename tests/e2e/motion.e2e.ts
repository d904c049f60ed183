/**
 * Reduced motion, in Chromium against the production build, offline. With
 * `prefers-reduced-motion: reduce`:
 * - nothing plays by itself, even when a link asks for it in every way it could;
 * - a year step (and playback) does not cross-fade: the fader marks each change as skipped
 *   (src/map/gl/year-fade.ts) and never as started;
 * - the camera jumps: choosing a county in the search box or an area in the table of the 13
 *   areas moves it in one frame, with no frame in between.
 * And the opposite without reduced motion, so the checks above cannot pass by never looking: the
 * fade runs and the same camera moves pass through frames in between. This machine draws WebGL
 * with a software rasteriser (SwiftShader), where the app does not fade at all (year-fade.ts);
 * the fade is checked with the renderer's name reported as a GPU's, and the software case on its own.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PLAYBACK_MS_PER_YEAR } from '../../src/domain/timeline';
import { FADE_SKIPPED_MARK, FADE_SLOW_MARK, FADE_STARTED_MARK } from '../../src/map/gl/year-fade';
import { waitForMark } from './helpers/browser';
import { offlineSuite } from './helpers/suite';

const { open } = offlineSuite();

/** Makes WebGL report a GPU as its renderer (UNMASKED_RENDERER_WEBGL), as on a machine with one. */
const GPU_RENDERER = `(() => {
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    const getParameter = proto.getParameter;
    proto.getParameter = function (name) {
      return name === 0x9246 ? 'ANGLE (Test GPU Corporation, Test GPU Direct3D11)' : getParameter.call(this, name);
    };
  }
})()`;

const marks = (page: Page, name: string) => page.evaluate((n) => performance.getEntriesByName(n, 'mark').length, name);

/**
 * Starts recording, once per animation frame, where a unit's label point is on screen: each
 * change of camera the map draws shows up as a new position.
 */
async function startCameraSamples(page: Page, code: string, year: number): Promise<void> {
  // A string, so the page runs exactly this code (tsx would add helpers the page lacks).
  await page.evaluate(`(() => {
    const samples = [];
    window.__cameraSamples = samples;
    window.__cameraSampling = samples;
    const tick = () => {
      const p = window.hebeiExplorer && window.hebeiExplorer.labelPointOnScreen('${code}', ${year});
      if (p) samples.push({ at: performance.now(), where: p.x.toFixed(1) + ',' + p.y.toFixed(1) });
      if (window.__cameraSampling === samples) requestAnimationFrame(tick);
    };
    tick();
  })()`);
}

/** The positions recorded so far, each run of equal ones counted once, and how long the last has held. */
async function cameraPath(page: Page): Promise<{ path: string[]; heldMs: number; heldFrames: number }> {
  const samples = await page.evaluate<{ at: number; where: string }[]>(`window.__cameraSamples || []`);
  const path = samples.filter((s, i) => i === 0 || s.where !== samples[i - 1]?.where).map((s) => s.where);
  const lastChange = samples.findLastIndex((s, i) => i === 0 || s.where !== samples[i - 1]?.where);
  const now = await page.evaluate(() => performance.now());
  return {
    path,
    heldMs: lastChange < 0 ? 0 : now - (samples[lastChange]?.at ?? now),
    heldFrames: samples.length - lastChange,
  };
}

/** Two camera moves, each waited out to SETTLED_MS, on a busy machine with software WebGL. */
const CAMERA_TEST_MS = 180_000;

/** Longer than a camera animation (900 ms) plus the slowest software-rendered frame. */
const SETTLED_MS = 2500;

/**
 * Runs `act`, waits until the camera has moved and then kept still for SETTLED_MS, and returns
 * the distinct positions it was drawn at, the first being where it started.
 */
async function cameraMove(page: Page, code: string, year: number, act: () => Promise<void>): Promise<string[]> {
  await startCameraSamples(page, code, year);
  await expect.poll(async () => (await cameraPath(page)).path.length).toBe(1);
  await act();
  let last = { path: [] as string[], heldMs: 0, heldFrames: 0 };
  try {
    await expect
      .poll(async () => {
        last = await cameraPath(page);
        return last.path.length >= 2 && last.heldMs >= SETTLED_MS && last.heldFrames >= 3;
      })
      .toBe(true);
  } catch {
    throw new Error(`the camera did not move and settle: ${JSON.stringify(last)}`);
  }
  await page.evaluate(`window.__cameraSampling = null`);
  return (await cameraPath(page)).path;
}

const searchCounty = (page: Page, query: string) => async () => {
  const search = page.getByRole('combobox', { name: 'Search county' });
  await search.fill(query);
  await expect
    .poll(() => page.getByRole('listbox', { name: 'Search county' }).getByRole('option').count())
    .toBeGreaterThan(0);
  await search.press('Enter');
};

const chooseArea = (page: Page, name: RegExp) => async () => {
  await page.locator('.prefecture-table').getByRole('button', { name }).click();
};

describe('with reduced motion', () => {
  it('never plays by itself, even when the link asks for it', async () => {
    const { page } = await open('?year=2019&play=1&autoplay=true&playing=1&animate=on', { reducedMotion: true });
    // Two and a half playback steps: long enough for playback to have moved on had it started.
    await page.waitForTimeout(PLAYBACK_MS_PER_YEAR * 2.5);
    expect(await page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    expect(await page.locator('.year-now').textContent()).toBe('2019');
    expect(await marks(page, 'year-rendered:2020')).toBe(0);
  });

  it('changes years without a cross-fade, by step and by playback', async () => {
    const { page } = await open('?year=2021', { reducedMotion: true });
    const slider = page.getByRole('slider', { name: 'Year' });
    await slider.focus();
    await slider.press('ArrowRight');
    await waitForMark(page, 'year-rendered:2022', 20_000);
    await expect.poll(() => marks(page, FADE_SKIPPED_MARK)).toBe(1);
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForMark(page, 'year-rendered:2023', 20_000);
    await expect.poll(() => marks(page, FADE_SKIPPED_MARK)).toBe(2);
    expect(await marks(page, FADE_STARTED_MARK)).toBe(0);
  });

  it(
    'jumps the camera to a county found by search and to an area chosen in the table',
    async () => {
      const { page } = await open('', { reducedMotion: true });
      // 平山县 (130131) and 石家庄市: from the whole province, then to the area, then to the county.
      const toArea = await cameraMove(page, '130131', 2023, chooseArea(page, /^Shijiazhuang/));
      expect(toArea, 'positions drawn: start and end only').toHaveLength(2);
      const toCounty = await cameraMove(page, '130131', 2023, searchCounty(page, 'pingshan'));
      expect(toCounty, 'positions drawn: start and end only').toHaveLength(2);
      await expect.poll(() => page.getByRole('region', { name: /Pingshan County/ }).count()).toBe(1);
    },
    CAMERA_TEST_MS,
  );
});

describe('without reduced motion (the same checks are not vacuous)', () => {
  it('cross-fades a year step on a GPU', async () => {
    const { page } = await open('?year=2021', { initScript: GPU_RENDERER });
    const slider = page.getByRole('slider', { name: 'Year' });
    await slider.focus();
    await slider.press('ArrowRight');
    await waitForMark(page, 'year-rendered:2022', 20_000);
    await expect.poll(() => marks(page, FADE_STARTED_MARK)).toBe(1);
    expect(await marks(page, FADE_SKIPPED_MARK)).toBe(0);
    expect(await marks(page, FADE_SLOW_MARK)).toBe(0);
  });

  it('shows a year step at once on a software renderer (every faded frame would be a slow one)', async () => {
    const { page } = await open('?year=2021');
    const slider = page.getByRole('slider', { name: 'Year' });
    await slider.focus();
    await slider.press('ArrowRight');
    await waitForMark(page, 'year-rendered:2022', 20_000);
    await expect.poll(() => marks(page, FADE_SLOW_MARK)).toBe(1);
    expect(await marks(page, FADE_STARTED_MARK)).toBe(0);
    expect(await marks(page, FADE_SKIPPED_MARK)).toBe(0);
  });

  it(
    'animates the camera to the same county and area, through frames in between',
    async () => {
      const { page } = await open('');
      const toArea = await cameraMove(page, '130131', 2023, chooseArea(page, /^Shijiazhuang/));
      expect(toArea.length, `positions drawn: ${toArea.join(' → ')}`).toBeGreaterThan(2);
      const toCounty = await cameraMove(page, '130131', 2023, searchCounty(page, 'pingshan'));
      expect(toCounty.length, `positions drawn: ${toCounty.join(' → ')}`).toBeGreaterThan(2);
    },
    CAMERA_TEST_MS,
  );
});
