/**
 * A map panel as SVG: the vector twin of one frame of the 2D map (src/map/canvas/draw.ts), for
 * the exported figures, the small multiples and the report card. Same geometry (traced from the
 * topology's arcs, domain/topology-paths.ts), same looks (the legend model's fills and hatches),
 * same lines (domain/map-lines.ts), drawn in the same order: sea, context, the year's units,
 * dotted outlines, the wash over muted or unlit units, unit, area and province borders, then the
 * imported, flow and selection outlines. Labels are the caller's (they need text measuring).
 *
 * Pure: strings out, no DOM. Every id is prefixed with the panel's `id`, so several panels can
 * share one document. Units are named `<id>-u<code>` (a layer name in Inkscape or Illustrator).
 */
import type { MapGeometry } from '../geometry';
import { lookOf, type Look } from '../legend-model';
import type { DrawState } from '../map-keys';
import { LINES, WASH_OPACITY, widthAt, type ZoomWidth } from '../map-lines';
import {
  AREA_BORDER,
  CONTEXT_BORDER,
  DERIVED_OUTLINE,
  DIM_WASH,
  FLOW_OUTLINE,
  IMPORTED_OUTLINE,
  LAND_CONTEXT,
  PROVINCE_BORDER,
  SEA,
  SELECTED_HALO,
  SELECTED_OUTLINE,
  UNIT_BORDER,
} from '../palette';
import {
  decodeArcs,
  objectPolygons,
  tracePolygons,
  type ArcPolygons,
  type Box,
  type PathSink,
} from '../topology-paths';
import { TILE_SIZE, mercatorX, mercatorY } from '../mercator';
import { vintageOf, type UnitCode, type Vintage, type Year } from '../types';
import type { View } from '../view';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** World pixels of zoom 0 → figure pixels: (x · k + dx, y · k + dy). */
export interface Transform {
  k: number;
  dx: number;
  dy: number;
}

/** What is washed out or outlined (the store's Emphasis has these fields). */
export interface PanelEmphasis {
  flow: boolean;
  muted: boolean;
  unlit: boolean;
  imported: boolean;
}

export interface MapPanel {
  geometry: MapGeometry;
  year: Year;
  /** What each unit of the year is drawn as; units not in it are not drawn. */
  draw: ReadonlyMap<UnitCode, DrawState>;
  emphasis?: ReadonlyMap<UnitCode, PanelEmphasis>;
  /** Units outlined as the map's selection is. */
  selected?: readonly UnitCode[];
  /** Where the panel sits in the figure (it is clipped to it). */
  rect: Rect;
  transform: Transform;
  /** Prefix of the panel's ids, unique in the document (letters, digits, '-'). */
  id: string;
}

export interface PanelSvg {
  /** Patterns, clip paths and masks, for the document's <defs>. */
  defs: string;
  /** The panel's drawing: one <g>. */
  body: string;
}

// ---------------------------------------------------------------------------------------------
// Geometry in world pixels, once per geometry

interface WorldShapes {
  arcs: Float64Array[];
  units: Record<Vintage, Map<UnitCode, ArcPolygons>>;
  areas: ArcPolygons[];
  province: ArcPolygons[];
  context: ArcPolygons[];
}

const shapesCache = new WeakMap<MapGeometry, WorldShapes>();

function worldShapes(geometry: MapGeometry): WorldShapes {
  const found = shapesCache.get(geometry);
  if (found) return found;
  const { topology } = geometry;
  const shapes: WorldShapes = {
    arcs: decodeArcs(topology),
    units: {
      2019: new Map(objectPolygons(topology, 'units_2019')),
      2021: new Map(objectPolygons(topology, 'units_2021')),
    },
    areas: objectPolygons(topology, 'areas').map(([, p]) => p),
    province: objectPolygons(topology, 'province').map(([, p]) => p),
    context: objectPolygons(topology, 'context').map(([, p]) => p),
  };
  shapesCache.set(geometry, shapes);
  return shapes;
}

