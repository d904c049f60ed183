/** What the map shows (tier, change, first year in A) and the legend of each, with counts. */
export { Legend } from './legend';
export { ModeLegend } from './mode-legend';
export { ModeSwitch } from './mode-switch';
export { useLegendEntries } from './legend-entry';
