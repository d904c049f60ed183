/**
 * Swatches as CSS: the looks of domain/legend-model.ts (flat colours, or stripes in the map's
 * order and direction) with the outline of their entry, its colour from the legend model's
 * outline looks. Used by the legends, strips, table cells and summary bars.
 */
import type { CSSProperties } from 'react';
import {
  hatchInk,
  segmentLook,
  stateLook,
  stateOutline,
  swatchOutlineLook,
  washLook,
  type Look,
  type Outline,
} from '../domain/legend-model';
import type { UnitState } from '../domain/unit-state';

/** Equal 4 px stripes of the colours at -45°. */
export function stripes(colors: readonly string[]): CSSProperties {
  const step = 4;
  const stops = colors.map((c, i) => `${c} ${i * step}px ${(i + 1) * step}px`).join(', ');
  return { background: `repeating-linear-gradient(-45deg, ${stops})` };
}

/**
 * A hatch drawn as thin lines (2 px of the last colour every 7 px, on the first) in the look's
 * direction, crossed for `cross`: how the change and trajectory legends draw their hatches,
 * which need a direction that `stripes` does not give.
 */
export function hatchLines(look: Extract<Look, { stripes: readonly string[] }>): CSSProperties {
  const { ground, ink } = hatchInk(look);
  const line = (angle: number) => `repeating-linear-gradient(${angle}deg, ${ground} 0 5px, ${ink} 5px 7px)`;
  return {
    background: look.direction === 'cross' ? `${line(45)}, ${line(-45)}` : line(look.direction === 'up' ? -45 : 45),
  };
}

/** A CSS outline of `px` in the colour of the swatch outline's look, inside the swatch. */
function cssOutline(outline: Outline, px: number, style: 'solid' | 'dotted' | 'double'): CSSProperties {
  return { outline: `${px}px ${style} ${swatchOutlineLook(outline)?.color ?? ''}`, outlineOffset: `-${px}px` };
}

const OUTLINES: Record<Outline, CSSProperties> = {
  none: {},
  dotted: cssOutline('dotted', 2, 'dotted'),
  'imported-double': cssOutline('imported-double', 3, 'double'),
  flow: cssOutline('flow', 2, 'solid'),
  selected: cssOutline('selected', 3, 'solid'),
  // The look at the opacity that the wash leaves of it.
  faded: { opacity: 1 - washLook().opacity },
};

/**
 * The swatch of a look with an outline. Hatches are equal stripes, or thin directed lines with
 * `hatch: 'lines'` (the change and trajectory legends).
 */
export function lookStyle(
  look: Look,
  outline: Outline = 'none',
  hatch: 'stripes' | 'lines' = 'stripes',
): CSSProperties {
  const ground =
    'fill' in look ? { background: look.fill } : hatch === 'lines' ? hatchLines(look) : stripes(look.stripes);
  return { ...ground, ...OUTLINES[outline] };
}

/** A summary bar segment's swatch (segmentLook: partly known as the B-or-C stripes). */
export function segmentStyle(key: Parameters<typeof segmentLook>[0]): CSSProperties {
  return lookStyle(segmentLook(key));
}

/** A state's swatch; null draws "did not exist", which is neither a tier nor unknown. */
export function swatchStyle(state: UnitState | null): CSSProperties | undefined {
  if (state === null) return undefined;
  return lookStyle(stateLook(state), stateOutline(state));
}
