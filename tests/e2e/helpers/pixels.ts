/** Reading colours off screenshots. */
import { PNG } from 'pngjs';

export type Rgb = [number, number, number];

export function decodePng(buffer: Buffer): PNG {
  return PNG.sync.read(buffer);
}

export function pixelAt(png: PNG, x: number, y: number): Rgb {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
}

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function distance(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Colours in a (2r+1)² block around a point: a hatch shows several, a flat fill one. */
export function colorsAround(png: PNG, x: number, y: number, r = 4): Rgb[] {
  const out: Rgb[] = [];
  for (let dy = -r; dy <= r; dy += 1) for (let dx = -r; dx <= r; dx += 1) out.push(pixelAt(png, x + dx, y + dy));
  return out;
}
