/**
 * Who moved, and where: map modes, a Sankey flow linked to the map and listed, a link that
 * carries a flow, the table view (sort, select a row) and the CSV downloads; the first year in A
 * split into certain and open, one base year for every change figure, and change mode's one
 * "not comparable" entry (issue 16); in Chromium against the production build, offline.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultBaseYear } from '../../src/domain/base-year';
import { parseCsv } from '../../src/domain/csv';
import { countDrawKeys } from '../../src/domain/legend-model';
import { trajectoryDrawStates } from '../../src/domain/map-keys';
import { TRAJECTORY_COLORS, UNKNOWN_STRIPE } from '../../src/domain/palette';
import { indexStates, statesForYear } from '../../src/domain/unit-state';
import { realDataset } from '../fixtures/builders';
import { ARTIFACTS } from './helpers/browser';
import { colorsAround, decodePng, distance, hexToRgb, type Rgb } from './helpers/pixels';
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
    await expect.poll(() => page.url()).toContain('mode=tier');
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

/** The real data's states per year, as the store builds them (to check the page against the domain). */
function realStates() {
  const real = realDataset();
  const index = indexStates(real);
  const cache = new Map<number, ReturnType<typeof statesForYear>>();
  const statesIn = (year: number) => {
    let states = cache.get(year);
    if (!states) cache.set(year, (states = statesForYear(index, real.units, year)));
    return states;
  };
  return { real, statesIn };
}

/** The number a legend entry shows under its label. */
const entryCount = async (page: Page, key: string) =>
  Number((await page.locator(`li[data-state="${key}"] .legend-count`).first().textContent())?.replace(/\D/g, ''));

describe('first year in A: certain and open apart (issue 16)', () => {
  it('lists "first A in Y" and "A in Y, earlier years unknown" as two entries with counts, drawn two ways', async () => {
    const page = await open('?year=2023&mode=trajectory');
    const legend = page.getByRole('region', { name: 'First year in A, up to 2023' });
    await expect.poll(() => legend.locator('li').count()).toBeGreaterThan(0);
    const { real, statesIn } = realStates();
    const draw = trajectoryDrawStates(real.units, 2023, statesIn(2023).keys(), statesIn);
    const expected = countDrawKeys(draw);
    // Every entry's count is the domain's, and together they are the year's 167 units.
    let sum = 0;
    for (const key of ['traj:2019', 'traj:2020', 'traj:2020-open', 'traj:2023', 'traj:2023-open', 'traj:never']) {
      const n = await entryCount(page, key);
      expect(n, key).toBe(expected.get(key) ?? 0);
    }
    for (const li of await legend.locator('li').all())
      sum += Number((await li.locator('.legend-count').textContent())?.replace(/\D/g, ''));
    expect(sum).toBe(167);
    const open2023 = expected.get('traj:2023-open') ?? 0;
    expect(open2023).toBeGreaterThan(0);
    await expect.poll(() => legend.textContent()).toContain(`Of 167 units in 2023`);
    await expect
      .poll(() => legend.textContent())
      .toContain(
        `A with an earlier year unknown for ${open2023 + (expected.get('traj:2020-open') ?? 0) + (expected.get('traj:2021-open') ?? 0) + (expected.get('traj:2022-open') ?? 0)}`,
      );

    // Pointing at the open entry lights exactly its units.
    await legend.locator('li[data-state="traj:2023-open"]').focus();
    await expect.poll(async () => (await flagged(page, 'unlit')).length).toBe(167 - open2023);
    await legend.locator('li[data-state="traj:2023-open"]').blur();

    // On the map an open unit shows its year's green crossed by the unknown hatch's grey lines;
    // a unit whose first A is certain (2019) shows its flat green only. Each is opened selected
    // and sampled around its label point. Counties (县), not city districts, for their size.
    const pick = (key: string) =>
      [...draw].find(
        ([code, d]) => d.key === key && real.units.find((u) => u.code === code)?.nameZh.endsWith('县'),
      )?.[0] ?? '';
    const colorsOf = async (code: string) => {
      const shown = await open(`?year=2023&mode=trajectory&county=${code}`);
      return async () => {
        // The probe's point is relative to the map container.
        const point = await shown.evaluate((c) => window.hebeiExplorer?.labelPointOnScreen(c, 2023) ?? null, code);
        const box = await shown.locator('.map').boundingBox();
        if (!point || !box) return [];
        const png = decodePng(await shown.screenshot());
        return colorsAround(png, Math.round(box.x + point.x), Math.round(box.y + point.y), 6);
      };
    };
    const near = (colors: Rgb[], hex: string) => colors.some((c) => distance(c, hexToRgb(hex)) < 24);
    // Polled: the map may still be painting its hatch patterns.
    const openColors = await colorsOf(pick('traj:2023-open'));
    await expect
      .poll(async () => {
        const colors = await openColors();
        return near(colors, TRAJECTORY_COLORS[2023]) && near(colors, UNKNOWN_STRIPE);
      })
      .toBe(true);
    const sureColors = await colorsOf(pick('traj:2019'));
    await expect.poll(async () => near(await sureColors(), TRAJECTORY_COLORS[2019])).toBe(true);
    expect(near(await sureColors(), UNKNOWN_STRIPE)).toBe(false);
    await snap(page, 'trajectory-open');
  });

  it('says the same in the details of an open unit (zh)', async () => {
    const { real, statesIn } = realStates();
    const draw = trajectoryDrawStates(real.units, 2023, statesIn(2023).keys(), statesIn);
    const openCode = [...draw].find(([, d]) => d.key === 'traj:2023-open')?.[0] ?? '';
    const page = await open(`?year=2023&mode=trajectory&lang=zh&county=${openCode}`);
    await expect.poll(() => page.locator('body').textContent()).toContain('2023年为A类，但此前有未知年份');
  });
});

