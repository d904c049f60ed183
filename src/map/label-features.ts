/** Label points as GeoJSON for the label layer: both vintages, each with Chinese and English names. */
import type { MapGeometry } from '../domain/geometry';
import { VINTAGES } from '../domain/geometry';
import { unitIn } from '../domain/lineage';
import type { Unit } from '../domain/types';
// The figures label units with the same rule (domain/figure/names.ts).
import { shortEnglishName } from '../domain/figure/names';

export function labelFeatures(geometry: MapGeometry, units: readonly Unit[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const features: GeoJSON.Feature<GeoJSON.Point>[] = [];
  for (const vintage of VINTAGES) {
    for (const [code, coordinates] of geometry.labels[vintage]) {
      const unit = unitIn(units, code, vintage);
      if (!unit) continue;
      features.push({
        type: 'Feature',
        properties: { code, vintage, name_zh: unit.nameZh, name_en: shortEnglishName(unit.nameEn) },
        geometry: { type: 'Point', coordinates },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
