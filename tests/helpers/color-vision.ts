/**
 * Colour-vision-deficiency simulation (Machado, Oliveira & Fernandes 2009, severity 1.0, in
 * linear RGB) and CIE Lab distance, to check that the palette's colours stay apart for
 * protanopes, deuteranopes and tritanopes.
 */
export type Rgb = [number, number, number];
export type Deficiency = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';

const MATRICES: Record<Exclude<Deficiency, 'normal'>, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

export function hex(hexColor: string): Rgb {
  const n = Number.parseInt(hexColor.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toLinear = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Linear RGB (0..1) as seen with the given deficiency. */
export function simulate(rgb: Rgb, deficiency: Deficiency): Rgb {
  const lin = rgb.map(toLinear) as Rgb;
  if (deficiency === 'normal') return lin;
  const m = MATRICES[deficiency];
  return m.map((row) => clamp01((row[0] ?? 0) * lin[0] + (row[1] ?? 0) * lin[1] + (row[2] ?? 0) * lin[2])) as Rgb;
}

/** CIE L*a*b* (D65) of a linear RGB colour. */
export function lab([r, g, b]: Rgb): Rgb {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference between two sRGB colours as seen with a deficiency. */
export function deltaE(a: string, b: string, deficiency: Deficiency): number {
  const la = lab(simulate(hex(a), deficiency));
  const lb = lab(simulate(hex(b), deficiency));
  return Math.hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}
