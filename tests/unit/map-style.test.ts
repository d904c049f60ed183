/**
 * The map style's performance rules (src/map/gl/map-style.ts):
 * - each year has its own group of layers reading only that year's feature properties, so a year
 *   step is a switch of layer opacity and writes nothing per unit;
 * - no global-state anywhere (MapLibre re-lays out every tile of a layer whose data-driven paint
 *   reads a global-state value that changed), and per-unit looks that follow the pointer and the
 *   panels are feature-state flags on the other source;
 * - every unit layer starts switched off, and layersInUse switches exactly those.
 */
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { YEARS, vintageOf, type Year } from '../../src/domain/types';
import {
  HATCHES,
  ROLES,
  VINTAGES,
  YEAR_ROLES,
  createStyle,
  fadeOpacityProperty,
  hatchRole,
  layersInUse,
  patternId,
  unitLayerId,
  unitsSource,
  yearLayerId,
  yearLayers,
  type LayerUse,
} from '../../src/map/gl/map-style';
import { keyProperty, outlineProperty } from '../../src/map/gl/unit-features';

const style = createStyle(2021, 'name_zh', 'http://127.0.0.1/font.woff2');
const layer = (id: string) => {
  const found = style.layers.find((l) => l.id === id);
  if (!found) throw new Error(`no layer ${id}`);
  return found;
};
const filterOf = (l: LayerSpecification) => ('filter' in l ? l.filter : undefined);
const paintOf = (l: LayerSpecification) => ('paint' in l ? (l.paint as Record<string, unknown>) : {});
const sourceOf = (l: LayerSpecification) => ('source' in l ? l.source : undefined);

/** Every expression operator used anywhere in a value. */
function operators(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    if (typeof value[0] === 'string') into.add(value[0]);
    for (const item of value) operators(item, into);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) operators(item, into);
  }
  return into;
}

/** Every feature property a value reads with ['get', name]. */
function propertiesRead(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    if (value[0] === 'get' && typeof value[1] === 'string') into.add(value[1]);
    for (const item of value) propertiesRead(item, into);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) propertiesRead(item, into);
  }
  return into;
}

const nothing: LayerUse = {
  year: 2021,
  fadingFrom: null,
  dimmed: false,
  imported: false,
  flow: false,
  hover: false,
  selected: false,
};
const on = (use: Partial<LayerUse>) => [...layersInUse({ ...nothing, ...use })].filter(([, v]) => v).map(([id]) => id);
const base = (year: Year) => [...yearLayers(year), unitLayerId(ROLES.border, vintageOf(year))];

