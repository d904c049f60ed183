/**
 * Issue 17's probes of the importer, kept as tests in the production build, offline:
 *
 * - the freeze: a paste of 199,980 spaces then two names previews, and so does one of 199,990
 *   characters of brackets, while the page keeps drawing frames (the parse is linear and runs
 *   in a worker);
 * - the stack overflow: a 1.17 MB file listing 赵县 390,000 times is refused as too many names
 *   (it threw in the worker, then again on the main thread, and "Reading…" never ended), and a
 *   file at the 2 MB limit is read;
 * - formula injection: a kept `#imp=` link whose source titles start with =, +, -, @ exports a
 *   sources.csv whose cells are neutralised;
 * - messages: a 300 KB file is read (not refused by the paste limit), UTF-16 with a byte-order
 *   mark is read and without one named, a right-to-left override in a title is dropped, an
 *   impossible date is refused;
 * - a seeded fuzz run of generated pastes and files (bracket runs of every kind among them, and
 *   files up to the 2 MB limit): every read settles, 0 page errors, 0 injected scripts run, the
 *   view and the stored data unchanged (nothing is applied without Apply).
 */
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import type { ImportLayer } from '../../src/domain/import/types';
import { encodeImportLayers } from '../../src/url/import-fragment';
import { offlineSuite } from './helpers/suite';

const suite = offlineSuite();
const open = async (path = ''): Promise<Page> => (await suite.open(path, { reducedMotion: true })).page;

async function openDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import tier results' });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  return dialog;
}

