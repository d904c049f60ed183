/**
 * Who moved between two years: the Sankey, the matrix and the official mover counts. The view's
 * code loads on first use (transition-panel.tsx).
 */
export { TransitionView } from './transition-panel';
