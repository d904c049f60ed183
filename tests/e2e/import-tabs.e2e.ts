/**
 * Imported layers shared by the tabs of one browser, in Chromium against the production build
 * (which carries the strict Content-Security-Policy as a <meta>), offline. Two pages of one
 * browser context share localStorage and get each other's `storage` events, as two tabs do:
 * - tab B applies a layer, then tab A, opened earlier, applies another: both are stored and
 *   both are there after a reload; A shows B's layer and a notice without a reload;
 * - two removals in either order leave exactly the third layer, in both tabs and after reloads;
 * - an apply in one tab and a removal in the other, in either order, keep the applied layer and
 *   drop the removed one, in both tabs and after reloads;
 * - a copy kept aside and removed in one tab takes the other tab's notice (and its Remove) away;
 * - a full storage: the dialog says the layer was applied but not saved, on every apply;
 * - a corrupt stored entry gives a notice with Download (a .json file with the text as it was)
 *   and Remove, and the text is in the backup key until Remove.
 *
 * Layers are applied and removed through the import dialog, as a user does. The units are 承德
 * units that data/ says nothing about in 2022, so each import is one new fact.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ImportLayer } from '../../src/domain/import/types';
import { waitForMark } from './helpers/browser';
import { offlineSuite } from './helpers/suite';

const suite = offlineSuite();

const STORAGE_KEY = 'hebei-explorer:imports:v1';
const BACKUP_KEY = 'hebei-explorer:imports:backup';

/** Page and console errors of the second tabs, which the suite does not watch itself. */
const secondTabErrors: string[] = [];

const reload = async (page: Page) => {
  await page.reload();
  await waitForMark(page, 'map-interactive');
};

/**
 * Tab A, then tab B in the same browser context (one localStorage), both drawn. `seed` is put in
 * storage from A (which is reloaded to read it) before B opens.
 */
async function twoTabs(seed?: string, path = '?year=2022'): Promise<{ a: Page; b: Page }> {
  const first = await suite.open(path, { reducedMotion: true });
  if (seed !== undefined) {
    await first.page.evaluate(([key, text]) => localStorage.setItem(key, text), [STORAGE_KEY, seed] as const);
    await reload(first.page);
  }
  const b = await first.context.newPage();
  b.on('pageerror', (e) => secondTabErrors.push(`pageerror: ${e.message}`));
  b.on('console', (m) => {
    if (m.type() === 'error') secondTabErrors.push(`console: ${m.text()}`);
  });
  await b.emulateMedia({ reducedMotion: 'reduce' });
  await b.goto(suite.url() + path);
  await waitForMark(b, 'map-interactive');
  return { a: first.page, b };
}

const importedOnMap = async (page: Page) =>
  (
    (await page.evaluate("window.hebeiExplorer ? window.hebeiExplorer.unitsFlagged('imported') : []")) as string[]
  ).sort();

const storedTitles = (page: Page) =>
  page.evaluate((key) => {
    const text = localStorage.getItem(key);
    return text === null
      ? []
      : (JSON.parse(text) as { layers: { source: { title: string } }[] }).layers.map((l) => l.source.title);
  }, STORAGE_KEY);

const UNITS = { 承德县: '130821', 兴隆县: '130822', 平泉市: '130881' } as const;
type Name = keyof typeof UNITS;

async function openDialog(page: Page) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import tier results' });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  return dialog;
}

async function closeDialog(page: Page) {
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog', { name: 'Import tier results' }).count()).toBe(0);
}

/** Pastes one name as B in 2022, previews, names the source `title` and applies. */
async function applyVia(page: Page, name: Name, title: string) {
  const dialog = await openDialog(page);
  await dialog.getByRole('textbox', { name: 'Notice text' }).fill(`2022年 B类：${name}`);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect.poll(() => dialog.locator('.imp-summary').textContent()).toContain('1 new facts');
  await dialog.getByRole('textbox', { name: 'Source title (required)' }).fill(title);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(() => dialog.getByText(`Applied 1 imported facts from “${title}”.`).count()).toBeGreaterThan(0);
  await closeDialog(page);
}

/** Applies like applyVia, and returns the dialog's confirmation. */
async function applyConfirmation(page: Page, name: Name, title: string): Promise<string> {
  const dialog = await openDialog(page);
  await dialog.getByRole('textbox', { name: 'Notice text' }).fill(`2022年 B类：${name}`);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect.poll(() => dialog.locator('.imp-summary').textContent()).toContain('1 new facts');
  await dialog.getByRole('textbox', { name: 'Source title (required)' }).fill(title);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  const status = dialog.locator('.imp-status');
  await expect.poll(() => status.textContent()).toContain(`Applied 1 imported facts from “${title}”`);
  const text = (await status.textContent()) ?? '';
  await closeDialog(page);
  return text;
}

