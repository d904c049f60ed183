/**
 * The units source's features (src/map/gl/unit-features.ts): every year's drawing as properties, and
 * the property diff MapLibre applies when the drawing changes (synthetic features; tests only).
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { UnitProperties } from '../../src/domain/geometry';
import type { DrawState } from '../../src/domain/map-keys';
import type { Year } from '../../src/domain/types';
import { propertyUpdates, unitFeatures } from '../../src/map/gl/unit-features';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
};
const unit = (code: string, vintage: 2019 | 2021): Feature<Polygon, UnitProperties> => ({
  type: 'Feature',
  id: Number(code) * 10 + (vintage === 2019 ? 0 : 1),
  properties: { code, vintage },
  geometry: square,
});
const units: FeatureCollection<Polygon, UnitProperties> = {
  type: 'FeatureCollection',
  features: [unit('990101', 2019), unit('990101', 2021), unit('990102', 2019)],
};
const draw = (key: string, outline = false): DrawState => ({ key, outline });
const byYear = (entries: Partial<Record<Year, [string, DrawState][]>>) =>
  new Map(Object.entries(entries).map(([y, states]) => [Number(y) as Year, new Map(states)]));

describe('unitFeatures', () => {
  const states = byYear({
    2019: [
      ['990101', draw('A')],
      ['990102', draw('unknown')],
    ],
    2020: [['990101', draw('B-derived', true)]],
    2021: [['990101', draw('C')]],
    2022: [['990101', draw('range:BC')]],
    2023: [['990101', draw('A')]],
  });
  const features = unitFeatures(units, states).features;

  it("gives each feature the draw keys and outlines of its own vintage's years only", () => {
    expect(features[0]?.properties).toEqual({
      code: '990101',
      vintage: 2019,
      k2019: 'A',
      o2019: false,
      k2020: 'B-derived',
      o2020: true,
    });
    expect(features[1]?.properties).toEqual({
      code: '990101',
      vintage: 2021,
      k2021: 'C',
      o2021: false,
      k2022: 'range:BC',
      o2022: false,
      k2023: 'A',
      o2023: false,
    });
  });

  it('leaves out a year in which the unit has no draw state (the layers filter it out)', () => {
    expect(features[2]?.properties).toEqual({ code: '990102', vintage: 2019, k2019: 'unknown', o2019: false });
  });

  it('keeps ids and shares the geometry', () => {
    expect(features.map((f) => f.id)).toEqual(units.features.map((f) => f.id));
    expect(features[0]?.geometry).toBe(square);
  });
});

describe('propertyUpdates', () => {
  const before = unitFeatures(units, byYear({ 2019: [['990101', draw('A')]], 2021: [['990101', draw('C')]] }));

  it('is empty when nothing changes', () => {
    expect(propertyUpdates(before, before)).toEqual([]);
  });

  it('names only the features and properties that change', () => {
    const after = unitFeatures(units, byYear({ 2019: [['990101', draw('A', true)]], 2021: [['990101', draw('C')]] }));
    expect(propertyUpdates(before, after)).toEqual([
      { id: 9901010, addOrUpdateProperties: [{ key: 'o2019', value: true }], removeProperties: [] },
    ]);
  });

  it('adds new properties and removes the ones that are gone', () => {
    const after = unitFeatures(
      units,
      byYear({ 2019: [['990102', draw('unknown')]], 2021: [['990101', draw('change:up1')]] }),
    );
    expect(propertyUpdates(before, after)).toEqual([
      { id: 9901010, addOrUpdateProperties: [], removeProperties: ['k2019', 'o2019'] },
      { id: 9901011, addOrUpdateProperties: [{ key: 'k2021', value: 'change:up1' }], removeProperties: [] },
      {
        id: 9901020,
        addOrUpdateProperties: [
          { key: 'k2019', value: 'unknown' },
          { key: 'o2019', value: false },
        ],
        removeProperties: [],
      },
    ]);
  });

  it('refuses a feature without a numeric id (MapLibre could not apply the diff)', () => {
    const first = before.features[0];
    if (!first) throw new Error('fixture: no feature');
    const noId = { type: 'FeatureCollection' as const, features: [{ ...first, id: undefined }] };
    expect(() => propertyUpdates(before, noId)).toThrow(/numeric id/);
  });
});
