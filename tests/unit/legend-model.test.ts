/**
 * The legend model (src/domain/legend-model.ts): entries, order, looks from the palette,
 * outlines and counts per mode, and the map style's paint agreeing with it for every draw key.
 */
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import {
  DRAW_LOOKS,
  NOT_COMPARABLE_CLASSES,
  countDrawKeys,
  countImported,
  legendModel,
  lookOf,
  type LegendCounts,
  type LegendEntry,
} from '../../src/domain/legend-model';
import type { DrawState } from '../../src/domain/map-keys';
import {
  CHANGE_COLORS,
  TIER_COLORS,
  TRAJECTORY_COLORS,
  WHITE,
  stripeColors,
  trajectoryOpenStripes,
} from '../../src/domain/palette';
import type { Total, TierFact } from '../../src/domain/types';
import type { StateCounts, UnitState } from '../../src/domain/unit-state';
import { total as totalRow } from '../fixtures/builders';
import { HATCHES, createStyle, hatchRole, patternId, yearLayerId, YEAR_ROLES } from '../../src/map/gl/map-style';

const states: StateCounts = {
  stated: { A: 10, B: 40, C: 50 },
  derived: { A: 1, B: 2, C: 0 },
  range: 7,
  unknown: 58,
  total: 168,
};

const total = (counts: Total['counts'], minimums: Total['minimums']): Total =>
  totalRow(2021, { units: 167, counts, minimums });

const counts = (over: Partial<LegendCounts> = {}): LegendCounts => ({
  states,
  total: null,
  drawKeys: new Map(),
  imported: 0,
  ...over,
});

const keys = (entries: LegendEntry[]) => entries.map((e) => e.key);

describe('legend model, tier mode', () => {
  const view = { mode: 'tier', year: 2021, base: 2020 } as const;

  it('lists A, B, C, derived, partly known and unknown, in that order', () => {
    expect(keys(legendModel(view, counts()))).toEqual(['A', 'B', 'C', 'derived', 'range', 'unknown']);
  });

  it('takes its colours from the palette, with the dotted outline on derived only', () => {
    const [a, b, c, derived, range, unknown] = legendModel(view, counts());
    expect(a?.look).toEqual({ fill: TIER_COLORS.A });
    expect(b?.look).toEqual({ fill: TIER_COLORS.B });
    expect(c?.look).toEqual({ fill: TIER_COLORS.C });
    expect(derived?.look).toEqual({ fill: TIER_COLORS.B });
    expect(range?.look).toEqual({ stripes: stripeColors(['B', 'C']), direction: 'up' });
    expect(unknown?.look).toEqual({ stripes: stripeColors(null), direction: 'up' });
    expect(legendModel(view, counts()).map((e) => e.outline)).toEqual([
      'none',
      'none',
      'none',
      'dotted',
      'none',
      'none',
    ]);
  });

  it('counts known (stated + derived) next to the official count, exact or a minimum', () => {
    const entries = legendModel(
      view,
      counts({ total: total({ A: 12, B: null, C: null }, { A: null, B: 30, C: null }) }),
    );
    const [a, b, c, derived, range, unknown] = entries;
    expect(a?.counts).toEqual({ known: 11, stated: 10, derived: 1, official: { n: 12, exact: true } });
    expect(b?.counts).toEqual({ known: 42, stated: 40, derived: 2, official: { n: 30, exact: false } });
    expect(c?.counts).toEqual({ known: 50, stated: 50, derived: 0, official: null });
    expect(derived?.counts).toMatchObject({ known: 3, derived: 3, official: null });
    expect(range?.counts).toMatchObject({ known: 7, official: null });
    expect(unknown?.counts).toMatchObject({ known: 58, official: null });
    expect(a?.labelKey).toBe('legendTierA');
    expect(derived?.labelKey).toBe('legendDerived');
  });

  it('ends with the imported entry (white, double outline) only when the year has imported facts', () => {
    expect(keys(legendModel(view, counts({ imported: 0 })))).not.toContain('imported');
    const last = legendModel(view, counts({ imported: 4 })).at(-1);
    expect(last).toMatchObject({
      key: 'imported',
      kind: 'imported',
      look: { fill: WHITE },
      outline: 'imported-double',
      labelKey: 'importLegend',
      labelParams: { n: 4 },
    });
  });
});

