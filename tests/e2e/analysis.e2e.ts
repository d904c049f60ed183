/**
 * Who moved, and where: map modes, a Sankey flow linked to the map and listed, a link that
 * carries a flow, the table view (sort, select a row) and the CSV downloads, in Chromium
 * against the production build, offline.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { ARTIFACTS } from './helpers/browser';
import { offlineSuite } from './helpers/suite';

const suite = offlineSuite();
const open = async (path = ''): Promise<Page> => (await suite.open(path, { reducedMotion: true })).page;

const flagged = (page: Page, flag: 'flow' | 'muted' | 'unlit' | 'selected') =>
  page.evaluate((f) => window.hebeiExplorer?.unitsFlagged(f) ?? [], flag);

const snap = async (page: Page, name: string) =>
  writeFileSync(join(ARTIFACTS, `analysis-${name}.png`), await page.screenshot());

describe('map modes', () => {
  it('switches between tier, change and first-year-in-A, with legends and the URL following', async () => {
    const page = await open('?year=2021');
    await page.getByRole('radio', { name: 'Change' }).check();
    await expect.poll(() => page.url()).toContain('mode=change');
    await expect.poll(() => page.getByRole('heading', { name: 'Change 2020 → 2021' }).count()).toBe(1);
    await snap(page, 'change');
    await page.getByRole('radio', { name: 'First year in A' }).check();
    await expect.poll(() => page.url()).toContain('mode=trajectory');
    await expect.poll(() => page.getByRole('heading', { name: 'First year in A, up to 2021' }).count()).toBe(1);
    await page.getByRole('radio', { name: 'Tier' }).check();
    await expect.poll(() => page.url()).not.toContain('mode=');
    await expect.poll(() => page.getByRole('heading', { name: 'Tiers in 2021' }).count()).toBe(1);
  });
});

describe('legend highlight', () => {
  it('washes out every unit outside the legend entry under focus, and only while it has focus', async () => {
    const page = await open('?year=2023');
    const legend = page.getByRole('region', { name: /Tiers in 2023/ });
    await expect.poll(() => legend.textContent()).toContain('66 of 167 units known');
    expect(await flagged(page, 'unlit')).toEqual([]);
    const entryA = legend.locator('li[data-state="A"]');
    const knownA = Number(/(\d+) known/.exec((await entryA.textContent()) ?? '')?.[1]);
    expect(knownA).toBeGreaterThan(0);
    await entryA.focus();
    // Every unit not known to be A in 2023 is washed out, the A units are not.
    await expect.poll(async () => (await flagged(page, 'unlit')).length).toBe(167 - knownA);
    await snap(page, 'legend-highlight-A');
    await entryA.blur();
    await expect.poll(async () => (await flagged(page, 'unlit')).length).toBe(0);
  });
});

describe('transition view', () => {
  it('highlights and lists exactly the units of a clicked flow, and puts it in the URL', async () => {
    const page = await open('?year=2021');
    // The first control named "C → B …" is the Sankey band; the matrix cell has the same name.
    const band = page.getByRole('button', { name: /^C → B: \d+ unit/ }).first();
    const label = (await band.getAttribute('aria-label')) ?? '';
    const count = Number(/: (\d+) unit/.exec(label)?.[1]);
    expect(count).toBeGreaterThan(0);
    await band.click();
    await expect.poll(() => page.url()).toContain('flow=C-B');
    const list = page.getByRole('region', { name: /C → B, 2020 → 2021/ });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(count);
    await expect.poll(async () => (await flagged(page, 'flow')).length).toBe(count);
    const muted = await flagged(page, 'muted');
    expect(muted.length).toBe(167 - count);
    await snap(page, 'flow');
    // Clearing the flow clears the map.
    await list.getByRole('button', { name: 'Clear selection' }).click();
    await expect.poll(async () => (await flagged(page, 'flow')).length).toBe(0);
    expect(page.url()).not.toContain('flow=');
    // The matrix cell with the same name selects the same flow from the keyboard.
    await page.getByRole('button', { name: label }).last().focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await flagged(page, 'flow')).length).toBe(count);
  });

  it('opens a link that carries a flow with the same units highlighted and listed', async () => {
    const page = await open('?year=2021&flow=C-B');
    const list = page.getByRole('region', { name: /C → B, 2020 → 2021/ });
    await expect.poll(() => list.getByRole('listitem').count()).toBeGreaterThan(0);
    const listed = await list.getByRole('listitem').count();
    expect((await flagged(page, 'flow')).length).toBe(listed);
  });
});

describe('table view', () => {
  it('opens from the Table button, sorts, selects a row on the map, and downloads CSV', async () => {
    const page = await open('?year=2023');
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const rows = dialog.getByRole('row');
    expect(await rows.count()).toBe(168); // header + 167 units
    const nameHeader = dialog.getByRole('columnheader', { name: /Name/ });
    await nameHeader.getByRole('button').click();
    const first = await nameHeader.getAttribute('aria-sort');
    await nameHeader.getByRole('button').click();
    expect(await nameHeader.getAttribute('aria-sort')).not.toBe(first);
    expect(['ascending', 'descending']).toContain(await nameHeader.getAttribute('aria-sort'));

    await dialog.getByRole('searchbox', { name: /Filter/ }).fill('luquan');
    await expect.poll(() => rows.count()).toBe(2);
    await dialog.getByRole('button', { name: /Luquan District/ }).click();
    await expect.poll(() => flagged(page, 'selected')).toEqual(['130110']);
    // Choosing a row closes the table, so the unit shows on the map; reopened, it keeps its filter.
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await snap(page, 'table');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download table (CSV)' }).click(),
    ]);
    const path = join(ARTIFACTS, 'analysis-table.csv');
    await download.saveAs(path);
    const parsed = parseCsv(readFileSync(path, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.rows).toHaveLength(1);
      expect(parsed.rows[0]?.code).toBe('130110');
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // The selection made in the table stays on the map.
    expect(await page.getByRole('region', { name: /Luquan District/ }).count()).toBe(1);
  });
});
