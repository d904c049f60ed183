/** The Export menu (figures and data downloads); the figure dialog's types, for the small multiples. */
export { ExportMenu } from './export-menu';
export type { ComposedFigure, FigureRequest, FigureSource } from './figure-compose';
