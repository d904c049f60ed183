/**
 * Layout of the PNG export: a header band (title, subtitle), the map, and a footer band (legend
 * with counts, coverage line, source and attribution). Pure arithmetic in CSS pixels; the
 * browser draws it with the context scaled by `scale`. Text is measured through a callback so
 * the layout runs (and is tested) without a canvas.
 *
 * The bands' heights depend only on the map's width, never on the text, so the image size is
 * known in advance (exportPixelSize) and a test can check a downloaded file against it. Text
 * that does not fit its band shrinks, wraps up to a fixed number of lines, and only at the
 * smallest size is cut with an ellipsis. Wrapping and fitting live in export-png-text.ts and are
 * re-exported here.
 */

import { fitText, type FittedText, type FontSpec, type FontWeight, type Measure } from './export-png-text';

// Callers import the whole export layout from this module, text fitting included.
export { ellipsize, fitText, wrapText } from './export-png-text';
export type { FittedText, FontSpec, FontWeight, Measure } from './export-png-text';

export const EXPORT_SCALES = [1, 2] as const;
export type ExportScale = (typeof EXPORT_SCALES)[number];

/** Header band height (CSS px): a one-line title and a subtitle, or a two-line title. */
export const HEADER_HEIGHT = 60;
/** Side padding of both bands. */
export const PAD_X = 12;
const PAD_Y = 10;
const LEGEND_ROW = 20;
const SWATCH = 14;
const SWATCH_GAP = 6;
const COLUMN_GAP = 10;
const BLOCK_GAP = 4;
const COVERAGE_LINE = 18;
const SOURCE_LINE = 14;
/** Legend entries of tier mode: A, B, C, derived, partly known, unknown. */
export const LEGEND_ENTRIES = 6;
/** The most entries a legend may have (change mode has 8, trajectory mode up to 7). */
export const MAX_LEGEND_ENTRIES = 9;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type TextRole = 'title' | 'subtitle' | 'legend' | 'coverage' | 'source';

/** One line of text: its box (top-left, line height) and the font to draw it in. */
export interface TextLine {
  role: TextRole;
  text: string;
  x: number;
  /** Top of the line box; draw with textBaseline 'middle' at top + height / 2. */
  top: number;
  height: number;
  /** Measured width of the text. */
  width: number;
  /** Width the text was fitted into. */
  maxWidth: number;
  font: FontSpec;
}

export interface ExportContent {
  title: string;
  subtitle: string;
  /** Legend entries in order; `key` says which swatch to draw. At most MAX_LEGEND_ENTRIES. */
  legend: { key: string; text: string }[];
  coverage: string;
  source: string;
}

export interface ExportLayout {
  scale: number;
  /** Logical size (CSS px). */
  width: number;
  height: number;
  /** Size of the PNG in pixels. */
  pixelWidth: number;
  pixelHeight: number;
  header: Rect;
  map: Rect;
  footer: Rect;
  lines: TextLine[];
  swatches: { key: string; rect: Rect }[];
}

/** Legend columns for a map width: three on wide maps, one on phones. */
export function legendColumns(mapWidth: number): number {
  if (mapWidth >= 840) return 3;
  return mapWidth >= 520 ? 2 : 1;
}

/** Lines allowed for the source line: narrower maps get more. */
export function sourceLineCount(mapWidth: number): number {
  if (mapWidth >= 900) return 2;
  return mapWidth >= 520 ? 3 : 4;
}

function legendCount(entries: number): number {
  if (!(Number.isInteger(entries) && entries >= 0 && entries <= MAX_LEGEND_ENTRIES)) {
    throw new RangeError(`a legend has 0 to ${MAX_LEGEND_ENTRIES} entries, got ${entries}`);
  }
  return entries;
}

/** The footer band's height (CSS px) for a map width and a legend of `entries` entries. */
export function footerHeight(mapWidth: number, entries: number = LEGEND_ENTRIES): number {
  const rows = Math.ceil(legendCount(entries) / legendColumns(mapWidth));
  return (
    PAD_Y + rows * LEGEND_ROW + BLOCK_GAP + COVERAGE_LINE + BLOCK_GAP + sourceLineCount(mapWidth) * SOURCE_LINE + PAD_Y
  );
}

function checkSize(mapWidth: number, mapHeight: number, scale: number): { w: number; h: number } {
  const w = Math.round(mapWidth);
  const h = Math.round(mapHeight);
  if (!(w > 0 && h > 0)) throw new RangeError(`map size must be positive, got ${mapWidth}×${mapHeight}`);
  if (!(scale > 0)) throw new RangeError(`scale must be positive, got ${scale}`);
  return { w, h };
}

/**
 * The PNG's pixel size for a map of mapWidth × mapHeight CSS px at `scale`, with a legend of
 * `entries` entries (6 in tier mode).
 */
