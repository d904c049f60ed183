/**
 * The phone layout at 390 × 844 with touch (isMobile, deviceScaleFactor 2), against the
 * production build, offline: the map fills the screen under a one-row header, the timeline sits
 * at the bottom above a bottom sheet; a tap selects a county and raises the sheet without a
 * tooltip under the finger; every visible control is at least 44 × 44 CSS px; the sheet's handle
 * works with keys, a tap and a drag; axe finds no serious or critical violation. Screenshots go
 * to /tmp/mobile-*.png to be looked at; the desktop layout is photographed too, to compare.
 */
import { writeFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { labelPoint } from './helpers/map-pixels';
import { offlineSuite } from './helpers/suite';

const suite = offlineSuite();

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 2,
};
const HEIGHT = 844;

const openPhone = async (path = ''): Promise<Page> =>
  (await suite.open(path, { reducedMotion: true, context: PHONE })).page;

const snap = async (page: Page, name: string) => writeFileSync(`/tmp/mobile-${name}.png`, await page.screenshot());

async function box(page: Page, selector: string) {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on the page`);
  return found;
}

const handle = (page: Page) => page.getByRole('button', { name: /^Details/ });
const sheetState = (page: Page) => page.locator('.bottom-sheet').getAttribute('data-snap');

/**
 * Every visible interactive element smaller than 44 × 44 CSS px. An input's hit target includes
 * its label (a tap on the label works the control), so the larger of the two counts. Elements
 * inside an inert or hidden subtree, and screen-reader-only ones (clipped to nothing), are not
 * visible and are skipped.
 */
async function smallTargets(page: Page): Promise<string[]> {
  // Passed as a string: the test runner's transform would add helpers the page does not have.
  return page.evaluate(`(() => {
    const selector = 'button, a[href], input, select, textarea, summary, [role="slider"], [role="option"], [role="button"], [tabindex="0"]';
    const out = [];
    for (const el of document.querySelectorAll(selector)) {
      if (el.closest('[inert], [hidden], [aria-hidden="true"]')) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue;
      let w = r.width;
      let h = r.height;
      for (const label of el.labels ?? []) {
        const l = label.getBoundingClientRect();
        w = Math.max(w, l.width);
        h = Math.max(h, l.height);
      }
      if (w >= 44 - 0.5 && h >= 44 - 0.5) continue;
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\\s+/g, ' ').slice(0, 40);
      const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
      out.push(el.tagName.toLowerCase() + cls + ' "' + name + '" ' + Math.round(w) + 'x' + Math.round(h));
    }
    return out;
  })()`);
}

/** axe (WCAG 2.0/2.1 A and AA): the serious and critical violations; the rest are printed. */
async function audit(page: Page, state: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const minor = result.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  console.log(
    `axe [${state}]: ${result.passes.length} rules pass; moderate/minor: ${
      minor.map((v) => `${v.id} (${v.nodes.length})`).join(', ') || 'none'
    }`,
  );
  expect(result.passes.length).toBeGreaterThan(10);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

/** A one-finger drag through the DevTools protocol (Playwright's touchscreen only taps). */
async function touchDrag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  whileHeld?: () => Promise<void>,
) {
  const cdp = await page.context().newCDPSession(page);
  const steps = 8;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let i = 1; i <= steps; i += 1) {
    const point = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
  }
  await whileHeld?.();
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

describe('phone layout, 390 × 844 with touch', () => {
  it('first view: the map fills the screen, the timeline and the sheet peek sit at the bottom', async () => {
    const page = await openPhone();
    await expect.poll(async () => (await handle(page).textContent()) ?? '').toMatch(/2023: \d+ of 167 units known/);
    const header = await box(page, '.app-header');
    const map = await box(page, '.map');
    const timeline = await box(page, '.timeline');
    const sheet = await box(page, '.bottom-sheet');
    // One header row; the map at least half the screen; timeline then sheet, stacked to the bottom.
    expect(header.height).toBeLessThanOrEqual(64);
    expect(map.height).toBeGreaterThanOrEqual(0.5 * HEIGHT);
    expect(timeline.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
    expect(sheet.y).toBeGreaterThanOrEqual(timeline.y + timeline.height - 1);
    expect(sheet.y + sheet.height).toBeCloseTo(HEIGHT, 0);
    // The peek: one line and the compact tier legend (three lines of small text).
    expect(sheet.height).toBeLessThanOrEqual(140);
    expect(await handle(page).getAttribute('aria-expanded')).toBe('false');
    expect(await sheetState(page)).toBe('peek');
    // The search stays in reach; the other tools are folded behind "More".
    expect(await page.getByRole('combobox', { name: 'Search county' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Table', exact: true }).isVisible()).toBe(false);
    await snap(page, 'peek');
    expect(await smallTargets(page), 'controls under 44 × 44 px (peek)').toEqual([]);
    expect(await audit(page, 'phone first view')).toEqual([]);
  });

  it('"More" opens the folded tools with a tap or the keyboard; Escape folds them again', async () => {
    const page = await openPhone();
    const more = page.getByRole('button', { name: 'More' });
    await more.tap();
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true');
    const table = page.getByRole('button', { name: 'Table', exact: true });
    await expect.poll(() => table.isVisible()).toBe(true);
    for (const name of ['Export', 'Share']) expect(await page.getByRole('button', { name }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /中文/ }).isVisible()).toBe(true);
    await snap(page, 'more');
    expect(await smallTargets(page), 'controls under 44 × 44 px (tools open)').toEqual([]);
    await table.focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => more.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await table.isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    await expect.poll(() => table.isVisible()).toBe(true);
    // A tap outside folds them.
    await page.touchscreen.tap(200, 400);
    await expect.poll(() => table.isVisible()).toBe(false);

    // The search's list spans the header, its options big enough for a finger.
    const search = page.getByRole('combobox', { name: 'Search county' });
    await search.tap();
    await page.keyboard.type('lu');
    await expect
      .poll(() => page.getByRole('listbox', { name: 'Search county' }).getByRole('option').count())
      .toBeGreaterThan(2);
    const list = await box(page, '.search-list');
    expect(list.width).toBeGreaterThan(350);
    await snap(page, 'search');
    expect(await smallTargets(page), 'controls under 44 × 44 px (search list)').toEqual([]);
    await page.keyboard.press('Escape');

    // In Chinese: the short title, 更多 and the handle's name.
    await more.tap();
    await page.getByRole('button', { name: /中文/ }).tap();
    await expect.poll(() => page.getByRole('button', { name: /^详情/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '更多' }).isVisible()).toBe(true);
    await page.touchscreen.tap(200, 400);
    await expect.poll(() => page.getByRole('button', { name: '更多' }).getAttribute('aria-expanded')).toBe('false');
    await snap(page, 'zh');
  });

  it('the table opens from "More" as a full-screen dialog with finger-sized controls', async () => {
    const page = await openPhone();
    await page.getByRole('button', { name: 'More' }).tap();
    await page.getByRole('button', { name: 'Table', exact: true }).tap();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('row').count()).toBeGreaterThan(100);
    await snap(page, 'table');
    expect(await smallTargets(page), 'controls under 44 × 44 px (table)').toEqual([]);
    // Choosing a row selects its unit and closes the table: the sheet shows the unit.
    await dialog.getByRole('button', { name: /^Luquan District/ }).tap();
    await expect.poll(() => new URL(page.url()).searchParams.get('county')).toBe('130110');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => sheetState(page)).toBe('half');
    expect(await handle(page).textContent()).toMatch(/Luquan District/);
  });

  it('a tap on a county selects it and raises the sheet to half, with no tooltip under the finger', async () => {
    const page = await openPhone();
    const { x, y } = await labelPoint(page, '130110', 2023);
    await page.touchscreen.tap(x, y);
    await expect.poll(() => new URL(page.url()).searchParams.get('county')).toBe('130110');
    const region = page.getByRole('region', { name: /Luquan District/ });
    await expect.poll(() => region.count()).toBe(1);
    await expect.poll(() => sheetState(page)).toBe('half');
    expect(await handle(page).getAttribute('aria-expanded')).toBe('true');
    expect(await handle(page).textContent()).toMatch(/Luquan District 鹿泉区 · 2023: A/);
    expect(await region.isVisible()).toBe(true);
    // The compatibility mouse events of the tap reached the map (the selection shows it), yet no tooltip.
    expect(await page.getByRole('tooltip').count()).toBe(0);
    // Half never covers the map: a good part of it stays above the timeline.
    const map = await box(page, '.map');
    const sheet = await box(page, '.bottom-sheet');
    expect(map.height).toBeGreaterThanOrEqual(0.3 * HEIGHT);
    expect(sheet.y).toBeGreaterThan(map.y + map.height);
    await snap(page, 'selected');
    expect(await smallTargets(page), 'controls under 44 × 44 px (county, half)').toEqual([]);
    expect(await audit(page, 'phone, county selected, sheet half')).toEqual([]);
    // A mouse on the same page still gets its tooltip: the check above could fail.
    const other = await labelPoint(page, '130110', 2023);
    await page.mouse.move(other.x + 1, other.y + 1);
    await page.mouse.move(other.x, other.y);
    await expect.poll(() => page.getByRole('tooltip').count()).toBe(1);
  });

  it('a county tapped low on the map stays in sight when the sheet rises and the map shrinks', async () => {
    const page = await openPhone();
    const before = await labelPoint(page, '130425', 2023);
    const mapBefore = await box(page, '.map');
    // Daming County, in the far south, sits in the part of the map the half sheet takes away.
    expect(before.y - mapBefore.y).toBeGreaterThan(0.75 * mapBefore.height);
    await page.touchscreen.tap(before.x, before.y);
    await expect.poll(() => new URL(page.url()).searchParams.get('county')).toBe('130425');
    await expect.poll(() => sheetState(page)).toBe('half');
    await expect
      .poll(async () => {
        const map = await box(page, '.map');
        const point = await labelPoint(page, '130425', 2023);
        return point.y > map.y && point.y < map.y + map.height - 20;
      })
      .toBe(true);
    await snap(page, 'selected-south');
    // The pan was the app's own: the link records no view.
    expect(new URL(page.url()).searchParams.get('view')).toBeNull();
  });

  it('the handle toggles with Enter, Space and a tap and steps with the arrows', async () => {
    const page = await openPhone();
    const button = handle(page);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => sheetState(page)).toBe('half');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await snap(page, 'half');
    expect(await smallTargets(page), 'controls under 44 × 44 px (half)').toEqual([]);
    await page.keyboard.press('Space');
    await expect.poll(() => sheetState(page)).toBe('peek');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => sheetState(page)).toBe('full');
    // Full covers the map and the timeline, not the header.
    const main = await box(page, '.app-main');
    await expect.poll(async () => Math.round((await box(page, '.bottom-sheet')).y)).toBe(Math.round(main.y));
    await snap(page, 'full');
    expect(await smallTargets(page), 'controls under 44 × 44 px (full)').toEqual([]);
    expect(await audit(page, 'phone, sheet full')).toEqual([]);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => sheetState(page)).toBe('half');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => sheetState(page)).toBe('peek');

    // A tap on the handle opens, another closes.
    await button.tap();
    await expect.poll(() => sheetState(page)).toBe('half');
    await button.tap();
    await expect.poll(() => sheetState(page)).toBe('peek');
  });

  it('the handle follows a finger and settles at the nearest height', async () => {
    const page = await openPhone();
    // A drag up most of the screen settles at full, a drag down to the bottom at peek.
    let grip = await box(page, '.sheet-handle');
    await touchDrag(page, { x: 195, y: grip.y + 20 }, { x: 195, y: 120 }, async () => {
      // While held, the sheet's top follows the finger (less the 20 px it was pressed below it).
      // Polled: the last moves can still be on their way to the page (touch moves are
      // coalesced to frames) when the dispatch call returns, and CI caught it 86 px short.
      await expect.poll(() => page.locator('.bottom-sheet.is-dragging').count()).toBe(1);
      await expect.poll(async () => Math.abs((await box(page, '.bottom-sheet')).y - 100)).toBeLessThan(5);
    });
    await expect.poll(() => sheetState(page)).toBe('full');
    grip = await box(page, '.sheet-handle');
    await touchDrag(page, { x: 195, y: grip.y + 20 }, { x: 195, y: 830 });
    await expect.poll(() => sheetState(page)).toBe('peek');
    // A short drag up from peek, held still before the finger lifts (no flick), settles at half.
    grip = await box(page, '.sheet-handle');
    await touchDrag(page, { x: 195, y: grip.y + 20 }, { x: 195, y: grip.y - 300 }, () => page.waitForTimeout(300));
    await expect.poll(() => sheetState(page)).toBe('half');
  });

  it('the year slider steps with the keys and with a tap on its track', async () => {
    const page = await openPhone();
    const slider = page.getByRole('slider', { name: 'Year' });
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('.year-now').textContent()).toBe('2022');
    const track = await box(page, '.year-control input[type="range"]');
    // The thumb's centre runs from 22 px inside one end to 22 px inside the other (a 44 px thumb).
    await page.touchscreen.tap(track.x + 22, track.y + track.height / 2);
    await expect.poll(() => page.locator('.year-now').textContent()).toBe('2019');
    await page.touchscreen.tap(track.x + 22 + (track.width - 44) / 2, track.y + track.height / 2);
    await expect.poll(() => page.locator('.year-now').textContent()).toBe('2021');
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2021');
  });
});

describe('desktop, 1280 × 800', () => {
  it('keeps the side panel layout: no sheet handle, no "More", tools in the header', async () => {
    const { page } = await suite.open('', { reducedMotion: true });
    await expect.poll(() => page.getByRole('heading', { name: 'Tiers in 2023' }).count()).toBe(1);
    expect(await page.locator('.sheet-handle, .more-toggle, .sheet-dock').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Table', exact: true }).isVisible()).toBe(true);
    const panel = await box(page, '.side-panel');
    const main = await box(page, '.app-main');
    expect(panel.x).toBeGreaterThan(900);
    expect(panel.height).toBeCloseTo(main.height, 0);
    await snap(page, 'desktop');
  });
});
