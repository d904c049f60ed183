/**
 * The colours every view uses for tier states. Shared by the map (MapLibre paint) and the UI
 * (legend swatches), so one change recolours both.
 *
 * Tiers are ordered, so they use one hue ramp with clear lightness steps (ColorBrewer "Blues"
 * 9-class, steps 9, 7 and 4): lightness alone separates them for every kind of colour-vision
 * deficiency (checked with the Machado 2009 simulation for protan, deutan and tritan; see
 * tests/unit/palette.test.ts). Unknown is a grey hatch on an off-white ground: no tier is
 * hatched or grey, so it cannot be mistaken for one. Partly known units get stripes of the
 * tiers they may have.
 */
import type { Tier } from './types';

export const TIER_COLORS: Record<Tier, string> = {
  A: '#08306b',
  B: '#2171b5',
  C: '#9ecae1',
};

export const UNKNOWN_GROUND = '#f4f1ea';
export const UNKNOWN_STRIPE = '#9a948a';

/** Outline drawn around units whose tier is derived rather than stated. */
export const DERIVED_OUTLINE = '#e8a33d';

export const LAND_CONTEXT = '#dcdad5';
export const SEA = '#eef2f5';
export const UNIT_BORDER = '#ffffff';
export const AREA_BORDER = '#3a3a3a';

/**
 * Stripe colours for a state drawn as a hatch: unknown (thin grey lines on an off-white ground),
 * or a range of possible tiers (equal stripes of each).
 */
export function stripeColors(tiers: readonly Tier[] | null): string[] {
  if (tiers === null || tiers.length === 0) return [UNKNOWN_GROUND, UNKNOWN_GROUND, UNKNOWN_STRIPE];
  const colors = tiers.map((t) => TIER_COLORS[t]);
  // A single possible tier (a "held A from 2018 to 2023" statement) alternates with white,
  // so it still reads as "from a range statement", not as a stated tier.
  return colors.length === 1 ? [...colors, '#ffffff'] : colors;
}
