/**
 * The dataset bundle: data/*.csv in one file (scripts/dataset-bundle.ts builds it, the page
 * fetches it with loadDataset). What the page builds from it must be what the CSV text gives,
 * problems included, and a broken or foreign file must be named in the message, not thrown.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { datasetBundleText } from '../../scripts/dataset-bundle';
import { loadDataset } from '../../src/data/load-dataset';
import { decodeDatasetBundle, encodeDatasetBundle } from '../../src/domain/dataset/bundle';
import { csvOfTexts, parseDataset } from '../../src/domain/dataset/parse';
import { datasetFromCsv } from '../../src/domain/dataset/parse-rows';
import { readDataTexts } from '../fixtures/import/real-data';

const texts = readDataTexts();

describe('bundle format', () => {
  it('gives back what parsing the CSV text gives, for data/', () => {
    const read = decodeDatasetBundle(datasetBundleText('data'));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.tables).toEqual(csvOfTexts(texts));
    const direct = parseDataset(texts);
    expect(direct.ok).toBe(true);
    expect(datasetFromCsv(read.tables)).toEqual(direct);
  });

  it('carries a table with problems to the same errors, with their lines', () => {
    const broken = { ...texts, tiers: `${texts.tiers.trimEnd()}\n130102,2019,Z\n` };
    const read = decodeDatasetBundle(encodeDatasetBundle(csvOfTexts(broken)));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const fromBundle = datasetFromCsv(read.tables);
    expect(fromBundle.ok).toBe(false);
    expect(fromBundle).toEqual(parseDataset(broken));
  });

  it('says what is wrong with a file that is not a bundle of this version, without throwing', () => {
    expect(decodeDatasetBundle('<html>')).toEqual({ ok: false, message: 'not JSON' });
    expect(decodeDatasetBundle('{"units":[]}')).toEqual({ ok: false, message: 'not a dataset bundle' });
    const bundle = JSON.parse(encodeDatasetBundle(csvOfTexts(texts))) as { version: number; tables: object };
    expect(decodeDatasetBundle(JSON.stringify({ ...bundle, version: 2 }))).toEqual({
      ok: false,
      message: 'version 2, expected 1',
    });
    const tables: Record<string, unknown> = { ...bundle.tables };
    delete tables.totals;
    expect(decodeDatasetBundle(JSON.stringify({ ...bundle, tables }))).toEqual({
      ok: false,
      message: 'table totals is missing or malformed',
    });
    const ragged = { ...bundle, tables: { ...bundle.tables, units: { header: ['code'], records: [['1', '2']] } } };
    expect(decodeDatasetBundle(JSON.stringify(ragged)).ok).toBe(false);
  });
});

describe('loadDataset', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const serve = (response: () => Response) => {
    const requests: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      requests.push(url);
      return Promise.resolve(response());
    });
    return requests;
  };

  it('reads every table in one request', async () => {
    const requests = serve(() => new Response(datasetBundleText('data')));
    const dataset = await loadDataset();
    expect(requests).toHaveLength(1);
    const direct = parseDataset(texts);
    expect(direct.ok && dataset).toEqual(direct.ok && direct.dataset);
  });

  it('names the file in the message when it is refused or not a bundle', async () => {
    serve(() => new Response('not found', { status: 404 }));
    await expect(loadDataset()).rejects.toThrow(/^dataset\.json \(data\/\*\.csv\): HTTP 404$/);
    serve(() => new Response('<!doctype html>'));
    await expect(loadDataset()).rejects.toThrow(/^dataset\.json \(data\/\*\.csv\): not JSON$/);
  });

  it('names the table, line and column of a problem in the data', async () => {
    const broken = { ...texts, tiers: `${texts.tiers.trimEnd()}\n130102,2019,Z,,,stated,high,P001,,\n` };
    serve(() => new Response(encodeDatasetBundle(csvOfTexts(broken))));
    await expect(loadDataset()).rejects.toThrow(/tiers\.csv, line \d+, column tier/);
  });
});
