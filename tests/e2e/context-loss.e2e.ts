/**
 * WebGL context loss after start, in Chromium against the production build, offline: the
 * context is taken away with WEBGL_lose_context while the map shows 2019 with 平山县 selected.
 * - While it is lost, the 2D map draws in its place, at MapLibre's camera, and the page says so
 *   over the map (an accessible notice); the year and the selection still change.
 * - When the context is restored, MapLibre takes over again and draws the current year (now
 *   2023) with the current selection, and no page or console error happened along the way.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TIER_COLORS } from '../../src/domain/palette';
import { CONTEXT_LOST_MARK, CONTEXT_RESTORED_MARK } from '../../src/map/gl/context-loss';
import { ARTIFACTS, waitForMark } from './helpers/browser';
import { decodePng, distance, hexToRgb, pixelAt } from './helpers/pixels';
import { tierPixels } from './helpers/map-pixels';
import { offlineSuite } from './helpers/suite';

const { open } = offlineSuite();

const PINGSHAN = '130131';

async function colourAtLabel(page: Page, code: string, year: number) {
  const point = await page.evaluate(([c, y]) => window.hebeiExplorer?.labelPointOnScreen(c, y) ?? null, [
    code,
    year,
  ] as const);
  const box = await page.locator('.map').boundingBox();
  if (!point || !box) throw new Error(`no label point for ${code} in ${year}`);
  return pixelAt(decodePng(await page.screenshot()), box.x + point.x, box.y + point.y);
}

describe('WebGL context loss after start', () => {
  it('says so while the context is lost and redraws the current year and selection when it is back', async () => {
    const { page } = await open(`?year=2019&county=${PINGSHAN}`, { reducedMotion: true });
    await expect.poll(() => page.getByRole('region', { name: /Pingshan County/ }).count()).toBe(1);
    const drawnBefore = await tierPixels(page);
    expect(drawnBefore).toBeGreaterThan(200);

    // Take the map's own context away (a string, so the page runs exactly this code). The
    // extension is kept on window: a lost context hands out no extensions.
    await page.evaluate(`(() => {
      const canvas = document.querySelector('.map canvas.maplibregl-canvas');
      const gl = canvas.getContext('webgl2') || canvas.getContext('webgl');
      window.__loseContext = gl.getExtension('WEBGL_lose_context');
      window.__loseContext.loseContext();
    })()`);
    await waitForMark(page, CONTEXT_LOST_MARK, 15_000);

    const notice = page.getByRole('region', { name: 'The map is drawn in 2D for now' });
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.getByRole('alert').textContent()).toContain('graphics (WebGL) context');
    // The notice is accessible (axe, WCAG 2.1 A and AA: nothing serious or critical).
    const axe = await new AxeBuilder({ page })
      .include('.map-lost')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    expect(axe.passes.length).toBeGreaterThan(2);
    // The 2D map draws in its place, the same year and selection, where MapLibre's camera was.
    expect(await page.evaluate(() => window.hebeiExplorer?.renderer)).toBe('2d');
    expect(await tierPixels(page)).toBeGreaterThan(drawnBefore / 2);
    expect(await page.evaluate(() => window.hebeiExplorer?.unitsFlagged('selected') ?? [])).toEqual([PINGSHAN]);
    writeFileSync(join(ARTIFACTS, 'context-loss-lost.png'), await page.screenshot());

    // The year still changes, drawn by the 2D map.
    const slider = page.getByRole('slider', { name: 'Year' });
    await slider.focus();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Year');
    await page.keyboard.press('End');
    await waitForMark(page, 'year-rendered:2023', 10_000);
    await expect
      .poll(async () => distance(await colourAtLabel(page, PINGSHAN, 2023), hexToRgb(TIER_COLORS.B)))
      .toBeLessThan(12);
    await page.evaluate('performance.clearMarks("year-rendered:2023")');

    // Give the context back: the current year (2023) and the selection are drawn again.
    await page.evaluate(`window.__loseContext.restoreContext()`);
    await waitForMark(page, CONTEXT_RESTORED_MARK, 30_000);
    await expect.poll(() => notice.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => window.hebeiExplorer?.renderer), { timeout: 30_000 }).toBe('webgl');
    await expect.poll(() => tierPixels(page), { timeout: 30_000 }).toBeGreaterThan(200);
    // 平山县 is stated B in 2023.
    await expect
      .poll(async () => distance(await colourAtLabel(page, PINGSHAN, 2023), hexToRgb(TIER_COLORS.B)), {
        timeout: 30_000,
      })
      .toBeLessThan(12);
    expect(await page.evaluate(() => window.hebeiExplorer?.unitsFlagged('selected') ?? [])).toEqual([PINGSHAN]);
    writeFileSync(join(ARTIFACTS, 'context-loss-restored.png'), await page.screenshot());
    // Two full redraws and several screenshots in software WebGL, on a shared machine.
  }, 180_000);
});
