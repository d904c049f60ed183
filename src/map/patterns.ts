/**
 * Hatch patterns drawn in memory (no sprite files: the map makes no requests). Each pattern is
 * diagonal stripes of equal width in the given colours.
 */
import type { StripeDirection } from '../domain/legend-model';

export interface PatternImage {
  width: number;
  height: number;
  data: Uint8Array;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * A square tile of 45° stripes that repeats seamlessly: the stripe index depends on (x ± y)
 * modulo the tile size, and the tile size is a multiple of the stripe count. `up` runs like
 * "/", `down` like "\", and `cross` draws the last colour where either direction would.
 */
export function stripePattern(
  colors: readonly string[],
  stripeWidth = 4,
  direction: StripeDirection = 'up',
): PatternImage {
  const rgb = colors.map(hexToRgb);
  const size = stripeWidth * rgb.length * 2;
  const data = new Uint8Array(size * size * 4);
  const index = (t: number) => Math.floor((((t % size) + size) % size) / stripeWidth) % rgb.length;
  const last = rgb.length - 1;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const up = index(x + y);
      const down = index(x - y);
      const stripe = direction === 'up' ? up : direction === 'down' ? down : up === last || down === last ? last : up;
      const [r, g, b] = rgb[stripe] ?? [0, 0, 0];
      const i = (y * size + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}
