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
export const UNIT_FILL_LAYER = 'unit-fill';
/** The previous year's colours, over the current ones while they fade out. */
export const PREVIOUS_FILL_LAYER = 'unit-fill-previous';
export const LABEL_LAYER = 'unit-label';
export const DERIVED_OUTLINE_LAYER = 'unit-derived-outline';
export const DIM_LAYER = 'unit-dim';

/** What the current view uses, to tell which optional layers need drawing at all. */
export interface LayerUse {
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
 * Whether each optional layer is in use. A layer whose per-unit opacity is 0 for every unit still
 * costs a full pass over the map's pixels (in software WebGL the optional layers doubled the
 * time of a frame), so the controller sets the layer-wide opacity of the unused ones to 0, which
 * MapLibre skips. Layer-wide opacity is not data-driven: changing it never re-lays out a tile,
 * unlike `visibility` or a filter.
 */
export function layersInUse(use: LayerUse): Map<string, boolean> {
  const inUse = new Map<string, boolean>();
  for (const { image, keys } of HATCHES)
    inUse.set(
      `unit-${patternId(image)}`,
      keys.some((k) => use.keys.has(k)),
    );
  inUse.set(DERIVED_OUTLINE_LAYER, use.outline);
  inUse.set(DIM_LAYER, use.dimmed);
  inUse.set('unit-imported-outline', use.imported);
  inUse.set('unit-flow', use.flow);
  inUse.set('unit-hover', use.hover);
  inUse.set('unit-selected-halo', use.selected);
  inUse.set('unit-selected', use.selected);
  return inUse;
}

/** The layer-wide opacity property of a fill or line layer. */
export const layerOpacityProperty = (type: 'fill' | 'line') =>
  type === 'fill' ? ('fill-layer-opacity' as const) : ('line-layer-opacity' as const);

/** Latin text font, bundled (see map-controller); CJK falls back to local fonts. */
export const TEXT_FONT = 'Noto Sans Regular';
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
export const FLAT_COLORS: Record<string, string> = {
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

/** The layers that draw one vintage's units (their filter is swapped when the vintage changes). */
export function unitLayers(vintage: Vintage): (FillLayerSpecification | LineLayerSpecification)[] {
  const filter = vintageFilter(vintage);
  const fill: FillLayerSpecification = {
    id: UNIT_FILL_LAYER,
    type: 'fill',
    source: SOURCES.units,
    filter,
    paint: { 'fill-color': fillColor('state') },
  };
  const hatches: FillLayerSpecification[] = HATCHES.map(({ image, keys }) => ({
    id: `unit-${patternId(image)}`,
    type: 'fill',
    source: SOURCES.units,
    filter,
    paint: { 'fill-pattern': patternId(image), 'fill-opacity': ['case', stateIn(keys), 1, 0], 'fill-layer-opacity': 0 },
  }));
  // Units outside the highlighted legend entry, the chosen flow or the chosen area are washed
  // out, so the ones that matter stand out.
  const dim: FillLayerSpecification = {
    id: DIM_LAYER,
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
    id: 'unit-border',
    type: 'line',
    source: SOURCES.units,
    filter,
    paint: { 'line-color': UNIT_BORDER, 'line-width': width(0.4, 1.2) },
  };
  // A dotted outline: derived tiers (never taken for stated facts) in tier mode; "A may have
  // come earlier" in trajectory mode.
  const derived: LineLayerSpecification = {
    id: DERIVED_OUTLINE_LAYER,
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
  // The previous year over the new one, fading out (the vintage of its filter is the previous
  // year's, so a change of vintage never flashes). Hatches and outlines of the new year are
  // under it and so appear with the fade; the previous year's hatches are not redrawn on top
  // (their units fade out through the flat unknown ground).
  const previous: FillLayerSpecification = {
    id: PREVIOUS_FILL_LAYER,
    type: 'fill',
    source: SOURCES.units,
    filter,
    paint: {
      'fill-color': fillColor('prev'),
      'fill-opacity': fadedOut,
      // Each frame's value is set by the fader; MapLibre must not ease it again.
      'fill-opacity-transition': { duration: 0, delay: 0 },
    },
  };
  return [fill, ...hatches, derived, previous, dim, borders];
}

/** Imported facts, flow, hover and selection outlines, drawn above the area borders. */
export function focusLayers(vintage: Vintage): LineLayerSpecification[] {
  const filter = vintageFilter(vintage);
  return [
    // Imported facts: a double line (two thin lines with a gap), unlike any other outline.
    {
      id: 'unit-imported-outline',
      type: 'line',
      source: SOURCES.units,
      filter,
      layout: { 'line-join': 'round' },
      paint: {
        'line-layer-opacity': 0,
        'line-color': IMPORTED_OUTLINE,
        'line-width': width(1, 1.6),
        'line-gap-width': width(1.6, 2.4),
        'line-opacity': ['case', flag('imported'), 1, 0],
      },
    },
    {
      id: 'unit-flow',
      type: 'line',
      source: SOURCES.units,
      filter,
      layout: { 'line-join': 'round' },
      paint: {
        'line-layer-opacity': 0,
        'line-color': '#3f007d',
        'line-width': 2.5,
        'line-opacity': ['case', flag('flow'), 1, 0],
      },
    },
    {
      id: 'unit-hover',
      type: 'line',
      source: SOURCES.units,
      filter,
      paint: {
        'line-layer-opacity': 0,
        'line-color': '#111111',
        'line-width': 2,
        'line-opacity': ['case', flag('hover'), 1, 0],
      },
    },
    {
      id: 'unit-selected-halo',
      type: 'line',
      source: SOURCES.units,
      filter,
      layout: { 'line-join': 'round' },
      paint: {
        'line-layer-opacity': 0,
        'line-color': '#ffffff',
        'line-width': 6,
        'line-opacity': ['case', flag('selected'), 1, 0],
      },
    },
    {
      id: 'unit-selected',
      type: 'line',
      source: SOURCES.units,
      filter,
      layout: { 'line-join': 'round' },
      paint: {
        'line-layer-opacity': 0,
        'line-color': '#d7301f',
        'line-width': 3,
        'line-opacity': ['case', flag('selected'), 1, 0],
      },
    },
  ];
}

/** The layers whose filter follows the vintage (the previous year's fill follows the year before). */
export const vintageLayerIds = (vintage: Vintage): string[] => [
  ...unitLayers(vintage)
    .map((l) => l.id)
    .filter((id) => id !== PREVIOUS_FILL_LAYER),
  ...focusLayers(vintage).map((l) => l.id),
  LABEL_LAYER,
];

/** County names at zooms where they fit; the field is swapped with the UI language. */
export function labelLayer(vintage: Vintage, field: 'name_zh' | 'name_en'): SymbolLayerSpecification {
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
    ...unitLayers(vintage),
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
    ...focusLayers(vintage),
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
