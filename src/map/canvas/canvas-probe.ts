/** The 2D map's probe (see ../probe.ts): flags are read from the last frame drawn, positions from its camera. */
import { vintageOf } from '../../domain/types';
import type { AppStore } from '../../store/store';
import { project, type Camera, type Size } from '../framing';
import type { E2eProbe } from '../probe';
import type { Frame } from './draw';

export interface CanvasProbeReads {
  camera: () => Camera;
  size: () => Size;
  /** The last frame drawn, or null while none is on the canvas. */
  lastFrame: () => Frame | null;
}

export function createCanvasProbe(store: AppStore, read: CanvasProbeReads): E2eProbe {
  return {
    renderer: '2d',
    labelPointOnScreen: (code, year) => {
      const state = store.getState();
      if (state.data.status !== 'ready') return null;
      const point = state.data.geometry.labels[vintageOf(year)].get(code);
      return point ? project(read.camera(), read.size(), point) : null;
    },
    unitsFlagged: (flag) => {
      const frame = read.lastFrame();
      if (!frame) return [];
      if (flag === 'selected') return frame.selected !== null && frame.draw.has(frame.selected) ? [frame.selected] : [];
      return [...frame.emphasis].filter(([, e]) => e[flag]).map(([code]) => code);
    },
  };
}
