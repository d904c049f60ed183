/** Who moved between two years: the Sankey, the matrix and the official mover counts. */
export { TransitionView } from './transition-view';
