/**
 * The cross-fade between two years' colours: drives a value from 0 (the previous year shown) to 1
 * (the new year shown) over a short time, one value per animation frame; year-groups.ts turns
 * it into the opacity of the upper of the two years' layer groups. A new change cancels the
 * running one. With reduced motion the new colours appear at once.
 *
 * Where frames are slow (software WebGL draws one in hundreds of milliseconds) a fade would only
 * stutter and delay the new colours, and every faded frame is one more slow frame. So there is no
 * fade on a software renderer, a fade that meets a slow frame finishes at once, and the changes
 * after it are not faded at all; every PROBE_EVERY-th change fades again, to notice a device
 * that has become fast (a tab brought back from the background, say).
 *
 * Each run leaves a User Timing mark, so end-to-end tests can tell a fade from none without a
 * hook into the map: FADE_STARTED_MARK when a fade starts, FADE_SKIPPED_MARK when reduced
 * motion skips it, FADE_SLOW_MARK when slow frames do.
 */
export interface Fader {
  /**
   * Starts a fade, or shows the new colours at once; true when a fade started (the previous
   * year's colours are needed). `onDone` runs when the new colours are fully shown.
   */
  run: (onDone?: () => void) => boolean;
  cancel: () => void;
}

export const FADE_MS = 500;
/** A frame slower than this ends the fade: smooth motion is out of reach on this device. */
export const SLOW_FRAME_MS = 100;
/** After a slow fade, the changes until this many later are shown at once. */
export const PROBE_EVERY = 8;
export const FADE_STARTED_MARK = 'year-fade-started';
export const FADE_SKIPPED_MARK = 'year-fade-skipped';
export const FADE_SLOW_MARK = 'year-fade-slow';

export function createFader(
  setFade: (value: number) => void,
  reducedMotion: () => boolean,
  softwareRendering: () => boolean = () => false,
): Fader {
  let frame = 0;
  /** Changes shown at once since a fade met a slow frame; null while frames are fast. */
  let skippedSinceSlow: number | null = null;
  const cancel = () => {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
  };
  const showAtOnce = (mark: string, onDone?: () => void) => {
    performance.mark(mark);
    setFade(1);
    onDone?.();
    return false;
  };
  return {
    cancel,
    run: (onDone) => {
      cancel();
      if (reducedMotion()) return showAtOnce(FADE_SKIPPED_MARK, onDone);
      if (softwareRendering()) return showAtOnce(FADE_SLOW_MARK, onDone);
      if (skippedSinceSlow !== null && skippedSinceSlow < PROBE_EVERY - 1) {
        skippedSinceSlow += 1;
        return showAtOnce(FADE_SLOW_MARK, onDone);
      }
      performance.mark(FADE_STARTED_MARK);
      const start = performance.now();
      let last = start;
      setFade(0);
      const step = () => {
        // The time now, not the frame's start time that requestAnimationFrame passes: a frame
        // that starts on time but runs late behind other work is a slow frame too.
        const now = performance.now();
        const slow = now - last > SLOW_FRAME_MS;
        last = now;
        if (slow) skippedSinceSlow = 0;
        const t = slow ? 1 : Math.min(1, (now - start) / FADE_MS);
        // Ease in-out, so the change reads as one smooth move rather than a blink.
        setFade(t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);
        if (t < 1) frame = requestAnimationFrame(step);
        else {
          frame = 0;
          if (!slow) skippedSinceSlow = null;
          onDone?.();
        }
      };
      frame = requestAnimationFrame(step);
      return true;
    },
  };
}