describe('legend model, change mode', () => {
  const view = { mode: 'change', year: 2022, base: 2020 } as const;
  const drawKeys = new Map([
    ['change:up1', 5],
    ['change:unknown-both', 9],
  ]);

  it('lists the moves and same in flat colours, then one "not comparable" entry in the unknown hatch', () => {
    const entries = legendModel(view, counts({ drawKeys }));
    expect(keys(entries)).toEqual([
      'change:up2',
      'change:up1',
      'change:same',
      'change:down1',
      'change:down2',
      'change:not-comparable',
    ]);
    expect(entries.slice(0, 5).map((e) => e.look)).toEqual(
      (['up2', 'up1', 'same', 'down1', 'down2'] as const).map((c) => ({ fill: CHANGE_COLORS[c] })),
    );
    expect(entries[5]?.look).toEqual({ stripes: stripeColors(null), direction: 'up' });
    // The map draws every unknown end with that one look.
    for (const c of NOT_COMPARABLE_CLASSES) expect(lookOf(`change:${c}`)).toEqual(entries[5]?.look);
    expect(entries.every((e) => e.outline === 'none')).toBe(true);
  });

  it('counts units per draw key (0 where none), with no official count, labelled with the base year', () => {
    const entries = legendModel(view, counts({ drawKeys }));
    expect(entries.map((e) => e.counts.known)).toEqual([0, 5, 0, 0, 0, 9]);
    expect(entries.every((e) => e.counts.official === null)).toBe(true);
    expect(entries[0]).toMatchObject({ labelKey: 'change:up2', labelParams: { base: 2020, year: 2022 } });
  });

  it('sums the three unknown ends into "not comparable" and keeps each count as a part', () => {
    const three = new Map([
      ['change:unknown-base', 51],
      ['change:unknown-current', 14],
      ['change:unknown-both', 87],
      ['change:same', 6],
    ]);
    const entry = legendModel(view, counts({ drawKeys: three })).find((e) => e.key === 'change:not-comparable');
    expect(entry?.counts.known).toBe(152);
    expect(entry?.parts).toEqual([
      { key: 'change:unknown-base', n: 51 },
      { key: 'change:unknown-current', n: 14 },
      { key: 'change:unknown-both', n: 87 },
    ]);
  });
});

describe('legend model, trajectory mode', () => {
  it('lists each first year in A, certain then open, up to the year, then never and unknown', () => {
    const drawKeys = new Map([
      ['traj:2021', 2],
      ['traj:2021-open', 30],
    ]);
    const entries = legendModel({ mode: 'trajectory', year: 2021, base: 2020 }, counts({ drawKeys }));
    expect(keys(entries)).toEqual([
      'traj:2019',
      'traj:2020',
      'traj:2020-open',
      'traj:2021',
      'traj:2021-open',
      'traj:never',
      'traj:unknown',
    ]);
    expect(entries.map((e) => e.look)).toEqual([
      { fill: TRAJECTORY_COLORS[2019] },
      { fill: TRAJECTORY_COLORS[2020] },
      { stripes: trajectoryOpenStripes(2020), direction: 'down' },
      { fill: TRAJECTORY_COLORS[2021] },
      { stripes: trajectoryOpenStripes(2021), direction: 'down' },
      { fill: TRAJECTORY_COLORS.never },
      { stripes: stripeColors(null), direction: 'up' },
    ]);
    expect(entries.map((e) => e.counts.known)).toEqual([0, 0, 0, 2, 30, 0, 0]);
  });

  it('adds the imported entry last in this mode too', () => {
    const entries = legendModel({ mode: 'trajectory', year: 2019, base: 2018 }, counts({ imported: 1 }));
    expect(keys(entries)).toEqual(['traj:2019', 'traj:never', 'traj:unknown', 'imported']);
  });
});

describe('legend model counting helpers', () => {
  it('counts draw keys and imported facts', () => {
    const draw = new Map<string, DrawState>([
      ['a', { key: 'A', outline: false }],
      ['b', { key: 'A', outline: false }],
      ['c', { key: 'unknown', outline: false }],
    ]);
    expect(countDrawKeys(draw)).toEqual(
      new Map([
        ['A', 2],
        ['unknown', 1],
      ]),
    );
    const fact = (imported: boolean) => ({ imported, basis: 'stated' }) as unknown as TierFact;
    const yearStates = new Map<string, UnitState>([
      ['a', { kind: 'known', tier: 'A', fact: fact(true) }],
      ['b', { kind: 'known', tier: 'B', fact: fact(false) }],
      ['c', { kind: 'unknown' }],
    ]);
    expect(countImported(yearStates)).toBe(1);
    expect(countImported(null)).toBe(0);
  });
});

describe('the map style agrees with the legend model', () => {
  const style = createStyle(2021, 'name_zh', 'http://127.0.0.1/font.woff2');
  const layer = (id: string): LayerSpecification => {
    const found = style.layers.find((l) => l.id === id);
    if (!found) throw new Error(`no layer ${id}`);
    return found;
  };
  const paint = (l: LayerSpecification) => ('paint' in l ? (l.paint as Record<string, unknown>) : {});

  /** The colour the year's fill `match` expression gives a key (its fallback for keys it lacks). */
  const fillOf = (key: string): unknown => {
    const expression = paint(layer(yearLayerId(YEAR_ROLES.fill, 2021)))['fill-color'] as unknown[];
    const branches = expression.slice(2, -1);
    for (let i = 0; i < branches.length; i += 2) if (branches[i] === key) return branches[i + 1];
    return expression.at(-1);
  };

  it.each([...DRAW_LOOKS.keys()])('draws %s as the model says', (key) => {
    const look = lookOf(key);
    const hatch = HATCHES.find((h) => h.keys.includes(key));
    if ('fill' in look) {
      expect(fillOf(key)).toBe(look.fill);
      expect(hatch).toBeUndefined();
    } else {
      expect(hatch).toBeDefined();
      expect(hatch?.colors).toEqual(look.stripes);
      expect(hatch?.direction).toBe(look.direction);
      expect(paint(layer(yearLayerId(hatchRole(hatch?.image ?? ''), 2021)))['fill-pattern']).toBe(
        patternId(hatch?.image ?? ''),
      );
    }
  });

  it('has a hatch only for keys the model stripes', () => {
    for (const hatch of HATCHES) for (const key of hatch.keys) expect('stripes' in lookOf(key)).toBe(true);
  });
});
