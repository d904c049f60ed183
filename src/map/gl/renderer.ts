/**
 * The renderer MapLibre draws with. Where it is a software rasteriser (the user chose the full
 * map anyway, see ../webgl.ts) a frame takes hundreds of milliseconds, so the year cross-fade is
 * not attempted (year-fade.ts): each faded frame would be one more slow frame between the key
 * press and the new colours.
 */
import { contextRenderer } from '../webgl';

export { isSoftwareRenderer } from '../webgl';

/**
 * The renderer of the WebGL context the map draws with, or '' when the browser does not say
 * (then the fader finds slow frames by itself).
 */
export function rendererName(canvas: HTMLCanvasElement): string {
  // Asking for the type the map already uses returns its context; the other type returns null.
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  return gl ? contextRenderer(gl) : '';
}
