/**
 * Links that keep their meaning (issue 15), in Chromium against the production build:
 * - the address pins v=2, year, mode, lang and the base, so the view does not depend on the
 *   browser's language or on what the data's defaults become;
 * - a link without v (written before) opens as it did then: no year is 2023, a change link
 *   without base compares with the year before;
 * - a flow link opens with its list of units in view, and a county link with the unit's details
 *   in view, on a desktop and on a 390 × 844 phone (where both live in the bottom sheet).
 */
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { offlineSuite } from './helpers/suite';

const { open } = offlineSuite();

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

const params = (page: Page) => new URL(page.url()).searchParams;

/** Whether `target` is on screen and not covered: the element at its top centre is it or inside it. */
async function inView(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport || box.height === 0) return false;
  if (box.y < 0 || box.y + Math.min(box.height, 40) > viewport.height) return false;
  return target.evaluate(
    (el, [x, y]) => {
      const hit = document.elementFromPoint(x ?? 0, y ?? 0);
      return hit !== null && (el === hit || el.contains(hit));
    },
    [box.x + Math.min(box.width / 2, 40), box.y + Math.min(box.height / 2, 10)] as const,
  );
}

describe('the address pins what is shown', () => {
  it('writes v, year, mode, lang and the default base even when each is a default', async () => {
    const { page } = await open('');
    await expect.poll(() => params(page).get('v')).toBe('2');
    const p = params(page);
    expect([p.get('year'), p.get('mode'), p.get('lang')]).toEqual(['2023', 'tier', 'en']);
    // The base the data gives for 2023 (the earlier year with the most units comparable).
    await expect.poll(() => params(page).get('base')).toMatch(/^20(19|20|21|22)$/);
  });

  it('opens a link in its own language whatever the browser’s', async () => {
    const { page } = await open('?v=2&year=2021&mode=tier&lang=zh');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    expect(await page.getByRole('slider', { name: '年份' }).count()).toBe(1);
    expect(params(page).get('lang')).toBe('zh');
  });
});

describe('links written before versions (no v) keep their meaning', () => {
  it('no year: 2023, the latest year when it was written', async () => {
    const { page } = await open('?county=130131');
    expect(await page.locator('.year-now').textContent()).toBe('2023');
    await expect.poll(() => params(page).get('year')).toBe('2023');
    expect(params(page).get('v')).toBe('2');
  });

  it('change mode without base: the year before, as the default was then', async () => {
    const { page } = await open('?mode=change');
    await expect.poll(() => page.getByRole('heading', { name: 'Change 2022 → 2023' }).count()).toBe(1);
    await expect.poll(() => params(page).get('base')).toBe('2022');
    // The timeline's line of moves names the same base.
    await expect.poll(() => page.locator('.year-summary').textContent()).toContain('2022');
  });
});

describe('a link opens with what it points at in view', () => {
  it('flow link on a desktop: the list of units', async () => {
    const { page } = await open('?year=2021&flow=C-B');
    const list = page.getByRole('region', { name: /C → B, 2020 → 2021/ });
    await expect.poll(() => list.getByRole('listitem').count()).toBeGreaterThan(0);
    await expect.poll(() => inView(page, list.getByRole('heading'))).toBe(true);
    await expect.poll(() => inView(page, list.getByRole('listitem').first())).toBe(true);
  });

  it('flow link on a phone: the sheet opens on the list of units', async () => {
    const { page } = await open('?year=2021&flow=C-B', { context: PHONE });
    const list = page.getByRole('region', { name: /C → B, 2020 → 2021/ });
    await expect.poll(() => list.getByRole('listitem').count()).toBeGreaterThan(0);
    await expect.poll(() => inView(page, list.getByRole('heading'))).toBe(true);
    await expect.poll(() => inView(page, list.getByRole('listitem').first())).toBe(true);
  });

  it('county link on a desktop: the details', async () => {
    const { page } = await open('?year=2021&county=130131');
    const region = page.getByRole('region', { name: /Pingshan County/ });
    await expect.poll(() => inView(page, region.getByRole('heading', { level: 2 }))).toBe(true);
  });

  it('county link on a phone: the sheet opens far enough to show the details', async () => {
    const { page } = await open('?year=2021&county=130131', { context: PHONE });
    const region = page.getByRole('region', { name: /Pingshan County/ });
    await expect.poll(() => inView(page, region.getByRole('heading', { level: 2 }))).toBe(true);
    // The five-year strip, the first thing the details show, is on screen too.
    await expect.poll(() => inView(page, region.getByText('2019', { exact: true }).first())).toBe(true);
  });

  it('county and flow link: the details win, the list is still there', async () => {
    const { page } = await open('?year=2021&flow=C-B&county=130131');
    const region = page.getByRole('region', { name: /Pingshan County/ });
    await expect.poll(() => inView(page, region.getByRole('heading', { level: 2 }))).toBe(true);
    const list = page.getByRole('region', { name: /C → B, 2020 → 2021/ });
    await expect.poll(() => list.count()).toBe(1);
    // Give the list's scroll a frame to happen if it wrongly would.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await inView(page, region.getByRole('heading', { level: 2 }))).toBe(true);
  });
});
