/** The Export menu: figures (PNG, SVG, the figure dialog, the small multiples) and data downloads. */
export { ExportMenu } from './export-menu';
