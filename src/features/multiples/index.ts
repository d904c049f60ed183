/** Small multiples: the five years on one figure, shown in the figure dialog (loaded on use). */
import type { FigureSource } from '../../components/figure-source';
import { retryableImport } from '../../components/lazy-feature';

// A failed load can be tried again: the chunk is then asked for under another address.
const compose = retryableImport(() => import('./multiples-compose'));

/** The multiples' figure source, loaded on use (again after a failure). */
export const multiplesFigure = (): Promise<FigureSource> => compose().then((m) => m.multiplesSource);
