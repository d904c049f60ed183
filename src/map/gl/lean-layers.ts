/**
 * A lean start: MapLibre is created with the layers of the year it shows (map-style.ts
 * startLayers), so its worker lays out one year's group of unit layers instead of five before
 * the first frame. The other layers are added once the map is on screen (all at once, switched
 * off, so they are ready before the first year step), or at once for a year shown before that.
 * Each is added before the next layer of the full style the map has, so the drawing order is
 * the style's whatever the order of additions.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Year } from '../../domain/types';
import type { MapPort } from './map-port';
import { layerOpacityProperty, layersInUse } from './map-style';

export type LayersPort = Pick<MapPort, 'getLayer' | 'addLayer'>;

/** Adds the layers of `all` (the full style, in order) that the map lacks and `wanted` accepts; returns how many. */
export function addMissingLayers(
  map: LayersPort,
  all: readonly LayerSpecification[],
  wanted: (id: string) => boolean = () => true,
): number {
  let added = 0;
  // From the top down, so the layer each is put under is already in place.
  let above: string | undefined;
  for (let i = all.length - 1; i >= 0; i -= 1) {
    const layer = all[i];
    if (!layer) continue;
    if (!map.getLayer(layer.id) && wanted(layer.id)) {
      map.addLayer(layer, above);
      added += 1;
    }
    if (map.getLayer(layer.id)) above = layer.id;
  }
  return added;
}

/**
 * The layers switched on for a first view of `year` with no flag in use (layersInUse): the
 * year's group and its vintage's borders.
 */
export function firstViewSwitches(year: Year): Set<string> {
  const use = { year, fadingFrom: null, dimmed: false, imported: false, flow: false, hover: false, selected: false };
  return new Set([...layersInUse(use)].filter(([, on]) => on).map(([id]) => id));
}

/**
 * `style` with the layers of `on` switched on (layer-wide opacity 1; the style starts them
 * off). A map created so draws the year in its first complete frame, and is idle after it; a
 * map switching them on at 'load' drew one frame more (~100 ms in software WebGL) before it
 * could take over (docs/performance.md). YearGroups is told (its `switchedOn`).
 */
export function withSwitchesOn(style: StyleSpecification, on: ReadonlySet<string>): StyleSpecification {
  const layers = style.layers.map((layer) =>
    on.has(layer.id) && (layer.type === 'fill' || layer.type === 'line')
      ? ({ ...layer, paint: { ...layer.paint, [layerOpacityProperty(layer.type)]: 1 } } as LayerSpecification)
      : layer,
  );
  return { ...style, layers };
}