/** A sink that records only the box (tracePolygons returns it). */
const NO_PATH: PathSink = { moveTo: () => {}, lineTo: () => {}, closePath: () => {} };

/**
 * The box (world pixels of zoom 0) of the units `codes` in the boundaries of `year`, or of all
 * the year's units when `codes` is omitted; null when none of them has a shape.
 */
export function unitsBox(geometry: MapGeometry, year: Year, codes?: Iterable<UnitCode>): Box | null {
  const shapes = worldShapes(geometry);
  const units = shapes.units[vintageOf(year)];
  let box: Box | null = null;
  for (const code of codes ?? units.keys()) {
    const polygons = units.get(code);
    if (!polygons) continue;
    const b = tracePolygons(shapes.arcs, polygons, NO_PATH);
    box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b;
  }
  return box;
}

/** The transform that fits `box` (world pixels) in `rect` with `padding` figure px on every side, centred. */
export function fitTransform(box: Box, rect: Rect, padding: number): Transform {
  const w = Math.max(box[2] - box[0], 1e-9);
  const h = Math.max(box[3] - box[1], 1e-9);
  const k = Math.max(Math.min((rect.width - 2 * padding) / w, (rect.height - 2 * padding) / h), 1e-9);
  return {
    k,
    dx: rect.x + rect.width / 2 - ((box[0] + box[2]) / 2) * k,
    dy: rect.y + rect.height / 2 - ((box[1] + box[3]) / 2) * k,
  };
}

/** The transform of a map camera (centre and zoom) shown in `rect`: the view as on screen. */
export function viewTransform(view: View, rect: Rect): Transform {
  const k = 2 ** view.zoom;
  return {
    k,
    dx: rect.x + rect.width / 2 - mercatorX(view.lng) * TILE_SIZE * k,
    dy: rect.y + rect.height / 2 - mercatorY(view.lat) * TILE_SIZE * k,
  };
}

/** The map zoom a transform draws at (its lines are the map's at that zoom). */
export const zoomOf = (t: Transform): number => Math.log2(t.k);

/** A point in degrees → figure pixels. */
export function projectPoint(t: Transform, [lng, lat]: readonly [number, number]): { x: number; y: number } {
  return { x: mercatorX(lng) * TILE_SIZE * t.k + t.dx, y: mercatorY(lat) * TILE_SIZE * t.k + t.dy };
}

// ---------------------------------------------------------------------------------------------
// SVG text