/** Every stored key and value of the page's origin. */
const storageSnapshot = (page: Page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

/** Starts recording the longest gap between animation frames (a frozen page draws none). */
const HEARTBEAT = `window.__gap = 0; (() => { let last = performance.now(); const beat = (now) => {
  window.__gap = Math.max(window.__gap, now - last); last = now; requestAnimationFrame(beat); };
  requestAnimationFrame(beat); })();`;

/**
 * Puts text into the notice box as a paste does: the value at once, then an input event (React's
 * onChange). Playwright's fill() types through Chromium's editing commands, which take tens of
 * seconds for a few thousand lines in this headless build: a property of the test tool, not of
 * the page (a value set this way is laid out in ~0.1 s).
 */
async function pasteInto(box: Locator, text: string): Promise<void> {
  await box.evaluate((el, value) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    setter?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

const utf16le = (text: string, bom: boolean): Buffer => {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
};

describe('the freeze of issue 17', () => {
  it('a 199,991-character paste padded with spaces previews while the page keeps drawing', async () => {
    const page = await open('?year=2023');
    const dialog = await openDialog(page);
    await dialog.getByRole('combobox', { name: 'Evaluation year' }).selectOption('2023');
    await dialog.getByRole('combobox', { name: 'Tier of the names' }).selectOption('A');
    await dialog
      .getByRole('textbox', { name: 'Notice text' })
      .fill(`${' '.repeat(199_980)}鹿泉区、${'\u3000'.repeat(4)}栾城区`);
    await page.waitForTimeout(300);
    await page.evaluate(HEARTBEAT);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => dialog.locator('.imp-summary').textContent()).toContain('2 names read: 2 matched');
    const gap = (await page.evaluate('window.__gap')) as number;
    // Before the fix the page stayed at 100 % CPU for minutes; a software-GL frame can take ~0.5 s.
    expect(gap).toBeLessThan(1500);
  });

  it('a 199,999-character paste of brackets then a name previews while the page keeps drawing', async () => {
    const page = await open('?year=2023');
    const dialog = await openDialog(page);
    await dialog.getByRole('combobox', { name: 'Evaluation year' }).selectOption('2023');
    await dialog.getByRole('combobox', { name: 'Tier of the names' }).selectOption('A');
    const brackets = '（）()【】〔〕[]( )(1)'.repeat(20_000).slice(0, 199_996);
    await pasteInto(dialog.getByRole('textbox', { name: 'Notice text' }), `${brackets}鹿泉区`);
    await page.waitForTimeout(300);
    await page.evaluate(HEARTBEAT);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => dialog.locator('.imp-summary').textContent()).toContain('1 names read: 1 matched');
    // Before the fix 4,000 characters of （） took 11 s; this would have taken days.
    expect((await page.evaluate('window.__gap')) as number).toBeLessThan(1500);
  });
});

describe('the stack overflow of issue 17', () => {
  it('a 1.17 MB file of 赵县、 is refused as too many names; a file at the 2 MB limit is read', async () => {
    const page = await open('?year=2023');
    const dialog = await openDialog(page);
    await dialog.getByRole('combobox', { name: 'Evaluation year' }).selectOption('2023');
    await dialog.getByRole('combobox', { name: 'Tier of the names' }).selectOption('A');
    const file = dialog.getByLabel('Or choose a file (CSV or text)');
    const alert = dialog.locator('.imp-alert-region');
    await file.setInputFiles({
      name: 'zhaoxian.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('赵县、'.repeat(130_000), 'utf8'),
    });
    await expect.poll(() => alert.textContent()).toContain('Too many names');
    expect(await dialog.locator('.imp-reading').count()).toBe(0);

    // Just under 2 MB: two names, then brackets and white space (17 bytes a unit) to the limit.
    const unit = '（）【1】 \u3000';
    const big = Buffer.from(`鹿泉区、栾城区${unit.repeat(Math.floor((2 * 1024 * 1024 - 64) / 17))}`, 'utf8');
    expect(big.length).toBeLessThanOrEqual(2 * 1024 * 1024);
    await file.setInputFiles({ name: 'padded.txt', mimeType: 'text/plain', buffer: big });
    await expect.poll(() => dialog.locator('.imp-summary').textContent()).toContain('2 names read: 2 matched');
    expect(await alert.textContent()).toBe('');
  });
});

describe('formula injection (issue 17)', () => {
  it('a kept #imp= link with formula titles exports a sources.csv with every such cell neutralised', async () => {
    const titles = ['=HYPERLINK("http://evil","x")', '+SUM(1,1)', '-2+3', '@cmd', '\t=1+1'];
    const layers: ImportLayer[] = titles.map((title, i) => ({
      id: `IMP${i + 1}`,
      source: { title, date: '2022-12-30', url: '' },
      createdAt: '2026-11-25T00:00:00.000Z',
      facts: [{ code: '130821', year: 2022, tier: 'B', rank: null, rankOf: null, raw: '承德县' }],
      origin: 'link',
    }));
    // Each layer states the same fact; only the first is new, which is fine: every title is a source.
    const page = await open(`?year=2022#imp=${(await encodeImportLayers(layers)) ?? ''}`);
    await page.getByRole('button', { name: 'Keep' }).click();
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const table = page.getByRole('dialog', { name: /Table/ });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      table.getByRole('link', { name: /sources\.csv/ }).click(),
    ]);
    const text = await readFile((await download.path()) ?? '', 'utf8');
    const csv = parseCsv(text);
    if (!csv.ok) throw new Error(csv.errors.join('\n'));
    const imported = csv.rows.filter((r) => /^IMP\d+$/u.test(r.source_id ?? '')).map((r) => r.title);
    // A leading trigger gets an apostrophe; so does one after a tab (a separator in some locales).
    const neutralised = ['\'=HYPERLINK("http://evil","x")', "'+SUM(1,1)", "'-2+3", "'@cmd", "'\t'=1+1"];
    expect(imported.sort()).toEqual(neutralised.sort());
    for (const row of csv.rows) {
      for (const cell of Object.values(row))
        expect(/^[=+\-@\t\r]/u.test(cell) && !/^[+-]?[\d.]+$/u.test(cell)).toBe(false);
    }
  });
});

