/**
 * Unit names on a figure's map: the names the figure is about (the selected, flow or highlighted
 * units) first, each at its label point or, when that spot is taken, at the nearest free one of
 * a few spots around it; then every other name that fits at its own label point without touching
 * one already placed (at province zoom few do, and the rest are left out rather than piled up).
 * Pure: text is measured through a callback.
 */
import type { FontSpec, Measure } from '../export-png-text';
import type { Box } from '../topology-paths';
import type { UnitCode } from '../types';
import { projectPoint, type Rect, type Transform } from './panel-geometry';

export interface LabelCandidate {
  code: UnitCode;
  text: string;
  /** The unit's label point [lng, lat] (geometry.labels: inside its polygon). */
  at: readonly [number, number];
  /** A name the figure is about (selected, flow, highlighted): placed even if it must move. */
  always: boolean;
}

export interface PlacedLabel {
  code: UnitCode;
  text: string;
  /** Centre of the text (figure px); the text is drawn centred on x with its baseline at `baseline`. */
  x: number;
  baseline: number;
  font: FontSpec;
  /** The text's box with its halo (figure px): no two boxes of placed labels overlap, see placeLabels. */
  box: Box;
  always: boolean;
  /** Drawn away from its label point (its spot was taken). */
  moved: boolean;
}

export const LABEL_FONTS: Record<'always' | 'fit', FontSpec> = {
  always: { size: 12, weight: 700 },
  fit: { size: 10.5, weight: 400 },
};

/** The white halo around a label's letters (figure px each side). */
export const LABEL_HALO = 2;
/** Labels keep this far (figure px) from the panel's edges. */
const EDGE = 2;

/** Spots tried for a name that must be shown, in label box units: the point, then around it. */
const AROUND: readonly (readonly [number, number])[] = [
  [0, 0],
  [0, -1],
  [0, 1],
  [0.6, 0],
  [-0.6, 0],
  [0.6, -1],
  [-0.6, -1],
  [0.6, 1],
  [-0.6, 1],
  [0, -2],
  [0, 2],
  [1.2, 0],
  [-1.2, 0],
  [1.2, -1],
  [-1.2, -1],
  [1.2, 1],
  [-1.2, 1],
];

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * Places the candidates' names in `rect`, no two overlapping: every `always` one whose point is
 * in the rect at the first free spot of AROUND, then each other one only at its own point and
 * only if its box is free. Candidates whose point is outside the rect are left out; `always`
 * ones with no free spot too (a crowd of chosen names at province zoom), and are listed in
 * `leftOut` so the figure can say so.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  transform: Transform,
  rect: Rect,
  measure: Measure,
): { placed: PlacedLabel[]; leftOut: UnitCode[] } {
  const placed: PlacedLabel[] = [];
  const leftOut: UnitCode[] = [];
  const inRect = (b: Box) =>
    b[0] >= rect.x + EDGE &&
    b[1] >= rect.y + EDGE &&
    b[2] <= rect.x + rect.width - EDGE &&
    b[3] <= rect.y + rect.height - EDGE;
  const free = (b: Box) => placed.every((p) => !overlaps(p.box, b));
  const ordered = [...candidates.filter((c) => c.always), ...candidates.filter((c) => !c.always)];
  for (const c of ordered) {
    const font = LABEL_FONTS[c.always ? 'always' : 'fit'];
    const p = projectPoint(transform, c.at);
    if (p.x < rect.x || p.x > rect.x + rect.width || p.y < rect.y || p.y > rect.y + rect.height) continue;
    const w = measure(c.text, font) + 2 * LABEL_HALO;
    const h = font.size * 1.2 + 2 * LABEL_HALO;
    const boxAt = ([ox, oy]: readonly [number, number]): Box => {
      const cx = p.x + ox * w;
      const cy = p.y + oy * h;
      return [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
    };
    const spots = c.always ? AROUND : AROUND.slice(0, 1);
    const spot = spots.find((s) => {
      const b = boxAt(s);
      return inRect(b) && free(b);
    });
    if (!spot) {
      if (c.always) leftOut.push(c.code);
      continue;
    }
    const box = boxAt(spot);
    const moved = spot !== AROUND[0];
    const cy = (box[1] + box[3]) / 2;
    placed.push({
      code: c.code,
      text: c.text,
      x: (box[0] + box[2]) / 2,
      // The middle of a Latin or CJK line sits about 0.35 em above its baseline.
      baseline: cy + font.size * 0.35,
      font,
      box,
      always: c.always,
      moved,
    });
  }
  return { placed, leftOut };
}
