/**
 * The finished figure (domain/figure/figure-layout.ts, figure-labels.ts, and its composition
 * from the store in features/export/figure-compose.ts and features/multiples): the default
 * titles describe the view, the legend names what is outlined and faded with counts next to
 * official totals, names never overlap, and the SVG is well-formed, with real text in named
 * fonts, a title and a description. Against the real dataset and geometry.
 */
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { FIGURE_FONT, figureFileName, figureSvg } from '../../src/domain/figure/figure-layout';
import { LABEL_FONTS, placeLabels, type LabelCandidate } from '../../src/domain/figure/figure-labels';
import { fitTransform, unitsBox } from '../../src/domain/figure/map-svg';
import { labelName, shortEnglishName } from '../../src/domain/figure/names';
import type { FontSpec, Measure } from '../../src/domain/export-png-text';
import { geometryFromTopology } from '../../src/domain/geometry';
import { unitIn } from '../../src/domain/lineage';
import type { Lang } from '../../src/domain/lang';
import type { Box } from '../../src/domain/topology-paths';
import type { Dataset, UnitCode } from '../../src/domain/types';
import type { FigureSize } from '../../src/components/figure-source';
import { composeFigure, figureDefaults } from '../../src/features/export/figure-compose';
import { composeMultiples, viewColumns } from '../../src/features/multiples/multiples-compose';
import { t } from '../../src/i18n/i18n';
import { selectFlowCodes, selectYearCounts, selectYearStates } from '../../src/store/selectors';
import { createAppStore, type InitialState } from '../../src/store/store';
import { realDataset } from '../fixtures/builders';

/** A stand-in for canvas measureText: CJK characters one em wide, others about half; bold 6% wider. */
const measure: Measure = (text: string, font: FontSpec) => {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/u.test(ch) ? 1 : 0.56;
  return em * font.size * (font.weight >= 600 ? 1.06 : 1);
};

const topology = JSON.parse(readFileSync('geo/out/hebei.topo.json', 'utf8')) as Topology;
const geometry = geometryFromTopology(topology);
const dataset: Dataset = realDataset();

function stateOf(initial: InitialState, extra: Partial<{ highlight: 'A' | null }> = {}) {
  const store = createAppStore(initial);
  store.getState().dataLoaded(dataset, geometry);
  if (extra.highlight) store.getState().setHighlight(extra.highlight);
  return store.getState();
}

const SCREEN = { width: 900, height: 620 };
const compose = (initial: InitialState, size: FigureSize = 'screen') => {
  const figure = composeFigure(stateOf(initial), { size, screen: SCREEN });
  if (!figure) throw new Error('no figure');
  return figure;
};

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * A small well-formedness check: every tag closed in order, attributes quoted, entities known,
 * one root. (Enough for what the layout writes: no comments, CDATA or processing instructions
 * other than the XML declaration.)
 */
function checkXml(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  let roots = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const between = body.slice(last, m.index);
    if (/[<>]/.test(between)) problems.push(`stray markup near ${m.index}: ${between.slice(0, 40)}`);
    for (const e of between.matchAll(/&([^;\s]*);?/g))
      if (!/^(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+)$/i.test(e[1] ?? '')) problems.push(`bad entity ${e[0]}`);
    last = tag.lastIndex;
    const [, close, name = '', , selfClose] = m;
    if (close) {
      if (stack.pop() !== name) problems.push(`</${name}> closes the wrong element`);
    } else if (!selfClose) {
      if (stack.length === 0) roots += 1;
      stack.push(name);
    } else if (stack.length === 0) roots += 1;
  }
  if (body.slice(last).trim()) problems.push('text after the root');
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

