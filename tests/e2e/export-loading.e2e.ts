/**
 * The Export menu's "Figure…" and "Five years side by side…" while the figure dialog's code
 * loads, in Chromium against the production build, offline (the chunk held or failed with
 * page.route, as in lazy-panels.e2e.ts):
 * - the menu closes, the Export button keeps focus and is busy (aria-busy), and the status says
 *   "Loading the figure editor…" (in Chinese too); a second click meanwhile opens one dialog, the
 *   one asked for last, once the code is in, and the status goes;
 * - Escape on the Export button meanwhile gives the dialog up: nothing opens when the code comes;
 * - a failed load is said under the button (an alert) with focus kept, and Try again opens the
 *   dialog (the chunk asked for under another address); Dismiss puts the message away; the five
 *   years' own chunk failing is said and retried the same way.
 * With E2E_SHOTS=<dir>, the loading state is saved there (loading-en.png, loading-zh.png), and the
 * failure (failed-en.png).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { offlineSuite } from './helpers/suite';

const SHOTS = process.env.E2E_SHOTS;
// A chunk made to fail is logged as a failed resource: that is the test, not an error.
const suite = offlineSuite({ expectedErrors: /Failed to load resource|dynamically imported module/ });

/** The explorer at `query`, as the explorer chooses to draw it (here: the 2D map). */
const open = async (query: string): Promise<Page> => (await suite.open(query, { renderer: 'auto' })).page;

/** Holds (or, with `fail`, aborts) the requests for a chunk until `release` is called. */
async function holdChunk(page: Page, chunk: string, fail = false) {
  const held: Route[] = [];
  let released = false;
  const urls: string[] = [];
  // A retry asks for the chunk under another address (?retry=n): held or failed all the same.
  await page.route(new RegExp(`/assets/${chunk}-[\\w-]+\\.js(\\?.*)?$`), (route) => {
    urls.push(route.request().url());
    if (released) return route.continue();
    if (fail) return route.abort('failed');
    held.push(route);
    return undefined;
  });
  return {
    urls: () => urls,
    release: async () => {
      released = true;
      await Promise.all(held.map((r) => r.continue()));
    },
  };
}

const exportButton = (page: Page) => page.locator('.export-control');
const exportFocused = (page: Page) =>
  page.evaluate(() => document.activeElement?.classList.contains('export-control') ?? false);

/** Opens the Export menu and presses the item named `item`. */
async function choose(page: Page, item: RegExp) {
  await exportButton(page).click();
  await page.getByRole('button', { name: item }).click();
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  const box = await page.locator('.export-menu').boundingBox();
  if (!box) return;
  const x = Math.max(0, box.x - 160);
  await page.screenshot({ path: join(SHOTS, name), clip: { x, y: 0, width: 520, height: box.y + box.height + 120 } });
}

describe('the figure dialog while its code loads', () => {
  it('says Loading…, keeps focus on the busy Export button, and opens one dialog once the code is in', async () => {
    const page = await open('?year=2023&lang=en');
    const hold = await holdChunk(page, 'figure-dialog');
    await choose(page, /^Figure/);
    const loading = page.getByRole('status').filter({ hasText: 'Loading the figure editor…' });
    await expect.poll(() => loading.isVisible()).toBe(true);
    expect(await exportButton(page).getAttribute('aria-busy')).toBe('true');
    expect(await exportButton(page).getAttribute('aria-expanded')).toBe('false');
    expect(await exportFocused(page)).toBe(true);
    expect(hold.urls().length).toBeGreaterThan(0);
    await shot(page, 'loading-en.png');

    // Asked again meanwhile: still one dialog, once the code is in.
    await choose(page, /^Figure/);
    await expect.poll(() => loading.isVisible()).toBe(true);
    expect(await exportFocused(page)).toBe(true);
    expect(await page.getByRole('dialog').count()).toBe(0);

    await hold.release();
    const dialog = page.getByRole('dialog', { name: 'Figure of the current view' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(() => loading.count()).toBe(0);
    expect(await page.locator('dialog[open]').count()).toBe(1);
    expect(await exportButton(page).getAttribute('aria-busy')).toBe('false');
    // Focus is in the dialog, on the title, and goes back to the Export button on closing.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => exportFocused(page)).toBe(true);
    // The code is in: the dialog opens at once, with no loading line.
    await choose(page, /^Figure/);
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await loading.count()).toBe(0);
  });

  it('in Chinese, for the five years; Escape on the Export button gives the dialog up', async () => {
    const page = await open('?year=2023&lang=zh');
    const hold = await holdChunk(page, 'figure-dialog');
    // From the keyboard: the item focused and pressed with Enter.
    await exportButton(page).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^五年并列/ }).focus();
    await page.keyboard.press('Enter');
    const loading = page.getByRole('status').filter({ hasText: '正在加载五年并列图…' });
    await expect.poll(() => loading.isVisible()).toBe(true);
    expect(await exportFocused(page)).toBe(true);
    expect(await exportButton(page).getAttribute('aria-busy')).toBe('true');
    await shot(page, 'loading-zh.png');

    await page.keyboard.press('Escape');
    await expect.poll(() => loading.count()).toBe(0);
    expect(await exportButton(page).getAttribute('aria-busy')).toBe('false');
    await hold.release();
    await page.waitForTimeout(1000);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await exportFocused(page)).toBe(true);

    // Asked for again, it opens.
    await choose(page, /^五年并列/);
    await expect.poll(() => page.getByRole('dialog', { name: '五年对比（2019–2023年）' }).isVisible()).toBe(true);
  });

  it('a failed load is said under the button with focus kept, and Try again opens the dialog', async () => {
    const page = await open('?year=2023&lang=en');
    const hold = await holdChunk(page, 'figure-dialog', true);
    await choose(page, /^Figure/);
    const alert = page.locator('.export-menu').getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toBe('The figure editor could not be loaded: check the connection and try again.');
    expect(await exportFocused(page)).toBe(true);
    expect(await exportButton(page).getAttribute('aria-busy')).toBe('false');
    expect(await page.getByRole('status').filter({ hasText: 'Loading' }).count()).toBe(0);
    await shot(page, 'failed-en.png');

    // Dismiss puts it away; the item tries again, and fails again while the network does.
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await alert.count()).toBe(0);
    await expect.poll(() => exportFocused(page)).toBe(true);
    await choose(page, /^Figure/);
    await expect.poll(() => alert.count()).toBe(1);
    const tries = hold.urls().length;
    expect(tries).toBeGreaterThan(1);

    await hold.release();
    await page.getByRole('button', { name: 'Try again' }).click();
    const dialog = page.getByRole('dialog', { name: 'Figure of the current view' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await alert.count()).toBe(0);
    // Asked for under a new address: Chromium keeps the failed one for the page's life.
    expect(
      hold
        .urls()
        .slice(tries)
        .some((u) => /\?retry=\d+$/.test(u)),
    ).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => exportFocused(page)).toBe(true);
  });

  it('the five years, their own chunk failed, are said and opened by Try again', async () => {
    const page = await open('?year=2023&lang=en');
    const hold = await holdChunk(page, 'multiples-compose', true);
    await choose(page, /^Five years/);
    const alert = page.locator('.export-menu').getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toBe('The five years side by side could not be loaded: check the connection and try again.');
    await hold.release();
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'The five years, 2019–2023' }).isVisible()).toBe(true);
    expect(hold.urls().some((u) => /\?retry=\d+$/.test(u))).toBe(true);
    await page.keyboard.press('Escape');
  });
});
