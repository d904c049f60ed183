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
import { outlineLook, washLook, lookOf, type Look } from '../legend-model';
import type { MapGeometry } from '../geometry';
import type { DrawState } from '../map-keys';
import { LINES, widthAt, type ZoomWidth } from '../map-lines';
import { AREA_BORDER, CONTEXT_BORDER, LAND_CONTEXT, PROVINCE_BORDER, SEA, UNIT_BORDER } from '../palette';
import { tracePolygons, type ArcPolygons, type Box } from '../topology-paths';
import { vintageOf, type UnitCode, type Year } from '../types';
import { NO_PATH, worldShapes, zoomOf, type Rect, type Transform } from './panel-geometry';
import { escapeXml, num, stripeDefs } from './svg-text';

export {
  fitTransform,
  projectPoint,
  unitsBox,
  viewTransform,
  zoomOf,
  type Rect,
  type Transform,
} from './panel-geometry';
export { escapeXml, num, stripeDefs } from './svg-text';

/**
 * How a drawn unit stands out or is washed out: one type for every renderer (this SVG panel, the
 * canvas and MapLibre maps through the store's selectEmphasis).
 */
export interface Emphasis {
  /** In the chosen flow: outlined. */
  flow: boolean;
  /** Outside the chosen flow or area: washed out. */
  muted: boolean;
  /** Outside the legend entry under the pointer: washed out. */
  unlit: boolean;
  /** Its fact of the year is imported: the double outline. */
  imported: boolean;
}

export interface MapPanel {
  geometry: MapGeometry;
  year: Year;
  /** What each unit of the year is drawn as; units not in it are not drawn. */
  draw: ReadonlyMap<UnitCode, DrawState>;
  emphasis?: ReadonlyMap<UnitCode, Emphasis>;
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
    `fill="none" stroke="${outlineLook('derived').color}" stroke-width="${dotted}" stroke-dasharray="${dotted} ${dotted}"`,
    drawn.filter((u) => u.state.outline).map((u) => `<path d="${u.d}"/>`),
  );
  const emphasis = (code: UnitCode) => panel.emphasis?.get(code);
  group(
    'wash',
    `fill="${washLook().fill}" fill-opacity="${washLook().opacity}"`,
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
      `<g id="${id}-imported" mask="url(#${id}-gap)" fill="none" stroke="${outlineLook('imported').color}" stroke-width="${num(gap + 2 * line)}" stroke-linejoin="round">${paths}</g>`,
    );
  }
  group(
    'flow',
    `fill="none" stroke="${outlineLook('flow').color}" stroke-width="${w(LINES.flow)}" stroke-linejoin="round"`,
    drawn.filter((u) => emphasis(u.code)?.flow).map((u) => `<path d="${u.d}"/>`),
  );
  const selected = new Set(panel.selected ?? []);
  const chosen = drawn.filter((u) => selected.has(u.code)).map((u) => `<path d="${u.d}"/>`);
  group(
    'selected-halo',
    `fill="none" stroke="${outlineLook('selected-halo').color}" stroke-width="${w(LINES.selectedHalo)}" stroke-linejoin="round"`,
    chosen,
  );
  group(
    'selected',
    `fill="none" stroke="${outlineLook('selected').color}" stroke-width="${w(LINES.selected)}" stroke-linejoin="round"`,
    chosen,
  );
  body.push('</g>');
  return { defs: defs.join(''), body: body.join('') };
}
