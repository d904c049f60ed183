/**
 * A read-only window hook, `window.hebeiExplorer`, for the end-to-end tests (tests/e2e/*). It
 * exists because what they check is not in the DOM: which units have a feature-state flag set
 * (selection, flow, dimming, imported) lives only inside MapLibre, and where a unit's label
 * point is on screen (to click or hover it) only the map's projection knows. It reads the map
 * and changes nothing. map-controller.ts installs it and removes it when the map goes.
 */
import { unitFeatureId, type MapGeometry } from '../domain/geometry';
import { vintageOf, type UnitCode } from '../domain/types';
import type { UnitFlag } from './flags';
import type { MapPort } from './map-port';
import { SOURCES } from './map-style';
import type { Drawn } from './year-groups';

export interface E2eProbe {
  /** Screen position (CSS pixels, relative to the map container) of a unit's label point. */
  labelPointOnScreen: (code: UnitCode, year: number) => { x: number; y: number } | null;
  /** Codes of the drawn units whose feature-state flag is set (e.g. 'flow', 'muted'). */
  unitsFlagged: (flag: UnitFlag) => UnitCode[];
}

declare global {
  interface Window {
    hebeiExplorer?: E2eProbe;
  }
}

export interface ProbeReads {
  geometry: () => MapGeometry | null;
  drawn: () => Drawn | null;
}

export function createE2eProbe(map: Pick<MapPort, 'project' | 'getFeatureState'>, read: ProbeReads): E2eProbe {
  return {
    labelPointOnScreen: (code, year) => {
      const point = read.geometry()?.labels[vintageOf(year)].get(code);
      if (!point) return null;
      const { x, y } = map.project(point);
      return { x, y };
    },
    unitsFlagged: (flag) => {
      const drawn = read.drawn();
      if (!drawn) return [];
      const v = vintageOf(drawn.year);
      return [...drawn.states.keys()].filter(
        (code) => map.getFeatureState({ source: SOURCES.units, id: unitFeatureId(code, v) })[flag] === true,
      );
    },
  };
}

/** Puts the probe on `target` (the window); returns a function that takes it off. */
export function installE2eProbe(target: { hebeiExplorer?: E2eProbe }, probe: E2eProbe): () => void {
  target.hebeiExplorer = probe;
  return () => {
    delete target.hebeiExplorer;
  };
}
