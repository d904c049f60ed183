/**
 * Formula injection on every CSV path the app writes (issue 17, item 2): the whole dataset
 * (exportDataset), the table (tableCsv, as both download buttons write it), and the ZIP
 * (readingTables and the data/ files, datasetZipFiles), with hostile source titles and names
 * typed at import or arriving in a kept `#imp=` link. A cell is hostile when it, or a part a
 * spreadsheet splitting on `,`, `;` or tab would cut from it, starts with a trigger.
 */
import { describe, expect, it } from 'vitest';
import { readLinkLayers } from '../../src/app/import-notices';
import { parseCsv, spreadsheetSafe } from '../../src/domain/csv';
import { datasetZipFiles, readingTables } from '../../src/domain/dataset-zip';
import { exportDataset, tableCsv } from '../../src/domain/export-csv';
import { applyImports } from '../../src/domain/import/apply';
import type { ImportLayer } from '../../src/domain/import/types';
import type { Lang } from '../../src/domain/lang';
import { tableRows } from '../../src/domain/table-rows';
import type { Dataset } from '../../src/domain/types';
import { indexStates } from '../../src/domain/unit-state';
import { createAppStore } from '../../src/store/store';
import { encodeImportLayers } from '../../src/url/import-fragment';
import { importFact, importLayer, realDataset } from '../fixtures/builders';
import { emptyGeometry } from '../fixtures/empty-geometry';

const real = realDataset();

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/u;
const TRIGGER = /^[=+\-@\t\r]/u;

/** Whether a spreadsheet would run a cell that starts with `text` (a plain number runs nothing). */
function startsRunnable(text: string): boolean {
  if (!TRIGGER.test(text)) return false;
  const part = text.startsWith('\t') || text.startsWith('\r') ? text : (/^[^,;\t]*/u.exec(text)?.[0] ?? '');
  return !PLAIN_NUMBER.test(part.trimEnd());
}

/** Whether a spreadsheet could run the cell, or a part of it cut at `,`, `;` or tab (then spaces or quotes). */
function runnable(cell: string): boolean {
  if (startsRunnable(cell)) return true;
  return [...cell.matchAll(/[,;\t][ "]*/gu)].some((m) => startsRunnable(cell.slice(m.index + m[0].length)));
}

/** Titles and names a user can type, or a link can carry. */
const HOSTILE = [
  '=HYPERLINK("http://evil","x")',
  '+1',
  '-1',
  '-1+cmd',
  '+cmd|" /C calc"!A0',
  '@SUM(1,1)',
  '\t=1+1',
  '\r=1+1',
  'x;=1+1',
  'x, =1+1',
  'x,"=1+1"',
  'x\t@y',
  'notice; -2+3',
];

function cellsOf(name: string, text: string): string[] {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.errors.join('\n')}`);
  return [...parsed.header, ...parsed.rows.flatMap((row) => Object.values(row))];
}

function expectSafe(files: Record<string, string>) {
  let checked = 0;
  for (const [name, text] of Object.entries(files)) {
    if (!name.endsWith('.csv')) continue;
    for (const cell of cellsOf(name, text)) expect(runnable(cell), `${name}: ${JSON.stringify(cell)}`).toBe(false);
    checked += 1;
  }
  expect(checked).toBeGreaterThan(0);
}

/** Every CSV of every path, for a dataset. */
function everyCsv(dataset: Dataset): Record<string, string> {
  const files: Record<string, string> = { ...exportDataset(dataset) };
  const table = tableRows(dataset, indexStates(dataset), 2023, 2022);
  for (const lang of ['en', 'zh'] as Lang[]) {
    files[`table-${lang}.csv`] = tableCsv(table.rows, { year: 2023, baseYear: 2022, lang });
    for (const csv of readingTables(dataset, lang)) files[`reading/${csv.file}`] = csv.text;
    for (const [path, text] of Object.entries(datasetZipFiles(dataset, lang))) files[`zip-${lang}/${path}`] = text;
  }
  return files;
}

/** One layer per hostile text, as its title and as the name read for its fact. */
const hostileLayers = (origin: ImportLayer['origin']) =>
  HOSTILE.map((text, i) =>
    importLayer([importFact(i % 2 === 0 ? '130110' : '130111', 2022, 'A', { raw: text })], {
      id: `IMP${i + 1}`,
      origin,
      source: { title: text, date: '2023-01-05' },
    }),
  );

describe('spreadsheetSafe', () => {
  it('is checked by a test that sees the hostile texts as hostile', () => {
    expect(HOSTILE.filter((text) => !runnable(text))).toEqual(['+1', '-1']);
  });

  it('neutralises a leading trigger, and each trigger a separator would put at the start of a cell', () => {
    const cases: [string, string][] = [
      ['=1+1', "'=1+1"],
      ['\t=1+1', "'\t'=1+1"],
      ['x;=1+1', "'x;'=1+1"],
      ['x; =1+1', "'x; '=1+1"],
      ['x,"=1+1"', `'x,"'=1+1"`],
      ['x\t@y', "'x\t'@y"],
      ['a, -b', "'a, '-b"],
      ['a;\r=1', "'a;'\r=1"],
    ];
    for (const [cell, safe] of cases) {
      expect(spreadsheetSafe(cell), JSON.stringify(cell)).toBe(safe);
      expect(runnable(safe), JSON.stringify(safe)).toBe(false);
    }
  });

  it('keeps plain numbers, whole or after a separator, and ordinary text', () => {
    for (const cell of ['-1', '+2', '1,-1', 'a; -5', 'a;+2.5', '2019;2020', 'P001;IMP1', 'a=b', 'x - y', '甲, 乙']) {
      expect(spreadsheetSafe(cell), cell).toBe(cell);
    }
  });
});

