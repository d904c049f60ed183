/**
 * The transition view's rendered markup (server-rendered, no DOM needed) in both languages. Its
 * model (counts, Sankey geometry, units of a flow) is tested in transition-model.test.ts.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Dataset, Year } from '../../src/domain/types';
import { createAppStore, type AppStore, type InitialState } from '../../src/store/store';
import { StoreContext } from '../../src/store/use-app-store';
import { TransitionView as TransitionPlace } from '../../src/features/transitions';
import { TransitionView } from '../../src/features/transitions/transition-view';
import { realDataset } from '../fixtures/builders';
import { emptyGeometry } from '../fixtures/empty-geometry';

const real = realDataset();

function render(dataset: Dataset, initial: InitialState): string {
  const store = createAppStore(initial);
  store.getState().dataLoaded(dataset, emptyGeometry());
  // Server rendering reads the store's initial state (zustand's server snapshot); the loaded
  // state stands in for it here.
  const loaded: AppStore = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(createElement(StoreContext.Provider, { value: loaded }, createElement(TransitionView)));
}

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

describe('its place before the code is in', () => {
  const renderPlace = (initial: InitialState, loaded = true) => {
    const store = createAppStore(initial);
    if (loaded) store.getState().dataLoaded(real, emptyGeometry());
    const value: AppStore = { ...store, getInitialState: store.getState };
    return renderToStaticMarkup(createElement(StoreContext.Provider, { value }, createElement(TransitionPlace)));
  };

  it('shows the heading and says it is loading (the view loads on first use)', () => {
    const html = renderPlace({ year: 2021 as Year, lang: 'en' });
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('Moves 2020 → 2021');
    expect(html).toContain('Loading…');
    expect(html).not.toContain('<svg');
    expect(renderPlace({ year: 2019, lang: 'zh' })).toContain('2019年分类变化');
  });

  it('shows nothing before the data is in, as the view does', () => {
    expect(renderPlace({ year: 2021 as Year }, false)).toBe('');
  });
});
