/**
 * The units source's features: each unit's geometry with what the map draws for it in every
 * year of its boundary vintage, as plain properties (`k2021` the draw key, `o2021` the dotted
 * outline). The style has one group of layers per year, each reading its own year's properties
 * (map-style.ts), so a year step only switches which group is drawn: it writes nothing per unit
 * and costs the same for 167 units as for 2,800.
 *
 * Properties are evaluated by MapLibre's worker when it lays out a tile, whereas feature-state
 * is applied on the page's main thread, per vertex of every feature written. So these features
 * are rebuilt only when the drawing of some year changes (another mode or base year, imported
 * facts): rarely, and never during playback.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { MapGeometry, UnitProperties } from '../../domain/geometry';
import type { DrawState } from '../../domain/map-keys';
import { vintageOf, YEARS, type UnitCode, type Year } from '../../domain/types';

/** The property holding a unit's draw key in `year` (absent where the unit is not drawn then). */
export const keyProperty = (year: Year) => `k${year}`;
/** The property that is true where a unit has the dotted outline in `year`. */
export const outlineProperty = (year: Year) => `o${year}`;

export type UnitFeatureProperties = UnitProperties & Record<string, string | number | boolean>;

/**
 * The unit features with each year's draw key and outline, for the years whose vintage is the
 * feature's own. A unit with no draw state in a year (not valid then) gets no key for it and is
 * left out of that year's layers by their filter.
 */
export function unitFeatures(
  units: MapGeometry['units'],
  byYear: ReadonlyMap<Year, ReadonlyMap<UnitCode, DrawState>>,
): FeatureCollection<Polygon | MultiPolygon, UnitFeatureProperties> {
  const features = units.features.map((feature): Feature<Polygon | MultiPolygon, UnitFeatureProperties> => {
    const { code, vintage } = feature.properties;
    const properties: UnitFeatureProperties = { code, vintage };
    for (const year of YEARS) {
      if (vintageOf(year) !== vintage) continue;
      const state = byYear.get(year)?.get(code);
      if (!state) continue;
      properties[keyProperty(year)] = state.key;
      properties[outlineProperty(year)] = state.outline;
    }
    // The geometry object is shared, not copied: MapLibre only reads it.
    return { ...feature, properties };
  });
  return { type: 'FeatureCollection', features };
}

/** What changes in one feature's properties (the shape of MapLibre's GeoJSONFeatureDiff). */
export interface PropertyUpdate {
  id: number;
  addOrUpdateProperties: { key: string; value: string | number | boolean }[];
  removeProperties: string[];
}

/**
 * The property changes that turn `previous` into `next` (the same features, ids and geometry),
 * one entry per feature that changes. MapLibre applies such a diff without sending the whole
 * GeoJSON to its worker again, and lays out only the tiles of the features it names: an import
 * of a few facts touches a few units, a change of mode all of them.
 */
export function propertyUpdates(
  previous: FeatureCollection<Polygon | MultiPolygon, UnitFeatureProperties>,
  next: FeatureCollection<Polygon | MultiPolygon, UnitFeatureProperties>,
): PropertyUpdate[] {
  const before = new Map(previous.features.map((f) => [f.id, f.properties]));
  const updates: PropertyUpdate[] = [];
  for (const feature of next.features) {
    if (typeof feature.id !== 'number') throw new Error('unit features: every feature needs a numeric id');
    const old: Partial<UnitFeatureProperties> = before.get(feature.id) ?? {};
    const addOrUpdateProperties = Object.entries(feature.properties)
      .filter(([key, value]) => old[key] !== value)
      .map(([key, value]) => ({ key, value }));
    const removeProperties = Object.keys(old).filter((key) => !(key in feature.properties));
    if (addOrUpdateProperties.length > 0 || removeProperties.length > 0) {
      updates.push({ id: feature.id, addOrUpdateProperties, removeProperties });
    }
  }
  return updates;
}
