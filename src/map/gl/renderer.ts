/**
 * Whether the map is drawn by a software rasteriser (no GPU: a virtual machine, a blocklisted
 * driver, a headless browser). There a frame of the map takes hundreds of milliseconds, so the
 * year cross-fade is not attempted (year-fade.ts): each faded frame would be one more slow frame
 * between the key press and the new colours.
 */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render driver/i;

/** True for the renderer names of known software rasterisers (as WebGL reports them). */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE.test(renderer);
}

/** UNMASKED_RENDERER_WEBGL of WEBGL_debug_renderer_info. */
const UNMASKED_RENDERER = 0x9246;

/**
 * The renderer of the WebGL context the map draws with, or '' when the browser does not say
 * (then the fader finds slow frames by itself).
 */
export function rendererName(canvas: HTMLCanvasElement): string {
  try {
    // Asking for the type the map already uses returns its context; the other type returns null.
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return '';
    const unmasked = gl.getExtension('WEBGL_debug_renderer_info') ? gl.getParameter(UNMASKED_RENDERER) : null;
    return String(unmasked ?? gl.getParameter(gl.RENDERER) ?? '');
  } catch {
    return '';
  }
}
