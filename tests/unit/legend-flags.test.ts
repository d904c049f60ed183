/**
 * The legend model's outlines and flag entries (src/domain/legend-outlines.ts,
 * src/domain/legend-flags.ts): the outline look of each drawn state and flag, the entries of the
 * view's flags in legend order, a bar segment's look, and the renderers taking their outline
 * colours from it (map style, swatches, figure swatches).
 */
import { describe, expect, it } from 'vitest';
import { swatchSvg } from '../../src/domain/figure/figure-swatch';
import { flagEntries, labelParamsOf, legendItems, type FlaggedView } from '../../src/domain/legend-flags';
import {
  countDrawKeys,
  countImported,
  hatchInk,
  legendModel,
  lookOf,
  outlineLook,
  segmentLook,
  swatchOutlineLook,
  washLook,
  type LegendCounts,
  type Outline,
  type OutlineState,
} from '../../src/domain/legend-model';
import { LINES, WASH_OPACITY } from '../../src/domain/map-lines';
import { tierDrawStates } from '../../src/domain/map-keys';
import {
  DERIVED_OUTLINE,
  DIM_WASH,
  FLOW_OUTLINE,
  HOVER_OUTLINE,
  IMPORTED_OUTLINE,
  SELECTED_HALO,
  SELECTED_OUTLINE,
  TIER_COLORS,
  UNKNOWN_GROUND,
  UNKNOWN_STRIPE,
  WHITE,
} from '../../src/domain/palette';
import { countStates } from '../../src/domain/unit-state';
import { lookStyle, segmentStyle } from '../../src/components/swatch-style';
import { createStyle, ROLES, unitLayerId, yearLayerId, YEAR_ROLES } from '../../src/map/gl/map-style';
import { dataset, fact, realDataset, statesOf, total, unit } from '../fixtures/builders';

const STATES: OutlineState[] = ['derived', 'imported', 'flow', 'hover', 'selected-halo', 'selected'];

describe('outline looks', () => {
  it('give each drawn state and flag its palette colour, a width class of LINES and a dash', () => {
    expect(STATES.map((s) => outlineLook(s).color)).toEqual([
      DERIVED_OUTLINE,
      IMPORTED_OUTLINE,
      FLOW_OUTLINE,
      HOVER_OUTLINE,
      SELECTED_HALO,
      SELECTED_OUTLINE,
    ]);
    for (const s of STATES) expect(LINES).toHaveProperty(outlineLook(s).width);
    expect(STATES.map((s) => outlineLook(s).dash)).toEqual(['dotted', 'double', 'solid', 'solid', 'solid', 'solid']);
    expect(washLook()).toEqual({ fill: DIM_WASH, opacity: WASH_OPACITY });
  });

  it('map each swatch outline to the look of its state (none and the faded wash have none)', () => {
    const outlines: Outline[] = ['none', 'dotted', 'imported-double', 'flow', 'selected', 'faded'];
    expect(outlines.map((o) => swatchOutlineLook(o)?.color ?? null)).toEqual([
      null,
      DERIVED_OUTLINE,
      IMPORTED_OUTLINE,
      FLOW_OUTLINE,
      SELECTED_OUTLINE,
      null,
    ]);
  });

  it('are the colours the map style draws its outlines and wash with', () => {
    const layers = createStyle(2021, 'name_zh', 'font.woff2').layers;
    const paint = (id: string) => layers.find((l) => l.id === id)?.paint as Record<string, unknown> | undefined;
    expect(paint(yearLayerId(YEAR_ROLES.outline, 2023))?.['line-color']).toBe(outlineLook('derived').color);
    expect(paint(unitLayerId(ROLES.imported, 2021))?.['line-color']).toBe(outlineLook('imported').color);
    expect(paint(unitLayerId(ROLES.flow, 2021))?.['line-color']).toBe(outlineLook('flow').color);
    expect(paint(unitLayerId(ROLES.hover, 2021))?.['line-color']).toBe(outlineLook('hover').color);
    expect(paint(unitLayerId(ROLES.selectedHalo, 2021))?.['line-color']).toBe(outlineLook('selected-halo').color);
    expect(paint(unitLayerId(ROLES.selected, 2021))?.['line-color']).toBe(outlineLook('selected').color);
    expect(paint(unitLayerId(ROLES.dim, 2021))?.['fill-color']).toBe(washLook().fill);
  });

  it('are the colours of the swatches, on screen and in the figures', () => {
    expect(lookStyle(lookOf('B'), 'dotted').outline).toBe(`2px dotted ${DERIVED_OUTLINE}`);
    expect(lookStyle(lookOf('B'), 'imported-double').outline).toBe(`3px double ${IMPORTED_OUTLINE}`);
    const svg = (o: Outline) => swatchSvg(lookOf('B'), o, 0, 0, 'h', []);
    expect(svg('dotted')).toContain(`stroke="${DERIVED_OUTLINE}" stroke-width="2" stroke-dasharray="2 2"`);
    expect(svg('imported-double').split(`stroke="${IMPORTED_OUTLINE}"`)).toHaveLength(3);
    expect(svg('flow')).toContain(`stroke="${FLOW_OUTLINE}" stroke-width="2.5"`);
    expect(svg('selected')).toContain(`stroke="${SELECTED_OUTLINE}" stroke-width="3"`);
    expect(svg('faded')).toContain(`fill="${DIM_WASH}" fill-opacity="${WASH_OPACITY}"`);
    expect(svg('none')).not.toContain('stroke-dasharray');
  });
});

