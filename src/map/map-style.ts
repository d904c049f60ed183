/**
 * The map's style as typed data: an inline style with GeoJSON sources filled in at run time,
 * no tiles, no sprite and no glyphs URL, so the map makes no network request at all. Text is
 * drawn by the browser: Latin from a font file bundled with the app (font-faces), Chinese from
 * the system's CJK fonts (localIdeographFontFamily).
 *
 * Per-unit looks come from feature-state: `state` and `prev` hold draw keys of the current
 * mode (domain/map-keys.ts), `outline`, `muted`, `unlit` (outside the legend entry under the
 * pointer), `flow`, `imported`, `hover` and `selected` are flags. Neither ever rebuilds the GeoJSON.
 *
 * Each boundary vintage (2019, 2021) has its own set of unit layers with a fixed filter, and
 * every unit layer is switched on or off by its layer-wide opacity (layersInUse): nothing the
 * app changes at run time makes MapLibre lay out a unit tile again.
 *
 * The year cross-fade is one page-wide value, global-state `fade`, and it is read by exactly one
 * property: the opacity of the previous year's fill, drawn over the new colours and fading out.
 * No expression mixes global-state with feature-state, on purpose: MapLibre re-lays out every
 * tile of a layer whose data-driven paint property depends on a global-state value that changed,
 * so a fade read per unit cost a full relayout on each animation frame (at all-China scale,
 * seconds per frame). A constant opacity costs nothing to change.
 */
