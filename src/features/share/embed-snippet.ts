/**
 * The `<iframe>` code the Share dialog offers for an article. Pure, so the escaping is tested.
 *
 * Width: `width="100%"` as an attribute (it holds even where the host page's own CSP refuses
 * inline styles), and `max-width` in a style attribute, since the embedded layout is made for a
 * 360–700 px column. Height: one of EMBED_HEIGHTS, chosen in the dialog.
 */

/** The heights offered, in CSS px; the default fits a phone screen (844 px high) with the browser's bars. */
export const EMBED_HEIGHTS = [480, 600, 720] as const;
export type EmbedHeight = (typeof EMBED_HEIGHTS)[number];
export const DEFAULT_EMBED_HEIGHT: EmbedHeight = 600;

/** The widest column the embedded layout is made for. */
export const EMBED_MAX_WIDTH = 700;

/** Text for a double-quoted HTML attribute value. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface EmbedSnippetOptions {
  /** The embedded view's address (the link with embed=1). */
  src: string;
  /** What the frame shows, for screen readers in the host page, in the reader's language. */
  title: string;
  height: EmbedHeight;
}

export function embedSnippet({ src, title, height }: EmbedSnippetOptions): string {
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${height}" ` +
    `style="width:100%;max-width:${EMBED_MAX_WIDTH}px;height:${height}px;border:0" loading="lazy"></iframe>`
  );
}
