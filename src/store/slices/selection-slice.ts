/**
 * Selection slice: the selected unit, the unit under the pointer, and the highlighted legend
 * entry. Selecting with `fly` also writes the view slice's `flyTo`. Other slices write
 * `selected` too: a year change carries it into that year (view-slice.ts, movedToYear) and
 * loading the data resolves a code from a link (data-imports-slice.ts, dataReady).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { UnitCode } from '../../domain/types';
import type { LegendKey } from '../../domain/unit-state';
import type { AppState, InitialState } from '../store';

export interface SelectionSlice {
  /** Selected unit (a code valid in `year` where the unit has a counterpart there). */
  selected: UnitCode | null;
  hovered: UnitCode | null;
  /** Where the pointer is over the hovered unit (CSS pixels in the map), for the tooltip. */
  pointer: { x: number; y: number } | null;
  /**
   * Legend entry under the pointer or focus: its units are highlighted on the map. 'imported'
   * is the legend's entry for imported facts, which is a mark on top of a state, not a state.
   */
  highlight: LegendKey | 'imported' | null;

  select: (code: UnitCode | null, options?: { fly?: boolean }) => void;
  hover: (code: UnitCode | null, pointer?: { x: number; y: number } | null) => void;
  setHighlight: (key: SelectionSlice['highlight']) => void;
}

export function createSelectionSlice(
  initial: InitialState = {},
): StateCreator<AppState, [['zustand/subscribeWithSelector', never]], [], SelectionSlice> {
  return (set, get) => {
    // Counts fly requests in this store, so a second request for the same unit is a new object.
    let flySeq = 0;
    return {
      selected: initial.selected ?? null,
      hovered: null,
      pointer: null,
      highlight: null,

      select: (code, options = {}) => {
        const flyTo = code !== null && options.fly ? { code, seq: (flySeq += 1) } : get().flyTo;
        set({ selected: code, flyTo });
      },
      hover: (code, pointer = null) => set({ hovered: code, pointer: code === null ? null : pointer }),
      setHighlight: (highlight) => {
        if (highlight !== get().highlight) set({ highlight });
      },
    };
  };
}
