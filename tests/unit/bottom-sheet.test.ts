/**
 * The phone layout's bottom sheet: where a drag settles, what the peek line says, and that
 * without a window (server rendering) it is the plain side panel of the wide layout.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore, type InitialState } from '../../src/store/store';
import { StoreContext } from '../../src/store/use-app-store';
import { BottomSheet, nearestSnap } from '../../src/components/bottom-sheet';
import { SheetPeek } from '../../src/features/details/sheet-peek';
import { realDataset } from '../fixtures/builders';
import { emptyGeometry } from '../fixtures/empty-geometry';

const real = realDataset();

function render(element: ReturnType<typeof createElement>, initial: InitialState, loaded = true): string {
  const store = createAppStore(initial);
  if (loaded) store.getState().dataLoaded(real, emptyGeometry());
  // Server rendering reads the store's initial state; the loaded state stands in for it.
  const value: AppStore = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(createElement(StoreContext.Provider, { value }, element));
}

const peekHtml = (initial: InitialState, loaded = true) => render(createElement(SheetPeek), initial, loaded);
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;/g, "'");
/** The peek's first line (or the whole of it while loading). */
const peek = (initial: InitialState, loaded = true) => {
  const html = peekHtml(initial, loaded);
  return text(/<span class="peek-line">(.*?)<\/span>/.exec(html)?.[1] ?? html);
};
/** The compact legend's entries: [data-state, their text]. */
const peekLegend = (initial: InitialState): [string, string][] =>
  [
    ...peekHtml(initial).matchAll(
      /<span class="peek-entry" data-state="([^"]+)">(.*?)<\/span><\/span>(?=<span class="peek-entry"|<\/span>$)/g,
    ),
  ].map((m) => [m[1] ?? '', text(m[2] ?? '')]);

describe('nearestSnap', () => {
  const heights = { peek: 60, half: 400, full: 780 };

  it('settles at the nearest height when the finger stops', () => {
    expect(nearestSnap(heights, 100)).toBe('peek');
    expect(nearestSnap(heights, 300)).toBe('half');
    expect(nearestSnap(heights, 620)).toBe('full');
  });

  it('carries a flick on in its direction', () => {
    expect(nearestSnap(heights, 300, 3)).toBe('full');
    expect(nearestSnap(heights, 300, -3)).toBe('peek');
  });
});

describe('the peek line', () => {
  it("says how many units the year's map knows when nothing is selected", () => {
    expect(peek({ year: 2023 })).toMatch(/^2023: \d+ of 167 units known$/);
    expect(peek({ year: 2019, lang: 'zh' })).toMatch(/^2019年：168个单位中已知\d+个$/);
  });

  it("names the selected unit and its state in the year, in the year strip's short words", () => {
    expect(peek({ year: 2023, selected: '130110' })).toMatch(/^Luquan District 鹿泉区 · 2023: A \((stated|derived)\)$/);
    expect(peek({ year: 2023, selected: '130110', lang: 'zh' })).toMatch(/^鹿泉区 · 2023年：A类（(公布|推得)）$/);
  });

  it('says a unit that did not exist in the year did not, never a guessed state', () => {
    expect(peek({ year: 2023, selected: '130521' })).toBe('Xingtai County 邢台县 · 2023: did not exist');
  });

  it('says the data is loading until it is there', () => {
    expect(peek({}, false)).toBe('Loading the dataset and the map…');
  });
});

describe('the peek legend', () => {
  it('lists A, B and C known next to the official counts, then the unknown units', () => {
    const entries = peekLegend({ year: 2023 });
    expect(entries.map(([key]) => key)).toEqual(['A', 'B', 'C', 'unknown']);
    expect(entries[0]?.[1]).toMatch(/^A\d+ knownofficial 66$/);
    expect(entries[1]?.[1]).toMatch(/^B\d+ knownofficial 73$/);
    expect(entries[2]?.[1]).toMatch(/^C\d+ knownofficial 28$/);
    // Every 2023 unit once: the known ones and the unknown (no range statement covers 2023).
    const n = (i: number) => Number(/(\d+)( known)?/.exec(entries[i]?.[1].slice(1) ?? '')?.[1]);
    const known = Number(/^2023: (\d+) of 167 units known$/.exec(peek({ year: 2023 }))?.[1]);
    expect(n(0) + n(1) + n(2)).toBe(known);
    expect(Number(/(\d+)$/.exec(entries[3]?.[1] ?? '')?.[1])).toBe(167 - known);
  });

  it('gives a minimum where only a bound is official, no official count where none is, and partly known units', () => {
    const entries = new Map(peekLegend({ year: 2022 }));
    expect(entries.get('A')).toMatch(/^A\d+ knownofficial at least 24$/);
    expect(entries.get('B')).toMatch(/^B\d+ known$/);
    expect(entries.get('range')).toMatch(/^partly known \(range of tiers\)\d+$/);
  });

  it('is in Chinese in the Chinese interface', () => {
    expect(peekLegend({ year: 2023, lang: 'zh' })[0]?.[1]).toMatch(/^A已知\d+个官方66个$/);
  });

  it("lists the change mode's drawn classes that have units, with their counts", () => {
    const entries = peekLegend({ year: 2023, mode: 'change' });
    expect(entries.length).toBeGreaterThan(1);
    for (const [key, words] of entries) {
      expect(key).toMatch(/^change:/);
      expect(words).toMatch(/\D\d+$/);
      expect(Number(/(\d+)$/.exec(words)?.[1])).toBeGreaterThan(0);
    }
  });
});

describe('BottomSheet without a window', () => {
  it('is the plain side panel: no handle, nothing inert', () => {
    const html = render(createElement(BottomSheet, null, createElement('p', null, 'content')), {});
    expect(html).toMatch(/^<aside class="side-panel"><div id="[^"]+"><p>content<\/p><\/div><\/aside>$/);
  });
});
