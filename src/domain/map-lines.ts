/**
 * The line widths (CSS px) of the drawn map, as [at zoom 6, at zoom 10] pairs interpolated
 * linearly between (the MapLibre style's ['interpolate', ['linear'], ['zoom'], 6, a, 10, b]),
 * or one width at every zoom. The 2D map (src/map/canvas/draw.ts) and the exported figures
 * (domain/figure/map-svg.ts) draw with these, so a figure has the map's lines.
 */
export type ZoomWidth = readonly [z6: number, z10: number];

export const LINES = {
  context: 0.6,
  unit: [0.4, 1.2],
  area: [0.9, 2],
  province: [1.4, 3],
  /** Dotted outline (derived tiers; trajectory "A may have come earlier"): width and dash. */
  dotted: [1.2, 2.5],
  /** Imported facts: two lines of this width with a gap between. */
  importedLine: [1, 1.6],
  importedGap: [1.6, 2.4],
  flow: 2.5,
  hover: 2,
  selectedHalo: 6,
  selected: 3,
} as const;

/** The wash over muted or unlit units: white at this opacity. */
export const WASH_OPACITY = 0.72;

/** A width at a zoom: linear between zoom 6 and 10, constant beyond. */
export function widthAt(zoom: number, [z6, z10]: ZoomWidth): number {
  const t = Math.min(Math.max((zoom - 6) / 4, 0), 1);
  return z6 + (z10 - z6) * t;
}
