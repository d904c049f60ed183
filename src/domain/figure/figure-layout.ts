/**
 * A finished figure as one SVG document: title and subtitle, one map panel (the view) or a grid
 * of panels (the small multiples, each with its own title), the unit names, a legend of
 * swatches, and the notes (coverage, sources, boundaries). The PNG is this SVG rasterized, so
 * the two never differ.
 *
 * Pure: strings out, text measured through a callback (canvas measureText in the browser, a
 * fixed-width estimate in tests). Text is real <text> in named fonts that layout programs can
 * substitute; no CSS (`style` attributes or elements would also be blocked by the page's CSP in
 * the preview), only presentation attributes.
 */
import type { Measure } from '../export-png-text';
import type { Look, Outline } from '../legend-model';
import { EXPORT_INK, EXPORT_MUTED, EXPORT_PAGE, EXPORT_RULE } from '../palette';
import type { Box } from '../topology-paths';
import { placeLabels, LABEL_HALO, type LabelCandidate, type PlacedLabel } from './figure-labels';
import { SWATCH, swatchSvg } from './figure-swatch';
import { block, lineHeightOf, textElement, textLines } from './figure-text';
import { fitTransform, mapPanelSvg, num, escapeXml, type MapPanel, type Rect } from './map-svg';

export { FIGURE_FONT } from './figure-text';

/** A4 landscape at 96 px per inch (297 × 210 mm): the print size of the figures. */
export const A4_LANDSCAPE = { width: 1123, height: 794 } as const;

/** What a legend swatch carries over its look: an outline of the legend model, or the faded wash. */
export type SwatchMark = Outline;

export interface FigureLegendItem {
  look: Look;
  mark: SwatchMark;
  text: string;
}

export interface FigurePanel {
  map: Omit<MapPanel, 'rect' | 'transform' | 'id'>;
  /** The world box (zoom-0 px) the panel shows, fitted into its rect and centred. */
  frame: Box;
  /** Figure px kept free around the frame. */
  padding: number;
  /** The panel's own title and a line under it (small multiples: the year, its counts). */
  title?: string;
  note?: string;
  labels: readonly LabelCandidate[];
}

export interface FigureSpec {
  title: string;
  subtitle: string;
  panels: readonly FigurePanel[];
  /** Panels per row. */
  columns: number;
  legend: readonly FigureLegendItem[];
  /** Lines under the legend: coverage, data years, sources and the boundary note. */
  notes: readonly string[];
  /** The note added when chosen names found no room (n of them), e.g. "3 names left out: zoom in". */
  leftOutNote?: (n: number) => string;
  /** A sentence for the document's <desc> (what the figure shows). */
  desc: string;
  /** BCP 47 language of the texts (xml:lang). */
  lang: string;
  width: number;
  /** Either every panel map's height, or the figure's whole height (the maps take what is left). */
  size: { mapHeight: number } | { height: number };
}

export interface FigureSvg {
  svg: string;
  width: number;
  height: number;
  /** The names drawn, per panel. */
  labels: PlacedLabel[][];
  /** Chosen names that found no room, over all panels. */
  leftOut: number;
  /** Where each panel's map is. */
  mapRects: Rect[];
}

const PAD = 16;
const GAP = 12;
const TITLE_SIZES = { max: 22, min: 14 };
const SUBTITLE_SIZES = { max: 13, min: 10 };
const headerHeightOf = (title: number, subtitle: number) => PAD + title + (subtitle > 0 ? 4 + subtitle : 0) + 10;

/** Where the map starts under a one-line title and a one-line subtitle at full size (figure px). */
export const HEADER_HEIGHT = headerHeightOf(lineHeightOf(TITLE_SIZES.max), lineHeightOf(SUBTITLE_SIZES.max));
const SWATCH_GAP = 6;
const COLUMN_GAP = 14;
/** The smallest map a figure gets, whatever its text needs. */
const MIN_MAP = 120;

/** Legend columns for a figure width: three on wide figures, one on phones. */
export function figureLegendColumns(width: number): number {
  if (width >= 900) return 3;
  return width >= 560 ? 2 : 1;
}

/** `hebei-innovation-2019-2023-shijiazhuang@2x.png` (a span or a year, an area, the scale). */
export function figureFileName(span: string, area: string | null, ext: 'png' | 'svg', scale?: number): string {
  const slug = area
    ?.toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9\u4e00-\u9fff]+/g, '-')
    .replace(/^-|-$/g, '');
  return `hebei-innovation-${span}${slug ? `-${slug}` : ''}${ext === 'png' ? `@${scale ?? 1}x` : ''}.${ext}`;
}

