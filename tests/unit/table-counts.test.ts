/**
 * The table's counts in words (src/features/table/table-counts.tsx): each count next to what it
 * is out of, an exact official count, a minimum, or none published, in English and Chinese.
 */
import { describe, expect, it } from 'vitest';
import { tableRows } from '../../src/domain/table-rows';
import { indexStates } from '../../src/domain/unit-state';
import { countText, tallyText } from '../../src/features/table/table-counts';
import { tableTally } from '../../src/features/table/table-model';
import { t, type Lang, type MessageKey } from '../../src/i18n/i18n';
import { realDataset } from '../fixtures/builders';

const real = realDataset();
const tr = (lang: Lang) => (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
const tallyOf = (year: 2022 | 2023, area: string | null = null) =>
  tableTally(tableRows(real, indexStates(real), year, null).rows, year, area, real.totals);

describe('tallyText', () => {
  it('puts each tier’s known units next to the official count, then the partly known and unknown', () => {
    const tally = tallyOf(2023);
    expect(tallyText(tr('en'), tally, 2023, 'Hebei')).toBe(
      `Hebei, 2023, 167 units: A ${tally.known.A} known of 66 official · B ${tally.known.B} known of 73 official · ` +
        `C ${tally.known.C} known of 28 official; ${tally.range} partly known (a range), ${tally.unknown} unknown.`,
    );
    expect(tallyText(tr('zh'), tally, 2023, '全省')).toMatch(/^2023年全省167个单位：A类已知\d+个，官方共66个 · /);
  });

  it('says "at least" for a minimum and "not published" where no official count exists', () => {
    const text = tallyText(tr('en'), tallyOf(2022), 2022, 'Hebei');
    expect(text).toMatch(/A \d+ known of at least 24 official/);
    expect(text).toMatch(/B \d+ known \(official count not published\)/);
    expect(tallyText(tr('zh'), tallyOf(2022), 2022, '全省')).toMatch(/B类已知\d+个（官方数量未公布）/);
  });
});

describe('countText', () => {
  it('gives the rows shown of all, and for a tier filter that tier’s known of official in the scope', () => {
    const tally = tallyOf(2023);
    expect(countText(tr('en'), { shown: 167, total: 167 }, 'all', tally, 'Hebei')).toBe('Showing 167 of 167 units');
    expect(countText(tr('en'), { shown: tally.known.A, total: 167 }, 'A', tally, 'Hebei')).toBe(
      `Showing ${tally.known.A} of 167 units (Hebei: A ${tally.known.A} known of 66 official)`,
    );
    expect(countText(tr('zh'), { shown: tally.known.A, total: 167 }, 'A', tally, '全省')).toBe(
      `共167个单位，显示${tally.known.A}个（全省A类已知${tally.known.A}个，官方共66个）`,
    );
  });
});
