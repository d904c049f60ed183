/**
 * Every colour the explorer draws with: the tier states and their outlines (map paint, legend
 * swatches, exports) and, in `UI`, the page's own colours (text, lines, frames, surfaces, focus,
 * links, notices, shadows). The stylesheets read these as CSS custom properties that
 * src/domain/palette-css.ts generates from this module (`virtual:palette.css`), so no colour is
 * written anywhere else.
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

const ORANGE = '#b35900';

/**
 * The page's colours. Each key is also a CSS custom property of the same name in kebab case
 * (`ink` → `--ink`, `infoWash` → `--info-wash`): see src/domain/palette-css.ts.
 */
export const UI = {
  // Text.
  ink: '#1d1d1d',
  muted: '#5b5b5b',
  /** The report card's secondary text. */
  reportMuted: '#4f4f4f',
  /** The 2D map's zoom buttons. */
  controlInk: '#333333',

  // Surfaces.
  page: '#f7f6f3',
  panel: WHITE,
  tooltip: 'rgba(255, 255, 255, 0.97)',
  /** Behind a modal dialog. */
  backdrop: 'rgb(20 20 20 / 45%)',
  /** Behind the figure dialog's preview. */
  previewGround: '#f4f3ef',
  /** Behind the report card's sheet on screen. */
  reportViewport: '#8d8a84',
  /** The transition view's list of flows. */
  flowListGround: '#faf9f6',
  /** The import dialog's chosen side of a conflict. */
  chosenGround: UNKNOWN_GROUND,

  // Lines and frames.
  line: '#d9d6cf',
  /** Borders of controls, swatches and bars; the slider's track. */
  frame: '#8c8c8c',
  /** Rules between table rows. */
  ruleSoft: '#ebe8e1',
  /** Rules under table headings and around official totals. */
  ruleStrong: '#c4c0b8',
  reportLine: '#cfccc4',
  reportSwatchFrame: '#555555',
  reportSwatchNone: '#777777',
  /** Between the 2D map's zoom buttons. */
  zoomDivider: '#dddddd',

  // Hover and current marks.
  buttonHover: '#eeece7',
  /** Hover on the details panel's buttons. */
  detailsHover: '#f0eee9',
  /** Hover on the details panel's lists of units. */
  listHover: '#f5f3ee',
  /** Hover on the transition view's flows. */
  flowHover: '#efece5',
  /** A focused legend entry, the details' current year, a hovered search option. */
  softHighlight: '#f1efe9',
  tableHead: '#f3f1ec',
  tableHeadCurrent: '#e3ddd0',
  tableHeadHover: '#e8e4da',
  tableColumnCurrent: '#faf8f3',
  /** The selected row's cell in the current year's column. */
  tableSelectedCurrent: '#f9ead6',

  // Focus, selection and warnings.
  focus: ORANGE,
  warning: ORANGE,
  warningText: '#8a3b00',
  /** Warning notices, the table's selected row. */
  warningWash: '#fdf3e6',
  /** The import dialog's warnings. */
  importWarningWash: '#fff4e5',
  searchSelected: '#fbeee0',
  /** The matched part of a search option. */
  searchMark: '#ffe08a',
  /** The report card's note on changed boundaries. */
  boundaryNote: '#8a6d00',
  boundaryNoteWash: '#fbf6e6',

  // Information, in blue.
  /** The slider, the current year's marks, filter lines, the import status. */
  accent: TIER_COLORS.B,
  info: '#2f6db3',
  infoWash: '#eef3fa',
  /** The track of the import dialog's spinner. */
  infoTrack: '#9fb8d8',
  /** The import dialog's status. */
  statusWash: '#eef4fa',
  /** The transition matrix's cells with known units. */
  matrixKnown: '#eaf1f8',

  // Links.
  link: '#0b5cad',
  embedLink: '#0b5394',
  noticeLink: '#1a4f8a',
  noticeLinkHover: '#0d3563',
  tableLink: '#1a4f8b',
  areaLink: '#174f85',
  areaLinkUnderline: '#9ab8d6',
  reportLink: '#2a4d7a',

  // Success and errors.
  success: '#1f6e3a',
  error: '#b30000',
  errorWash: '#fdecea',

  // Imported data (the outline is IMPORTED_OUTLINE).
  importedText: '#8e0152',
  importedWash: '#fde0ef',
  importedBannerWash: '#fdf1f7',

  /** The transition matrix's hatch for unknown cells. */
  matrixUnknownGround: '#fbfaf7',
  matrixUnknownStripe: '#f0ede6',

  // Black at an opacity: shadows, hover tints, the table's swatch frames.
  shade5: 'rgb(0 0 0 / 5%)',
  shade7: 'rgba(0, 0, 0, 0.07)',
  shade10: 'rgb(0 0 0 / 10%)',
  shade12: 'rgb(0 0 0 / 12%)',
  shade16: 'rgb(0 0 0 / 16%)',
  shade18: 'rgb(0 0 0 / 18%)',
  shade20: 'rgba(0, 0, 0, 0.2)',
  shade25: 'rgb(0 0 0 / 25%)',
  shade30: 'rgb(0 0 0 / 30%)',
  shade35: 'rgb(0 0 0 / 35%)',
  /** The opaque end of a mask-image gradient. */
  maskOpaque: '#000000',
} as const;

export const LAND_CONTEXT = '#dcdad5';
export const CONTEXT_BORDER = WHITE;
export const SEA = '#eef2f5';
export const UNIT_BORDER = WHITE;
export const AREA_BORDER = '#3a3a3a';
export const PROVINCE_BORDER = UI.ink;
export const LABEL_TEXT = UI.ink;
/** The halo around the map's labels (MapLibre and the 2D map). */
export const LABEL_HALO = 'rgba(255,255,255,0.9)';

/** Washes out the units outside a highlighted legend entry, flow or area (at 0.72 opacity). */
export const DIM_WASH = WHITE;

/** Outlines that follow the panels and the pointer: the chosen flow, hover, selection and its halo. */
export const FLOW_OUTLINE = '#3f007d';
export const HOVER_OUTLINE = '#111111';
export const SELECTED_OUTLINE = '#d7301f';
export const SELECTED_HALO = WHITE;

/** The PNG export: page, text, muted text, rules and the frame of each legend swatch. */
export const EXPORT_PAGE = WHITE;
export const EXPORT_INK = UI.ink;
export const EXPORT_MUTED = UI.muted;
export const EXPORT_RULE = UI.line;
export const EXPORT_SWATCH_FRAME = UI.frame;

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
