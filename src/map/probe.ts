/**
 * The map's read-only probe: which units are drawn with a flag (selection, flow, dimming,
 * imported) and where a unit's label point is on screen, which only the renderer knows. Each
 * renderer builds its own (canvas/canvas-probe.ts, gl/e2e-probe.ts); map-view.tsx makes the one
 * of the renderer shown the current probe (`mapProbe`). The probe reads the map and changes nothing.
 *
 * Under automation only (`navigator.webdriver`, true in a browser driven by WebDriver or
 * Playwright), the entry (main.tsx) puts `window.hebeiExplorer`, which reads the current probe,
 * on the page for the end-to-end tests (tests/e2e/*). Elsewhere the window has no such property.
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

/** Holds the probe of the renderer shown now. */
export interface ProbeSlot {
  current: () => E2eProbe | null;
  /** Makes `probe` the current one; returns a function that clears it, if it is still current. */
  show: (probe: E2eProbe) => () => void;
}

export function createProbeSlot(): ProbeSlot {
  let current: E2eProbe | null = null;
  return {
    current: () => current,
    show: (probe) => {
      current = probe;
      return () => {
        if (current === probe) current = null;
      };
    },
  };
}

/** The page's slot: map-view.tsx fills it, `installE2eProbe` reads it. */
export const mapProbe = createProbeSlot();

/** What `installE2eProbe` reads and writes: the window, or a fake of it. */
export interface ProbeHost {
  navigator: { webdriver?: boolean };
  hebeiExplorer?: E2eProbe;
}

/**
 * When `host.navigator.webdriver` is true, defines `host.hebeiExplorer` as a getter of the slot's
 * current probe (undefined while there is none); otherwise does nothing. Returns whether it did.
 */
export function installE2eProbe(host: ProbeHost, slot: ProbeSlot = mapProbe): boolean {
  if (host.navigator.webdriver !== true) return false;
  Object.defineProperty(host, 'hebeiExplorer', {
    configurable: true,
    get: () => slot.current() ?? undefined,
  });
  return true;
}