describe('messages that say what happened (issue 17)', () => {
  it('reads a 300 KB file, reads UTF-16 with a mark, names UTF-16 without one', async () => {
    const page = await open('?year=2023');
    const dialog = await openDialog(page);
    await dialog.getByRole('combobox', { name: 'Evaluation year' }).selectOption('2023');
    await dialog.getByRole('combobox', { name: 'Tier of the names' }).selectOption('A');
    const file = dialog.getByLabel('Or choose a file (CSV or text)');
    const alert = dialog.locator('.imp-alert-region');
    const summary = dialog.locator('.imp-summary');

    // 300 KB: over the paste limit in characters (200,000) but under the file limit (2 MB).
    const big = Buffer.from(`鹿泉区、栾城区${' '.repeat(300 * 1024 - 30)}`, 'utf8');
    await file.setInputFiles({ name: 'padded.txt', mimeType: 'text/plain', buffer: big });
    await expect.poll(() => summary.textContent()).toContain('2 names read: 2 matched');
    expect(await alert.textContent()).toBe('');

    await file.setInputFiles({
      name: 'unicode.txt',
      mimeType: 'text/plain',
      buffer: utf16le('name\ttier\n鹿泉区\tA\n', true),
    });
    await expect.poll(() => summary.textContent()).toContain('1 names read: 1 matched');
    expect(await dialog.getByText(/The file was in UTF-16/).count()).toBe(1);

    await file.setInputFiles({
      name: 'nobom.txt',
      mimeType: 'text/plain',
      buffer: utf16le('name,tier\n鹿泉区,A\n', false),
    });
    await expect.poll(() => alert.textContent()).toContain('UTF-16 text without a byte-order mark');
  });

  it('drops a right-to-left override from the title and refuses an impossible date', async () => {
    // 承德县 in 2022: data/ states nothing, so the import is a new fact.
    const page = await open('?year=2022');
    const dialog = await openDialog(page);
    await dialog.getByRole('combobox', { name: 'Evaluation year' }).selectOption('2022');
    await dialog.getByRole('combobox', { name: 'Tier of the names' }).selectOption('B');
    await dialog.getByRole('textbox', { name: 'Notice text' }).fill('承德县');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => dialog.locator('.imp-summary').textContent()).toContain('1 names read');
    await dialog.getByRole('textbox', { name: 'Source title (required)' }).fill('Notice \u202etxt.exe');
    await dialog.getByRole('textbox', { name: /^Date/ }).fill('2023-02-30');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => dialog.getByText(/a date the calendar has/).count()).toBe(1);
    expect(await storageSnapshot(page)).toEqual({});
    await dialog.getByRole('textbox', { name: /^Date/ }).fill('2024-02-29');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => dialog.getByText(/Applied 1 imported fact/).count()).toBeGreaterThan(0);
    const stored = JSON.stringify(await storageSnapshot(page));
    expect(stored).toContain('Notice txt.exe');
    expect(stored).not.toContain('\\u202e');
    expect(await dialog.getByRole('listitem').filter({ hasText: 'Notice txt.exe' }).count()).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Seeded fuzz

const NAMES = ['鹿泉区', '栾城区', '承德县', '新华区', '桥西区', '任县', '三河市', '赵县'];
const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...NAMES), weight: 4 },
  fc.constantFrom(
    'A类县（市、区）（共66个，以分数从高到低为序）：',
    'B类：',
    '石家庄市（7个）：',
    '2023年度',
    '<img src=x onerror="window.__pwned=1">',
    '<script>window.__pwned=1</script>',
    'javascript:window.__pwned=1',
    '=HYPERLINK("http://evil","x")',
    '\u202e',
    '\u2067',
    '\u0000',
    '\uFEFF',
    '😀',
    'name,tier\n',
    'code,year,tier\n',
    '"',
    '130110',
  ),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.integer({ min: 1, max: 30_000 }).map((n) => ' \u3000\t'.repeat(n)),
  fc.integer({ min: 1, max: 5_000 }).map((n) => '-'.repeat(n)),
  // Runs of brackets of every kind, empty or not, matched or not (cubic in their length before).
  fc
    .tuple(
      fc.constantFrom(
        '()',
        '（）',
        '[]',
        '【】',
        '〔〕',
        '［］',
        '( )',
        '(1)',
        '【1】',
        '（石家庄）',
        '(',
        '】',
        '(（[【〔]】〕]))',
      ),
      fc.integer({ min: 1, max: 20_000 }),
    )
    .map(([pair, n]) => pair.repeat(n)),
);
const separator = fc.constantFrom('、', '，', ',', '\n', ' ', '：', '');
const paste = fc.array(fc.tuple(piece, separator), { minLength: 1, maxLength: 40 }).map((parts) =>
  parts
    .map(([p, s]) => p + s)
    .join('')
    .slice(0, 199_999),
);
const fileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }),
  paste.map((t) => new Uint8Array(Buffer.from(t, 'utf8'))),
  paste.map((t) => new Uint8Array(utf16le(t, true))),
  paste.map((t) => new Uint8Array(utf16le(t, false))),
);
/** Files up to the 2 MB limit (and a little over): a generated unit repeated, in UTF-8 or UTF-16. */
const largeFileBytes = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(
        '赵县、',
        '赵 县、',
        'A类：赵县、',
        '（）',
        '【1】鹿泉区、',
        '：',
        ' \u3000\t\n',
        '石家庄市（7个）：',
      ),
      paste.map((t) => t.slice(0, 200)),
    ),
    fc.integer({ min: 200_000, max: 2 * 1024 * 1024 + 1024 }),
    fc.boolean(),
  )
  .map(([unit, size, wide]) => {
    const text = unit.repeat(Math.ceil(size / Math.max(1, unit.length)));
    return new Uint8Array((wide ? utf16le(text, true) : Buffer.from(text, 'utf8')).subarray(0, size));
  });

