/**
 * User Timing marks the map leaves for the bench and the end-to-end tests (no hook into the map
 * is needed to tell when it has drawn something). The year marks are `year-rendered:<year>` and
 * `choropleth-ready`; the fader's are in year-fade.ts.
 */

/** The map has drawn a change of mode, base year or facts: the units laid out again are idle. */
export const UNITS_REDRAWN_MARK = 'units-redrawn';
