/**
 * Imported facts in the table, its CSV and the dataset export: marked as imported wherever a
 * fact is shown, and the export carries the import's source.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { cellCodes, exportDataset, tableCsv } from '../../src/domain/export-csv';
import { applyImports } from '../../src/domain/import/apply';
import { cellIn, filterRows, NO_FILTER, tableRows } from '../../src/domain/table-rows';
import { indexStates } from '../../src/domain/unit-state';
import { importFact, importLayer, realDataset } from '../fixtures/builders';

const base = realDataset();

// 承德县 (130821) has no fact for 2022 in data/; 鹿泉区 (130110) is A (derived) in 2022.
const layer = importLayer(
  [
    importFact('130821', 2022, 'B', { raw: '承德县' }),
    importFact('130110', 2022, 'B', { rank: 3, rankOf: 167, raw: '石家庄市鹿泉区' }),
  ],
  { source: { title: 'Test notice, "quoted", with commas', date: '2022-12', url: 'https://example.org/n' } },
);
const dataset = applyImports(base, [layer]);
const index = indexStates(dataset);

describe('imported facts in the table', () => {
  const rows = tableRows(dataset, index, 2022, null).rows;
  const row = (code: string) => rows.find((r) => r.code === code);

  it('shows the imported fact with its mark, and codes it as imported in the CSV', () => {
    const found = row('130821');
    if (!found) throw new Error('no row for 130821');
    const cell = cellIn(found, 2022);
    expect(cell?.state).toMatchObject({ kind: 'known', tier: 'B', fact: { imported: true } });
    expect(cellCodes(cell)).toEqual({ tier: 'B', basis: 'imported', via: '' });
    const csv = tableCsv(rows, { year: 2022, baseYear: 2021, lang: 'en' });
    const line = csv.split('\n').find((l) => l.startsWith('130821,'));
    expect(line).toContain(',B,imported,');
  });

  it('filters the rows with an imported fact in the year', () => {
    const shown = filterRows(rows, { ...NO_FILTER, state: 'imported' }, 2022);
    expect(shown.map((r) => r.code).sort()).toEqual(['130110', '130821']);
    expect(
      filterRows(tableRows(base, indexStates(base), 2022, null).rows, { ...NO_FILTER, state: 'imported' }, 2022),
    ).toEqual([]);
  });

  it('gives the rank of an imported fact', () => {
    expect(row('130110')).toMatchObject({ rank: 3, rankOf: 167 });
  });
});

describe('the dataset export with an import', () => {
  const files = exportDataset(dataset);

  it('includes the import’s source and facts, in the data/ formats', () => {
    const sources = parseCsv(files['sources.csv']);
    const tiers = parseCsv(files['tiers.csv']);
    if (!sources.ok || !tiers.ok) throw new Error('export does not parse as CSV');
    expect(sources.rows.at(-1)).toMatchObject({
      source_id: 'IMP1',
      title: 'Test notice, "quoted", with commas',
      date: '2022-12',
      url: 'https://example.org/n',
    });
    expect(tiers.rows.filter((r) => r.source_ids === 'IMP1')).toMatchObject([
      { code: '130110', year: '2022', tier: 'B', rank: '3', rank_of: '167', basis: 'imported' },
      { code: '130821', year: '2022', tier: 'B', rank: '', rank_of: '', basis: 'imported' },
    ]);
  });

  it('leaves the base export unchanged once the layer is gone', () => {
    expect(exportDataset(applyImports(base, []))).toEqual(exportDataset(base));
  });
});
