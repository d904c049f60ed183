/**
 * One frame of the 2D map, drawn on a canvas in the order and with the looks of the MapLibre
 * style (gl/map-style.ts): sea, context, the year's fills and hatches (DRAW_LOOKS of
 * domain/legend-model.ts), dotted outlines, the wash over muted or unlit units, unit, area and
 * province borders, then imported, flow, hover and selection outlines, and names at zooms where
 * they fit. Outline colours and the wash are the legend model's outlineLook and washLook. Line
 * widths follow the style's zoom ramps.
 */
import { lookOf, outlineLook, washLook, type Look } from '../../domain/legend-model';
import type { DrawState } from '../../domain/map-keys';
import { LINES, widthAt } from '../../domain/map-lines';
import { worldBoxOfView } from '../../domain/mercator';
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
import type { Lang } from '../../domain/lang';
import { vintageOf, type UnitCode, type Year } from '../../domain/types';
import type { Emphasis } from '../../store/selectors';
import { mercatorX, mercatorY, TILE_SIZE, type Camera, type Size } from '../framing';
import { stripePattern } from '../patterns';
import type { Box, Shape, Shapes } from './shapes';

export interface Frame {
  camera: Camera;
  size: Size;
  /** Device pixels per CSS pixel. */
  dpr: number;
  year: Year;
  /** What each unit of the year is drawn as (its draw key and dotted outline). */
  draw: ReadonlyMap<UnitCode, DrawState>;
  emphasis: ReadonlyMap<UnitCode, Emphasis>;
  selected: UnitCode | null;
  hovered: UnitCode | null;
  lang: Lang;
}

/** Labels appear from this zoom (the style's label layer minzoom). */
export const LABEL_MIN_ZOOM = 7;
const LABEL_FONT =
  "'Noto Sans', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";

/** The canvas transform of a camera: world pixels of zoom 0 → device pixels. */
export function worldTransform(camera: Camera, size: Size, dpr: number): DOMMatrix2DInit {
  const k = 2 ** camera.zoom;
  const cx = mercatorX(camera.lng) * TILE_SIZE * k;
  const cy = mercatorY(camera.lat) * TILE_SIZE * k;
  return { a: k * dpr, b: 0, c: 0, d: k * dpr, e: (size.width / 2 - cx) * dpr, f: (size.height / 2 - cy) * dpr };
}

const overlaps = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Hatch patterns, one per striped look, made once per canvas context. */
const patterns = new WeakMap<CanvasRenderingContext2D, Map<Look, CanvasPattern>>();

function patternFor(
  ctx: CanvasRenderingContext2D,
  look: Extract<Look, { stripes: readonly string[] }>,
): CanvasPattern | null {
  let byLook = patterns.get(ctx);
  if (!byLook) {
    byLook = new Map();
    patterns.set(ctx, byLook);
  }
  const found = byLook.get(look);
  if (found) return found;
  // The map's own hatch image (patterns.ts), drawn at 2 image pixels per CSS pixel like MapLibre's.
  const image = stripePattern(look.stripes, 4, look.direction);
  const tile = document.createElement('canvas');
  tile.width = image.width;
  tile.height = image.height;
  tile
    .getContext('2d')
    ?.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0);
  const pattern = ctx.createPattern(tile, 'repeat');
  if (pattern) byLook.set(look, pattern);
  return pattern;
}

/**
 * Draws one frame. `layer` is a second canvas of the same size, for the imported double line
 * (an outline with its middle cut out, which needs a layer of its own to cut from).
 */
