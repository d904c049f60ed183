/**
 * What the map's GeoJSON sources hold. The geometry (context, areas, province, labels) is
 * written once per loaded geometry. The units source holds the unit polygons with every year's
 * drawing (unit-features.ts), sent to the worker once, and is laid out again only when the mode,
 * the base year or the facts change, never on a year step (which keeps the same draw states by
 * year).
 */
import type { MapGeometry } from '../../domain/geometry';
import type { Unit } from '../../domain/types';
import type { DrawStatesByYear } from '../../store/selectors';
import { labelFeatures } from '../label-features';
import type { MapPort } from './map-port';
import { SOURCES } from './map-style';
import { UNITS_REDRAWN_MARK } from '../marks';
import { propertyUpdates, unitFeatures } from './unit-features';

export type SourcesPort = Pick<MapPort, 'getSource' | 'setMaxBounds' | 'once'>;

/** What the sources hold: the geometry, and every year's draw states with the features made of them. */
export interface WrittenData {
  geometry: MapGeometry;
  byYear: DrawStatesByYear;
  features: ReturnType<typeof unitFeatures>;
}

/**
 * The style's sources with their data, for a map created once the data is in (createStyle's
 * `data`): nothing is sent to the worker twice, and the first frame is the complete one.
 */
export function sourceData(geometry: MapGeometry, units: readonly Unit[], byYear: DrawStatesByYear) {
  const features = unitFeatures(geometry.units, byYear);
  return {
    written: { geometry, byYear, features } satisfies WrittenData,
    sources: {
      [SOURCES.context]: geometry.context,
      [SOURCES.units]: features,
      [SOURCES.areas]: geometry.areas,
      [SOURCES.province]: geometry.province,
      [SOURCES.labels]: labelFeatures(geometry, units),
    } as Record<(typeof SOURCES)[keyof typeof SOURCES], GeoJSON.GeoJSON>,
  };
}

export class MapSources {
  private current: MapGeometry | null = null;
  /** What the units source holds: every year's draw states and the features made of them. */
  private written: { byYear: DrawStatesByYear; features: ReturnType<typeof unitFeatures> } | null = null;

  /** `written`: what the style was created with (its sources and max bounds hold it already). */
  constructor(
    private readonly map: SourcesPort,
    written?: WrittenData,
  ) {
    if (written) {
      this.current = written.geometry;
      this.written = { byYear: written.byYear, features: written.features };
    }
  }

  /** The geometry written to the map, or null before the first. */
  get geometry(): MapGeometry | null {
    return this.current;
  }

  /** Writes `geometry` unless it is the one written already; true when it was written. */
  writeGeometry(geometry: MapGeometry, units: readonly Unit[]): boolean {
    if (geometry === this.current) return false;
    this.current = geometry;
    // The context ends at a box; keeping the camera inside it keeps that edge off screen.
    this.map.setMaxBounds(geometry.extent);
    this.setGeoJson(SOURCES.context, geometry.context);
    this.setGeoJson(SOURCES.areas, geometry.areas);
    this.setGeoJson(SOURCES.province, geometry.province);
    this.setGeoJson(SOURCES.labels, labelFeatures(geometry, units));
    return true;
  }

  /**
   * Lays the units out again with every year's drawing when `byYear` is not what the source
   * holds (another mode, base year or set of facts), or the geometry is new: the whole data
   * the first time, only the changed properties after that.
   */
  writeUnits(byYear: DrawStatesByYear, newGeometry: boolean): void {
    const geometry = this.current;
    if (!geometry || (!newGeometry && byYear === this.written?.byYear)) return;
    const features = unitFeatures(geometry.units, byYear);
    const source = this.map.getSource(SOURCES.units);
    if (newGeometry || !this.written) source?.setData?.(features);
    else {
      void source?.updateData?.({ update: propertyUpdates(this.written.features, features) });
      // The map is idle again once every unit in view is drawn the new way (bench, tests).
      this.map.once('idle', () => performance.mark(UNITS_REDRAWN_MARK));
    }
    this.written = { byYear, features };
  }

  /** The style is gone (WebGL context lost): the units' data is written whole again once it is back. */
  forgetUnits(): void {
    this.written = null;
  }

  private setGeoJson(id: string, data: GeoJSON.GeoJSON) {
    this.map.getSource(id)?.setData?.(data);
  }
}