describe('bar segments and hatches', () => {
  it('draw a partly known segment as the B-or-C range, the others as their own look', () => {
    expect(segmentLook('range')).toBe(lookOf('range:BC'));
    expect(segmentLook('A')).toBe(lookOf('A'));
    expect(segmentLook('unknown')).toBe(lookOf('unknown'));
    expect(segmentStyle('range')).toEqual(lookStyle(lookOf('range:BC')));
  });

  it('give the unknown hatch its ground and line colour', () => {
    expect(hatchInk(lookOf('unknown'))).toEqual({ ground: UNKNOWN_GROUND, ink: UNKNOWN_STRIPE });
    expect(hatchInk(lookOf('A'))).toEqual({ ground: TIER_COLORS.A, ink: TIER_COLORS.A });
  });
});

describe('legend entries carry their outline look', () => {
  const data = dataset({
    units: [unit('990101', '甲'), unit('990102', '乙'), unit('990103', '丙')],
    tiers: [fact('990101', 2021, 'A'), fact('990102', 2021, 'B', { basis: 'derived' })],
    totals: [total(2021, { counts: { A: 1, B: 2, C: null } })],
  });
  const states = statesOf(data)(2021);
  const counts: LegendCounts = {
    states: countStates(states),
    total: data.totals[0] ?? null,
    drawKeys: countDrawKeys(tierDrawStates(states)),
    imported: 1,
  };

  it('dotted on derived, the double line on imported, none elsewhere', () => {
    const entries = legendModel({ mode: 'tier', year: 2021, base: 2020 }, counts);
    expect(entries.map((e) => [e.key, e.outlineLook?.color ?? null])).toEqual([
      ['A', null],
      ['B', null],
      ['C', null],
      ['derived', DERIVED_OUTLINE],
      ['range', null],
      ['unknown', null],
      ['imported', IMPORTED_OUTLINE],
    ]);
    expect(entries.find((e) => e.key === 'derived')?.outlineLook).toEqual(outlineLook('derived'));
  });
});

describe('flag entries', () => {
  const base: FlaggedView = {
    mode: 'tier',
    year: 2023,
    base: 2019,
    flags: { flow: null, area: null, highlight: null, selected: null },
  };
  const entries = legendModel(base, {
    states: countStates(new Map()),
    total: null,
    drawKeys: new Map(),
    imported: 0,
  });

  it('are none without flags', () => {
    expect(flagEntries(base, entries)).toEqual([]);
  });

  it('list the flow, what is faded and the selection, in that order, with their outlines', () => {
    const view: FlaggedView = {
      ...base,
      flags: { flow: { from: 'C', to: 'A', n: 4 }, area: '石家庄市', highlight: 'B', selected: '藁城区' },
    };
    const flags = flagEntries(view, entries);
    expect(flags.map((f) => [f.key, f.labelKey, f.outline])).toEqual([
      ['flow', 'flow', 'flow'],
      ['faded-flow', 'faded-flow', 'faded'],
      ['faded-area', 'faded-area', 'faded'],
      ['faded-highlight', 'faded-highlight', 'faded'],
      ['selected', 'selected', 'selected'],
    ]);
    expect(flags[0]).toMatchObject({
      look: { fill: WHITE },
      outlineLook: outlineLook('flow'),
      labelParams: { base: 2019, year: 2023, n: 4 },
      labelRefs: { from: { key: 'tv:C', params: {} }, to: { key: 'tv:A', params: {} } },
      counts: { known: 4 },
    });
    expect(flags[1]).toMatchObject({ look: lookOf('B'), outlineLook: null, counts: null });
    expect(flags[2]?.labelParams).toEqual({ area: '石家庄市' });
    expect(flags[3]?.labelRefs).toEqual({ entry: { key: 'legendTierB', params: {} } });
    expect(flags[4]).toMatchObject({ outlineLook: outlineLook('selected'), labelParams: { name: '藁城区' } });
  });

  it('say "one unit" for a flow of one, and leave out a highlight the legend does not list', () => {
    const view: FlaggedView = {
      ...base,
      flags: { flow: { from: 'unknown', to: 'A', n: 1 }, area: null, highlight: 'change:up1', selected: null },
    };
    expect(flagEntries(view, entries).map((f) => f.labelKey)).toEqual(['flow-one', 'faded-flow']);
  });

  it('word their label references through the caller', () => {
    const [flow] = flagEntries({ ...base, flags: { ...base.flags, flow: { from: 'B', to: 'A', n: 2 } } }, entries);
    if (!flow) throw new Error('no flow entry');
    expect(labelParamsOf(flow, (key) => `<${key}>`)).toEqual({
      base: 2019,
      year: 2023,
      n: 2,
      from: '<tv:B>',
      to: '<tv:A>',
    });
    const [a] = entries;
    if (!a) throw new Error('no entry');
    expect(labelParamsOf(a, () => 'x')).toBe(a.labelParams);
  });
});

describe('legendItems with the real data', () => {
  const data = realDataset();
  const year = 2023;
  const states = statesOf(data)(year);
  const counts: LegendCounts = {
    states: countStates(states),
    total: data.totals.find((x) => x.year === year && x.scope === 'province') ?? null,
    drawKeys: countDrawKeys(tierDrawStates(states)),
    imported: countImported(states),
  };

  it('are the flag entries, then the legend model of the view', () => {
    const view: FlaggedView = {
      mode: 'tier',
      year,
      base: 2019,
      flags: { flow: null, area: null, highlight: 'A', selected: '藁城区' },
    };
    const items = legendItems(view, counts);
    const model = legendModel(view, counts);
    expect(items.map((i) => i.key)).toEqual(['faded-highlight', 'selected', ...model.map((e) => e.key)]);
    expect(items.slice(2)).toEqual(model);
    const a = model.find((e) => e.key === 'A');
    expect(a?.counts.known).toBeGreaterThan(0);
    expect(a?.counts.official).not.toBeNull();
  });
});