export function drawFrame(ctx: CanvasRenderingContext2D, shapes: Shapes, frame: Frame, layer: HTMLCanvasElement): void {
  const { camera, size, dpr } = frame;
  const k = 2 ** camera.zoom;
  const px = (n: number) => n / k;
  // The part of the world in view, to skip shapes outside it.
  const view = worldBoxOfView(camera, size);
  const units = shapes.units[vintageOf(frame.year)];
  const drawn: [UnitCode, Shape, DrawState][] = [];
  for (const [code, state] of frame.draw) {
    const shape = units.get(code);
    if (shape && overlaps(shape.box, view)) drawn.push([code, shape, state]);
  }

  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = SEA;
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(worldTransform(camera, size, dpr));
  ctx.lineJoin = 'round';
  ctx.lineCap = 'butt';
  ctx.setLineDash([]);

  const strokeAll = (list: readonly Shape[], color: string, width: number) => {
    ctx.strokeStyle = color;
    ctx.lineWidth = px(width);
    for (const s of list) if (overlaps(s.box, view)) ctx.stroke(s.path);
  };

  // Context: neighbouring land, white borders.
  ctx.fillStyle = LAND_CONTEXT;
  for (const s of shapes.context) if (overlaps(s.box, view)) ctx.fill(s.path);
  strokeAll(shapes.context, CONTEXT_BORDER, LINES.context);

  // The year's units: flat fills, hatches (anchored to the world). MapLibre draws a pattern at
  // 2 image pixels per CSS pixel at whole zooms and scales it with the zoom's fraction (it is laid
  // out on the tiles of the zoom below): the same here, so the hand-over shows the same stripes.
  const patternScale = 2 ** (camera.zoom - Math.floor(camera.zoom)) / (2 * k);
  for (const [, shape, state] of drawn) {
    const look = lookOf(state.key);
    if ('fill' in look) ctx.fillStyle = look.fill;
    else {
      const pattern = patternFor(ctx, look);
      if (!pattern) continue;
      pattern.setTransform({ a: patternScale, b: 0, c: 0, d: patternScale, e: 0, f: 0 });
      ctx.fillStyle = pattern;
    }
    ctx.fill(shape.path);
  }
  // Dotted outlines: derived tiers; in trajectory mode "A may have come earlier".
  const dotted = widthAt(camera.zoom, LINES.dotted);
  ctx.strokeStyle = outlineLook('derived').color;
  ctx.lineWidth = px(dotted);
  ctx.setLineDash([px(dotted), px(dotted)]);
  for (const [, shape, state] of drawn) if (state.outline) ctx.stroke(shape.path);
  ctx.setLineDash([]);

  // Washed out: outside the flow, the area or the legend entry under the pointer.
  const wash = washLook();
  ctx.fillStyle = wash.fill;
  ctx.globalAlpha = wash.opacity;
  for (const [code, shape] of drawn) {
    const e = frame.emphasis.get(code);
    if (e && (e.muted || e.unlit)) ctx.fill(shape.path);
  }
  ctx.globalAlpha = 1;

  strokeAll(
    drawn.map(([, shape]) => shape),
    UNIT_BORDER,
    widthAt(camera.zoom, LINES.unit),
  );
  strokeAll(shapes.areas, AREA_BORDER, widthAt(camera.zoom, LINES.area));
  strokeAll(shapes.province, PROVINCE_BORDER, widthAt(camera.zoom, LINES.province));

  const imported = drawn.filter(([code]) => frame.emphasis.get(code)?.imported === true).map(([, s]) => s);
  if (imported.length > 0) drawDoubleLine(ctx, layer, frame, imported);
  strokeAll(
    drawn.filter(([code]) => frame.emphasis.get(code)?.flow === true).map(([, s]) => s),
    outlineLook('flow').color,
    LINES.flow,
  );
  const hovered = frame.hovered === null ? undefined : units.get(frame.hovered);
  if (hovered && frame.draw.has(frame.hovered ?? '')) {
    ctx.lineJoin = 'miter';
    strokeAll([hovered], outlineLook('hover').color, LINES.hover);
    ctx.lineJoin = 'round';
  }
  const selected = frame.selected === null ? undefined : units.get(frame.selected);
  if (selected && frame.draw.has(frame.selected ?? '')) {
    strokeAll([selected], outlineLook('selected-halo').color, LINES.selectedHalo);
    strokeAll([selected], outlineLook('selected').color, LINES.selected);
  }
  if (camera.zoom >= LABEL_MIN_ZOOM) drawLabels(ctx, shapes, frame);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}

/** Imported facts: two thin lines with a gap, like the style's line-gap-width. */
function drawDoubleLine(ctx: CanvasRenderingContext2D, layer: HTMLCanvasElement, frame: Frame, shapes: Shape[]) {
  const { camera, size, dpr } = frame;
  const k = 2 ** camera.zoom;
  const line = widthAt(camera.zoom, LINES.importedLine);
  const gap = widthAt(camera.zoom, LINES.importedGap);
  if (layer.width !== ctx.canvas.width || layer.height !== ctx.canvas.height) {
    layer.width = ctx.canvas.width;
    layer.height = ctx.canvas.height;
  }
  const l = layer.getContext('2d');
  if (!l) return;
  l.setTransform(1, 0, 0, 1, 0, 0);
  l.clearRect(0, 0, layer.width, layer.height);
  l.setTransform(worldTransform(camera, size, dpr));
  l.lineJoin = 'round';
  l.strokeStyle = outlineLook('imported').color;
  l.lineWidth = (gap + 2 * line) / k;
  for (const s of shapes) l.stroke(s.path);
  l.globalCompositeOperation = 'destination-out';
  l.lineWidth = gap / k;
  for (const s of shapes) l.stroke(s.path);
  l.globalCompositeOperation = 'source-over';
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(layer, 0, 0);
  ctx.setTransform(worldTransform(camera, size, dpr));
}

/** Names of the year's units, larger as the zoom grows, skipped where they would overlap. */
function drawLabels(ctx: CanvasRenderingContext2D, shapes: Shapes, frame: Frame) {
  const { camera, size, dpr } = frame;
  const k = 2 ** camera.zoom;
  const cx = mercatorX(camera.lng) * TILE_SIZE * k - size.width / 2;
  const cy = mercatorY(camera.lat) * TILE_SIZE * k - size.height / 2;
  const fontSize = 11 + ((15 - 11) * (Math.min(camera.zoom, 10) - LABEL_MIN_ZOOM)) / 3;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.font = `${fontSize.toFixed(1)}px ${LABEL_FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 2.8;
  ctx.strokeStyle = LABEL_HALO;
  ctx.fillStyle = LABEL_TEXT;
  const placed: Box[] = [];
  for (const label of shapes.labels[vintageOf(frame.year)]) {
    if (!frame.draw.has(label.code)) continue;
    const x = label.x * k - cx;
    const y = label.y * k - cy;
    if (x < 0 || y < 0 || x > size.width || y > size.height) continue;
    const text = frame.lang === 'zh' ? label.zh : label.en;
    const half = ctx.measureText(text).width / 2 + 3;
    const box: Box = [x - half, y - fontSize / 2 - 3, x + half, y + fontSize / 2 + 3];
    if (placed.some((b) => overlaps(b, box))) continue;
    placed.push(box);
    ctx.strokeText(text, x, y);
    ctx.fillText(text, x, y);
  }
}
