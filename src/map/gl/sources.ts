/**
 * What the map's GeoJSON sources hold. The geometry (context, areas, province, labels) is
 * written once per loaded geometry. Each vintage's units source holds its unit polygons with
 * every year's drawing (unit-features.ts), sent to the worker once, and laid out again only when
 * the mode, the base year or the facts change, never on a year step (which keeps the same draw
 * states by year). A vintage's source is added with its features when a year of it is first
 * shown (or the map is complete): the map starts with the shown year's half of the geometry.
 */
import type { MapGeometry } from '../../domain/geometry';
import type { Unit, Vintage } from '../../domain/types';
import type { DrawStatesByYear } from '../../store/selectors';
import { labelFeatures } from '../label-features';
import type { MapPort } from './map-port';
import { SOURCES, VINTAGES, sourceSpec, unitsSource, type SourceId } from './map-style';
import { UNITS_REDRAWN_MARK } from '../marks';
import { propertyUpdates, unitFeatures } from './unit-features';

export type SourcesPort = Pick<MapPort, 'getSource' | 'addSource' | 'setMaxBounds' | 'once'>;

type UnitCollection = ReturnType<typeof unitFeatures>;
/** The unit features of each vintage, for its own source. */
export type FeaturesByVintage = Record<Vintage, UnitCollection>;

/** The unit features with every year's drawing (unitFeatures), split by boundary vintage. */
export function featuresByVintage(units: MapGeometry['units'], byYear: DrawStatesByYear): FeaturesByVintage {
  const { features } = unitFeatures(units, byYear);
  const of = (v: Vintage): UnitCollection => ({
    type: 'FeatureCollection',
    features: features.filter((f) => f.properties.vintage === v),
  });
  return { 2019: of(2019), 2021: of(2021) };
}

/**
 * What the sources hold: the geometry, every year's draw states with the features made of them,
 * and the vintages whose units source has been given its features.
 */
export interface WrittenData {
  geometry: MapGeometry;
  byYear: DrawStatesByYear;
  features: FeaturesByVintage;
  filled: readonly Vintage[];
}

/**
 * The style's sources with their data, for a map created once the data is in (createStyle's
 * `data`): nothing is sent to the worker twice, and the first frame is the complete one. The
 * units sources of `vintages` only are given their features (the others start empty).
 */
export function sourceData(
  geometry: MapGeometry,
  units: readonly Unit[],
  byYear: DrawStatesByYear,
  vintages: readonly Vintage[] = VINTAGES,
) {
  const features = featuresByVintage(geometry.units, byYear);
  const sources: Partial<Record<SourceId, GeoJSON.GeoJSON>> = {
    [SOURCES.context]: geometry.context,
    [SOURCES.areas]: geometry.areas,
    [SOURCES.province]: geometry.province,
    [SOURCES.labels]: labelFeatures(geometry, units),
  };
  for (const v of vintages) sources[unitsSource(v)] = features[v];
  return { written: { geometry, byYear, features, filled: vintages } satisfies WrittenData, sources };
}

export class MapSources {
  private current: MapGeometry | null = null;
  /** Every year's draw states and the features made of them (in the filled sources, or for them). */
  private written: { byYear: DrawStatesByYear; features: FeaturesByVintage } | null = null;
  /** The vintages whose units source has been given its features. */
  private readonly filled = new Set<Vintage>();

  /** `written`: what the style was created with (its sources and max bounds hold it already). */
  constructor(
    private readonly map: SourcesPort,
    written?: WrittenData,
  ) {
    if (written) {
      this.current = written.geometry;
      this.written = { byYear: written.byYear, features: written.features };
      written.filled.forEach((v) => this.filled.add(v));
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
   * Lays the units out again with every year's drawing when `byYear` is not what the sources
   * hold (another mode, base year or set of facts), or the geometry is new: the whole data
   * the first time, only the changed properties after that. Only filled sources are written;
   * the others get the features when they are filled. The first write fills the source of
   * `shown`, the vintage of the year shown.
   */
  writeUnits(byYear: DrawStatesByYear, newGeometry: boolean, shown: Vintage): void {
    const geometry = this.current;
    if (!geometry || (!newGeometry && byYear === this.written?.byYear)) return;
    const features = featuresByVintage(geometry.units, byYear);
    const previous = this.written;
    if (!previous) this.filled.add(shown);
    for (const v of this.filled) {
      if (newGeometry || !previous) this.put(v, features[v]);
      else
        void this.map
          .getSource(unitsSource(v))
          ?.updateData?.({ update: propertyUpdates(previous.features[v], features[v]) });
    }
    // The map is idle again once every unit in view is drawn the new way (bench, tests).
    if (!newGeometry && previous && this.filled.size > 0)
      this.map.once('idle', () => performance.mark(UNITS_REDRAWN_MARK));
    this.written = { byYear, features };
  }

  /**
   * Gives `vintage`'s units source its features unless it has them (or there are none yet):
   * a style started without the source (createStyle) gets it now, with them. True when it was
   * given them now: its tiles are being laid out. Before its layers are added (they need it).
   */
  fill(vintage: Vintage): boolean {
    if (this.filled.has(vintage) || !this.written) return false;
    this.put(vintage, this.written.features[vintage]);
    this.filled.add(vintage);
    return true;
  }

  /**
   * Gives `vintage`'s units source `features`, adding the source when the style lacks it (a
   * lean start's, or one rebuilt after a context loss from a style that never had it).
   */
  private put(vintage: Vintage, features: UnitCollection) {
    const id = unitsSource(vintage);
    const source = this.map.getSource(id);
    if (source) source.setData?.(features);
    else this.map.addSource(id, sourceSpec(id, features));
  }

  /** The style is gone (WebGL context lost): the units' data is written whole again once it is back. */
  forgetUnits(): void {
    this.written = null;
  }

  private setGeoJson(id: string, data: GeoJSON.GeoJSON) {
    this.map.getSource(id)?.setData?.(data);
  }
}
