/**
 * The palette (palette.ts) as CSS custom properties on :root, one per colour: the stylesheets
 * read every colour from these. scripts/vite-palette-css.ts serves the text as the stylesheet
 * `virtual:palette.css`, which src/main.tsx imports; the report card's PNG (report-png.ts) puts
 * it before the card's stylesheet.
 *
 * Names: an exported string is `--` and its name in kebab case (UNKNOWN_GROUND →
 * --unknown-ground); an exported object's entries are its name without `_COLORS`, then the key
 * (TIER_COLORS.A → --tier-a, CHANGE_COLORS.up2 → --change-up2), except `UI`'s, which are the key
 * alone (UI.infoWash → --info-wash). Functions and other exports are left out.
 */
import * as palette from './palette.ts';

const kebab = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();

/** Every palette colour as [custom property, value], exports in alphabetical order (a module namespace's). */
export function paletteProperties(): [name: string, value: string][] {
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(palette)) {
    if (typeof value === 'string') out.push([`--${kebab(name)}`, value]);
    else if (typeof value === 'object' && value !== null) {
      const prefix = name === 'UI' ? '' : `${kebab(name.replace(/_COLORS$/, ''))}-`;
      for (const [key, color] of Object.entries(value as Record<string, unknown>))
        if (typeof color === 'string') out.push([`--${prefix}${kebab(key)}`, color]);
    }
  }
  return out;
}

/** `:root{--tier-a:#08306b;…}`: the stylesheet that defines every property. */
export function paletteCssText(): string {
  return `:root{${paletteProperties()
    .map(([name, value]) => `${name}:${value};`)
    .join('')}}\n`;
}
