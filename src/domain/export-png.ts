/**
 * The PNG exports' scales and the text fitting the figures use (export-png-text.ts). The figure
 * itself, its layout and its size, is domain/figure/figure-layout.ts: the PNG is its SVG
 * rasterized at one of these scales.
 */

// Callers import text fitting from here or from export-png-text.ts.
export { ellipsize, fitText, wrapText } from './export-png-text';
export type { FittedText, FontSpec, FontWeight, Measure } from './export-png-text';
// Where the map starts in a figure with a one-line title and subtitle (the e2e tests look there).
export { HEADER_HEIGHT } from './figure/figure-layout';

export const EXPORT_SCALES = [1, 2] as const;
export type ExportScale = (typeof EXPORT_SCALES)[number];
