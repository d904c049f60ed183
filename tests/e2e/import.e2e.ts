/**
 * Importing results in a real browser against the production build, offline: paste a list,
 * preview (counts, a conflict), apply, see the units coloured and marked, reload (kept), remove
 * (gone); a share link carrying the layers (banner, keep, discard); bad input and injection
 * attempts leave the view and data as they were; axe and the keyboard on the open dialog.
 *
 * The pasted names are a test fixture (made-up tiers for real names): 承德 units that data/
 * says nothing about in 2022, 新华区 (石家庄 or 沧州: ambiguous), 三河市, which data/ has as A in
 * 2022 (a conflict), and a misspelt name with suggestions.
 */
import { AxeBuilder } from '@axe-core/playwright';
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
const flaggedOnMap = (page: Page, flag: string) =>
  page.evaluate(`window.hebeiExplorer ? window.hebeiExplorer.unitsFlagged(${JSON.stringify(flag)}) : []`);
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

const fragmentOf = async (layers: ImportLayer[]) => `#imp=${(await encodeImportLayers(layers)) ?? ''}`;

describe('a link with imported data', () => {
  it('shows the data with a banner; Keep stores it and drops the fragment, a reload keeps it', async () => {
    const page = await open(`?year=2022${await fragmentOf([linkLayer()])}`);
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
    const page = await open(`?year=2022${await fragmentOf([linkLayer()])}`);
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
    const page = await open(`?year=2022${await fragmentOf([bad])}`);
    await expect.poll(() => page.getByText(/1 fact of “Linked notice” was not applied/).count()).toBe(1);
    await expect.poll(async () => (await importedOnMap(page)).length).toBe(3);
  });

  it('the share button puts the layers in the link, and the link opens them elsewhere', async () => {
    const first = await suite.open(`?year=2022${await fragmentOf([linkLayer('Shared on')])}`, { reducedMotion: true });
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
    const page = await open(`?year=2022${await fragmentOf([linkLayer()])}`);
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

const XSS_TITLE = '<img src=x onerror="window.__xss=1"> Notice <script>window.__xss=1</script>';
const PASTE = '2022年 B类：承德县、兴隆县、平泉市、新华区、三河市、宽城县x';

async function openDialog(page: Page) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import tier results' });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  return dialog;
}

describe('paste, preview, apply, reload, remove', () => {
  it('imports a pasted list with a choice and a conflict, keeps it over a reload, and removes it', async () => {
    const page = await open('?year=2022');
    const dialog = await openDialog(page);
    await dialog.getByRole('textbox', { name: 'Notice text' }).fill(PASTE);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const summary = dialog.locator('.imp-summary');
    await expect.poll(() => summary.textContent()).toContain('6 names read: 4 matched, 1 ambiguous, 1 not matched.');
    expect(await summary.textContent()).toContain('3 new facts, 0 confirm the data, 1 conflict with a stated fact');
    // The misspelt name, with suggestions; the ambiguous one, chosen by the user.
    expect(await dialog.locator('.imp-preview').getByText('宽城县x').count()).toBe(1);
    expect(await dialog.getByText(/Did you mean .*Kuancheng/).count()).toBe(1);
    await dialog.getByRole('combobox', { name: /Which unit is “新华区”/ }).selectOption('130902');
    await expect.poll(() => summary.textContent()).toContain('5 matched, 0 ambiguous');
    expect(await summary.textContent()).toContain('4 new facts');
    // The conflict side by side; the stated fact is kept unless the user takes the import.
    const conflict = dialog.getByRole('group', { name: /Sanhe/ });
    expect(await conflict.getByRole('radio', { name: /Keep stated: A/ }).isChecked()).toBe(true);
    await conflict.getByRole('radio', { name: /Take imported: B/ }).check();
    expect(await dialog.getByText('5 facts will be applied as the layer “Imported”.').count()).toBe(1);
    expect(await dialog.getByText(/held A 2018–2023/).count()).toBe(1);
    await shot(page, 'dialog-preview', dialog);

    // axe on the open dialog with the preview shown.
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);

    // The title is required; the user's title is anyone's text (shown as text, never run).
    await dialog.getByRole('button', { name: 'Apply' }).click();
    expect(await dialog.getByText('Give the source a title').count()).toBe(1);
    await expect.poll(() => page.evaluate('document.activeElement?.getAttribute("aria-invalid")')).toBe('true');
    await dialog.getByRole('textbox', { name: 'Source title (required)' }).fill(XSS_TITLE);
    await dialog.getByRole('textbox', { name: /^Date/ }).fill('2022-12-30');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => dialog.getByText(/Applied 5 imported facts from/).count()).toBeGreaterThan(0);
    const applied = ['130821', '130822', '130881', '130902', '131082'];
    await expect.poll(async () => (await importedOnMap(page)).sort()).toEqual(applied);
    expect(await dialog.getByRole('listitem').filter({ hasText: 'Notice' }).first().textContent()).toContain(XSS_TITLE);
    await page.keyboard.press('Escape');

    // A reload keeps the layer; the details of a unit show the mark and the source's title as text.
    await page.goto(`${suite.url()}?year=2022&county=130821`);
    await expect.poll(async () => (await importedOnMap(page)).sort(), { timeout: 60_000 }).toEqual(applied);
    const details = page.getByRole('region', { name: /Chengde County/ });
    await expect.poll(() => details.locator('.dp-imported .import-badge').count()).toBe(1);
    expect(await details.locator('.dp-imported').textContent()).toContain(`Imported from “${XSS_TITLE}”`);
    await shot(page, 'county-imported');
    expect(await page.evaluate('window.__xss')).toBeUndefined();

    // The legend has an "Imported" entry in every map mode; pointing at it washes out the rest.
    const entry = page.locator('li[data-state="imported"]');
    expect(await entry.textContent()).toContain('Imported (5)');
    await page.getByRole('radio', { name: 'Change' }).check();
    await expect.poll(() => entry.textContent()).toContain('Imported (5)');
    await entry.focus();
    await expect.poll(async () => ((await flaggedOnMap(page, 'unlit')) as string[]).length).toBe(167 - 5);
    await entry.blur();
    await page.getByRole('radio', { name: 'Tier' }).check();

    // Remove: the previous state comes back exactly (三河市 A again, 承德县 unknown).
    const again = await openDialog(page);
    await again.getByRole('listitem').filter({ hasText: 'Notice' }).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(async () => (await importedOnMap(page)).length).toBe(0);
    expect(await stored(page)).toBeNull();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('button', { name }) });
    await expect.poll(() => row('Chengde County').locator('.tbv-current').textContent()).toContain('unknown');
    expect(await row('Sanhe').locator('.tbv-current').textContent()).toMatch(/^A/);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
  });
});

