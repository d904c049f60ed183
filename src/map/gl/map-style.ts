/**
 * The map's style as typed data: an inline style with GeoJSON sources filled in at run time,
 * no tiles, no sprite and no glyphs URL, so the map makes no network request at all. Text is
 * drawn by the browser: Latin from a font file bundled with the app (font-faces), Chinese from
 * the system's CJK fonts (localIdeographFontFamily).
 *
 * Each year has its own group of unit layers (fill, one layer per hatch, dotted outline) reading
 * that year's draw key and outline from the features' properties (unit-features.ts), from the
 * source of the year's boundary vintage (unitsSource). They share it with the vintage's flag
 * layers, so the unit polygons are sent to MapLibre's worker once (a change of mode, which lays
 * the features out again, lays out the flag layers with them). A year step
 * switches one group off and another on; a cross-fade animates the constant opacity of the upper
 * of the two groups. Flags that follow the pointer and the panels (`muted`, `unlit`, `flow`,
 * `imported`, `hover`, `selected`) are feature-state, read by one set of layers per vintage.
 *
 * Source and layer names, the hatches and the switching of unit layers are in layer-ids.ts
 * (re-exported here). There is no global-state: MapLibre re-lays out every tile of a layer whose
 * data-driven paint depends on a global-state value that changed.
 */
import type {
  ExpressionSpecification,
  FillLayerSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  LineLayerSpecification,
  StyleSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { DRAW_LOOKS, hatchInk, lookOf, outlineLook, washLook } from '../../domain/legend-model';
import {
  AREA_BORDER,
  CONTEXT_BORDER,
  LABEL_HALO,
  LABEL_TEXT,
  LAND_CONTEXT,
  PROVINCE_BORDER,
  SEA,
  UNIT_BORDER,
} from '../../domain/palette';
import { LINES, type ZoomWidth } from '../../domain/map-lines';
import type { Lang } from '../../domain/lang';
import { YEARS, vintageOf, type Vintage, type Year } from '../../domain/types';
import {
  HATCHES,
  LABEL_LAYER,
  ROLES,
  SOURCES,
  VINTAGES,
  YEAR_ROLES,
  hatchRole,
  patternId,
  unitLayerId,
  unitsSource,
  yearLayerId,
  yearLayers,
  type SourceId,
} from './layer-ids';
import { keyProperty, outlineProperty } from './unit-features';

export * from './layer-ids';

/** Latin text font, bundled (see map-controller.ts); CJK falls back to local fonts. */
const TEXT_FONT = 'Noto Sans Regular';
export const LOCAL_CJK_FONTS =
  "'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";

/** The labels of one vintage (the labels source holds both; each units source holds one). */
export const vintageFilter = (vintage: Vintage): ExpressionSpecification => ['==', ['get', 'vintage'], vintage];

/** Flat colours of every draw key with a flat look in DRAW_LOOKS (domain/legend-model.ts). */
const FLAT_COLORS: Record<string, string> = Object.fromEntries(
  [...DRAW_LOOKS].flatMap(([key, look]) => ('fill' in look ? [[key, look.fill]] : [])),
);

/** Fill colour by the draw key of `year` (hatched keys fall back to the unknown ground under their hatch). */
function fillColor(year: Year): ExpressionSpecification {
  const branches = Object.entries(FLAT_COLORS).flat();
  const ground = hatchInk(lookOf('unknown')).ground;
  return ['match', ['get', keyProperty(year)], ...branches, ground] as unknown as ExpressionSpecification;
}

const width = ([z6, z10]: ZoomWidth): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 6, z6, 10, z10];
const flag = (name: string): ExpressionSpecification => ['boolean', ['feature-state', name], false];

/**
 * The layers that draw one year's units: fill, hatches and dotted outline, from the year's own
 * properties. The fill has no filter, like the fills of the other years of that vintage (their
 * source), so MapLibre lays the vintage's geometry out once for all of them. Each hatch and the
 * outline keep only their own units by filter, with a constant pattern: a data-driven pattern is
 * computed per vertex of every unit, and made a change of mode (which lays these features out
 * again) about a third slower in software WebGL on this machine. All start switched
 * off (layer-wide opacity 0); year-groups.ts switches them by layersInUse and fades the upper
 * of two groups through their constant opacity (fadeOpacityProperty).
 */
