/**
 * Pointer events (src/map/gl/pointer.ts) through a fake map: hover sets the flag and reports the
 * unit and position for the tooltip, leaving clears it, a click selects; nothing happens before
 * the style has loaded or while the context is lost.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { PointLike } from 'maplibre-gl';
import { unitFeatureId } from '../../src/domain/geometry';
import { connectMap } from '../../src/map/gl/connect-map';
import {
  ROLES,
  YEAR_ROLES,
  layerOpacityProperty,
  unitLayerId,
  unitsSource,
  yearLayerId,
} from '../../src/map/gl/map-style';
import { createAppStore } from '../../src/store/store';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { FakeMap, connectFakeMap } from '../fixtures/fake-map';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

const target = (code: string) => ({ source: unitsSource(2021), id: unitFeatureId(code, 2021) });
const hoverLayer = (on: boolean) => [unitLayerId(ROLES.hover, 2021), layerOpacityProperty('line'), on ? 1 : 0];

/** 甲区 990101 lies left of x = 100 and 乙县 990102 right of it, in the shown year's fill only. */
function picker(point: PointLike, layers: string[]) {
  if (!layers.includes(yearLayerId(YEAR_ROLES.fill, 2023)) || Array.isArray(point)) return [];
  const code = point.x < 100 ? '990101' : point.x < 200 ? '990102' : null;
  return code ? [{ id: unitFeatureId(code, 2021), properties: { code, vintage: 2021 } }] : [];
}

let store: ReturnType<typeof createAppStore>;
let map: FakeMap;
beforeEach(() => {
  store = createAppStore({ year: 2023 });
  map = connectFakeMap(store).map;
  map.renderedAt = picker;
  store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
  map.clearCalls();
});

describe('hover', () => {
  it('flags the unit under the pointer, moves with it, and reports it with the position', () => {
    map.mouse('mousemove', 40, 50);
    expect(map.callsTo('queryRenderedFeatures')).toEqual([
      [expect.objectContaining({ x: 40, y: 50 }), { layers: ['unit-fill-2023'] }],
    ]);
    expect(map.callsTo('setFeatureState')).toEqual([[target('990101'), { hover: true }]]);
    expect(map.callsTo('setPaintProperty')).toEqual([hoverLayer(true)]);
    expect(store.getState().hovered).toBe('990101');
    expect(store.getState().pointer).toEqual({ x: 40, y: 50 });

    map.clearCalls();
    map.mouse('mousemove', 60, 55);
    expect(map.callsTo('setFeatureState')).toEqual([]);
    expect(store.getState().pointer).toEqual({ x: 60, y: 55 });

    map.mouse('mousemove', 150, 55);
    expect(map.callsTo('setFeatureState')).toEqual([
      [target('990101'), { hover: false }],
      [target('990102'), { hover: true }],
    ]);
    expect(store.getState().hovered).toBe('990102');
  });

  it('clears the flag over blank map, and writes nothing while nothing is hovered', () => {
    map.mouse('mousemove', 40, 50);
    map.clearCalls();
    map.mouse('mousemove', 500, 50);
    expect(map.callsTo('setFeatureState')).toEqual([[target('990101'), { hover: false }]]);
    expect(map.callsTo('setPaintProperty')).toEqual([hoverLayer(false)]);
    expect(store.getState().hovered).toBeNull();
    expect(store.getState().pointer).toBeNull();

    map.clearCalls();
    map.mouse('mousemove', 510, 50);
    expect(map.callsTo('setFeatureState')).toEqual([]);
    expect(map.callsTo('setPaintProperty')).toEqual([]);
  });

  it('clears the flag when the pointer leaves the canvas', () => {
    map.mouse('mousemove', 40, 50);
    map.clearCalls();
    map.canvas.leave();
    expect(map.callsTo('setFeatureState')).toEqual([[target('990101'), { hover: false }]]);
    expect(store.getState().hovered).toBeNull();
    map.clearCalls();
    map.canvas.leave();
    expect(map.calls).toEqual([]);
  });
});

describe('click', () => {
  it('selects the unit clicked, and clears the selection on blank map', () => {
    map.mouse('click', 150, 10);
    expect(store.getState().selected).toBe('990102');
    expect(map.callsTo('setFeatureState')).toEqual([[target('990102'), { selected: true }]]);
    map.mouse('click', 500, 10);
    expect(store.getState().selected).toBeNull();
  });

  it('does nothing while the WebGL context is lost', () => {
    store.getState().select('990101');
    map.fire('webglcontextlost', {});
    map.clearCalls();
    map.mouse('click', 500, 10);
    map.mouse('mousemove', 40, 50);
    expect(store.getState().selected).toBe('990101');
    expect(store.getState().hovered).toBeNull();
    expect(map.calls).toEqual([]);
  });
});

it('ignores the pointer before the style has loaded', () => {
  const early = createAppStore({ year: 2023 });
  const fake = new FakeMap();
  fake.renderedAt = picker;
  connectMap(fake, early, { reducedMotion: () => true, softwareRendered: () => false });
  early.getState().dataLoaded(syntheticDataset(), emptyGeometry());
  fake.mouse('mousemove', 40, 50);
  fake.mouse('click', 40, 50);
  expect(early.getState().hovered).toBeNull();
  expect(early.getState().selected).toBeNull();
  expect(fake.callsTo('queryRenderedFeatures')).toEqual([]);
});