export function exportPixelSize(
  mapWidth: number,
  mapHeight: number,
  scale: number,
  entries: number = LEGEND_ENTRIES,
): { width: number; height: number } {
  const { w, h } = checkSize(mapWidth, mapHeight, scale);
  return { width: Math.round(w * scale), height: Math.round((HEADER_HEIGHT + h + footerHeight(w, entries)) * scale) };
}

/** `hebei-innovation-2023@2x.png`; a span in change mode: `hebei-innovation-2022-2023@2x.png`. */
export function exportFileName(year: number, scale: number, base: number | null = null): string {
  return `hebei-innovation-${base === null ? '' : `${base}-`}${year}@${scale}x.png`;
}

// ---------------------------------------------------------------------------------------------
// The layout

export function layoutExport(
  mapWidth: number,
  mapHeight: number,
  scale: number,
  content: ExportContent,
  measure: Measure,
): ExportLayout {
  const { w, h } = checkSize(mapWidth, mapHeight, scale);
  const entries = legendCount(content.legend.length);
  const footerH = footerHeight(w, entries);
  const size = exportPixelSize(w, h, scale, entries);
  const header: Rect = { x: 0, y: 0, width: w, height: HEADER_HEIGHT };
  const map: Rect = { x: 0, y: HEADER_HEIGHT, width: w, height: h };
  const footer: Rect = { x: 0, y: HEADER_HEIGHT + h, width: w, height: footerH };
  const inner = w - 2 * PAD_X;
  const lines: TextLine[] = [];
  const place = (
    role: TextRole,
    fitted: FittedText,
    weight: FontWeight,
    top: number,
    lineHeight: number,
    x = PAD_X,
    maxWidth = inner,
  ) => {
    fitted.lines.forEach((text, i) => {
      const font = { size: fitted.size, weight };
      lines.push({
        role,
        text,
        x,
        top: top + i * lineHeight,
        height: lineHeight,
        width: measure(text, font),
        maxWidth,
        font,
      });
    });
  };

  // Header: a one-line title (20 → 14 px) over a one-line subtitle; if the title needs more
  // room, two title lines (16 → 11 px) and no subtitle.
  const headerInner = HEADER_HEIGHT - 2 * PAD_Y;
  const oneLine = fitText(content.title, inner, 1, { max: 20, min: 14 }, 700, measure);
  if (!oneLine.truncated) {
    const titleLine = Math.ceil(oneLine.size * 1.25);
    const subtitleLine = headerInner - titleLine;
    place('title', oneLine, 700, PAD_Y, titleLine);
    if (content.subtitle) {
      const maxSub = Math.min(12, Math.floor(subtitleLine / 1.25));
      place(
        'subtitle',
        fitText(content.subtitle, inner, 1, { max: maxSub, min: Math.min(9, maxSub) }, 400, measure),
        400,
        PAD_Y + titleLine,
        subtitleLine,
      );
    }
  } else {
    const two = fitText(content.title, inner, 2, { max: 16, min: 11 }, 700, measure);
    place('title', two, 700, PAD_Y, headerInner / 2);
  }

  // Footer: the legend grid, the coverage line, the source line.
  const columns = legendColumns(w);
  const columnWidth = (inner - (columns - 1) * COLUMN_GAP) / columns;
  const swatches: ExportLayout['swatches'] = [];
  content.legend.forEach((entry, i) => {
    const x = PAD_X + (i % columns) * (columnWidth + COLUMN_GAP);
    const top = footer.y + PAD_Y + Math.floor(i / columns) * LEGEND_ROW;
    swatches.push({ key: entry.key, rect: { x, y: top + (LEGEND_ROW - SWATCH) / 2, width: SWATCH, height: SWATCH } });
    const textX = x + SWATCH + SWATCH_GAP;
    const textWidth = columnWidth - SWATCH - SWATCH_GAP;
    place(
      'legend',
      fitText(entry.text, textWidth, 1, { max: 12, min: 9 }, 400, measure),
      400,
      top,
      LEGEND_ROW,
      textX,
      textWidth,
    );
  });
  const rows = Math.ceil(entries / columns);
  const coverageTop = footer.y + PAD_Y + rows * LEGEND_ROW + BLOCK_GAP;
  place(
    'coverage',
    fitText(content.coverage, inner, 1, { max: 13, min: 9 }, 600, measure),
    600,
    coverageTop,
    COVERAGE_LINE,
  );
  const sourceTop = coverageTop + COVERAGE_LINE + BLOCK_GAP;
  place(
    'source',
    fitText(content.source, inner, sourceLineCount(w), { max: 11, min: 8 }, 400, measure),
    400,
    sourceTop,
    SOURCE_LINE,
  );

  return {
    scale,
    width: w,
    height: HEADER_HEIGHT + h + footerH,
    pixelWidth: size.width,
    pixelHeight: size.height,
    header,
    map,
    footer,
    lines,
    swatches,
  };
}
