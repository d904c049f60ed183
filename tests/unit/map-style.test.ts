/**
 * The map style's performance rules (src/map/map-style.ts): no expression mixes global-state with
 * per-unit data (MapLibre would re-lay out every tile on each change of the global value), and
 * the optional layers start switched off and are exactly the ones layersInUse switches.
 */
import { describe, expect, it } from 'vitest';
import { HATCHES, createStyle, layersInUse, patternId, type LayerUse } from '../../src/map/map-style';

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
    // Exactly one reader: the previous year's fill opacity (the cross-fade).
    expect(globalReads).toBe(1);
  });

  it('starts every optional layer switched off, and switches exactly those', () => {
    const off = style.layers
      .filter((layer) => {
        const paint = ('paint' in layer ? layer.paint : {}) as Record<string, unknown>;
        return paint['fill-layer-opacity'] === 0 || paint['line-layer-opacity'] === 0;
      })
      .map((layer) => layer.id)
      .sort();
    expect([...layersInUse(nothing).keys()].sort()).toEqual(off);
    expect([...layersInUse(nothing).values()].every((on) => !on)).toBe(true);
  });

  it('switches a hatch on only while one of its draw keys is drawn', () => {
    const unknown = `unit-${patternId('unknown')}`;
    expect(layersInUse({ ...nothing, keys: new Set(['A', 'B']) }).get(unknown)).toBe(false);
    expect(layersInUse({ ...nothing, keys: new Set(['A', 'unknown']) }).get(unknown)).toBe(true);
    expect(layersInUse({ ...nothing, keys: new Set(['traj:unknown']) }).get(unknown)).toBe(true);
    for (const hatch of HATCHES) {
      const on = [...layersInUse({ ...nothing, keys: new Set(hatch.keys) })].filter(([, v]) => v).map(([id]) => id);
      expect(on).toEqual([`unit-${patternId(hatch.image)}`]);
    }
  });

  it('switches the outline, dim, imported, flow, hover and selection layers by what is in use', () => {
    const on = (use: Partial<LayerUse>) =>
      [...layersInUse({ ...nothing, ...use })].filter(([, v]) => v).map(([id]) => id);
    expect(on({ outline: true })).toEqual(['unit-derived-outline']);
    expect(on({ dimmed: true })).toEqual(['unit-dim']);
    expect(on({ imported: true })).toEqual(['unit-imported-outline']);
    expect(on({ flow: true })).toEqual(['unit-flow']);
    expect(on({ hover: true })).toEqual(['unit-hover']);
    expect(on({ selected: true })).toEqual(['unit-selected-halo', 'unit-selected']);
  });
});
