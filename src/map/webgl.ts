/**
 * Whether MapLibre should draw the map here, asked before it is even loaded. With WebGL turned
 * off (blocked drivers, remote desktops, some virtual machines) the 2D map stays the map. With
 * WebGL drawn by a software rasteriser (no GPU: SwiftShader, llvmpipe, …) it stays the map too,
 * unless the user asked for the full map in this tab (rememberFullMap): there every MapLibre
 * frame held the page for 200–600 ms on a 2-core machine (a year step, a change of mode, each
 * step of a zoom), where the 2D map redraws in tens of milliseconds (docs/performance.md).
 */

/** The words a reason for software rendering starts with (map-status tells it apart by them). */
export const SOFTWARE_WEBGL_REASON = 'WebGL is drawn in software';

const SOFTWARE = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render driver/i;

/** True for the renderer names of known software rasterisers (as WebGL reports them). */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE.test(renderer);
}

/** UNMASKED_RENDERER_WEBGL of WEBGL_debug_renderer_info. */
const UNMASKED_RENDERER = 0x9246;

/** The renderer a WebGL context reports, or '' when the browser does not say. */
export function contextRenderer(gl: WebGLRenderingContext | WebGL2RenderingContext): string {
  try {
    const unmasked = gl.getExtension('WEBGL_debug_renderer_info') ? gl.getParameter(UNMASKED_RENDERER) : null;
    return String(unmasked ?? gl.getParameter(gl.RENDERER) ?? '');
  } catch {
    return '';
  }
}

/** The session key that says the user chose the full map on a software renderer. */
export const FULL_MAP_KEY = 'hebei-explorer:full-map-on-software-webgl';

/** Whether the user chose the full map in this tab (false where session storage is blocked). */
function fullMapChosen(): boolean {
  try {
    return window.sessionStorage.getItem(FULL_MAP_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * Keeps the user's choice of the full map where WebGL is drawn in software for this tab, so a
 * reload keeps it (where session storage is blocked, it lasts until the page is left).
 */
export function rememberFullMap(): void {
  try {
    window.sessionStorage.setItem(FULL_MAP_KEY, '1');
  } catch {
    // Blocked storage: the full map starts all the same, for this page only.
  }
}

/** Why MapLibre will not draw here, or null when it should. */
export function webglUnavailable(): string | null {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return 'WebGL is not available (no webgl2 or webgl context)';
    const renderer = contextRenderer(gl);
    // Hands the probe's context back at once: browsers allow only a few live contexts.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    if (isSoftwareRenderer(renderer) && !fullMapChosen()) return `${SOFTWARE_WEBGL_REASON} (${renderer})`;
    return null;
  } catch (error) {
    return `WebGL is not available (${error instanceof Error ? error.message : String(error)})`;
  }
}