function labelsSvg(labels: readonly PlacedLabel[], id: string): string {
  if (labels.length === 0) return '';
  const items = labels.map((l) => {
    const halo = textElement(
      l.text,
      l.x,
      l.baseline,
      l.font,
      EXPORT_PAGE,
      'middle',
      ` stroke="${EXPORT_PAGE}" stroke-width="${num(LABEL_HALO * 2)}" stroke-linejoin="round" aria-hidden="true"`,
    );
    return `<g id="${id}-l${l.code}">${halo}${textElement(l.text, l.x, l.baseline, l.font, EXPORT_INK, 'middle')}</g>`;
  });
  return `<g id="${id}-labels">${items.join('')}</g>`;
}

/**
 * The figure's SVG document. When chosen names find no room, the layout is made again with a
 * note saying how many (the note takes a line from the maps, so their count is taken again).
 */
export function figureSvg(spec: FigureSpec, measure: Measure): FigureSvg {
  let figure = layoutFigure(spec, measure, null);
  for (let pass = 0; pass < 2 && spec.leftOutNote; pass += 1) {
    const said = figure.leftOut;
    if (said === 0 && pass === 0) break;
    figure = layoutFigure(spec, measure, said > 0 ? spec.leftOutNote(said) : null);
    if (figure.leftOut === said) break;
  }
  return figure;
}