describe('bad input changes nothing', () => {
  it('shows names with markup as text and never runs them', async () => {
    const page = await open('?year=2022');
    const dialog = await openDialog(page);
    await dialog.getByRole('combobox', { name: 'Evaluation year' }).selectOption('2022');
    const csv = `name,tier\n承德县,B\n<img src=x onerror="window.__xss=1">,A\n<script>window.__xss=1</script>,B\n`;
    await dialog.getByRole('textbox', { name: 'Notice text' }).fill(csv);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    // Listed as names not matched, as text (the text area holds the input itself).
    const preview = dialog.locator('.imp-preview');
    await expect.poll(() => preview.getByText('<img src=x onerror="window.__xss=1">').count()).toBe(1);
    expect(await preview.getByText('<script>window.__xss=1</script>').count()).toBe(1);
    expect(await dialog.locator('img, script').count()).toBe(0);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
  });

  it('refuses an empty paste, a malformed CSV, a binary file and a 3 MB file with a message', async () => {
    const page = await open('?year=2021&county=130110');
    const dialog = await openDialog(page);
    const alert = dialog.locator('.imp-alert');
    const unchanged = async () => {
      expect(await importedOnMap(page)).toEqual([]);
      expect(await stored(page)).toBeNull();
      expect(page.url()).toContain('year=2021');
      expect(page.url()).toContain('county=130110');
    };

    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => alert.textContent()).toContain('Nothing to import');
    expect(await alert.textContent()).toContain('the map and the data are unchanged');

    await dialog
      .getByRole('textbox', { name: 'Notice text' })
      .fill('code,year,tier\n130821,2022\n130822,2022,B,extra\n');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => alert.textContent()).toMatch(/Line \d+/);
    await unchanged();

    const file = dialog.getByLabel('Or choose a file (CSV or text)');
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i += 1) binary[i] = (i * 37) % 256;
    await file.setInputFiles({ name: 'results.csv', mimeType: 'text/csv', buffer: binary });
    await expect.poll(() => alert.textContent()).toContain('This is not text');
    await unchanged();

    await file.setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.alloc(3 * 1024 * 1024, 'a') });
    await expect.poll(() => alert.textContent()).toContain('Too large: at most 2048 KB.');
    await unchanged();
    expect(await dialog.getByText(/a file of at most 2048 KB/).count()).toBe(1);
    await shot(page, 'dialog-error', dialog);
  });
});
