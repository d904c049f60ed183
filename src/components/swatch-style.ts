/**
 * Swatches that look like the map: the looks of domain/legend-model.ts (flat colours, stripes
 * matching the map's hatch patterns in map/patterns.ts) with the outline of their entry. One
 * place for every legend, strip, table cell and summary bar.
 */
import type { CSSProperties } from 'react';
import { stateLook, stateOutline, type Look, type Outline } from '../domain/legend-model';
import { DERIVED_OUTLINE, IMPORTED_OUTLINE } from '../domain/palette';
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
  const ground = look.stripes[0] ?? '';
  const ink = look.stripes[look.stripes.length - 1] ?? '';
  const line = (angle: number) => `repeating-linear-gradient(${angle}deg, ${ground} 0 5px, ${ink} 5px 7px)`;
  return {
    background: look.direction === 'cross' ? `${line(45)}, ${line(-45)}` : line(look.direction === 'up' ? -45 : 45),
  };
}

const OUTLINES: Record<Outline, CSSProperties> = {
  none: {},
  dotted: { outline: `2px dotted ${DERIVED_OUTLINE}`, outlineOffset: '-2px' },
  'imported-double': { outline: `3px double ${IMPORTED_OUTLINE}`, outlineOffset: '-3px' },
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

/** A state's swatch; null draws "did not exist", which is neither a tier nor unknown. */
export function swatchStyle(state: UnitState | null): CSSProperties | undefined {
  if (state === null) return undefined;
  return lookStyle(stateLook(state), stateOutline(state));
}
