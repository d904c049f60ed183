/**
 * The transition view: its pure model (counts per cell, row and column, the unit that ended, the
 * official counts and coverage), the Sankey geometry, the listed units of a flow, and the
 * rendered markup (server-rendered, no DOM needed) in both languages.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Dataset, Year } from '../../src/domain/types';
import { indexStates, statesForYear } from '../../src/domain/unit-state';
import { createAppStore, type AppStore, type InitialState } from '../../src/store/store';
import { StoreContext } from '../../src/store/use-app-store';
import {
  flowUnits,
  layoutSankey,
  SANKEY_SIZE,
  TransitionView,
  transitionModel,
} from '../../src/features/transitions/transition-view';
import { realDataset } from '../fixtures/builders';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { transitionsDataset } from '../fixtures/transitions-dataset';

const real = realDataset();
const synthetic = transitionsDataset();

function modelOf(dataset: Dataset, baseYear: number, year: number, area: string | null = null) {
  const index = indexStates(dataset);
  return transitionModel(
    dataset,
    statesForYear(index, dataset.units, baseYear),
    statesForYear(index, dataset.units, year),
    baseYear,
    year,
    area,
  );
}

function render(dataset: Dataset, initial: InitialState): string {
  const store = createAppStore(initial);
  store.getState().dataLoaded(dataset, emptyGeometry());
  // Server rendering reads the store's initial state (zustand's server snapshot); the loaded
  // state stands in for it here.
  const loaded: AppStore = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(createElement(StoreContext.Provider, { value: loaded }, createElement(TransitionView)));
}

describe('transition model', () => {
  it('counts every unit of the later year once, by row and by column (2020 → 2021)', () => {
    const model = modelOf(real, 2020, 2021);
    expect(model.total).toBe(167);
    expect(Object.values(model.rows).reduce((a, b) => a + b, 0)).toBe(167);
    expect(Object.values(model.columns).reduce((a, b) => a + b, 0)).toBe(167);
    expect(model.knownBoth).toBe(14);
    expect(model).toMatchObject({ up: 6, same: 8, down: 0 });
  });

  it('names 邢台县 as the 2020 unit no 2021 unit continues, and no other', () => {
    expect(modelOf(real, 2020, 2021).ended.map((u) => u.nameZh)).toEqual(['邢台县']);
    expect(modelOf(real, 2019, 2023).ended.map((u) => u.nameZh)).toEqual(['邢台县']);
    expect(modelOf(real, 2021, 2022).ended).toEqual([]);
    expect(modelOf(real, 2020, 2021, '131100').ended).toEqual([]);
  });

  it('restricts counts and official figures to an area', () => {
    const model = modelOf(real, 2020, 2021, '131100');
    expect(model.total).toBe(11);
    expect(model.cells.get('B>A')).toHaveLength(3);
    expect(model.official.map((m) => m.origin)).toEqual(['units_b_to_a', 'units_c_to_b', 'tier_changes']);
    expect(model.coverage).toMatchObject({ official: 5, known: 5 });
  });

  it('has no official counts for a base year other than the year before', () => {
    const model = modelOf(real, 2019, 2021);
    expect(model.official).toEqual([]);
    expect(model.coverage).toBeNull();
  });
});

describe('Sankey geometry', () => {
  const model = modelOf(synthetic, 2020, 2021);

  it('draws one band per non-empty cell, with widths in proportion to the units', () => {
    const picture = layoutSankey(model.cells, false);
    expect(picture?.bands).toHaveLength(11);
    const width = (key: string) => picture?.bands.find((b) => `${b.from}>${b.to}` === key)?.width ?? 0;
    expect(width('B>A') / width('A>A')).toBeCloseTo(2, 5);
    for (const band of picture?.bands ?? []) expect(band.path).toMatch(/^M/);
  });

  it('keeps the nodes in the order A, B, C, unknown on both sides, inside the drawing', () => {
    const picture = layoutSankey(model.cells, false);
    for (const side of ['from', 'to'] as const) {
      const boxes = picture?.boxes.filter((b) => b.side === side) ?? [];
      expect(boxes.map((b) => b.category)).toEqual(['A', 'B', 'C', 'unknown']);
      for (let i = 1; i < boxes.length; i += 1) expect(boxes[i]?.y0).toBeGreaterThan(boxes[i - 1]?.y1 ?? Infinity);
      for (const box of boxes) {
        expect(box.x0).toBeGreaterThanOrEqual(SANKEY_SIZE.labelRoom);
        expect(box.x1).toBeLessThanOrEqual(SANKEY_SIZE.width - SANKEY_SIZE.labelRoom);
      }
    }
    const left = picture?.boxes.filter((b) => b.side === 'from').map((b) => b.value);
    expect(left).toEqual([model.rows.A, model.rows.B, model.rows.C, model.rows.unknown]);
  });

  it('can show only the units known in both years', () => {
    const picture = layoutSankey(model.cells, true);
    expect(picture?.bands.every((b) => b.from !== 'unknown' && b.to !== 'unknown')).toBe(true);
    expect(picture?.boxes.some((b) => b.category === 'unknown')).toBe(false);
    expect(picture?.bands.reduce((n, b) => n + b.value, 0)).toBe(model.knownBoth);
  });

  it('has nothing to draw when no unit is known in both years', () => {
    const empty = modelOf(synthetic, 2019, 2020, '990200');
    expect(empty.knownBoth).toBe(0);
    expect(layoutSankey(empty.cells, true)).toBeNull();
    expect(layoutSankey(empty.cells, false)).not.toBeNull();
  });
});

describe('units of a flow', () => {
  it("lists exactly the cell's units with the unit each is compared with", () => {
    const model = modelOf(real, 2020, 2021);
    const listed = flowUnits(real.units, model, { from: 'C', to: 'unknown' });
    expect(listed).toHaveLength(model.cells.get('C>unknown')?.length ?? -1);
    const renze = listed.find((l) => l.unit.code === '130505');
    expect(renze?.base?.nameZh).toBe('任县');
    expect(listed.find((l) => l.unit.code === '130502')?.base?.nameZh).toBe('桥东区');
  });

  it('orders by area, then code', () => {
    const listed = flowUnits(real.units, modelOf(real, 2020, 2021), { from: 'C', to: 'B' });
    expect(listed.map((l) => l.unit.nameZh)).toEqual(['临西县', '武强县', '故城县']);
  });
});

describe('rendered view', () => {
  it('says there is no earlier evaluation in 2019', () => {
    const html = render(real, { year: 2019 });
    expect(html).toContain('2019 is the first evaluation');
    expect(html).not.toContain('<select');
    expect(html).not.toContain('<table');
  });

  it('renders the heading, the base-year select, the Sankey, the table and the official counts (en, 2021)', () => {
    const html = render(real, { year: 2021 as Year });
    expect(html).toContain('Moves 2020 → 2021');
    expect(html).toMatch(/<label for="[^"]+">Base year<\/label><select[^>]*>/);
    expect(html.match(/<option /g)).toHaveLength(2);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="B → A: 3 units"');
    expect(html).toMatch(/role="button" aria-label="B → A: 3 units" aria-pressed="false"/);
    expect(html).toContain('<caption>Units by tier in 2020 (rows) and 2021 (columns)</caption>');
    expect(html.match(/scope="row"/g)).toHaveLength(5);
    expect(html).toContain('B → A: 13');
    expect(html).toContain('known here: 3');
    expect(html).toContain('The known data accounts for 6 of the 31 movers the sources state.');
    expect(html).toContain('Not counted: Xingtai County 邢台县 (2020)');
  });

  it("renders in Chinese, with an area, and lists the selected flow's units", () => {
    const html = render(real, { year: 2021 as Year, lang: 'zh', pref: '131100', flow: { from: 'B', to: 'A' } });
    expect(html).toContain('衡水市2020→2021年分类变化');
    expect(html).toContain('基准年份');
    expect(html).toContain('aria-label="B类→A类：3个" aria-pressed="true"');
    expect(html).toContain('B类→A类，2020→2021年：3个');
    for (const name of ['冀州区', '枣强县', '景县']) expect(html).toContain(`>${name}<`);
    expect(html).toContain('清除选择');
    expect(html).toContain('来源所述5个变动单位中，已知数据涵盖5个。');
  });

  it('says when no source counts the moves, and when the base year is not the year before', () => {
    expect(render(real, { year: 2022 as Year })).toContain('No source states how many units moved from 2021 to 2022.');
    expect(render(real, { year: 2023 as Year, base: 2020 as Year })).toContain(
      'Sources count moves only from one evaluation to the next, never from 2020 to 2023.',
    );
  });

  it('names the base unit when it differs (任泽区, 2020: 任县)', () => {
    const html = render(real, { year: 2021 as Year, flow: { from: 'C', to: 'unknown' } });
    expect(html).toContain('2020: Ren County 任县');
  });
});
