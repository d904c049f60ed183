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

/**
 * Double outline of units whose tier in the year is an imported fact (the user's, not the
 * project's). Magenta: apart from the blue tiers, the orange derived outline and the red selection.
 */
export const IMPORTED_OUTLINE = '#c51b7d';

export const WHITE = '#ffffff';

export const LAND_CONTEXT = '#dcdad5';
export const CONTEXT_BORDER = WHITE;
export const SEA = '#eef2f5';
export const UNIT_BORDER = WHITE;
export const AREA_BORDER = '#3a3a3a';
export const PROVINCE_BORDER = '#1d1d1d';
export const LABEL_TEXT = '#1d1d1d';

/** Washes out the units outside a highlighted legend entry, flow or area (at 0.72 opacity). */
export const DIM_WASH = WHITE;

/** Outlines that follow the panels and the pointer: the chosen flow, hover, selection and its halo. */
export const FLOW_OUTLINE = '#3f007d';
export const HOVER_OUTLINE = '#111111';
export const SELECTED_OUTLINE = '#d7301f';
export const SELECTED_HALO = WHITE;

/** The PNG export: page, text, muted text, rules and the frame of each legend swatch. */
export const EXPORT_PAGE = WHITE;
export const EXPORT_INK = '#1d1d1d';
export const EXPORT_MUTED = '#5b5b5b';
export const EXPORT_RULE = '#d9d6cf';
export const EXPORT_SWATCH_FRAME = '#8c8c8c';

/**
 * Stripe colours for a state drawn as a hatch: unknown (thin grey lines on an off-white ground),
 * or a range of possible tiers (equal stripes of each).
 */
export function stripeColors(tiers: readonly Tier[] | null): string[] {
  if (tiers === null || tiers.length === 0) return [UNKNOWN_GROUND, UNKNOWN_GROUND, UNKNOWN_STRIPE];
  const colors = tiers.map((t) => TIER_COLORS[t]);
  // A single possible tier (a "held A from 2018 to 2023" statement) alternates with white,
  // so it still reads as "from a range statement", not as a stated tier.
  return colors.length === 1 ? [...colors, WHITE] : colors;
}

/**
 * Change mode: a diverging purple–orange ramp for the moves (ColorBrewer PuOr, CVD-safe) and a dark
 * teal for "same tier" (ColorBrewer BrBG's end): a hue of its own, darker than every hatch, so it
 * never reads as the grey of "not comparable" nor as a move. Every unit with an unknown end (in the
 * base year, the selected year or both) gets one look, the unknown hatch; the legend and the table
 * say which end in words. tests/unit/palette-cvd.test.ts checks every pair of these colours under
 * simulated protanopia, deuteranopia and tritanopia.
 */
export const CHANGE_COLORS = {
  up2: '#5e3c99',
  up1: '#b2abd2',
  same: '#01665e',
  down1: '#fdb863',
  down2: '#e66101',
} as const;

/**
 * Trajectory mode, first year in A: a sequential green ramp, darkest for the earliest (after
 * ColorBrewer Greens, lightness-ordered so it survives every CVD; 2022 is a little darker than
 * Greens' step so that it stays 10 ΔE00 from 2023 for protanopes), a neutral grey for "never A in
 * a known year", and the unknown hatch where no year is known.
 */
export const TRAJECTORY_COLORS = {
  2019: '#00441b',
  2020: '#1d7a3a',
  2021: '#4aa35a',
  2022: '#86c77e',
  2023: '#c6e6b8',
  never: '#6b6b6b',
} as const;

/**
 * "A in that year, but an earlier year is unknown" (A may have come earlier): the year's green
 * crossed by the unknown hatch's grey lines, running the other way ("\") from the unknown hatch,
 * so it reads as "this year's colour, partly unknown" and never as a certain first year.
 */
export function trajectoryOpenStripes(year: keyof typeof TRAJECTORY_COLORS): string[] {
  const green = TRAJECTORY_COLORS[year];
  return [green, green, UNKNOWN_STRIPE];
}
