/**
 * WebGL context loss after the map has started: a GPU or driver reset, or the browser taking
 * contexts back. MapLibre 6 handles the GL side itself: on 'webglcontextlost' it destroys the
 * style (keeping a snapshot of it: sources with their data, layers with their filters, images),
 * and on 'webglcontextrestored' it rebuilds the style from that snapshot. What lives outside the
 * style is not kept: feature-state (the flags: selection, hover, flow, dimming, imported) is back
 * at its defaults, and the controller writes the units' drawing and its layer switches again.
 *
 * This module only tells the controller the two moments that matter: the map is lost (nothing
 * may be written to the style, which is gone), and the rebuilt style has loaded (everything can
 * be written again). The restored event comes before the rebuilt style's 'style.load', so both
 * are awaited. It also leaves User Timing marks for end-to-end tests.
 */
import type { MapPort } from './map-port';

export const CONTEXT_LOST_MARK = 'webgl-context-lost';
export const CONTEXT_RESTORED_MARK = 'webgl-context-restored';

export interface ContextLossHandlers {
  /** The context is gone and so is the style: stop writing to the map and say so. */
  lost: () => void;
  /** The context is back and the rebuilt style has loaded: write the current state again. */
  restored: () => void;
}

/** Follows the map's context; returns a function that stops following it. */
export function watchContextLoss(map: Pick<MapPort, 'on' | 'off'>, handlers: ContextLossHandlers): () => void {
  let lost = false;
  let contextBack = false;
  let styleBack = false;

  const settle = () => {
    if (!lost || !contextBack || !styleBack) return;
    lost = false;
    handlers.restored();
    performance.mark(CONTEXT_RESTORED_MARK);
  };
  const onLost = () => {
    lost = true;
    contextBack = false;
    styleBack = false;
    performance.mark(CONTEXT_LOST_MARK);
    handlers.lost();
  };
  const onRestored = () => {
    contextBack = true;
    settle();
  };
  const onStyleLoad = () => {
    if (!lost) return;
    styleBack = true;
    settle();
  };

  map.on('webglcontextlost', onLost);
  map.on('webglcontextrestored', onRestored);
  map.on('style.load', onStyleLoad);
  return () => {
    map.off('webglcontextlost', onLost);
    map.off('webglcontextrestored', onRestored);
    map.off('style.load', onStyleLoad);
  };
}
