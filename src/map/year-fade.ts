/**
 * The cross-fade between two years' colours: drives the style's `fade` global state from 0 to 1
 * over a short time, one value per animation frame. A new change cancels the running one. With
 * reduced motion the new colours appear at once.
 *
 * Each run leaves a User Timing mark, so end-to-end tests can tell a fade from none without a
 * hook into the map: FADE_STARTED_MARK when a fade starts, FADE_SKIPPED_MARK when reduced
 * motion skips it.
 */
export interface Fader {
  /** Starts a fade; `onDone` runs when the new colours are fully shown. */
  run: (onDone?: () => void) => void;
  cancel: () => void;
}

export const FADE_MS = 500;
/** A frame slower than this ends the fade: smooth motion is out of reach on this device. */
export const SLOW_FRAME_MS = 100;
export const FADE_STARTED_MARK = 'year-fade-started';
export const FADE_SKIPPED_MARK = 'year-fade-skipped';

export function createFader(setFade: (value: number) => void, reducedMotion: () => boolean): Fader {
  let frame = 0;
  const cancel = () => {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
  };
  return {
    cancel,
    run: (onDone) => {
      cancel();
      if (reducedMotion()) {
        performance.mark(FADE_SKIPPED_MARK);
        setFade(1);
        onDone?.();
        return;
      }
      performance.mark(FADE_STARTED_MARK);
      const start = performance.now();
      let last = start;
      setFade(0);
      const step = (now: number) => {
        // Where frames are slow (software WebGL draws one in hundreds of ms), a fade would only
        // stutter and delay the new colours: finish at once instead.
        const slow = now - last > SLOW_FRAME_MS;
        last = now;
        const t = slow ? 1 : Math.min(1, (now - start) / FADE_MS);
        // Ease in-out, so the change reads as one smooth move rather than a blink.
        setFade(t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);
        if (t < 1) frame = requestAnimationFrame(step);
        else {
          frame = 0;
          onDone?.();
        }
      };
      frame = requestAnimationFrame(step);
    },
  };
}