/** Removes the applied import titled `title` from the dialog's list. */
async function removeVia(page: Page, title: string) {
  const dialog = await openDialog(page);
  const item = dialog.getByRole('listitem').filter({ hasText: title });
  await expect.poll(() => item.count()).toBe(1);
  await item.getByRole('button', { name: 'Remove' }).click();
  await expect.poll(() => item.count()).toBe(0);
  await closeDialog(page);
}

function storedLayer(id: string, name: Name, title: string): ImportLayer {
  return {
    id,
    source: { title, date: '', url: '' },
    createdAt: '2026-11-25T00:00:00.000Z',
    facts: [{ code: UNITS[name], year: 2022, tier: 'B', rank: null, rankOf: null, raw: name }],
    origin: 'local',
  };
}

describe('imports shared by the tabs of the browser', () => {
  it('keeps both: B applies, then A (opened earlier) applies another; A shows B’s at once', async () => {
    const { a, b } = await twoTabs();
    await applyVia(b, '承德县', 'From tab B');
    // The storage event: A shows B's layer, and says so, without a reload.
    await expect.poll(() => importedOnMap(a)).toEqual([UNITS.承德县]);
    const notice = a.locator('li.notice').filter({ hasText: 'Imported layers changed in another tab' });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.textContent()).toContain('1 added, 0 removed');
    expect(await notice.textContent()).toContain('Added: “From tab B”');

    await applyVia(a, '兴隆县', 'From tab A');
    expect(await storedTitles(a)).toEqual(['From tab B', 'From tab A']);
    await expect.poll(() => importedOnMap(b)).toEqual([UNITS.承德县, UNITS.兴隆县]);
    await reload(a);
    await reload(b);
    for (const page of [a, b]) {
      await expect.poll(() => importedOnMap(page)).toEqual([UNITS.承德县, UNITS.兴隆县]);
    }
    expect(secondTabErrors).toEqual([]);
  }, 180_000);

  for (const [first, second] of [
    ['a', 'b'],
    ['b', 'a'],
  ] as const) {
    it(`removals in both tabs (${first.toUpperCase()} first) leave exactly the third layer`, async () => {
      const layers = [
        storedLayer('IMP1', '承德县', 'Layer X'),
        storedLayer('IMP2', '兴隆县', 'Layer Y'),
        storedLayer('IMP3', '平泉市', 'Layer Z'),
      ];
      const { a, b } = await twoTabs(JSON.stringify({ version: 1, layers }));
      const tabs = { a, b };
      for (const page of [a, b]) {
        await expect.poll(() => importedOnMap(page)).toEqual([UNITS.承德县, UNITS.兴隆县, UNITS.平泉市]);
      }
      await removeVia(tabs[first], 'Layer X');
      await removeVia(tabs[second], 'Layer Y');
      expect(await storedTitles(a)).toEqual(['Layer Z']);
      for (const page of [a, b]) await expect.poll(() => importedOnMap(page)).toEqual([UNITS.平泉市]);
      // A reload of the tab that removed first reads what storage holds.
      await reload(tabs[first]);
      await expect.poll(() => importedOnMap(tabs[first])).toEqual([UNITS.平泉市]);
      expect(secondTabErrors).toEqual([]);
    }, 180_000);
  }
});

describe('an apply in one tab and a removal in the other', () => {
  for (const order of ['apply first', 'remove first'] as const) {
    it(`keeps the applied layer and drops the removed one (${order})`, async () => {
      const layers = [storedLayer('IMP1', '承德县', 'Layer X'), storedLayer('IMP2', '兴隆县', 'Layer Y')];
      const { a, b } = await twoTabs(JSON.stringify({ version: 1, layers }));
      for (const page of [a, b]) {
        await expect.poll(() => importedOnMap(page)).toEqual([UNITS.承德县, UNITS.兴隆县]);
      }
      if (order === 'apply first') {
        await applyVia(a, '平泉市', 'From tab A');
        await removeVia(b, 'Layer X');
      } else {
        await removeVia(b, 'Layer X');
        await applyVia(a, '平泉市', 'From tab A');
      }
      expect(await storedTitles(a)).toEqual(['Layer Y', 'From tab A']);
      for (const page of [a, b]) await expect.poll(() => importedOnMap(page)).toEqual([UNITS.兴隆县, UNITS.平泉市]);
      await reload(a);
      await reload(b);
      for (const page of [a, b]) await expect.poll(() => importedOnMap(page)).toEqual([UNITS.兴隆县, UNITS.平泉市]);
      expect(secondTabErrors).toEqual([]);
    }, 180_000);
  }
});

