import { useDeferredValue } from 'react';
import { useAppStore } from '../store/use-app-store';

/**
 * The selected year for the panels below the legend (the transition view, the table of areas),
 * deferred: on a year step React first renders what must follow at once (timeline, legend) and
 * lets the browser draw the map's new year, then renders these panels in the background. At
 * all-China scale the table of 368 areas alone took ~35 ms, which every step waited for.
 */
export function usePanelYear(): number {
  return useDeferredValue(useAppStore((s) => s.year));
}
