/**
 * Feature-state flags (src/map/gl/flags.ts) through the store and a fake map: selection, legend
 * highlight (unlit), flow and area (muted), imported facts; only changes are written, and the
 * flag layers are switched on only while some unit uses them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { unitFeatureId } from '../../src/domain/geometry';
import { ROLES, layerOpacityProperty, unitLayerId, unitsSource } from '../../src/map/gl/map-style';
import { createAppStore } from '../../src/store/store';
import { importFact, importLayer } from '../fixtures/builders';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { connectFakeMap, type FakeMap } from '../fixtures/fake-map';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

// In 2023 the synthetic units are drawn A (990101), B (990102) and unknown (990103, 990104).
const id21 = (code: string) => unitFeatureId(code, 2021);
const target = (code: string) => ({ source: unitsSource(2021), id: id21(code) });
const NONE = { flow: false, muted: false, unlit: false, imported: false };

/** The flag layer `role` of the 2021 vintage switched on or off (all flag outlines are lines, dim a fill). */
const switched = (role: string, on: boolean) => [
  unitLayerId(role, 2021),
  layerOpacityProperty(role === ROLES.dim ? 'fill' : 'line'),
  on ? 1 : 0,
];

let store: ReturnType<typeof createAppStore>;
let map: FakeMap;
beforeEach(() => {
  store = createAppStore({ year: 2023 });
  map = connectFakeMap(store).map;
  store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
  map.clearCalls();
});

describe('selection', () => {
  it('sets the selected flag on the unit, moves it to the next, and clears it', () => {
    store.getState().select('990101');
    expect(map.callsTo('setFeatureState')).toEqual([[target('990101'), { selected: true }]]);
    expect(map.callsTo('setPaintProperty')).toEqual([
      switched(ROLES.selectedHalo, true),
      switched(ROLES.selected, true),
    ]);

    map.clearCalls();
    store.getState().select('990102');
    expect(map.callsTo('setFeatureState')).toEqual([
      [target('990101'), { selected: false }],
      [target('990102'), { selected: true }],
    ]);
    expect(map.callsTo('setPaintProperty')).toEqual([]);

    map.clearCalls();
    store.getState().select(null);
    expect(map.callsTo('setFeatureState')).toEqual([[target('990102'), { selected: false }]]);
    expect(map.callsTo('setPaintProperty')).toEqual([
      switched(ROLES.selectedHalo, false),
      switched(ROLES.selected, false),
    ]);
  });

  it('flags no unit for a code not drawn in the year shown', () => {
    store.getState().select('990105');
    expect(map.callsTo('setFeatureState')).toEqual([]);
  });

  it("follows the unit to the other boundary vintage's feature", () => {
    store.getState().select('990104');
    map.clearCalls();
    store.getState().setYear(2020);
    expect(map.callsTo('setFeatureState')).toEqual([
      [target('990104'), { selected: false }],
      [{ source: unitsSource(2019), id: unitFeatureId('990104', 2019) }, { selected: true }],
    ]);
  });
});

describe('legend highlight', () => {
  it('sets unlit on exactly the units outside the entry, and clears it again', () => {
    store.getState().setHighlight('A');
    expect(map.callsTo('setFeatureState')).toEqual(
      ['990102', '990103', '990104'].map((code) => [target(code), { ...NONE, unlit: true }]),
    );
    expect(map.callsTo('setPaintProperty')).toEqual([switched(ROLES.dim, true)]);

    map.clearCalls();
    store.getState().setHighlight(null);
    expect(map.callsTo('setFeatureState')).toEqual(['990102', '990103', '990104'].map((code) => [target(code), NONE]));
    expect(map.callsTo('setPaintProperty')).toEqual([switched(ROLES.dim, false)]);
  });

  it('writes only the units whose flags change when the year changes under it', () => {
    store.getState().setHighlight('A');
    map.clearCalls();
    // 2022: 甲区 990101 is drawn "range:A", no longer in the entry A; the others stay unlit.
    store.getState().setYear(2022);
    expect(map.callsTo('setFeatureState')).toEqual([[target('990101'), { ...NONE, unlit: true }]]);
  });

  it('lights only the units with imported facts for the imported entry', () => {
    store.getState().applyImport(importLayer([importFact('990103', 2023, 'B', { raw: '丙县' })]));
    expect(map.callsTo('setFeatureState')).toEqual([[target('990103'), { ...NONE, imported: true }]]);
    expect(map.callsTo('setPaintProperty')).toContainEqual(switched(ROLES.imported, true));

    map.clearCalls();
    store.getState().setHighlight('imported');
    expect(map.callsTo('setFeatureState')).toEqual(
      ['990101', '990102', '990104'].map((code) => [target(code), { ...NONE, unlit: true }]),
    );
  });
});

describe('flow and area', () => {
  it("outlines the flow's units and mutes the rest", () => {
    // 2022 → 2023: 990103 and 990104 are unknown in both years.
    store.getState().setFlow({ from: 'unknown', to: 'unknown' });
    expect(map.callsTo('setFeatureState')).toEqual([
      [target('990101'), { ...NONE, muted: true }],
      [target('990102'), { ...NONE, muted: true }],
      [target('990103'), { ...NONE, flow: true }],
      [target('990104'), { ...NONE, flow: true }],
    ]);
    const paint = map.callsTo('setPaintProperty');
    expect(paint).toContainEqual(switched(ROLES.dim, true));
    expect(paint).toContainEqual(switched(ROLES.flow, true));
  });

  it('mutes the units outside the chosen area', () => {
    store.getState().setPref('990100');
    expect(map.callsTo('setFeatureState')).toEqual([]);
    store.getState().setPref('990200');
    expect(map.callsTo('setFeatureState')).toEqual(
      ['990101', '990102', '990103', '990104'].map((code) => [target(code), { ...NONE, muted: true }]),
    );
  });
});
