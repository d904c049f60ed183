/**
 * The import preview at a glance (previewGlance in src/features/import/import-preview.tsx): the
 * year the names were read under (detected from the text's heading or chosen) and the names per
 * tier, with how many of them matched a unit; shown as a table, never folded away.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseImportText, previewImport, resolveEntries, type ParsedInput } from '../../src/domain/import';
import { ImportPreviewView, previewGlance } from '../../src/features/import/import-preview';
import { t, type MessageKey } from '../../src/i18n/i18n';
import { realDataset } from '../fixtures/import/real-data';

const dataset = realDataset();

function resolvedOf(text: string, year: number | null = null) {
  const parsed: ParsedInput = parseImportText(text, { year, tier: null, scoreOrdered: false });
  if (!parsed.ok) throw new Error('not ok');
  return resolveEntries(dataset.units, parsed.entries);
}

// Made-up tiers for real names, and one name no unit has.
const NOTICE =
  '2023年度县域科技创新能力评价结果\nA类县（市、区）：鹿泉区、正定县\nB类县（市、区）：赤城县、宽城县x\nC类县（市、区）：兴隆县';

describe('previewGlance', () => {
  it('takes the year from the text and counts names per tier, and the matched ones', () => {
    expect(previewGlance(resolvedOf(NOTICE))).toEqual([
      { year: 2023, names: { A: 2, B: 2, C: 1 }, matched: { A: 2, B: 1, C: 1 } },
    ]);
  });

  it('has one row per year, in order, when the input spans years', () => {
    const entry = (raw: string, year: number, tier: 'A' | 'B' | 'C') => ({
      raw,
      year,
      tier,
      rank: null,
      score: null,
      line: 1,
      areaHint: null,
    });
    const resolved = resolveEntries(dataset.units, [entry('鹿泉区', 2021, 'A'), entry('赤城县', 2019, 'B')]);
    expect(previewGlance(resolved)).toEqual([
      { year: 2019, names: { A: 0, B: 1, C: 0 }, matched: { A: 0, B: 1, C: 0 } },
      { year: 2021, names: { A: 1, B: 0, C: 0 }, matched: { A: 1, B: 0, C: 0 } },
    ]);
  });

  it('is empty for no names', () => {
    expect(previewGlance([])).toEqual([]);
  });
});

describe('the preview shows it first, unfolded', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`in ${lang}`, () => {
      const resolved = resolvedOf(NOTICE);
      const html = renderToStaticMarkup(
        createElement(ImportPreviewView, {
          preview: previewImport(dataset, resolved),
          resolved,
          units: dataset.units,
          sources: dataset.sources,
          lang,
          tr: (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params),
          choices: new Map(),
          onChoose: () => undefined,
          accepted: new Set<string>(),
          onAccept: () => undefined,
        }),
      );
      const glance = /<table class="imp-glance">.*?<\/table>/.exec(html)?.[0] ?? '';
      // Before anything else of the preview, and not inside a <details>.
      expect(html.indexOf('<table class="imp-glance">')).toBe('<div class="imp-preview">'.length);
      const words = glance.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      expect(words).toContain(' 2023 ');
      expect(words).toContain(lang === 'en' ? ' 2 2 of 2 matched' : ' 2个 已匹配2个');
      expect(words).toContain(lang === 'en' ? ' 5 4 of 5 matched' : ' 5个 已匹配4个');
    });
  }
});