describe('default texts describe the view', () => {
  it('a year in tier mode, and the area it is filtered to', () => {
    expect(figureDefaults(stateOf({ year: 2023, lang: 'en' })).title).toBe('Innovation tiers 2023');
    expect(figureDefaults(stateOf({ year: 2023, lang: 'en', pref: '130100' })).title).toBe(
      'Innovation tiers 2023 · Shijiazhuang',
    );
    expect(figureDefaults(stateOf({ year: 2023, lang: 'zh', pref: '130100' })).title).toBe(
      '2023年县域科技创新能力分类 · 石家庄',
    );
  });

  it('a flow names its years, tiers and number of units', () => {
    const state = stateOf({ year: 2023, base: 2019, lang: 'en', flow: { from: 'C', to: 'A' } });
    const n = selectFlowCodes(state)?.size ?? 0;
    expect(n).toBeGreaterThan(0);
    expect(figureDefaults(state).title).toBe(`2019 C → 2023 A: ${n} unit${n === 1 ? '' : 's'}`);
    const many = stateOf({ year: 2023, base: 2019, lang: 'zh', flow: { from: 'unknown', to: 'A' } });
    const m = selectFlowCodes(many)?.size ?? 0;
    expect(m).toBeGreaterThan(1);
    expect(figureDefaults(many).title).toBe(`2019年未知 → 2023年A类：${m}个单位`);
  });

  it('change mode names its base year; a selected unit and a highlighted entry are named', () => {
    expect(figureDefaults(stateOf({ year: 2023, base: 2021, mode: 'change', lang: 'en' })).title).toBe(
      'Change of tier 2021 → 2023',
    );
    const selected = figureDefaults(stateOf({ year: 2023, lang: 'en', selected: '130123' }));
    const name = shortEnglishName(unitIn(dataset.units, '130123', 2023)?.nameEn ?? '');
    expect(name).toBe('Zhengding');
    expect(selected.subtitle).toContain(`Selected: ${name}`);
    const lit = figureDefaults(stateOf({ year: 2023, lang: 'en' }, { highlight: 'A' }));
    expect(lit.subtitle).toContain(`Highlighted: ${t('en', 'legendTierA')}`);
  });

  it('the user’s texts replace the defaults', () => {
    const figure = composeFigure(stateOf({ year: 2023, lang: 'en' }), {
      size: 'screen',
      screen: SCREEN,
      texts: { title: 'Which counties reached A' },
    });
    expect(figure?.spec.title).toBe('Which counties reached A');
    expect(figure?.spec.subtitle).toBe(figure?.defaults.subtitle);
  });
});

describe('the legend names the highlight, with counts known and official', () => {
  it('a flow: outlined entry named, faded entry that is not a tier, then the tiers with official totals', () => {
    const state = stateOf({ year: 2023, base: 2019, lang: 'en', flow: { from: 'unknown', to: 'A' } });
    const n = selectFlowCodes(state)?.size ?? 0;
    const { spec } = compose({ year: 2023, base: 2019, lang: 'en', flow: { from: 'unknown', to: 'A' } });
    const texts = spec.legend.map((i) => i.text);
    expect(texts[0]).toBe(`Outlined: 2019 Unknown → 2023 A (${n} units); others faded`);
    expect(spec.legend[0]?.mark).toBe('flow');
    expect(texts[1]).toBe('Faded: not in the flow (a washed-out colour is not another tier)');
    expect(spec.legend[1]?.mark).toBe('faded');
    const counts = selectYearCounts(state);
    const knownA = (counts?.stated.A ?? 0) + (counts?.derived.A ?? 0);
    expect(texts).toContain(`A (≥ 80 points): ${knownA} known · official 66`);
    expect(spec.notes.some((note) => note.includes('see sources.csv'))).toBe(true);
    expect(spec.notes.some((note) => note.includes('not an official standard map'))).toBe(true);
    expect(spec.notes).toContain('Evaluation year shown: 2023.');
  });

  it('change mode: "not comparable" with its three parts, and both years named', () => {
    const { spec } = compose({ year: 2023, base: 2022, mode: 'change', lang: 'en' });
    const entry = spec.legend.find((i) => i.text.startsWith('not comparable'));
    expect(entry?.text).toMatch(
      /^not comparable: tier unknown in 2022, in 2023 or both: \d+ \(\d+ unknown in 2022 only, \d+ unknown in 2023 only, \d+ unknown in both\)$/,
    );
    expect(spec.notes).toContain('Evaluation years compared: 2022 and 2023.');
  });

  it('an area: its outside is named as faded, and the counts are the area’s', () => {
    const { spec } = compose({ year: 2023, lang: 'zh', pref: '130100' });
    expect(spec.legend[0]?.text).toBe('淡化：石家庄以外');
    expect(spec.legend.some((i) => /^A类（≥80分）：已知\d+个 · 官方\d+个$/.test(i.text))).toBe(true);
  });
});

describe('imported facts', () => {
  it('get a legend entry with the double outline, and the map draws it, when the view has any', () => {
    const store = createAppStore({ year: 2022, lang: 'en' });
    store.getState().dataLoaded(dataset, geometry);
    const unknown = [...(selectYearStates(store.getState()) ?? [])].find(([, s]) => s.kind === 'unknown')?.[0];
    if (!unknown) throw new Error('no unit unknown in 2022');
    const without = composeFigure(store.getState(), { size: 'screen', screen: SCREEN });
    expect(without?.spec.legend.some((i) => i.mark === 'imported-double')).toBe(false);
    store.getState().applyImport({
      id: 'IMP1',
      source: { title: 'A notice', date: '2022-12-01', url: '' },
      createdAt: '2026-01-01T00:00:00Z',
      facts: [{ code: unknown, year: 2022, tier: 'B', rank: null, rankOf: null, raw: unknown }],
      origin: 'local',
    });
    const figure = composeFigure(store.getState(), { size: 'screen', screen: SCREEN });
    if (!figure) throw new Error('no figure');
    const entry = figure.spec.legend.find((i) => i.mark === 'imported-double');
    expect(entry?.text).toBe(`${t('en', 'importLegend', { n: 1 })}: 1`);
    expect(figureSvg(figure.spec, measure).svg).toContain('id="map-imported"');
  });
});

