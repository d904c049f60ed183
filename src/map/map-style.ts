/**
 * The map's style as typed data: an inline style with GeoJSON sources filled in at run time,
 * no tiles, no sprite and no glyphs, so the map makes no network request at all.
 */
import type {
  ExpressionSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import {
  AREA_BORDER,
  DERIVED_OUTLINE,
  LAND_CONTEXT,
  SEA,
  TIER_COLORS,
  UNIT_BORDER,
  UNKNOWN_GROUND,
} from '../domain/palette';
import { TIERS, type Tier, type Vintage } from '../domain/types';

export const SOURCES = {
  units: 'units',
  areas: 'areas',
  province: 'province',
  context: 'context',
} as const;

/** Every hatch the map can draw, by state key: unknown, and each contiguous range of tiers. */
export const HATCHED_STATES: readonly { key: string; tiers: Tier[] | null }[] = [
  { key: 'unknown', tiers: null },
  { key: 'range:A', tiers: ['A'] },
  { key: 'range:B', tiers: ['B'] },
  { key: 'range:C', tiers: ['C'] },
  { key: 'range:AB', tiers: ['A', 'B'] },
  { key: 'range:BC', tiers: ['B', 'C'] },
  { key: 'range:ABC', tiers: ['A', 'B', 'C'] },
];

export const patternId = (stateKey: string) => `hatch-${stateKey}`;
export const UNIT_FILL_LAYER = 'unit-fill';

const stateIs = (key: string): ExpressionSpecification => ['==', ['feature-state', 'state'], key];

/** Only the units of one vintage are drawn; the other vintage's features stay loaded. */
export const vintageFilter = (vintage: Vintage): ExpressionSpecification => ['==', ['get', 'vintage'], vintage];

/** Fill colour by the unit's state key (feature-state), stated and derived alike. */
function tierFillColor(): ExpressionSpecification {
  // Each branch is a label list (stated and derived share the tier's colour) and a colour.
  const branches = TIERS.flatMap((t) => [[t, `${t}-derived`], TIER_COLORS[t]]);
  return ['match', ['feature-state', 'state'], ...branches, UNKNOWN_GROUND] as unknown as ExpressionSpecification;
}

export function unitLayers(vintage: Vintage): (FillLayerSpecification | LineLayerSpecification)[] {
  const filter = vintageFilter(vintage);
  const fill: FillLayerSpecification = {
    id: UNIT_FILL_LAYER,
    type: 'fill',
    source: SOURCES.units,
    filter,
    paint: { 'fill-color': tierFillColor() },
  };
  const hatches: FillLayerSpecification[] = HATCHED_STATES.map(({ key }) => ({
    id: `unit-${patternId(key)}`,
    type: 'fill',
    source: SOURCES.units,
    filter,
    paint: { 'fill-pattern': patternId(key), 'fill-opacity': ['case', stateIs(key), 1, 0] },
  }));
  const borders: LineLayerSpecification = {
    id: 'unit-border',
    type: 'line',
    source: SOURCES.units,
    filter,
    paint: { 'line-color': UNIT_BORDER, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.4, 10, 1.2] },
  };
  // Derived tiers look like their tier plus a dotted outline, so they are never taken for
  // stated facts.
  const derived: LineLayerSpecification = {
    id: 'unit-derived-outline',
    type: 'line',
    source: SOURCES.units,
    filter,
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': DERIVED_OUTLINE,
      'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1.2, 10, 2.5],
      'line-dasharray': [1, 1],
      'line-opacity': ['case', ['boolean', ['feature-state', 'derived'], false], 1, 0],
    },
  };
  return [fill, ...hatches, borders, derived];
}

const emptyCollection = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });

export function createStyle(vintage: Vintage): StyleSpecification {
  return {
    version: 8,
    name: 'Hebei county innovation tiers (offline)',
    sources: {
      [SOURCES.context]: { type: 'geojson', data: emptyCollection() },
      [SOURCES.units]: { type: 'geojson', data: emptyCollection() },
      [SOURCES.areas]: { type: 'geojson', data: emptyCollection() },
      [SOURCES.province]: { type: 'geojson', data: emptyCollection() },
    },
    layers: [
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
        paint: { 'line-color': AREA_BORDER, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.9, 10, 2] },
      },
      {
        id: 'province-border',
        type: 'line',
        source: SOURCES.province,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': '#1d1d1d', 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1.4, 10, 3] },
      },
    ],
  };
}