function layoutFigure(spec: FigureSpec, measure: Measure, leftOutNote: string | null): FigureSvg {
  const W = Math.round(spec.width);
  if (!(W > 0)) throw new RangeError(`figure width must be positive, got ${spec.width}`);
  const inner = W - 2 * PAD;
  const title = block(spec.title, inner, 2, TITLE_SIZES, 700, measure);
  const subtitle = block(spec.subtitle, inner, 3, SUBTITLE_SIZES, 400, measure);
  const headerH = headerHeightOf(title.height, subtitle.height);

  // The legend: columns of swatch + text (up to three lines each), rows as tall as their tallest entry.
  const legendCols = figureLegendColumns(W);
  const colW = (inner - (legendCols - 1) * COLUMN_GAP) / legendCols;
  const textW = colW - SWATCH - SWATCH_GAP;
  const legendBlocks = spec.legend.map((item) => block(item.text, textW, 3, { max: 12, min: 9.5 }, 400, measure));
  const rowHeights: number[] = [];
  legendBlocks.forEach((b, i) => {
    const row = Math.floor(i / legendCols);
    rowHeights[row] = Math.max(rowHeights[row] ?? 0, b.height, SWATCH + 4);
  });
  const legendH = rowHeights.reduce((a, b) => a + b + 4, 0);
  // Names are placed before the notes are laid out, since names without room add a note.
  const n = spec.panels.length;
  const cols = Math.max(1, Math.min(spec.columns, n));
  const rows = Math.ceil(n / cols);
  const single = n === 1 && !spec.panels[0]?.title;
  const panelW = single ? W : (inner - (cols - 1) * GAP) / cols;
  const allNotes = leftOutNote ? [...spec.notes.slice(0, 1), leftOutNote, ...spec.notes.slice(1)] : spec.notes;
  const noteBlocks = allNotes.map((note, i) =>
    block(note, inner, 3, { max: i === 0 ? 12 : 10.5, min: 8.5 }, i === 0 ? 600 : 400, measure),
  );
  const notesH = noteBlocks.reduce((a, b) => a + b.height + 2, 0);
  const footerH = 10 + legendH + 6 + notesH + PAD;

  // The panels.
  const titleBlocks = spec.panels.map((p) => block(p.title ?? '', panelW, 1, { max: 15, min: 11 }, 700, measure));
  const panelNotes = spec.panels.map((p) => block(p.note ?? '', panelW, 2, { max: 11, min: 8.5 }, 400, measure));
  const headOf = (row: number) =>
    Math.max(
      0,
      ...spec.panels
        .map((_, i) => i)
        .filter((i) => Math.floor(i / cols) === row)
        .map((i) => (titleBlocks[i]?.height ?? 0) + (panelNotes[i]?.height ?? 0) + (spec.panels[i]?.title ? 4 : 0)),
    );
  const heads = Array.from({ length: rows }, (_, r) => headOf(r));
  const fixedH = headerH + heads.reduce((a, b) => a + b, 0) + (rows - 1) * GAP + footerH;
  const mapH =
    'mapHeight' in spec.size
      ? Math.round(spec.size.mapHeight)
      : Math.max(MIN_MAP, Math.floor((spec.size.height - fixedH) / rows));
  const H = Math.ceil('height' in spec.size ? Math.max(spec.size.height, fixedH + rows * mapH) : fixedH + rows * mapH);

  const defs: string[] = [];
  const body: string[] = [];
  body.push(`<rect x="0" y="0" width="${W}" height="${num(H)}" fill="${EXPORT_PAGE}"/>`);
  body.push(`<g id="header">${textLines(title, PAD, PAD, EXPORT_INK)}`);
  body.push(`${textLines(subtitle, PAD, PAD + title.height + 4, EXPORT_MUTED)}</g>`);

  const labels: PlacedLabel[][] = [];
  let leftOut = 0;
  const mapRects: Rect[] = [];
  let rowTop = headerH;
  for (let r = 0; r < rows; r += 1) {
    const head = heads[r] ?? 0;
    for (let c = 0; c < cols; c += 1) {
      const i = r * cols + c;
      const panel = spec.panels[i];
      if (!panel) continue;
      const x = single ? 0 : PAD + c * (panelW + GAP);
      const rect: Rect = { x, y: rowTop + head, width: panelW, height: mapH };
      const id = n === 1 ? 'map' : `p${i + 1}`;
      const transform = fitTransform(panel.frame, rect, panel.padding);
      const svg = mapPanelSvg({ ...panel.map, rect, transform, id });
      const names = placeLabels(panel.labels, transform, rect, measure);
      const placed = names.placed;
      leftOut += names.leftOut.length;
      defs.push(svg.defs);
      const tb = titleBlocks[i];
      const nb = panelNotes[i];
      const heading =
        tb && nb && panel.title
          ? `${textLines(tb, x, rowTop, EXPORT_INK)}${textLines(nb, x, rowTop + tb.height, EXPORT_MUTED)}`
          : '';
      body.push(`<g id="${id}-panel">${heading}${svg.body}${labelsSvg(placed, id)}</g>`);
      if (single) {
        for (const y of [rect.y, rect.y + rect.height])
          body.push(`<line x1="0" y1="${num(y)}" x2="${W}" y2="${num(y)}" stroke="${EXPORT_RULE}" stroke-width="1"/>`);
      }
      labels.push(placed);
      mapRects.push(rect);
    }
    rowTop += head + mapH + GAP;
  }

  // Legend and notes.
  let y = headerH + heads.reduce((a, b) => a + b, 0) + rows * mapH + (rows - 1) * GAP + 10;
  const legend: string[] = [];
  let rowY = y;
  spec.legend.forEach((item, i) => {
    const col = i % legendCols;
    const row = Math.floor(i / legendCols);
    if (col === 0 && row > 0) rowY += (rowHeights[row - 1] ?? 0) + 4;
    const x = PAD + col * (colW + COLUMN_GAP);
    const b = legendBlocks[i];
    if (!b) return;
    const rowH = rowHeights[row] ?? 0;
    legend.push(swatchSvg(item.look, item.mark, x, rowY + Math.min(2, rowH - SWATCH), `legend-h${i}`, defs));
    legend.push(textLines(b, x + SWATCH + SWATCH_GAP, rowY, EXPORT_INK));
  });
  body.push(`<g id="legend">${legend.join('')}</g>`);
  y += legendH + 6;
  const notes: string[] = [];
  noteBlocks.forEach((b, i) => {
    notes.push(textLines(b, PAD, y, i === 0 ? EXPORT_INK : EXPORT_MUTED));
    y += b.height + 2;
  });
  body.push(`<g id="notes">${notes.join('')}</g>`);

  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${num(H)}" viewBox="0 0 ${W} ${num(H)}" ` +
    `xml:lang="${escapeXml(spec.lang)}" role="img" aria-labelledby="figure-title figure-desc">` +
    `<title id="figure-title">${escapeXml(spec.title)}</title>` +
    `<desc id="figure-desc">${escapeXml(spec.desc)}</desc>` +
    `<defs>${defs.join('')}</defs>${body.join('')}</svg>\n`;
  return { svg, width: W, height: Math.round(H), labels, leftOut, mapRects };
}
