/**
 * Whether WebGL can run here, asked before MapLibre is even loaded: with WebGL turned off
 * (blocked drivers, remote desktops, some virtual machines) the 2D map stays the map.
 */

/** Why WebGL cannot draw here, or null when a context can be made. */
export function webglUnavailable(): string | null {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return 'WebGL is not available (no webgl2 or webgl context)';
    // Hands the probe's context back at once: browsers allow only a few live contexts.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return null;
  } catch (error) {
    return `WebGL is not available (${error instanceof Error ? error.message : String(error)})`;
  }
}