describe('unit names', () => {
  const rect = { x: 0, y: 60, width: 900, height: 700 };
  const box = unitsBox(geometry, 2023);
  if (!box) throw new Error('no units');
  const transform = fitTransform(box, rect, 16);
  const candidates = (lang: Lang, always: readonly UnitCode[]): LabelCandidate[] =>
    [...geometry.labels[2021]].flatMap(([code, at]) => {
      const unit = unitIn(dataset.units, code, 2023);
      return unit ? [{ code, text: labelName(unit, lang), at, always: always.includes(code) }] : [];
    });

  it('at province zoom: the chosen names all, the others only where they fit, none overlapping', () => {
    for (const lang of ['en', 'zh'] as const) {
      const always = ['130123', '130102', '130104', '130105'];
      const { placed, leftOut } = placeLabels(candidates(lang, always), transform, rect, measure);
      // Each chosen name is drawn, or listed as left out (the figure then says how many).
      for (const code of always)
        expect(placed.some((p) => p.code === code && p.always) || leftOut.includes(code)).toBe(true);
      expect(placed.find((p) => p.code === '130123')?.always).toBe(true);
      expect(placed.length).toBeGreaterThan(20);
      expect(placed.length).toBeLessThan(167);
      for (let i = 0; i < placed.length; i += 1)
        for (let j = i + 1; j < placed.length; j += 1) {
          const a = placed[i];
          const b = placed[j];
          if (a && b) expect(overlaps(a.box, b.box), `${a.text} / ${b.text}`).toBe(false);
        }
      // Every box is inside the map.
      for (const p of placed) {
        expect(p.box[0]).toBeGreaterThanOrEqual(rect.x);
        expect(p.box[3]).toBeLessThanOrEqual(rect.y + rect.height);
      }
      // Shijiazhuang's districts crowd each other: some chosen names had to move off their point.
      expect(placed.some((p) => p.always && p.moved)).toBe(true);
    }
  });

  it('names in the UI language, English without the generic part; bold for the chosen ones', () => {
    const unit = unitIn(dataset.units, '130123', 2023);
    if (!unit) throw new Error('no 130123');
    expect(labelName(unit, 'zh')).toBe('正定县');
    expect(labelName(unit, 'en')).toBe('Zhengding');
    const { placed } = placeLabels(candidates('en', ['130123']), transform, rect, measure);
    expect(placed.find((p) => p.code === '130123')?.font).toEqual(LABEL_FONTS.always);
  });

  it('a name whose point is outside the panel is left out', () => {
    const small = { x: 0, y: 0, width: 100, height: 100 };
    const { placed } = placeLabels(
      candidates('en', ['130123']),
      fitTransform(box, { ...small, width: 3000, height: 3000 }, 0),
      small,
      measure,
    );
    expect(placed.every((p) => p.box[2] <= 100 && p.box[3] <= 100)).toBe(true);
  });
});