describe('seeded fuzz of the importer', () => {
  it('generated pastes and files: no error, no script run, the view and the stored data unchanged', async () => {
    const page = await open('?year=2022&county=130821');
    // A layer of the user's own, stored before the fuzz: it must come through untouched.
    const dialog = await openDialog(page);
    await dialog.getByRole('combobox', { name: 'Evaluation year' }).selectOption('2022');
    await dialog.getByRole('combobox', { name: 'Tier of the names' }).selectOption('B');
    await dialog.getByRole('textbox', { name: 'Notice text' }).fill('承德县');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByRole('textbox', { name: 'Source title (required)' }).fill('Kept notice');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => dialog.getByText(/Applied 1 imported fact/).count()).toBeGreaterThan(0);
    const before = await storageSnapshot(page);
    expect(JSON.stringify(before)).toContain('Kept notice');

    const pastes = fc.sample(paste, { seed: 17, numRuns: 30 });
    const files = [
      ...fc.sample(fileBytes, { seed: 1717, numRuns: 12 }),
      ...fc.sample(largeFileBytes, { seed: 171_717, numRuns: 6 }),
    ];
    const textbox = dialog.getByRole('textbox', { name: 'Notice text' });
    const outcome = async () => {
      // Settled: a preview, a refusal, or nothing pending (reading finished).
      await expect
        .poll(
          async () =>
            (await dialog.locator('.imp-reading').count()) === 0 &&
            (await dialog.locator('.imp-summary, .imp-alert').count()) > 0,
        )
        .toBe(true);
    };
    for (const text of pastes) {
      await pasteInto(textbox, text);
      await dialog.getByRole('button', { name: 'Preview' }).click();
      if (text.trim() !== '') await outcome();
    }
    const file = dialog.getByLabel('Or choose a file (CSV or text)');
    for (const [i, bytes] of files.entries()) {
      await file.setInputFiles({ name: `fuzz-${i}.csv`, mimeType: 'text/csv', buffer: Buffer.from(bytes) });
      if (bytes.length > 0) await outcome();
    }
    await page.keyboard.press('Escape');

    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await storageSnapshot(page)).toEqual(before);
    expect(page.url()).toContain('year=2022');
    expect(page.url()).toContain('county=130821');
    expect(await page.getByRole('region', { name: /Chengde County/ }).count()).toBe(1);
  });
});