describe('map style', () => {
  it('has no global-state at all', () => {
    for (const l of style.layers)
      expect({ id: l.id, globalState: operators(l).has('global-state') }).toEqual({ id: l.id, globalState: false });
    expect(style.state).toBeUndefined();
  });

  it("gives each year a group that reads only that year's properties, and no feature-state", () => {
    for (const year of YEARS) {
      for (const id of yearLayers(year)) {
        const l = layer(id);
        expect(sourceOf(l)).toBe(unitsSource(vintageOf(year)));
        expect(operators(l).has('feature-state')).toBe(false);
        for (const name of propertiesRead(l)) {
          expect([keyProperty(year), outlineProperty(year)]).toContain(name);
        }
      }
    }
  });

  it('draws the flags from feature-state on the same source, never from the year properties', () => {
    for (const vintage of VINTAGES) {
      for (const role of Object.values(ROLES)) {
        const l = layer(unitLayerId(role, vintage));
        expect(sourceOf(l)).toBe(unitsSource(vintage));
        expect([...propertiesRead(l)]).toEqual([]);
      }
    }
  });

  it("draws each year's layers from its vintage's source, the fills unfiltered", () => {
    for (const year of YEARS) {
      // No filter on any fill of a vintage's source: MapLibre lays their geometry out once.
      expect(filterOf(layer(yearLayerId(YEAR_ROLES.fill, year)))).toBeUndefined();
      for (const { image, keys } of HATCHES) {
        const hatch = layer(yearLayerId(hatchRole(image), year));
        expect(filterOf(hatch)).toEqual(['in', ['get', keyProperty(year)], ['literal', keys]]);
        // A constant pattern: a data-driven one costs MapLibre per vertex on every layout.
        expect(paintOf(hatch)['fill-pattern']).toBe(patternId(image));
      }
      expect(filterOf(layer(yearLayerId(YEAR_ROLES.outline, year)))).toEqual([
        '==',
        ['get', outlineProperty(year)],
        true,
      ]);
    }
  });

  it('starts every year layer unfaded, with a constant opacity the cross-fade can move', () => {
    for (const year of YEARS) {
      for (const id of yearLayers(year)) {
        const l = layer(id);
        const opacity = l.type === 'line' ? 'line-opacity' : 'fill-opacity';
        // A constant: changing it is a uniform, never a layout or a paint-array rewrite.
        expect({ id, opacity: paintOf(l)[opacity] }).toEqual({ id, opacity: 1 });
        expect(l.type === 'line' || l.type === 'fill').toBe(true);
        expect(fadeOpacityProperty(l.type === 'line' ? 'line' : 'fill')).toBe(opacity);
      }
    }
  });

  it('hatches every hatched draw key with exactly one layer per year', () => {
    const keys = HATCHES.flatMap((h) => h.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['unknown', 'traj:unknown', 'range:BC', 'change:unknown-both']));
  });

  it('stacks the year groups in year order, under the flag layers', () => {
    const order = style.layers.map((l) => l.id);
    const positions = YEARS.map((year) => yearLayers(year).map((id) => order.indexOf(id)));
    for (const [i, group] of positions.entries()) {
      expect(group).toEqual([...group].sort((a, b) => a - b));
      const next = positions[i + 1];
      if (next) expect(Math.max(...group)).toBeLessThan(Math.min(...next));
    }
    const lastYearLayer = Math.max(...positions.flat());
    for (const vintage of VINTAGES)
      expect(order.indexOf(unitLayerId(ROLES.dim, vintage))).toBeGreaterThan(lastYearLayer);
  });

  it('starts every unit layer switched off, and switches exactly those', () => {
    const off = style.layers
      .filter((l) => paintOf(l)['fill-layer-opacity'] === 0 || paintOf(l)['line-layer-opacity'] === 0)
      .map((l) => l.id)
      .sort();
    const unitLayers = style.layers
      .filter((l) => VINTAGES.some((v) => sourceOf(l) === unitsSource(v)))
      .map((l) => l.id);
    expect(off).toEqual([...unitLayers].sort());
    expect([...layersInUse(nothing).keys()].sort()).toEqual(off);
  });

  it("draws only the shown year's group and its vintage's borders when nothing else is in use", () => {
    for (const year of YEARS) expect(on({ year }).sort()).toEqual(base(year).sort());
  });

  it('draws the group of the year a fade comes from too, and only during the fade', () => {
    expect(on({ year: 2021, fadingFrom: 2020 }).sort()).toEqual([...base(2021), ...yearLayers(2020)].sort());
    expect(on({ year: 2019, fadingFrom: 2023 }).sort()).toEqual([...base(2019), ...yearLayers(2023)].sort());
  });

  it('switches the dim, imported, flow, hover and selection layers by what is in use', () => {
    const extra = (use: Partial<LayerUse>) => on(use).filter((id) => !base(2021).includes(id));
    expect(extra({ dimmed: true })).toEqual(['unit-dim-2021']);
    expect(extra({ imported: true })).toEqual(['unit-imported-outline-2021']);
    expect(extra({ flow: true })).toEqual(['unit-flow-2021']);
    expect(extra({ hover: true })).toEqual(['unit-hover-2021']);
    expect(extra({ selected: true })).toEqual(['unit-selected-halo-2021', 'unit-selected-2021']);
    expect(on({ year: 2020, hover: true })).toContain('unit-hover-2019');
  });
});
