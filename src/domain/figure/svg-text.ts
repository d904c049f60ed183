/** SVG text shared by the figures: numbers for attributes, escaped text, and hatch patterns. */

/** A number for SVG attributes: at most `digits` decimals, no trailing zeros, no "-0". */
export function num(n: number, digits = 2): string {
  const text = n.toFixed(digits).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

/** Text for SVG element content or attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** The figure's stripe width (px across a stripe), close to the map's at 1×. */
const STRIPE = 2;

/**
 * An SVG pattern of 45° stripes of the look's colours, in the order and direction of the map's
 * (src/map/patterns.ts): vertical bands rotated, `up` like "/", `down` like "\". A `cross` hatch
 * is the `up` stripes with the last colour's `down` stripes over them (two fills).
 */
export function stripeDefs(id: string, colors: readonly string[], rotate: 45 | -45, only?: number): string {
  const n = colors.length;
  const bands = colors
    .map((color, i) =>
      only === undefined || only === i
        ? `<rect x="${num(i * STRIPE)}" y="0" width="${STRIPE}" height="${n * STRIPE}" fill="${color}"/>`
        : '',
    )
    .join('');
  return `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${n * STRIPE}" height="${n * STRIPE}" patternTransform="rotate(${rotate})">${bands}</pattern>`;
}
