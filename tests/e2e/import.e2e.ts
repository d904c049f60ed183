/**
 * Importing results in a real browser against the production build, offline: paste a list,
 * preview (counts, a conflict), apply, see the units coloured and marked, reload (kept), remove
 * (gone); a share link carrying the layers (banner, keep, discard); bad input and injection
 * attempts leave the view and data as they were; axe and the keyboard on the open dialog.
 *
 * The pasted names are a test fixture (made-up tiers for real names): 承德 units that data/
 * says nothing about in 2022, and 鹿泉区, which data/ has as A in 2022, as a conflict.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ImportLayer } from '../../src/domain/import/types';
import { encodeImportLayers } from '../../src/url/import-fragment';
import { offlineSuite } from './helpers/suite';

const suite = offlineSuite();
const open = async (path = ''): Promise<Page> => (await suite.open(path, { reducedMotion: true })).page;

const shot = async (page: Page, name: string, locator?: ReturnType<Page['locator']>) => {
  const path = `/tmp/importui-${name}.png`;
  if (locator) await locator.screenshot({ path });
  else await page.screenshot({ path });
};

/** Codes whose feature-state flag `imported` is set on the map. */
const importedOnMap = (page: Page) =>
  page.evaluate("window.hebeiExplorer ? window.hebeiExplorer.unitsFlagged('imported') : []") as Promise<string[]>;

const STORAGE_KEY = 'hebei-explorer:imports:v1';
const stored = (page: Page) => page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);

// 承德县 130821, 兴隆县 130822, 平泉市 130881: nothing in data/ for 2022.
const CHENGDE = ['130821', '130822', '130881'];

function linkLayer(title = 'Linked notice'): ImportLayer {
  return {
    id: 'IMP1',
    source: { title, date: '2022-12-30', url: 'https://example.org/notice' },
    createdAt: '2026-11-25T00:00:00.000Z',
    facts: CHENGDE.map((code, i) => ({
      code,
      year: 2022,
      tier: 'B',
      rank: null,
      rankOf: null,
      raw: ['承德县', '兴隆县', '平泉市'][i] ?? code,
    })),
    origin: 'link',
  };
}

const fragmentOf = (layers: ImportLayer[]) => `#imp=${encodeImportLayers(layers) ?? ''}`;

describe('a link with imported data', () => {
  it('shows the data with a banner; Keep stores it and drops the fragment, a reload keeps it', async () => {
    const page = await open(`?year=2022${fragmentOf([linkLayer()])}`);
    const banner = page.getByRole('region', { name: 'Data from the link' });
    await expect.poll(() => banner.count()).toBe(1);
    expect(await banner.textContent()).toContain('3 facts from “Linked notice”');
    await expect.poll(async () => (await importedOnMap(page)).sort()).toEqual(CHENGDE);
    await shot(page, 'banner');
    expect(await stored(page)).toBeNull();
    await banner.getByRole('button', { name: 'Keep' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    expect(page.url()).not.toContain('#imp=');
    expect(JSON.parse((await stored(page)) ?? '{}').layers).toHaveLength(1);
    await page.reload();
    await expect.poll(async () => (await importedOnMap(page)).sort()).toEqual(CHENGDE);
    expect(await page.getByRole('region', { name: 'Data from the link' }).count()).toBe(0);
  });

  it('Discard removes the data and the fragment', async () => {
    const page = await open(`?year=2022${fragmentOf([linkLayer()])}`);
    await expect.poll(async () => (await importedOnMap(page)).length).toBe(3);
    await page.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(async () => (await importedOnMap(page)).length).toBe(0);
    expect(page.url()).not.toContain('#imp=');
    expect(page.url()).toContain('year=2022');
    expect(await stored(page)).toBeNull();
  });

  it('reports a corrupt fragment, applies nothing and keeps the view', async () => {
    const page = await open('?year=2021&county=130110#imp=AAAA-not-data');
    await expect.poll(() => page.getByText(/The imported data in this link could not be read/).count()).toBe(1);
    expect(await importedOnMap(page)).toEqual([]);
    expect(page.url()).toContain('year=2021');
    expect(page.url()).toContain('county=130110');
    await expect.poll(() => page.getByRole('region', { name: /Luquan District/ }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Data from the link' }).count()).toBe(0);
  });

  it('drops link facts for unknown codes with a notice and keeps the rest', async () => {
    const bad = linkLayer();
    bad.facts = [...bad.facts, { code: '139999', year: 2022, tier: 'A', rank: null, rankOf: null, raw: 'x' }];
    const page = await open(`?year=2022${fragmentOf([bad])}`);
    await expect.poll(() => page.getByText(/1 facts of “Linked notice” were not applied/).count()).toBe(1);
    await expect.poll(async () => (await importedOnMap(page)).length).toBe(3);
  });

  it('the share button puts the layers in the link, and the link opens them elsewhere', async () => {
    const first = await suite.open(`?year=2022${fragmentOf([linkLayer('Shared on')])}`, { reducedMotion: true });
    await first.page.getByRole('button', { name: 'Keep' }).click();
    await first.page.getByRole('button', { name: 'Share' }).first().click();
    await expect.poll(() => first.page.getByText('Link copied').count()).toBe(1);
    const link: string = await first.page.evaluate('navigator.clipboard.readText()');
    expect(link).toContain('year=2022');
    expect(link).toContain('#imp=');
    const second = await open(link.slice(suite.url().length));
    await expect.poll(() => second.getByRole('region', { name: 'Data from the link' }).count()).toBe(1);
    expect(await second.getByRole('region', { name: 'Data from the link' }).textContent()).toContain('Shared on');
    await expect.poll(async () => (await importedOnMap(second)).sort()).toEqual(CHENGDE);
  });
});

describe('the import dialog from the keyboard', () => {
  it('opens from the button, moves focus in, cycles with Tab, closes with Escape and returns focus', async () => {
    const page = await open();
    const button = page.getByRole('button', { name: 'Import', exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Import tier results' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(() => page.evaluate('document.activeElement?.tagName')).toBe('TEXTAREA');
    expect(await page.evaluate('document.activeElement?.closest("dialog") !== null')).toBe(true);
    // Forward through every control and round again: focus never leaves the dialog.
    const seen = new Set<string>();
    for (let i = 0; i < 30; i += 1) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement?.closest("dialog") !== null')).toBe(true);
      seen.add(await page.evaluate('document.activeElement?.outerHTML.slice(0, 60) ?? ""'));
    }
    expect(seen.size).toBeGreaterThan(5);
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate('document.activeElement?.closest("dialog") !== null')).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate('document.activeElement?.id')).toBe('import-button');
  });

  it('lists the applied imports with Remove, and removing restores the previous state', async () => {
    const page = await open(`?year=2022${fragmentOf([linkLayer()])}`);
    await page.getByRole('button', { name: 'Keep' }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import tier results' });
    const item = dialog.getByRole('listitem').filter({ hasText: 'Linked notice' });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('2022-12-30');
    expect(await item.textContent()).toContain('3 facts');
    await item.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => dialog.getByText('No imported data in this browser.').count()).toBe(1);
    await expect.poll(async () => (await importedOnMap(page)).length).toBe(0);
    expect(await stored(page)).toBeNull();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Chengde County' }) });
    await expect.poll(() => row.locator('.tbv-current').textContent()).toContain('unknown');
  });
});