function yearGroup(year: Year): (FillLayerSpecification | LineLayerSpecification)[] {
  const source = unitsSource(vintageOf(year));
  const key: ExpressionSpecification = ['get', keyProperty(year)];
  const fill: FillLayerSpecification = {
    id: yearLayerId(YEAR_ROLES.fill, year),
    type: 'fill',
    source,
    paint: { 'fill-layer-opacity': 0, 'fill-opacity': 1, 'fill-color': fillColor(year) },
  };
  const hatches: FillLayerSpecification[] = HATCHES.map(({ image, keys }) => ({
    id: yearLayerId(hatchRole(image), year),
    type: 'fill',
    source,
    filter: ['in', key, ['literal', keys]],
    paint: { 'fill-layer-opacity': 0, 'fill-opacity': 1, 'fill-pattern': patternId(image) },
  }));
  // A dotted outline: derived tiers (never taken for stated facts) in tier mode; "A may have
  // come earlier" in trajectory mode.
  const outline: LineLayerSpecification = {
    id: yearLayerId(YEAR_ROLES.outline, year),
    type: 'line',
    source,
    filter: ['==', ['get', outlineProperty(year)], true],
    layout: { 'line-join': 'round' },
    paint: {
      'line-layer-opacity': 0,
      'line-opacity': 1,
      'line-color': outlineLook('derived').color,
      'line-width': width(LINES.dotted),
      'line-dasharray': [1, 1],
    },
  };
  return [fill, ...hatches, outline];
}

/** Dim and borders of one vintage's units, over the year groups and under the area borders. */
function vintageLayers(vintage: Vintage): (FillLayerSpecification | LineLayerSpecification)[] {
  // Units outside the highlighted legend entry, the chosen flow or the chosen area are washed
  // out, so the ones that matter stand out.
  const dim: FillLayerSpecification = {
    id: unitLayerId(ROLES.dim, vintage),
    type: 'fill',
    source: unitsSource(vintage),
    paint: {
      'fill-layer-opacity': 0,
      'fill-color': washLook().fill,
      'fill-opacity': ['case', ['any', flag('muted'), flag('unlit')], washLook().opacity, 0],
    },
  };
  const borders: LineLayerSpecification = {
    id: unitLayerId(ROLES.border, vintage),
    type: 'line',
    source: unitsSource(vintage),
    paint: { 'line-layer-opacity': 0, 'line-color': UNIT_BORDER, 'line-width': width(LINES.unit) },
  };
  return [dim, borders];
}

/** Imported facts, flow, hover and selection outlines, drawn above the area borders. */
function focusLayers(vintage: Vintage): LineLayerSpecification[] {
  /** A line drawn around the units whose feature-state flag `name` is set. */
  const outline = (
    role: string,
    name: string,
    paint: NonNullable<LineLayerSpecification['paint']>,
    join: 'round' | 'miter' = 'round',
  ): LineLayerSpecification => ({
    id: unitLayerId(role, vintage),
    type: 'line',
    source: unitsSource(vintage),
    ...(join === 'round' ? { layout: { 'line-join': 'round' } } : {}),
    paint: { 'line-layer-opacity': 0, ...paint, 'line-opacity': ['case', flag(name), 1, 0] },
  });
  return [
    // Imported facts: a double line (two thin lines with a gap), unlike any other outline.
    outline(ROLES.imported, 'imported', {
      'line-color': outlineLook('imported').color,
      'line-width': width(LINES.importedLine),
      'line-gap-width': width(LINES.importedGap),
    }),
    outline(ROLES.flow, 'flow', { 'line-color': outlineLook('flow').color, 'line-width': LINES.flow }),
    outline(ROLES.hover, 'hover', { 'line-color': outlineLook('hover').color, 'line-width': LINES.hover }, 'miter'),
    outline(ROLES.selectedHalo, 'selected', {
      'line-color': outlineLook('selected-halo').color,
      'line-width': LINES.selectedHalo,
    }),
    outline(ROLES.selected, 'selected', { 'line-color': outlineLook('selected').color, 'line-width': LINES.selected }),
  ];
}

/** The label property shown in a UI language. */
export const labelField = (lang: Lang): 'name_zh' | 'name_en' => (lang === 'zh' ? 'name_zh' : 'name_en');

/** The label layer's text in a UI language (set when the language changes). */
export const labelText = (lang: Lang): ExpressionSpecification => ['get', labelField(lang)];

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
    paint: { 'text-color': LABEL_TEXT, 'text-halo-color': LABEL_HALO, 'text-halo-width': 1.4 },
  };
}

