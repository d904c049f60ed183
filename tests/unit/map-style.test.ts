/**
 * The map style's performance rules (src/map/map-style.ts): no expression mixes global-state with
 * per-unit data (MapLibre would re-lay out every tile on each change of the global value), and
 * the optional layers start switched off and are exactly the ones layersInUse switches.
 */
import { describe, expect, it } from 'vitest';
import {
  HATCHES,
  ROLES,
  VINTAGES,
  createStyle,
  hatchRole,
  layersInUse,
  unitLayerId,
  type LayerUse,
} from '../../src/map/map-style';

const style = createStyle(2021, 'name_zh', 'http://127.0.0.1/font.woff2');

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

const nothing: LayerUse = {
  vintage: 2021,
  fadingFrom: null,
  keys: new Set(),
  outline: false,
  dimmed: false,
  imported: false,
  flow: false,
  hover: false,
  selected: false,
};

describe('map style', () => {
  it('never reads global-state in a property that also reads feature data or feature-state', () => {
    let globalReads = 0;
    for (const layer of style.layers) {
      const properties = { ...('paint' in layer ? layer.paint : {}), ...('layout' in layer ? layer.layout : {}) };
      for (const [name, value] of Object.entries(properties)) {
        const ops = operators(value);
        if (!ops.has('global-state')) continue;
        globalReads += 1;
        expect({
          layer: layer.id,
          name,
          perUnit: ['feature-state', 'get', 'id', 'properties'].some((o) => ops.has(o)),
        }).toEqual({
          layer: layer.id,
          name,
          perUnit: false,
        });
      }
      expect(operators('filter' in layer ? layer.filter : undefined).has('global-state')).toBe(false);
    }
    // Exactly one reader per vintage: the previous year's fill opacity (the cross-fade).
    expect(globalReads).toBe(VINTAGES.length);
  });

  it('starts every unit layer switched off, and switches exactly those', () => {
    const off = style.layers
      .filter((layer) => {
        const paint = ('paint' in layer ? layer.paint : {}) as Record<string, unknown>;
        return paint['fill-layer-opacity'] === 0 || paint['line-layer-opacity'] === 0;
      })
      .map((layer) => layer.id)
      .sort();
    const unitLayers = style.layers.filter((l) => 'source' in l && l.source === 'units').map((l) => l.id);
    expect(off).toEqual([...unitLayers].sort());
    expect([...layersInUse(nothing).keys()].sort()).toEqual(off);
  });

  it('gives each vintage its own unit layers, with a fixed filter', () => {
    for (const vintage of VINTAGES) {
      const fill = style.layers.find((l) => l.id === unitLayerId(ROLES.fill, vintage));
      expect(fill && 'filter' in fill ? fill.filter : null).toEqual(['==', ['get', 'vintage'], vintage]);
    }
  });

  const on = (use: Partial<LayerUse>) =>
    [...layersInUse({ ...nothing, ...use })].filter(([, v]) => v).map(([id]) => id);
  const base = (vintage: LayerUse['vintage']) => [unitLayerId(ROLES.fill, vintage), unitLayerId(ROLES.border, vintage)];

  it("draws only the shown vintage's fill and borders when nothing else is in use", () => {
    expect(on({}).sort()).toEqual(base(2021).sort());
    expect(on({ vintage: 2019 }).sort()).toEqual(base(2019).sort());
  });

  it('switches a hatch on only while one of its draw keys is drawn', () => {
    const unknown = unitLayerId(hatchRole('unknown'), 2021);
    expect(on({ keys: new Set(['A', 'B']) })).not.toContain(unknown);
    expect(on({ keys: new Set(['A', 'unknown']) })).toContain(unknown);
    expect(on({ keys: new Set(['traj:unknown']) })).toContain(unknown);
    for (const hatch of HATCHES) {
      const extra = on({ keys: new Set(hatch.keys) }).filter((id) => !base(2021).includes(id));
      expect(extra).toEqual([unitLayerId(hatchRole(hatch.image), 2021)]);
    }
  });

  it('switches the outline, dim, imported, flow, hover and selection layers by what is in use', () => {
    const extra = (use: Partial<LayerUse>) => on(use).filter((id) => !base(2021).includes(id));
    expect(extra({ outline: true })).toEqual(['unit-derived-outline-2021']);
    expect(extra({ dimmed: true })).toEqual(['unit-dim-2021']);
    expect(extra({ imported: true })).toEqual(['unit-imported-outline-2021']);
    expect(extra({ flow: true })).toEqual(['unit-flow-2021']);
    expect(extra({ hover: true })).toEqual(['unit-hover-2021']);
    expect(extra({ selected: true })).toEqual(['unit-selected-halo-2021', 'unit-selected-2021']);
  });

  it("draws the previous year's layer of the vintage a fade comes from, and only during a fade", () => {
    expect(on({ fadingFrom: 2019 })).toContain('unit-fill-previous-2019');
    expect(on({ fadingFrom: 2019 })).not.toContain('unit-fill-previous-2021');
    expect(on({ fadingFrom: 2021 })).toContain('unit-fill-previous-2021');
    expect(on({}).some((id) => id.startsWith('unit-fill-previous'))).toBe(false);
  });
});
