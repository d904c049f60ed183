/**
 * The outlines and the wash drawn over the units' looks, one look per drawn state or flag:
 * colour, line width class (a key of LINES in domain/map-lines.ts) and dash. The maps
 * (map/gl/map-style.ts, map/canvas/draw.ts), the figures (domain/figure/) and the swatches
 * (components/swatch-style.ts) take their outline colours from outlineLook, and the legend
 * model gives each entry the look of its outline.
 */
import { WASH_OPACITY } from './map-lines';
import {
  DERIVED_OUTLINE,
  DIM_WASH,
  FLOW_OUTLINE,
  HOVER_OUTLINE,
  IMPORTED_OUTLINE,
  SELECTED_HALO,
  SELECTED_OUTLINE,
} from './palette';

/**
 * The outline a legend swatch carries over its look: the dotted one of derived tiers, the
 * imported double line, the chosen flow's line, the selection's line, or the wash of faded units.
 */
export type Outline = 'none' | 'dotted' | 'imported-double' | 'flow' | 'selected' | 'faded';

/** A state or flag the maps outline: derived tiers, imported facts, the flow, hover, the selection and its halo. */
export type OutlineState = 'derived' | 'imported' | 'flow' | 'hover' | 'selected-halo' | 'selected';

/** The line width class of an outline: a key of LINES (domain/map-lines.ts). */
export type OutlineWidth = 'dotted' | 'importedLine' | 'flow' | 'hover' | 'selectedHalo' | 'selected';

export interface OutlineLook {
  color: string;
  width: OutlineWidth;
  /** `double`: two lines of the width with LINES.importedGap between them. */
  dash: 'solid' | 'dotted' | 'double';
}

const OUTLINE_LOOKS: Record<OutlineState, OutlineLook> = {
  derived: { color: DERIVED_OUTLINE, width: 'dotted', dash: 'dotted' },
  imported: { color: IMPORTED_OUTLINE, width: 'importedLine', dash: 'double' },
  flow: { color: FLOW_OUTLINE, width: 'flow', dash: 'solid' },
  hover: { color: HOVER_OUTLINE, width: 'hover', dash: 'solid' },
  'selected-halo': { color: SELECTED_HALO, width: 'selectedHalo', dash: 'solid' },
  selected: { color: SELECTED_OUTLINE, width: 'selected', dash: 'solid' },
};

/** The outline look of a drawn state or flag. */
export function outlineLook(state: OutlineState): OutlineLook {
  return OUTLINE_LOOKS[state];
}

/** The wash over faded units (muted or unlit): a flat fill at an opacity. */
export interface WashLook {
  fill: string;
  opacity: number;
}

const WASH: WashLook = { fill: DIM_WASH, opacity: WASH_OPACITY };

/** The wash over faded units. */
export function washLook(): WashLook {
  return WASH;
}

const OUTLINE_STATES: Record<Outline, OutlineState | null> = {
  none: null,
  dotted: 'derived',
  'imported-double': 'imported',
  flow: 'flow',
  selected: 'selected',
  faded: null,
};

/** The outline look a swatch's outline draws; null for none and for the faded wash. */
export function swatchOutlineLook(outline: Outline): OutlineLook | null {
  const state = OUTLINE_STATES[outline];
  return state === null ? null : outlineLook(state);
}
