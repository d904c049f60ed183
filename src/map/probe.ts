/**
 * A read-only window hook, `window.hebeiExplorer`, for the end-to-end tests (tests/e2e/*). It
 * exists because what they check is not in the DOM: which units are drawn with a flag
 * (selection, flow, dimming, imported) and where a unit's label point is on screen (to click or
 * hover it) only the renderer knows. Whichever renderer shows the map installs its own probe
 * (canvas/canvas-map.ts, gl/e2e-probe.ts); it reads the map and changes nothing.
 */
import type { UnitCode } from '../domain/types';

/** The flags a unit can be drawn with (hover and selected are on one unit at a time). */
export type UnitFlag = 'flow' | 'muted' | 'unlit' | 'selected' | 'imported';

export interface E2eProbe {
  /** Screen position (CSS pixels, relative to the map container) of a unit's label point. */
  labelPointOnScreen: (code: UnitCode, year: number) => { x: number; y: number } | null;
  /** Codes of the drawn units with the flag set (e.g. 'flow', 'muted'). */
  unitsFlagged: (flag: UnitFlag) => UnitCode[];
  /** Which renderer draws the map now. */
  renderer: '2d' | 'webgl';
}

declare global {
  interface Window {
    hebeiExplorer?: E2eProbe;
  }
}

/** Puts the probe on `target` (the window); returns a function that takes it off, if it is still this one. */
export function installE2eProbe(target: { hebeiExplorer?: E2eProbe }, probe: E2eProbe): () => void {
  target.hebeiExplorer = probe;
  return () => {
    if (target.hebeiExplorer === probe) delete target.hebeiExplorer;
  };
}
