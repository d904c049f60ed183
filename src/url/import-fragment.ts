/**
 * Imported layers in a share link's fragment: `#imp=<base64url of deflate-raw JSON>`. The
 * fragment never reaches a server (it is not sent with the request), so a link can carry the
 * user's own data without the site keeping it.
 *
 * The JSON is compact: `{ v: 1, l: [[title, date, url, createdAt, facts], …] }`, each fact
 * `[code, year, tier, rank, raw]` with the leading "13" of Hebei codes left out. Decoding is
 * defensive: size limits before and after inflating (a small link could inflate to gigabytes),
 * strict UTF-8 and JSON, and the result is only *candidates*: src/data/import-check.ts decides
 * what of it is kept, exactly as for layers read from storage.
 *
 * fflate is loaded only when a link has layers to write or a fragment to inflate (a dynamic
 * import), so a page that neither opens a link with layers nor shares imported layers never
 * downloads it. The checks that need no inflating (no fragment, too long, not base64url) are
 * sync (fragmentShape) and run before it is loaded.
 */
import type { ImportFact, ImportLayer } from '../domain/import/types';
import type { FlateStreamHandler, Inflate as InflateStream } from 'fflate';

export const FRAGMENT_KEY = 'imp';
export const FRAGMENT_VERSION = 1;
/** Longest fragment written: beyond it a link is shared without the imported data. */
export const MAX_FRAGMENT_WRITE_CHARS = 64_000;
/** Longest fragment read (a hand-made link may be longer than ours, not by much). */
export const MAX_FRAGMENT_READ_CHARS = 200_000;
/** Most bytes inflated: the JSON of the most layers the checks accept is far below this. */
export const MAX_INFLATED_BYTES = 1_000_000;

export type FragmentRead =
  | { status: 'none' }
  | { status: 'ok'; candidates: unknown[] }
  | { status: 'corrupt'; reason: 'too-large' | 'encoding' | 'compression' | 'json' | 'version' };

type CompactFact = [string, number, string, number | null, string];
type CompactLayer = [string, string, string, string, CompactFact[]];

/** Hebei codes all start with 13; other codes (test fixtures) are written whole. */
const shortCode = (code: string) => (/^13\d{4}$/.test(code) ? code.slice(2) : code);
const longCode = (code: unknown) => (typeof code === 'string' && /^\d{4}$/.test(code) ? `13${code}` : code);

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // In chunks: String.fromCharCode(...bytes) of a large array overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The fragment's value for the layers, or null with none or when it would be too long for a
 * link. Without layers it resolves without loading fflate.
 */
export async function encodeImportLayers(layers: readonly ImportLayer[]): Promise<string | null> {
  if (layers.length === 0) return null;
  const { deflateSync } = await import('fflate');
  const compact: CompactLayer[] = layers.map((l) => [
    l.source.title,
    l.source.date,
    l.source.url,
    l.createdAt,
    l.facts.map((f): CompactFact => [shortCode(f.code), f.year, f.tier, f.rank, f.raw]),
  ]);
  const json = new TextEncoder().encode(JSON.stringify({ v: FRAGMENT_VERSION, l: compact }));
  const value = toBase64Url(deflateSync(json, { level: 9 }));
  return value.length > MAX_FRAGMENT_WRITE_CHARS ? null : value;
}

/** A compact layer as an ImportLayer-shaped candidate; wrong types are left for the checks to find. */
function expandLayer(value: unknown, index: number): unknown {
  if (!Array.isArray(value)) return null;
  const [title, date, url, createdAt, facts] = value as unknown[];
  return {
    id: `IMP${index + 1}`,
    source: { title, date, url },
    createdAt,
    facts: Array.isArray(facts)
      ? facts.map((f: unknown): Partial<Record<keyof ImportFact, unknown>> | null => {
          if (!Array.isArray(f)) return null;
          const [code, year, tier, rank, raw] = f as unknown[];
          return { code: longCode(code), year, tier, rank, rankOf: null, raw };
        })
      : facts,
    origin: 'link',
  };
}

