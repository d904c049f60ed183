/**
 * What a view of the map is, apart from the year: the camera, the map mode and a chosen
 * transition. Plain types shared by the store, the URL codec and the features.
 */
import type { TransitionCategory } from './transitions';

/** The camera: centre and zoom, as the URL's `view` key carries it. */
export interface View {
  lng: number;
  lat: number;
  zoom: number;
}

/**
 * Map modes: the tier in a year; the change from a base year to the selected year; a unit's
 * trajectory up to the selected year (first year in A, years in its current tier, changes).
 */
export const MODES = ['tier', 'change', 'trajectory'] as const;
export type Mode = (typeof MODES)[number];

/** A cell of the transition matrix or a flow of the Sankey: units that went from one category to another. */
export interface Flow {
  from: TransitionCategory;
  to: TransitionCategory;
}