const emptyCollection = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/**
 * Every layer of the style, in drawing order. The map starts with the layers the first view
 * needs (startLayers) and is given the rest once it is on screen (lean-layers.ts), in this order.
 */
export function styleLayers(vintage: Vintage, field: 'name_zh' | 'name_en'): LayerSpecification[] {
  return [
    { id: 'sea', type: 'background', paint: { 'background-color': SEA } },
    { id: 'context-fill', type: 'fill', source: SOURCES.context, paint: { 'fill-color': LAND_CONTEXT } },
    {
      id: 'context-border',
      type: 'line',
      source: SOURCES.context,
      paint: { 'line-color': CONTEXT_BORDER, 'line-width': LINES.context },
    },
    ...YEARS.flatMap((y) => yearGroup(y)),
    ...VINTAGES.flatMap((v) => vintageLayers(v)),
    {
      id: 'area-border',
      type: 'line',
      source: SOURCES.areas,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': AREA_BORDER, 'line-width': width(LINES.area) },
    },
    {
      id: 'province-border',
      type: 'line',
      source: SOURCES.province,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PROVINCE_BORDER, 'line-width': width(LINES.province) },
    },
    ...VINTAGES.flatMap((v) => focusLayers(v)),
    labelLayer(vintage, field),
  ];
}

/** The ids of the unit layers of the years and vintages not in `years` (the rest are shared). */
function otherYearsLayers(years: readonly Year[]): Set<string> {
  const vintages = new Set(years.map(vintageOf));
  const ids = new Set<string>();
  for (const y of YEARS) if (!years.includes(y)) yearLayers(y).forEach((id) => ids.add(id));
  for (const v of VINTAGES) {
    if (vintages.has(v)) continue;
    for (const role of Object.values(ROLES)) ids.add(unitLayerId(role, v));
  }
  return ids;
}

/** The layers a view of `years` draws: those years' groups, their vintages' flag layers and the shared ones. */
export function startLayers(layers: readonly LayerSpecification[], years: readonly Year[]): LayerSpecification[] {
  const left = otherYearsLayers(years);
  return layers.filter((layer) => !left.has(layer.id));
}

/**
 * How far (tile pixels of 512) a polygon source's tiles reach past their edges. MapLibre's
 * default, 128, adds a quarter of a tile on every side: the worker cut and laid out over twice
 * each tile's area. The widest line (LINES.selectedHalo, 6 px) needs 3 px past an edge; 8 leaves
 * room. MapLibre's hand-over came ~200 ms sooner (docs/performance.md). Labels keep the default.
 */
export const POLYGON_TILE_BUFFER = 8;

/** A source of the style holding `data`: every source is GeoJSON. */
export function sourceSpec(id: SourceId, data: GeoJSON.GeoJSON): GeoJSONSourceSpecification {
  return { type: 'geojson', data, ...(id === SOURCES.labels ? {} : { buffer: POLYGON_TILE_BUFFER }) };
}

/**
 * The style. `data`: each source's data, when the map is created after the data is in
 * (sources.ts sourceData); otherwise the sources start empty and are filled after 'load'.
 * `years`: only these years' layers (startLayers); by default every year's. A units source
 * that is given no data and that none of those layers draws is left out: it is added with its
 * data when a year of its vintage is first shown or the style is completed (sources.ts fill).
 */
export function createStyle(
  vintage: Vintage,
  field: 'name_zh' | 'name_en',
  latinFontUrl: string,
  data?: Partial<Record<SourceId, GeoJSON.GeoJSON>>,
  years: readonly Year[] = YEARS,
): StyleSpecification {
  const layers = startLayers(styleLayers(vintage, field), years);
  const drawn = new Set(layers.flatMap((layer) => ('source' in layer ? [layer.source] : [])));
  const ids: SourceId[] = [...Object.values(SOURCES), ...VINTAGES.map(unitsSource)];
  return {
    version: 8,
    name: 'Hebei county innovation tiers (offline)',
    // Every change of look is driven by the app (the fader, layer switches); an eased paint
    // transition of MapLibre's own would only add frames.
    transition: { duration: 0, delay: 0 },
    'font-faces': { [TEXT_FONT]: [{ url: latinFontUrl, 'unicode-range': ['U+0000-024F', 'U+2000-206F'] }] },
    sources: Object.fromEntries(
      ids
        .filter((id) => data?.[id] !== undefined || drawn.has(id))
        .map((id) => [id, sourceSpec(id, data?.[id] ?? emptyCollection())]),
    ),
    layers,
  };
}
