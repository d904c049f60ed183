/**
 * The embedded view's key, `embed=1`: a page mode read once at start (main.tsx), not part of the
 * view's state. The binder keeps it in the address as it keeps any key it does not own (it is
 * "unknown" to the codec), so it stays while the reader plays with the embed. These helpers add
 * or remove it in a page address without re-encoding the rest of it (commas stay readable).
 */

export const EMBED_KEY = 'embed';

/** The decoded key of one `key=value` pair of a query, or null when it does not decode. */
function keyOf(pair: string): string | null {
  const raw = pair.split('=')[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Whether a query string asks for the embedded view: its first `embed` is `1`. */
export function isEmbedSearch(search: string): boolean {
  return new URLSearchParams(search).get(EMBED_KEY) === '1';
}

/** `href` with every `embed` pair removed and, when `on`, `embed=1` added last; the fragment is kept. */
export function withEmbed(href: string, on: boolean): string {
  const hashAt = href.indexOf('#');
  const beforeHash = hashAt === -1 ? href : href.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : href.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  const path = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt === -1 ? '' : beforeHash.slice(queryAt + 1);
  const pairs = query.split('&').filter((pair) => pair !== '' && keyOf(pair) !== EMBED_KEY);
  if (on) pairs.push(`${EMBED_KEY}=1`);
  return `${path}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}${hash}`;
}
