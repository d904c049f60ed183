/** Small multiples: the five years on one figure, shown in the figure dialog (loaded on use). */
import type { FigureSource } from '../../components/figure-source';

/** The multiples' figure source, loaded on use. */
export const multiplesFigure = (): Promise<FigureSource> =>
  import('./multiples-compose').then((m) => m.multiplesSource);