describe('one base year for every change figure (issue 16)', () => {
  it('uses the computed default base in the timeline line, the Sankey and the legend, and says it is the default', async () => {
    const { real, statesIn } = realStates();
    const expectedBase = defaultBaseYear(real.units, 2023, statesIn);
    // Computed from the data: 2022 (no notice, a handful of known units) is not it.
    expect(expectedBase).not.toBe(2022);
    // A version 2 link without base (a version 1 link would mean the year before, see migrations.ts).
    const page = await open('?v=2&year=2023&mode=change&lang=en');
    const line = page.locator('.year-summary');
    await expect
      .poll(() => line.textContent())
      .toContain(`2023 against ${expectedBase} (default base: most units comparable)`);
    await expect.poll(() => page.getByRole('heading', { name: `Change ${expectedBase} → 2023` }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: `Moves ${expectedBase} → 2023` }).count()).toBe(1);
    const baseSelect = page.getByRole('combobox', { name: 'Base year' });
    await expect.poll(() => baseSelect.inputValue()).toBe(String(expectedBase));
    expect(await baseSelect.locator('option:checked').textContent()).toContain('default: most units comparable');

    // The line's counts are the Sankey's.
    const sankeyKnown = async () =>
      Number(/(\d+) are known in both years/.exec((await page.locator('.tv-summary').textContent()) ?? '')?.[1]);
    const lineKnown = async () => Number(/among the (\d+) units/.exec((await line.textContent()) ?? '')?.[1]);
    await expect.poll(sankeyKnown).toBeGreaterThan(0);
    expect(await lineKnown()).toBe(await sankeyKnown());

    // Choosing another base moves the line, the legend and the Sankey together, and the link.
    await baseSelect.selectOption('2019');
    await expect.poll(() => page.url()).toContain('base=2019');
    await expect.poll(() => line.textContent()).toContain('2023 against 2019 (chosen base)');
    await expect.poll(() => page.getByRole('heading', { name: 'Change 2019 → 2023' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Moves 2019 → 2023' }).count()).toBe(1);
    await expect.poll(async () => (await lineKnown()) === (await sankeyKnown())).toBe(true);
    // Back to the default: the link pins it (a new year's data must not move a shared link's base).
    await baseSelect.selectOption(String(expectedBase));
    await expect.poll(() => page.url()).toContain(`base=${expectedBase}`);
  });

  it('keeps an explicit base from the link', async () => {
    const page = await open('?year=2023&base=2021');
    await expect.poll(() => page.locator('.year-summary').textContent()).toContain('2023 against 2021 (chosen base)');
    await expect.poll(() => page.getByRole('heading', { name: 'Moves 2021 → 2023' }).count()).toBe(1);
  });
});

describe('change legend: one "not comparable" entry (issue 16)', () => {
  it('lists the moves, same, and one hatched "not comparable" entry whose count is its three parts', async () => {
    const page = await open('?year=2023&mode=change');
    const legend = page.getByRole('region', { name: /^Change \d{4} → 2023$/ });
    await expect.poll(() => legend.locator('li').count()).toBe(6);
    const entry = legend.locator('li[data-state="change:not-comparable"]');
    const n = await entryCount(page, 'change:not-comparable');
    const parts = [...((await entry.locator('.legend-parts').textContent()) ?? '').matchAll(/(\d+) unknown/g)].map(
      (m) => Number(m[1]),
    );
    expect(parts.reduce((a, b) => a + b, 0)).toBe(n);
    await expect.poll(() => legend.textContent()).toContain(`${167 - n} of 167 units comparable`);
    await entry.focus();
    await expect.poll(async () => (await flagged(page, 'unlit')).length).toBe(167 - n);
    await snap(page, 'change-legend');
  });
});
