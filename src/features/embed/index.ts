/** The embedded view (embed=1): its source line and link back to the explorer (loaded on first use). */
export { EmbedFooter } from './footer-lazy';