describe('every CSV the app writes', () => {
  it('holds no runnable cell for titles and names typed at import', () => {
    const dataset = applyImports(real, hostileLayers('local'));
    const files = everyCsv(dataset);
    expectSafe(files);
    // The titles are there, neutralised, not dropped.
    const sources = parseCsv(files['sources.csv'] ?? '');
    if (!sources.ok) throw new Error('unparsable');
    const titles = sources.rows.filter((r) => /^IMP\d+$/u.test(r.source_id ?? '')).map((r) => r.title);
    expect(titles).toEqual(HOSTILE.map(spreadsheetSafe));
    expect(titles.filter((title, i) => title !== HOSTILE[i])).toHaveLength(HOSTILE.length - 2); // '+1' and '-1' are numbers
  });

  it('holds no runnable cell for a kept #imp= link’s values', async () => {
    const hash = `#imp=${(await encodeImportLayers(hostileLayers('link'))) ?? ''}`;
    const read = await readLinkLayers(hash, real.units, 'en');
    expect(read.layers.map((l) => l.source.title)).toEqual(HOSTILE);
    const store = createAppStore();
    store.getState().dataLoaded(real, emptyGeometry());
    store.getState().restoreImports([], read.layers);
    store.getState().keepLinkImports();
    const data = store.getState().data;
    if (data.status !== 'ready') throw new Error('not ready');
    expect(data.dataset.sources.filter((s) => s.sourceId.startsWith('IMP'))).toHaveLength(HOSTILE.length);
    expectSafe(everyCsv(data.dataset));
  });

  it('holds no runnable cell for hostile unit names (the table and the reading tables)', () => {
    const [first, second] = real.units;
    if (!first || !second) throw new Error('no units');
    const hostile: Dataset = {
      ...real,
      units: real.units.map((u) =>
        u.code === first.code
          ? { ...u, nameZh: '=1+1', nameEn: 'x;=HYPERLINK("http://evil")' }
          : u.code === second.code
            ? { ...u, nameZh: '@x', nameEn: '\tcmd' }
            : u,
      ),
    };
    const files: Record<string, string> = {};
    const table = tableRows(hostile, indexStates(hostile), 2023, null);
    for (const lang of ['en', 'zh'] as Lang[]) {
      files[`table-${lang}.csv`] = tableCsv(table.rows, { year: 2023, baseYear: table.baseYear, lang });
      for (const csv of readingTables(hostile, lang)) files[`${lang}/${csv.file}`] = csv.text;
    }
    expectSafe(files);
  });
});
