/**
 * The Vite plugin that serves the palette's custom properties (src/domain/palette-css.ts) as the
 * stylesheet `virtual:palette.css`. Vite treats it as any imported .css file: `vite build` puts
 * it into the built stylesheet, `vite dev` injects it, Vitest resolves it. palette.ts is imported
 * by this config, so Vite restarts the dev server when it changes.
 */
import type { Plugin } from 'vite';
import { paletteCssText } from '../src/domain/palette-css.ts';

export const PALETTE_CSS_ID = 'virtual:palette.css';
const RESOLVED_ID = `\0${PALETTE_CSS_ID}`;

export function paletteCssPlugin(): Plugin {
  return {
    name: 'palette-css',
    enforce: 'pre',
    resolveId(id) {
      return id === PALETTE_CSS_ID ? RESOLVED_ID : null;
    },
    load(id) {
      return id === RESOLVED_ID ? paletteCssText() : null;
    },
  };
}
