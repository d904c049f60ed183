/**
 * Swatches that look like the map: flat tier colours, the dotted outline of derived tiers, and
 * CSS stripes matching the map's hatch patterns (map/patterns.ts). One place for every legend,
 * strip, table cell and summary bar.
 */
import type { CSSProperties } from 'react';
import { DERIVED_OUTLINE, TIER_COLORS, stripeColors } from '../domain/palette';
import type { UnitState } from '../domain/unit-state';

export function stripes(colors: readonly string[]): CSSProperties {
  const step = 4;
  const stops = colors.map((c, i) => `${c} ${i * step}px ${(i + 1) * step}px`).join(', ');
  return { background: `repeating-linear-gradient(-45deg, ${stops})` };
}

/** A state's swatch; null draws "did not exist", which is neither a tier nor unknown. */
export function swatchStyle(state: UnitState | null): CSSProperties | undefined {
  if (state === null) return undefined;
  switch (state.kind) {
    case 'known':
      return state.fact.basis === 'derived'
        ? { background: TIER_COLORS[state.tier], outline: `2px dotted ${DERIVED_OUTLINE}`, outlineOffset: '-2px' }
        : { background: TIER_COLORS[state.tier] };
    case 'range':
      return stripes(stripeColors(state.tiers));
    case 'unknown':
      return stripes(stripeColors(null));
  }
}