import type {
  ExpressionSpecification,
  FillLayerSpecification,
  LayerSpecification,
  LineLayerSpecification,
  StyleSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import {
  AREA_BORDER,
  CHANGE_COLORS,
  CHANGE_HATCHES,
  TRAJECTORY_COLORS,
  stripeColors,
  DERIVED_OUTLINE,
  IMPORTED_OUTLINE,
  LAND_CONTEXT,
  SEA,
  TIER_COLORS,
  UNIT_BORDER,
  UNKNOWN_GROUND,
} from '../domain/palette';
import { TIERS, type Tier, type Vintage } from '../domain/types';
import type { StripeDirection } from './patterns';

export const SOURCES = {
  units: 'units',
  areas: 'areas',
  province: 'province',
  context: 'context',
  labels: 'labels',
} as const;

/**
 * Every hatch the map can draw: one pattern image and one layer each, shown for the draw keys
 * listed (tier mode's unknown and ranges, change mode's unknown ends, trajectory's unknown).
 */
export const HATCHES: readonly { image: string; keys: string[]; colors: string[]; direction: StripeDirection }[] = [
  { image: 'unknown', keys: ['unknown', 'traj:unknown'], colors: stripeColors(null), direction: 'up' },
  ...(['A', 'B', 'C', 'AB', 'BC', 'ABC'] as const).map((tiers) => ({
    image: `range-${tiers}`,
    keys: [`range:${tiers}`],
    colors: stripeColors([...tiers] as Tier[]),
    direction: 'up' as const,
  })),
  ...(['unknown-base', 'unknown-current', 'unknown-both'] as const).map((change) => ({
    image: `change-${change}`,
    keys: [`change:${change}`],
    colors: [...CHANGE_HATCHES[change].colors],
    direction: CHANGE_HATCHES[change].direction,
  })),
];

export const patternId = (image: string) => `hatch-${image}`;
export const LABEL_LAYER = 'unit-label';

/** Every boundary vintage has its own unit layers (see createStyle). */
export const VINTAGES: readonly Vintage[] = [2019, 2021];

/**
 * What each unit layer draws; the layer of a role for one vintage is unitLayerId(role, vintage).
 * In drawing order: fill, hatches, dotted outline, the previous year fading out, dim, borders;
 * then (above the area borders) imported, flow, hover and selection outlines.
 */
export const ROLES = {
  fill: 'unit-fill',
  derived: 'unit-derived-outline',
  previous: 'unit-fill-previous',
  dim: 'unit-dim',
  border: 'unit-border',
  imported: 'unit-imported-outline',
  flow: 'unit-flow',
  hover: 'unit-hover',
  selectedHalo: 'unit-selected-halo',
  selected: 'unit-selected',
} as const;
export const hatchRole = (image: string) => `unit-${patternId(image)}`;
export const unitLayerId = (role: string, vintage: Vintage) => `${role}-${vintage}`;

/** What the current view uses, to tell which unit layers need drawing at all. */
export interface LayerUse {
  /** The vintage of the year shown: only its layers are drawn. */
  vintage: Vintage;
  /** During a cross-fade, the vintage of the year it fades from (its previous-year layer is drawn). */
  fadingFrom: Vintage | null;
  /** Draw keys of the drawn units (feature-state `state`). */
  keys: ReadonlySet<string>;
  /** Some unit has the dotted outline. */
  outline: boolean;
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
 * - the vintages: each has its own layers with a fixed filter, and a change of vintage switches
 *   one set off and the other on (swapping filters re-laid out every unit tile: ~1 s for Hebei
 *   in software WebGL, ~16 s for all of China);
 * - the optional layers: a layer whose per-unit opacity is 0 for every unit still costs a full
 *   pass over the map's pixels (in software WebGL they doubled the time of a frame).
 */
export function layersInUse(use: LayerUse): Map<string, boolean> {
  const inUse = new Map<string, boolean>();
  for (const vintage of VINTAGES) {
    const shown = vintage === use.vintage;
    const set = (role: string, on: boolean) => inUse.set(unitLayerId(role, vintage), shown && on);
    set(ROLES.fill, true);
    for (const { image, keys } of HATCHES)
      set(
        hatchRole(image),
        keys.some((k) => use.keys.has(k)),
      );
    set(ROLES.derived, use.outline);
    inUse.set(unitLayerId(ROLES.previous, vintage), use.fadingFrom === vintage);
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

/** The layer-wide opacity property of a fill or line layer. */
export const layerOpacityProperty = (type: 'fill' | 'line') =>
  type === 'fill' ? ('fill-layer-opacity' as const) : ('line-layer-opacity' as const);

/** Latin text font, bundled (see map-controller); CJK falls back to local fonts. */
const TEXT_FONT = 'Noto Sans Regular';
export const LOCAL_CJK_FONTS =
  "'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";

/** 0 when a year change starts, 1 when the new colours are fully shown (see year-fade.ts). */
const fadedOut: ExpressionSpecification = ['-', 1, ['global-state', 'fade']];
const stateOf = (property: 'state' | 'prev'): ExpressionSpecification => [
  'to-string',
  ['coalesce', ['feature-state', property], ''],
];
const stateIn = (keys: readonly string[]): ExpressionSpecification => ['in', stateOf('state'), ['literal', keys]];

/** Only the units of one vintage are drawn; the other vintage's features stay loaded. */
export const vintageFilter = (vintage: Vintage): ExpressionSpecification => ['==', ['get', 'vintage'], vintage];

/** Flat colours of every draw key (hatched keys fall back to the unknown ground under their hatch). */
const FLAT_COLORS: Record<string, string> = {
  ...Object.fromEntries(
    TIERS.flatMap((t) => [
      [t, TIER_COLORS[t]],
      [`${t}-derived`, TIER_COLORS[t]],
    ]),
  ),
  ...Object.fromEntries(Object.entries(CHANGE_COLORS).map(([k, c]) => [`change:${k}`, c])),
  ...Object.fromEntries(Object.entries(TRAJECTORY_COLORS).map(([k, c]) => [`traj:${k}`, c])),
};

/** Fill colour by the draw key held in feature-state (`state` now, `prev` for the year before). */
function fillColor(property: 'state' | 'prev'): ExpressionSpecification {
  const branches = Object.entries(FLAT_COLORS).flat();
  return ['match', stateOf(property), ...branches, UNKNOWN_GROUND] as unknown as ExpressionSpecification;
}

const width = (z6: number, z10: number): ExpressionSpecification => [
  'interpolate',
  ['linear'],
  ['zoom'],
  6,
  z6,
  10,
  z10,
];
const flag = (name: string): ExpressionSpecification => ['boolean', ['feature-state', name], false];

/**
 * The layers that draw one vintage's units, under the area borders. Every unit layer starts
 * switched off (layer-wide opacity 0); the controller switches them by layersInUse.
 */
function unitLayers(vintage: Vintage): (FillLayerSpecification | LineLayerSpecification)[] {
  const filter = vintageFilter(vintage);
  const id = (role: string) => unitLayerId(role, vintage);
  const fill: FillLayerSpecification = {
    id: id(ROLES.fill),
    type: 'fill',
    source: SOURCES.units,
    filter,
    paint: { 'fill-layer-opacity': 0, 'fill-color': fillColor('state') },
  };
  const hatches: FillLayerSpecification[] = HATCHES.map(({ image, keys }) => ({
    id: id(hatchRole(image)),
    type: 'fill',
    source: SOURCES.units,
    filter,
    paint: { 'fill-layer-opacity': 0, 'fill-pattern': patternId(image), 'fill-opacity': ['case', stateIn(keys), 1, 0] },
  }));
  // Units outside the highlighted legend entry, the chosen flow or the chosen area are washed
  // out, so the ones that matter stand out.
  const dim: FillLayerSpecification = {
    id: id(ROLES.dim),
    type: 'fill',
    source: SOURCES.units,
    filter,
    paint: {
      'fill-layer-opacity': 0,
      'fill-color': '#ffffff',
      'fill-opacity': ['case', ['any', flag('muted'), flag('unlit')], 0.72, 0],
    },
  };
  const borders: LineLayerSpecification = {
    id: id(ROLES.border),
    type: 'line',
    source: SOURCES.units,
    filter,
    paint: { 'line-layer-opacity': 0, 'line-color': UNIT_BORDER, 'line-width': width(0.4, 1.2) },
  };
  // A dotted outline: derived tiers (never taken for stated facts) in tier mode; "A may have
  // come earlier" in trajectory mode.
  const derived: LineLayerSpecification = {
    id: id(ROLES.derived),
    type: 'line',
    source: SOURCES.units,
    filter,
    layout: { 'line-join': 'round' },
    paint: {
      'line-layer-opacity': 0,
      'line-color': DERIVED_OUTLINE,
      'line-width': width(1.2, 2.5),
      'line-dasharray': [1, 1],
      'line-opacity': ['case', flag('outline'), 1, 0],
    },
  };
  // The previous year over the new one, fading out (drawn with the previous year's vintage, so a
  // change of vintage never flashes). Hatches and outlines of the new year are under it and so
  // appear with the fade; the previous year's hatches are not redrawn on top (their units fade
  // out through the flat unknown ground).
  const previous: FillLayerSpecification = {
    id: id(ROLES.previous),
    type: 'fill',
    source: SOURCES.units,
    filter,
    paint: {
      'fill-layer-opacity': 0,
      'fill-color': fillColor('prev'),
      'fill-opacity': fadedOut,
      // Each frame's value is set by the fader; MapLibre must not ease it again.
      'fill-opacity-transition': { duration: 0, delay: 0 },
    },
  };
  return [fill, ...hatches, derived, previous, dim, borders];
}

/** Imported facts, flow, hover and selection outlines, drawn above the area borders. */
function focusLayers(vintage: Vintage): LineLayerSpecification[] {
  const filter = vintageFilter(vintage);
  /** A line drawn around the units whose feature-state flag `name` is set. */
  const outline = (
    role: string,
    name: string,
    paint: NonNullable<LineLayerSpecification['paint']>,
    join: 'round' | 'miter' = 'round',
  ): LineLayerSpecification => ({
    id: unitLayerId(role, vintage),
    type: 'line',
    source: SOURCES.units,
    filter,
    ...(join === 'round' ? { layout: { 'line-join': 'round' } } : {}),
    paint: { 'line-layer-opacity': 0, ...paint, 'line-opacity': ['case', flag(name), 1, 0] },
  });
  return [
    // Imported facts: a double line (two thin lines with a gap), unlike any other outline.
    outline(ROLES.imported, 'imported', {
      'line-color': IMPORTED_OUTLINE,
      'line-width': width(1, 1.6),
      'line-gap-width': width(1.6, 2.4),
    }),
    outline(ROLES.flow, 'flow', { 'line-color': '#3f007d', 'line-width': 2.5 }),
    outline(ROLES.hover, 'hover', { 'line-color': '#111111', 'line-width': 2 }, 'miter'),
    outline(ROLES.selectedHalo, 'selected', { 'line-color': '#ffffff', 'line-width': 6 }),
    outline(ROLES.selected, 'selected', { 'line-color': '#d7301f', 'line-width': 3 }),
  ];
}

/** County names at zooms where they fit; the field is swapped with the UI language. */
function labelLayer(vintage: Vintage, field: 'name_zh' | 'name_en'): SymbolLayerSpecification {
  return {
    id: LABEL_LAYER,
    type: 'symbol',
    source: SOURCES.labels,
    filter: vintageFilter(vintage),
    minzoom: 7,
    layout: {
      'text-field': ['get', field],
      'text-font': [TEXT_FONT],
      'text-size': ['interpolate', ['linear'], ['zoom'], 7, 11, 10, 15],
      'text-max-width': 7,
      'text-padding': 3,
    },
    paint: { 'text-color': '#1d1d1d', 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 },
  };
}

const emptyCollection = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });

export function createStyle(
  vintage: Vintage,
  labelField: 'name_zh' | 'name_en',
  latinFontUrl: string,
): StyleSpecification {
  const layers: LayerSpecification[] = [
    { id: 'sea', type: 'background', paint: { 'background-color': SEA } },
    { id: 'context-fill', type: 'fill', source: SOURCES.context, paint: { 'fill-color': LAND_CONTEXT } },
    {
      id: 'context-border',
      type: 'line',
      source: SOURCES.context,
      paint: { 'line-color': '#ffffff', 'line-width': 0.6 },
    },
    ...VINTAGES.flatMap((v) => unitLayers(v)),
    {
      id: 'area-border',
      type: 'line',
      source: SOURCES.areas,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': AREA_BORDER, 'line-width': width(0.9, 2) },
    },
    {
      id: 'province-border',
      type: 'line',
      source: SOURCES.province,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#1d1d1d', 'line-width': width(1.4, 3) },
    },
    ...VINTAGES.flatMap((v) => focusLayers(v)),
    labelLayer(vintage, labelField),
  ];
  return {
    version: 8,
    name: 'Hebei county innovation tiers (offline)',
    state: { fade: { default: 1 } },
    // Every change of look is driven by the app (the fader, feature-state); an eased paint
    // transition of MapLibre's own would only add frames.
    transition: { duration: 0, delay: 0 },
    'font-faces': { [TEXT_FONT]: [{ url: latinFontUrl, 'unicode-range': ['U+0000-024F', 'U+2000-206F'] }] },
    sources: {
      [SOURCES.context]: { type: 'geojson', data: emptyCollection() },
      [SOURCES.units]: { type: 'geojson', data: emptyCollection() },
      [SOURCES.areas]: { type: 'geojson', data: emptyCollection() },
      [SOURCES.province]: { type: 'geojson', data: emptyCollection() },
      [SOURCES.labels]: { type: 'geojson', data: emptyCollection() },
    },
    layers,
  };
}