describe('the SVG document', () => {
  it('says how many chosen names found no room (a flow of many units at province zoom)', () => {
    const state = stateOf({ year: 2023, base: 2019, lang: 'en', flow: { from: 'unknown', to: 'A' } });
    const n = selectFlowCodes(state)?.size ?? 0;
    const { spec } = compose({ year: 2023, base: 2019, lang: 'en', flow: { from: 'unknown', to: 'A' } });
    const { svg, labels, leftOut } = figureSvg(spec, measure);
    const drawn = labels[0]?.filter((l) => l.always).length ?? 0;
    expect(drawn + leftOut).toBe(n);
    expect(leftOut).toBeGreaterThan(0);
    expect(svg).toContain(`Names of ${leftOut} highlighted units left out for lack of room`);
  });

  it('is well-formed, with a title, a description, a viewBox and its size in px', () => {
    const { spec } = compose({ year: 2023, base: 2019, lang: 'en', flow: { from: 'C', to: 'A' }, selected: '130123' });
    const { svg, width, height } = figureSvg(spec, measure);
    expect(checkXml(svg)).toEqual([]);
    expect(svg).toContain(`width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`);
    expect(svg).toContain(`<title id="figure-title">${spec.title}</title>`);
    expect(svg).toMatch(/<desc id="figure-desc">[^<]+<\/desc>/);
    expect(width).toBe(SCREEN.width);
  });

  it('writes real text in named fonts: the title, the legend naming the flow, the flow unit’s name', () => {
    const state = stateOf({ year: 2023, base: 2019, lang: 'en', flow: { from: 'C', to: 'A' } });
    const codes = [...(selectFlowCodes(state) ?? [])];
    const { spec } = compose({ year: 2023, base: 2019, lang: 'en', flow: { from: 'C', to: 'A' } });
    const { svg, labels } = figureSvg(spec, measure);
    const texts = [...svg.matchAll(/<text [^>]*font-family="([^"]+)"[^>]*>([^<]*)<\/text>/g)];
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.every((m) => m[1] === FIGURE_FONT)).toBe(true);
    const words = texts.map((m) => m[2]).join(' ');
    expect(words).toContain(spec.title);
    expect(words).toContain('Outlined: 2019 C → 2023 A');
    for (const code of codes) {
      const name = shortEnglishName(unitIn(dataset.units, code, 2023)?.nameEn ?? '');
      expect(labels[0]?.some((l) => l.code === code && l.text === name)).toBe(true);
      expect(svg).toContain(`id="map-l${code}"`);
    }
    expect(FIGURE_FONT).toMatch(
      /^'Noto Sans', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif$/,
    );
  });

  it('in Chinese: escaped, well-formed, xml:lang set', () => {
    const { spec } = compose({ year: 2021, lang: 'zh', pref: '130100' }, 'a4');
    const { svg, width, height } = figureSvg({ ...spec, title: 'A & B <测试> "引号"' }, measure);
    expect(checkXml(svg)).toEqual([]);
    expect(svg).toContain('xml:lang="zh-Hans"');
    expect(svg).toContain('A &amp; B &lt;测试&gt; &quot;引号&quot;');
    expect({ width, height }).toEqual({ width: 1123, height: 794 });
  });

  it('file names: the year or span, the area, the scale', () => {
    expect(figureFileName('2023', null, 'png', 2)).toBe('hebei-innovation-2023@2x.png');
    expect(figureFileName('2019-2023', 'Shijiazhuang', 'svg')).toBe('hebei-innovation-2019-2023-shijiazhuang.svg');
    expect(compose({ year: 2023, lang: 'zh', pref: '130100' }).area).toBe('Shijiazhuang');
    expect(compose({ year: 2023, base: 2019, mode: 'change', lang: 'en' }).span).toBe('2019-2023');
  });
});

describe('small multiples', () => {
  it('five panels, each titled with its year and its counts known/official, on A4 landscape', () => {
    const figure = composeMultiples(stateOf({ year: 2023, lang: 'en', mode: 'change' }), {
      texts: {},
      viewWidth: 390,
      forFile: true,
    });
    if (!figure) throw new Error('no multiples');
    const { spec } = figure;
    expect(spec.panels.map((p) => p.title)).toEqual(['2019', '2020', '2021', '2022', '2023']);
    expect(spec.panels.map((p) => p.map.year)).toEqual([2019, 2020, 2021, 2022, 2023]);
    // Tiers in every panel, whatever the map's mode.
    for (const p of spec.panels) expect([...p.map.draw.values()].every((d) => !d.key.startsWith('change:'))).toBe(true);
    expect(spec.panels[4]?.note).toMatch(/^A \d+\/66 · B \d+\/73 · C \d+\/28; \d+ of 167 known$/);
    expect(spec.columns).toBe(5);
    const { svg, width, height, mapRects } = figureSvg(spec, measure);
    expect({ width, height }).toEqual({ width: 1123, height: 794 });
    expect(checkXml(svg)).toEqual([]);
    expect(mapRects).toHaveLength(5);
    for (let i = 1; i < 5; i += 1)
      expect(mapRects[i]?.x).toBeGreaterThan((mapRects[i - 1]?.x ?? 0) + (mapRects[i - 1]?.width ?? 0));
    // 2019–2020 in the 2019 boundaries (邢台县 130521 a unit), 2021– in the 2021 ones (信都区 130505).
    for (const p of ['p1', 'p2']) {
      expect(svg).toContain(`id="${p}-u130521"`);
      expect(svg).not.toContain(`id="${p}-u130505"`);
    }
    for (const p of ['p3', 'p4', 'p5']) {
      expect(svg).toContain(`id="${p}-u130505"`);
      expect(svg).not.toContain(`id="${p}-u130521"`);
    }
    expect(figure.span).toBe('five-years-2019-2023');
  });

  it('in the app: two panels per row on a phone, more on wider screens', () => {
    expect(viewColumns(358)).toBe(2);
    expect(viewColumns(700)).toBe(3);
    expect(viewColumns(1100)).toBe(5);
    const figure = composeMultiples(stateOf({ year: 2023, lang: 'zh' }), { texts: {}, viewWidth: 358, forFile: false });
    expect(figure?.spec.columns).toBe(2);
    expect(figure?.spec.width).toBe(358);
  });
});
