/** The embedded view (embed=1): its source line and link back to the explorer. */
export { EmbedFooter } from './embed-footer';
