/**
 * The lean start (src/map/gl/lean-layers.ts): MapLibre is created with the shown year's layers
 * only; a year shown before the rest arrive gets its own at once; completeStyle adds every
 * other layer; every layer ends in the full style's drawing order.
 */
import { describe, expect, it } from 'vitest';
import { connectMap } from '../../src/map/gl/connect-map';
import { addMissingLayers, firstViewSwitches, withSwitchesOn } from '../../src/map/gl/lean-layers';
import {
  ROLES,
  createStyle,
  layerOpacityProperty,
  sourceSpec,
  styleLayers,
  unitLayerId,
  unitsSource,
  yearLayers,
} from '../../src/map/gl/map-style';
import { createAppStore } from '../../src/store/store';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { FakeMap } from '../fixtures/fake-map';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

const FONT = 'http://127.0.0.1/font.woff2';
const fullOrder = () => styleLayers(2021, 'name_en').map((l) => l.id);

describe('addMissingLayers', () => {
  it('adds what is missing in the style order, and nothing twice', () => {
    const map = new FakeMap(createStyle(2021, 'name_en', FONT, undefined, [2023]));
    expect(map.layerIds()).not.toEqual(expect.arrayContaining(yearLayers(2019)));
    // 2019's layers draw the other vintage's source, which the lean style left out.
    map.addSource(unitsSource(2019), sourceSpec(unitsSource(2019), { type: 'FeatureCollection', features: [] }));
    const full = styleLayers(2021, 'name_en');
    const added = addMissingLayers(map, full, (id) => yearLayers(2019).includes(id));
    expect(added).toBe(yearLayers(2019).length);
    const order = fullOrder();
    expect(map.layerIds()).toEqual(order.filter((id) => map.layerIds().includes(id)));
    const before = map.layerIds().length;
    expect(addMissingLayers(map, full)).toBe(order.length - before);
    expect(map.layerIds()).toEqual(order);
    expect(addMissingLayers(map, full)).toBe(0);
  });
});

describe('withSwitchesOn', () => {
  it("switches on the first view's year group and its vintage's borders only", () => {
    const on = firstViewSwitches(2023);
    expect([...on].sort()).toEqual([...yearLayers(2023), unitLayerId(ROLES.border, 2021)].sort());
    const style = withSwitchesOn(createStyle(2021, 'name_en', FONT, undefined, [2023]), on);
    for (const layer of style.layers) {
      if (layer.type !== 'fill' && layer.type !== 'line') continue;
      const opacity = (layer.paint as Record<string, unknown> | undefined)?.[layerOpacityProperty(layer.type)];
      // Every unit layer is switched by its layer-wide opacity, off unless in the first view.
      if (on.has(layer.id)) expect(opacity).toBe(1);
      else if (opacity !== undefined) expect(opacity).toBe(0);
    }
    expect(style.layers.map((l) => l.id)).toEqual(
      createStyle(2021, 'name_en', FONT, undefined, [2023]).layers.map((l) => l.id),
    );
  });
});

describe('a map created with one year', () => {
  it("adds a year's layers when it is shown and shows it once they are laid out; the rest on completeStyle", () => {
    const store = createAppStore({ year: 2023 });
    const style = createStyle(2021, 'name_en', FONT, undefined, [2023]);
    // No empty source for the other vintage: it is added with its data when first needed.
    expect(Object.keys(style.sources)).not.toContain(unitsSource(2019));
    expect(Object.keys(style.sources)).toContain(unitsSource(2021));
    const map = new FakeMap(style);
    const connection = connectMap(map, store, { reducedMotion: () => true, softwareRendered: () => false });
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    map.fire('load', {});
    const startCount = map.layerIds().length;
    expect(startCount).toBeLessThan(fullOrder().length / 2);
    map.fire('idle', {});
    store.getState().setYear(2019);
    expect(map.layerIds()).toEqual(expect.arrayContaining(yearLayers(2019)));
    // The source came with its features, before the layers that draw it (FakeMap checks that).
    const [added] = map.callsTo('addSource');
    expect(added?.[0]).toBe(unitsSource(2019));
    expect((added?.[1] as { data: GeoJSON.FeatureCollection }).data.type).toBe('FeatureCollection');
    expect(map.callsTo('setData').map(([id]) => id)).not.toContain(unitsSource(2019));
    // Until the map is idle (the new layers laid out), 2023 stays drawn.
    expect(connection.drawn()?.year).toBe(2023);
    map.fire('idle', {});
    expect(connection.drawn()?.year).toBe(2019);
    // The 2019 group is switched on, the 2023 group off.
    const opacity = (id: string) =>
      map
        .callsTo('setPaintProperty')
        .filter(([layer, name]) => layer === id && String(name).endsWith('layer-opacity'))
        .at(-1)?.[2];
    expect(opacity(yearLayers(2019)[0] ?? '')).toBe(1);
    expect(opacity(yearLayers(2023)[0] ?? '')).toBe(0);
    connection.completeStyle();
    expect(map.layerIds()).toEqual(fullOrder());
    // A year whose layers were just added waits for the layout too.
    store.getState().setYear(2021);
    expect(connection.drawn()?.year).toBe(2019);
    map.fire('idle', {});
    expect(connection.drawn()?.year).toBe(2021);
  });
});
