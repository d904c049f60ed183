/** The embed key in page addresses (src/url/embed-link.ts) and the iframe code (features/share/embed-snippet.ts). */
import { describe, expect, it } from 'vitest';
import { parseUrlState, serializeUrlState } from '../../src/url/url-state';
import { isEmbedSearch, withEmbed } from '../../src/url/embed-link';
import { stateOf } from '../fixtures/url-state';
import {
  DEFAULT_EMBED_HEIGHT,
  EMBED_HEIGHTS,
  embedSnippet,
  escapeAttribute,
} from '../../src/features/share/embed-snippet';

const PAGE = 'https://example.org/hebei/?v=2&year=2021&mode=change&base=2019&lang=zh&view=115.5,38.25,7';

describe('embed key', () => {
  it('reads embed=1 (the first embed key) and nothing else as the embedded view', () => {
    expect(isEmbedSearch('?v=2&embed=1')).toBe(true);
    expect(isEmbedSearch('embed=1')).toBe(true);
    for (const search of ['', '?embed=0', '?embed=', '?embed=true', '?Embed=1', '?embed=0&embed=1'])
      expect(isEmbedSearch(search)).toBe(false);
  });

  it('adds embed=1 last, leaving the rest of the address as it was (commas unescaped)', () => {
    expect(withEmbed(PAGE, true)).toBe(`${PAGE}&embed=1`);
    expect(withEmbed('https://example.org/', true)).toBe('https://example.org/?embed=1');
    expect(withEmbed(`${PAGE}#imp=abc`, true)).toBe(`${PAGE}&embed=1#imp=abc`);
  });

  it('removes every embed key, encoded or repeated, for the explorer link', () => {
    expect(withEmbed(`${PAGE}&embed=1`, false)).toBe(PAGE);
    expect(withEmbed('https://example.org/?embed=1&em%62ed=1&embed=0&ref=a#x', false)).toBe(
      'https://example.org/?ref=a#x',
    );
    expect(withEmbed('https://example.org/?embed=1', false)).toBe('https://example.org/');
    // A pair whose key does not decode is kept as it is.
    expect(withEmbed('https://example.org/?%E0%A4%A=1&embed=1', false)).toBe('https://example.org/?%E0%A4%A=1');
  });

  it('is kept by the codec as a key it does not own, so the binder writes it back', () => {
    const parsed = parseUrlState('?v=2&year=2021&embed=1');
    expect(parsed.unknown).toEqual([['embed', '1']]);
    const written = serializeUrlState(stateOf(parsed, 'en'), parsed.unknown);
    expect(written).toBe('?v=2&year=2021&mode=tier&lang=en&embed=1');
    expect(isEmbedSearch(written)).toBe(true);
  });
});

describe('iframe code', () => {
  it('offers 2–3 heights with a default among them', () => {
    expect(EMBED_HEIGHTS.length).toBeGreaterThanOrEqual(2);
    expect(EMBED_HEIGHTS.length).toBeLessThanOrEqual(3);
    expect(EMBED_HEIGHTS).toContain(DEFAULT_EMBED_HEIGHT);
  });

  it('escapes attribute values', () => {
    expect(escapeAttribute('a&b"c<d>')).toBe('a&amp;b&quot;c&lt;d&gt;');
  });

  it('writes a responsive, lazy, titled frame of the embed address', () => {
    const src = withEmbed(PAGE, true);
    const code = embedSnippet({ src, title: '河北 "map" & tiers', height: 480 });
    // The attributes as an HTML parser reads them: double-quoted values with entities decoded.
    expect(code.startsWith('<iframe ') && code.endsWith('></iframe>')).toBe(true);
    const decode = (v: string) =>
      v
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const attrs = Object.fromEntries([...code.matchAll(/ ([a-z]+)="([^"]*)"/g)].map((m) => [m[1], decode(m[2] ?? '')]));
    expect(attrs).toEqual({
      src,
      title: '河北 "map" & tiers',
      width: '100%',
      height: '480',
      style: 'width:100%;max-width:700px;height:480px;border:0',
      loading: 'lazy',
    });
    expect(code).not.toContain('&year');
  });
});