/** A number for SVG attributes: at most `digits` decimals, no trailing zeros, no "-0". */
export function num(n: number, digits = 2): string {
  const text = n.toFixed(digits).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

/** Text for SVG element content or attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** Points closer than this (figure px) to the last one kept are left out: invisible, and they make files large. */
const MIN_STEP = 0.35;

/**
 * SVG path data of polygons under a transform, one decimal (a tenth of a figure pixel); a point
 * within MIN_STEP of the last one kept is left out, so a small panel makes a small file.
 */
function pathData(arcs: readonly Float64Array[], polygons: ArcPolygons, t: Transform): string {
  const parts: string[] = [];
  let lastX = NaN;
  let lastY = NaN;
  const at = (x: number, y: number) => [Math.round((x * t.k + t.dx) * 10) / 10, Math.round((y * t.k + t.dy) * 10) / 10];
  tracePolygons(arcs, polygons, {
    moveTo(x, y) {
      [lastX = 0, lastY = 0] = at(x, y);
      parts.push(`M${num(lastX, 1)} ${num(lastY, 1)}`);
    },
    lineTo(x, y) {
      const [px = 0, py = 0] = at(x, y);
      if (Math.abs(px - lastX) < MIN_STEP && Math.abs(py - lastY) < MIN_STEP) return;
      lastX = px;
      lastY = py;
      parts.push(`L${num(px, 1)} ${num(py, 1)}`);
    },
    closePath() {
      parts.push('Z');
    },
  });
  return parts.join('');
}

const overlaps = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

// ---------------------------------------------------------------------------------------------
// Hatches

/** The figure's stripe width (px across a stripe), close to the map's at 1×. */
const STRIPE = 2;

/**
 * An SVG pattern of 45° stripes of the look's colours, in the order and direction of the map's
 * (src/map/patterns.ts): vertical bands rotated, `up` like "/", `down` like "\". A `cross` hatch
 * is the `up` stripes with the last colour's `down` stripes over them (two fills).
 */
export function stripeDefs(id: string, colors: readonly string[], rotate: 45 | -45, only?: number): string {
  const n = colors.length;
  const bands = colors
    .map((color, i) =>
      only === undefined || only === i
        ? `<rect x="${num(i * STRIPE)}" y="0" width="${STRIPE}" height="${n * STRIPE}" fill="${color}"/>`
        : '',
    )
    .join('');
  return `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${n * STRIPE}" height="${n * STRIPE}" patternTransform="rotate(${rotate})">${bands}</pattern>`;
}

// ---------------------------------------------------------------------------------------------
// The panel

export function mapPanelSvg(panel: MapPanel): PanelSvg {
  const { geometry, transform: t, rect, id } = panel;
  const shapes = worldShapes(geometry);
  const zoom = zoomOf(t);
  const w = (width: number | ZoomWidth) => num(typeof width === 'number' ? width : widthAt(zoom, width));
  // The part of the world in the panel, to leave out shapes outside it.
  const view: Box = [
    (rect.x - t.dx) / t.k,
    (rect.y - t.dy) / t.k,
    (rect.x + rect.width - t.dx) / t.k,
    (rect.y + rect.height - t.dy) / t.k,
  ];
  const d = (polygons: ArcPolygons): string | null => {
    const box = tracePolygons(shapes.arcs, polygons, NO_PATH);
    return overlaps(box, view) ? pathData(shapes.arcs, polygons, t) : null;
  };

  const units = shapes.units[vintageOf(panel.year)];
  const drawn: { code: UnitCode; d: string; state: DrawState }[] = [];
  for (const [code, state] of panel.draw) {
    const polygons = units.get(code);
    const data = polygons ? d(polygons) : null;
    if (data) drawn.push({ code, d: data, state });
  }

  const defs: string[] = [
    `<clipPath id="${id}-clip"><rect x="${num(rect.x)}" y="${num(rect.y)}" width="${num(rect.width)}" height="${num(rect.height)}"/></clipPath>`,
  ];
  const patterns = new Map<Look, string[]>();
  const fillsOf = (look: Look): string[] => {
    if ('fill' in look) return [look.fill];
    const found = patterns.get(look);
    if (found) return found;
    const n = patterns.size;
    const base = `${id}-h${n}`;
    const fills = [`url(#${base})`];
    defs.push(stripeDefs(base, look.stripes, look.direction === 'down' ? -45 : 45));
    if (look.direction === 'cross') {
      defs.push(stripeDefs(`${base}x`, look.stripes, -45, look.stripes.length - 1));
      fills.push(`url(#${base}x)`);
    }
    patterns.set(look, fills);
    return fills;
  };

  const body: string[] = [`<g id="${id}" clip-path="url(#${id}-clip)">`];
  body.push(
    `<rect x="${num(rect.x)}" y="${num(rect.y)}" width="${num(rect.width)}" height="${num(rect.height)}" fill="${SEA}"/>`,
  );
  const group = (name: string, attrs: string, paths: readonly string[]) => {
    if (paths.length > 0) body.push(`<g id="${id}-${name}" ${attrs}>${paths.join('')}</g>`);
  };
  const plain = (list: readonly ArcPolygons[]) =>
    list.flatMap((p) => {
      const data = d(p);
      return data ? [`<path d="${data}"/>`] : [];
    });

  const context = plain(shapes.context);
  group('context', `fill="${LAND_CONTEXT}" stroke="${CONTEXT_BORDER}" stroke-width="${w(LINES.context)}"`, context);

  // The year's units: fills (a cross hatch is two fills of the same path).
  group(
    'units',
    'stroke="none"',
    drawn.flatMap(({ code, d: data, state }) => {
      const [fill, over] = fillsOf(lookOf(state.key));
      const first = `<path id="${id}-u${escapeXml(code)}" d="${data}" fill="${fill}"/>`;
      return over ? [first, `<path d="${data}" fill="${over}"/>`] : [first];
    }),
  );
  const dotted = w(LINES.dotted);
  group(
    'dotted',
    `fill="none" stroke="${DERIVED_OUTLINE}" stroke-width="${dotted}" stroke-dasharray="${dotted} ${dotted}"`,
    drawn.filter((u) => u.state.outline).map((u) => `<path d="${u.d}"/>`),
  );
  const emphasis = (code: UnitCode) => panel.emphasis?.get(code);
  group(
    'wash',
    `fill="${DIM_WASH}" fill-opacity="${WASH_OPACITY}"`,
    drawn.filter((u) => emphasis(u.code)?.muted || emphasis(u.code)?.unlit).map((u) => `<path d="${u.d}"/>`),
  );
  group(
    'unit-borders',
    `fill="none" stroke="${UNIT_BORDER}" stroke-width="${w(LINES.unit)}" stroke-linejoin="round"`,
    drawn.map((u) => `<path d="${u.d}"/>`),
  );
  group(
    'areas',
    `fill="none" stroke="${AREA_BORDER}" stroke-width="${w(LINES.area)}" stroke-linejoin="round"`,
    plain(shapes.areas),
  );
  group(
    'province',
    `fill="none" stroke="${PROVINCE_BORDER}" stroke-width="${w(LINES.province)}" stroke-linejoin="round"`,
    plain(shapes.province),
  );

  // Imported facts: a wide line with its middle masked out (the map's line-gap-width).
  const imported = drawn.filter((u) => emphasis(u.code)?.imported);
  if (imported.length > 0) {
    const line = widthAt(zoom, LINES.importedLine);
    const gap = widthAt(zoom, LINES.importedGap);
    const paths = imported.map((u) => `<path d="${u.d}"/>`).join('');
    defs.push(
      `<mask id="${id}-gap" maskUnits="userSpaceOnUse" x="${num(rect.x)}" y="${num(rect.y)}" width="${num(rect.width)}" height="${num(rect.height)}">` +
        `<rect x="${num(rect.x)}" y="${num(rect.y)}" width="${num(rect.width)}" height="${num(rect.height)}" fill="white"/>` +
        `<g fill="none" stroke="black" stroke-width="${num(gap)}" stroke-linejoin="round">${paths}</g></mask>`,
    );
    body.push(
      `<g id="${id}-imported" mask="url(#${id}-gap)" fill="none" stroke="${IMPORTED_OUTLINE}" stroke-width="${num(gap + 2 * line)}" stroke-linejoin="round">${paths}</g>`,
    );
  }
  group(
    'flow',
    `fill="none" stroke="${FLOW_OUTLINE}" stroke-width="${w(LINES.flow)}" stroke-linejoin="round"`,
    drawn.filter((u) => emphasis(u.code)?.flow).map((u) => `<path d="${u.d}"/>`),
  );
  const selected = new Set(panel.selected ?? []);
  const chosen = drawn.filter((u) => selected.has(u.code)).map((u) => `<path d="${u.d}"/>`);
  group(
    'selected-halo',
    `fill="none" stroke="${SELECTED_HALO}" stroke-width="${w(LINES.selectedHalo)}" stroke-linejoin="round"`,
    chosen,
  );
  group(
    'selected',
    `fill="none" stroke="${SELECTED_OUTLINE}" stroke-width="${w(LINES.selected)}" stroke-linejoin="round"`,
    chosen,
  );
  body.push('</g>');
  return { defs: defs.join(''), body: body.join('') };
}