/** The `imp` value of a location hash ("#imp=…"), or null. */
export function fragmentValue(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get(FRAGMENT_KEY);
}

/**
 * What a hash holds before inflating: no fragment, one that is corrupt already by its size or
 * encoding, or the compressed bytes to inflate. Sync, and needs no fflate.
 */
export type FragmentShape = Exclude<FragmentRead, { status: 'ok' }> | { status: 'compressed'; bytes: Uint8Array };

/** The first part of reading a hash (see FragmentShape): everything that can be told without fflate. */
export function fragmentShape(hash: string): FragmentShape {
  const value = fragmentValue(hash);
  if (value === null) return { status: 'none' };
  if (value.length > MAX_FRAGMENT_READ_CHARS) return { status: 'corrupt', reason: 'too-large' };
  const bytes = fromBase64Url(value);
  if (bytes === null || bytes.length === 0) return { status: 'corrupt', reason: 'encoding' };
  return { status: 'compressed', bytes };
}

/** The inflated bytes as candidates: strict UTF-8, JSON of our shape and version. */
function parseInflated(inflated: Uint8Array): FragmentRead {
  if (inflated.length > MAX_INFLATED_BYTES) return { status: 'corrupt', reason: 'too-large' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return { status: 'corrupt', reason: 'json' };
  }
  if (typeof parsed !== 'object' || parsed === null || !('v' in parsed) || !('l' in parsed)) {
    return { status: 'corrupt', reason: 'json' };
  }
  if (parsed.v !== FRAGMENT_VERSION || !Array.isArray(parsed.l)) return { status: 'corrupt', reason: 'version' };
  return { status: 'ok', candidates: parsed.l.map(expandLayer) };
}

/**
 * Reads the layers a link's hash carries, as candidates for the strict checks. fflate is loaded
 * only for a fragment that gets as far as inflating; a rejected load (the chunk could not be
 * fetched) rejects the promise, as it is no fault of the link.
 */
export async function decodeImportFragment(hash: string): Promise<FragmentRead> {
  const shape = fragmentShape(hash);
  if (shape.status !== 'compressed') return shape;
  const { Inflate } = await import('fflate');
  let inflated: Uint8Array | null;
  try {
    inflated = inflateCapped(Inflate, shape.bytes, MAX_INFLATED_BYTES);
  } catch {
    return { status: 'corrupt', reason: 'compression' };
  }
  if (inflated === null) return { status: 'corrupt', reason: 'too-large' };
  return parseInflated(inflated);
}

/** Input fed to the inflater at a time: DEFLATE expands a byte to at most ~1,032, so ~1 MB. */
const INFLATE_STEP = 1024;

/**
 * `bytes` inflated, or null as soon as the output passes `limit`. A link of 200,000 characters
 * can hold a stream that inflates to over 100 MB (~0.5 s of main thread, and the memory): it is
 * fed in small steps and dropped once too large, so at most ~`limit` + 1 MB is ever inflated.
 * Throws on data that is not a complete DEFLATE stream.
 */
export function inflateCapped(
  Inflate: new (ondata: FlateStreamHandler) => Pick<InflateStream, 'push'>,
  bytes: Uint8Array,
  limit: number,
): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let size = 0;
  const stream = new Inflate((chunk) => {
    parts.push(chunk.slice());
    size += chunk.length;
  });
  let at = 0;
  do {
    const end = Math.min(at + INFLATE_STEP, bytes.length);
    stream.push(bytes.subarray(at, end), end === bytes.length);
    if (size > limit) return null;
    at = end;
  } while (at < bytes.length);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** `href` with its hash set to the layers' fragment (or removed when there is none). */
export function withImportFragment(href: string, fragment: string | null): string {
  const base = href.split('#')[0] ?? href;
  return fragment === null ? base : `${base}#${FRAGMENT_KEY}=${fragment}`;
}

/** The hash without the import fragment ('' when nothing else was in it). */
export function hashWithoutImports(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete(FRAGMENT_KEY);
  const rest = params.toString();
  return rest === '' ? '' : `#${rest}`;
}
