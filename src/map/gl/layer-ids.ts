/**
 * The names of the map's sources and unit layers, the hatches it draws, and which unit layers
 * the current view needs. Each year has its own group of unit layers (fill, one layer per hatch,
 * dotted outline); each boundary vintage has its own flag layers (dim, borders, imported, flow,
 * hover and selection).
 *
 * Every unit layer is switched on or off by its layer-wide opacity (layersInUse), which is not
 * data-driven: nothing the app changes during a year step or a fade makes MapLibre lay out a
 * unit tile again, or rewrite a paint array.
 */
import { DRAW_LOOKS, type Look, type StripeDirection } from '../../domain/legend-model';
import { VINTAGES } from '../../domain/geometry';
import { YEARS, vintageOf, type Vintage, type Year } from '../../domain/types';

export const SOURCES = {
  areas: 'areas',
  province: 'province',
  context: 'context',
  labels: 'labels',
} as const;

/**
 * The source of one vintage's unit geometry with every year's drawing (unit-features.ts): the
 * year groups and the flags (dim, borders, imported, flow, hover and selection, as
 * feature-state). One per vintage, so the map can start with the shown year's vintage only and
 * its worker lays out half the geometry before the first frame (sources.ts).
 */
export const unitsSource = (vintage: Vintage) => `units-${vintage}` as const;
export type SourceId = (typeof SOURCES)[keyof typeof SOURCES] | ReturnType<typeof unitsSource>;

/** One hatch: its pattern image, the draw keys it is shown for, and its stripes. */
export interface Hatch {
  image: string;
  keys: string[];
  colors: string[];
  direction: StripeDirection;
}

/**
 * Every hatch the map can draw: one pattern image and one layer each, from the striped looks of
 * DRAW_LOOKS (domain/legend-model.ts) in its order, each named after its first key ("range:BC"
 * gives "range-BC"). Keys given the same look object share one image (tier mode's unknown and
 * trajectory's unknown); change mode's unknown base has its own, though it is striped alike.
 */
export const HATCHES: readonly Hatch[] = (() => {
  const byLook = new Map<Look, Hatch>();
  for (const [key, look] of DRAW_LOOKS) {
    if (!('stripes' in look)) continue;
    const found = byLook.get(look);
    if (found) found.keys.push(key);
    else {
      const image = key.replace(':', '-');
      byLook.set(look, { image, keys: [key], colors: [...look.stripes], direction: look.direction });
    }
  }
  return [...byLook.values()];
})();

export const patternId = (image: string) => `hatch-${image}`;
export const LABEL_LAYER = 'unit-label';

/** Every boundary vintage has its own layers for the flags (see createStyle). */
export { VINTAGES };

/**
 * What each year's layers draw, in drawing order: fill, one layer per hatch (hatchRole), dotted
 * outline; the layer of a role for one year is yearLayerId(role, year). The groups are stacked
 * in year order.
 */
export const YEAR_ROLES = {
  fill: 'unit-fill',
  outline: 'unit-derived-outline',
} as const;
export const hatchRole = (image: string) => `unit-${patternId(image)}`;
export const yearLayerId = (role: string, year: Year) => `${role}-${year}`;

/**
 * What each vintage's flag layers draw: dim and borders over the year groups; then (above the
 * area borders) imported, flow, hover and selection outlines. unitLayerId(role, vintage).
 */
export const ROLES = {
  dim: 'unit-dim',
  border: 'unit-border',
  imported: 'unit-imported-outline',
  flow: 'unit-flow',
  hover: 'unit-hover',
  selectedHalo: 'unit-selected-halo',
  selected: 'unit-selected',
} as const;
export const unitLayerId = (role: string, vintage: Vintage) => `${role}-${vintage}`;

/** The ids of one year's group of layers, in drawing order. */
export const yearLayers = (year: Year): string[] =>
  [YEAR_ROLES.fill, ...HATCHES.map(({ image }) => hatchRole(image)), YEAR_ROLES.outline].map((role) =>
    yearLayerId(role, year),
  );

/** What the current view uses, to tell which unit layers need drawing at all. */
export interface LayerUse {
  /** The year shown: its group and its vintage's flag layers are drawn. */
  year: Year;
  /** During a cross-fade, the year it fades from (its group is drawn too). */
  fadingFrom: Year | null;
  /** Some unit is muted or unlit. */
  dimmed: boolean;
  /** Some unit's fact of the year is imported. */
  imported: boolean;
  /** Some unit is in the chosen flow. */
  flow: boolean;
  /** A unit is under the pointer. */
  hover: boolean;
  /** A unit is selected. */
  selected: boolean;
}

/**
 * Whether each unit layer is drawn. Every layer is switched by its layer-wide opacity (0 is
 * skipped by MapLibre), which is not data-driven, so switching never re-lays out a tile, unlike
 * `visibility` or a filter:
 * - the years: each has its own group of layers, and a year step switches one group off and the
 *   other on (rewriting per-unit feature-state instead grew with the geometry: ~65 ms for Hebei
 *   and ~600 ms for all of China in software WebGL). The hatches and the outline of a year keep
 *   only their units by filter, so an empty one costs nothing and needs no switch of its own;
 * - the flag layers: a layer whose per-unit opacity is 0 for every unit still costs a full pass
 *   over the map's pixels (in software WebGL they doubled the time of a frame).
 */
export function layersInUse(use: LayerUse): Map<string, boolean> {
  const inUse = new Map<string, boolean>();
  for (const year of YEARS) {
    const drawn = year === use.year || year === use.fadingFrom;
    for (const id of yearLayers(year)) inUse.set(id, drawn);
  }
  for (const vintage of VINTAGES) {
    const shown = vintage === vintageOf(use.year);
    const set = (role: string, on: boolean) => inUse.set(unitLayerId(role, vintage), shown && on);
    set(ROLES.dim, use.dimmed);
    set(ROLES.border, true);
    set(ROLES.imported, use.imported);
    set(ROLES.flow, use.flow);
    set(ROLES.hover, use.hover);
    set(ROLES.selectedHalo, use.selected);
    set(ROLES.selected, use.selected);
  }
  return inUse;
}

/** The layer-wide opacity property of a fill or line layer: 0 or 1, to switch it off or on. */
export const layerOpacityProperty = (type: 'fill' | 'line') =>
  type === 'fill' ? ('fill-layer-opacity' as const) : ('line-layer-opacity' as const);

/**
 * The constant opacity of a year layer: the cross-fade. Not the layer-wide opacity: under 1,
 * MapLibre draws a layer apart into a framebuffer and blends it in, one more pass per layer and
 * frame, for a group of twelve layers.
 */
export const fadeOpacityProperty = (type: 'fill' | 'line') =>
  type === 'fill' ? ('fill-opacity' as const) : ('line-opacity' as const);
