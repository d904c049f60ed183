/** The MapLibre map's probe (see ../probe.ts): flags are feature-state, positions the map's projection. */
import { unitFeatureId, type MapGeometry } from '../../domain/geometry';
import { vintageOf } from '../../domain/types';
import type { E2eProbe } from '../probe';
import type { MapPort } from './map-port';
import { unitsSource } from './map-style';
import type { Drawn } from './year-groups';

export interface ProbeReads {
  geometry: () => MapGeometry | null;
  drawn: () => Drawn | null;
}

export function createE2eProbe(map: Pick<MapPort, 'project' | 'getFeatureState'>, read: ProbeReads): E2eProbe {
  return {
    renderer: 'webgl',
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
        (code) => map.getFeatureState({ source: unitsSource(v), id: unitFeatureId(code, v) })[flag] === true,
      );
    },
  };
}