describe('copies kept aside, in two tabs', () => {
  it('takes the notice and its Remove away in one tab once the other removed the copy', async () => {
    const corrupt = '{"version":1,"layers":[{"id":"IMP1","source":{"title":"Cut';
    const { a, b } = await twoTabs(corrupt);
    const inA = a.locator('li.notice').filter({ hasText: 'could not be read' });
    await expect.poll(() => inA.count()).toBe(1);
    expect(await inA.getByRole('button', { name: 'Remove', exact: true }).count()).toBe(1);
    // B, opened later, finds the copy kept on an "earlier visit".
    const inB = b.locator('li.notice').filter({ hasText: 'keeps 1 copies' });
    await expect.poll(() => inB.count()).toBe(1);
    await inB.getByRole('button', { name: 'Remove all' }).click();
    await expect.poll(() => inA.count()).toBe(0);
    expect(await a.evaluate((key) => localStorage.getItem(key), BACKUP_KEY)).toBeNull();
    expect(secondTabErrors).toEqual([]);
  }, 180_000);
});

describe('a full storage', () => {
  it('says on every apply that the layer is applied but not saved', async () => {
    const { page } = await suite.open('?year=2022', { reducedMotion: true });
    // Fill this origin's storage to its quota, leaving no room for a layer.
    const filled = await page.evaluate(() => {
      let n = 0;
      for (let size = 1 << 20; size >= 256; size = Math.floor(size / 2)) {
        for (;;) {
          try {
            localStorage.setItem(`filler-${n}`, 'x'.repeat(size));
            n += 1;
          } catch {
            break;
          }
        }
      }
      return n;
    });
    expect(filled).toBeGreaterThan(0);
    for (const [name, title] of [
      ['承德县', 'First'],
      ['兴隆县', 'Second'],
    ] as const) {
      const text = await applyConfirmation(page, name, title);
      expect(text).toContain('could not be saved in this browser: they will be gone after a reload');
      // One warning about the storage, however many applies failed.
      await expect.poll(() => page.locator('li.notice').filter({ hasText: 'storage is full' }).count()).toBe(1);
    }
    expect(await storedTitles(page)).toEqual([]);
    await page.evaluate(() => localStorage.clear());
  }, 180_000);
});

describe('stored imports are never deleted silently', () => {
  it('keeps a corrupt entry aside, offers it as a .json download, and removes the copy only when asked', async () => {
    const { page } = await suite.open('?year=2022', { reducedMotion: true });
    // A write cut short: valid JSON up to a point.
    const corrupt = JSON.stringify({ version: 1, layers: [storedLayer('IMP1', '承德县', 'Cut short')] }).slice(0, 90);
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [STORAGE_KEY, corrupt] as const);
    await reload(page);

    const notice = page.locator('li.notice').filter({ hasText: 'could not be read' });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await importedOnMap(page)).toEqual([]);
    const backups = () =>
      page.evaluate((key) => {
        const text = localStorage.getItem(key);
        return text === null ? [] : (JSON.parse(text) as { backups: { text: string; reason: string }[] }).backups;
      }, BACKUP_KEY);
    expect(await backups()).toEqual([expect.objectContaining({ reason: 'unreadable', text: corrupt })]);

    expect(await notice.getByRole('button', { name: 'Remove', exact: true }).count()).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      notice.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^hebei-explorer-imports-unreadable-.*\.json$/);
    expect(await readFile(await download.path(), 'utf8')).toBe(corrupt);

    // Still recoverable after a reload: the copy stays, and the page lists it.
    await reload(page);
    await expect.poll(() => page.locator('li.notice').filter({ hasText: 'keeps 1 copies' }).count()).toBe(1);
    expect(await backups()).toHaveLength(1);

    const earlier = page.locator('li.notice').filter({ hasText: 'keeps 1 copies' });
    await earlier.getByRole('button', { name: 'Remove all' }).click();
    await expect.poll(() => backups()).toEqual([]);
    await expect.poll(() => page.getByText('Removed all imported data kept aside earlier.').count()).toBe(1);
  }, 180_000);
});
