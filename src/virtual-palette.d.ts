/** The palette's colours as CSS custom properties (scripts/vite-palette-css.ts); imported for its effect. */
declare module 'virtual:palette.css' {}
