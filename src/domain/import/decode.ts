/**
 * File bytes → text. A CSV from this explorer or a text editor is UTF-8 (with or without a
 * byte-order mark); Excel in a Chinese locale saves "CSV" as GBK, and "Unicode Text" as UTF-16
 * little-endian with a byte-order mark (tab-separated, which the CSV reader detects). UTF-16
 * without a mark is named for what it is and refused: its byte order would be a guess. Anything
 * else — images, spreadsheets (.xlsx is a zip) — is refused as binary rather than shown as
 * mojibake. The size is checked before any decoding.
 */
import { IMPORT_LIMITS, type ImportProblem } from './types';

export type DecodeResult =
  | {
      ok: true;
      text: string;
      encoding: 'utf-8' | 'utf-8-bom' | 'gbk' | 'utf-16le' | 'utf-16be';
      problems: ImportProblem[];
    }
  | { ok: false; problems: ImportProblem[] };

/** C0 controls other than tab, line feed, form feed and carriage return, and DEL: never in a text file. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

function decode(label: string, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: the caller has already taken a UTF-8 mark off and says so in `encoding`.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Invalid in this encoding, or an engine without it (GBK needs full ICU in Node).
    return null;
  }
}

/**
 * Whether the bytes have the structure of GBK / GB 18030 text: ASCII, two-byte pairs (lead
 * 0x81–0xFE, trail 0x40–0x7E or 0x80–0xFE) and four-byte sequences. Checked before decoding
 * because some engines' GBK decoders drop bytes they cannot read instead of failing.
 */
function isGbkShaped(bytes: Uint8Array): boolean {
  const inRange = (b: number | undefined, lo: number, hi: number) => b !== undefined && b >= lo && b <= hi;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] ?? 0;
    if (b <= 0x80) {
      i += 1; // ASCII, and 0x80 which GBK reads as €
    } else if (b === 0xff) {
      return false;
    } else if (inRange(bytes[i + 1], 0x40, 0x7e) || inRange(bytes[i + 1], 0x80, 0xfe)) {
      i += 2;
    } else if (
      inRange(bytes[i + 1], 0x30, 0x39) &&
      inRange(bytes[i + 2], 0x81, 0xfe) &&
      inRange(bytes[i + 3], 0x30, 0x39)
    ) {
      i += 4;
    } else {
      return false;
    }
  }
  return true;
}

const binary = (): DecodeResult => ({ ok: false, problems: [{ code: 'binary', severity: 'error' }] });

/** The UTF-16 byte order a byte-order mark states, or null without one. */
function utf16Mark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Whether NUL-holding bytes look like UTF-16 text without a mark: in text, most characters are
 * ASCII or CJK, so one byte of each pair (the same one throughout) is often zero and the other
 * never is. Only used to name the problem; such bytes are never decoded.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return false;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZero += 1;
    if (bytes[i + 1] === 0) oddZero += 1;
  }
  const pairs = bytes.length / 2;
  return (evenZero === 0 && oddZero >= pairs / 4) || (oddZero === 0 && evenZero >= pairs / 4);
}

export function decodeImportBytes(bytes: Uint8Array): DecodeResult {
  if (!(bytes instanceof Uint8Array)) return binary();
  if (bytes.byteLength > IMPORT_LIMITS.maxFileBytes) {
    return {
      ok: false,
      problems: [{ code: 'too-large', severity: 'error', limit: IMPORT_LIMITS.maxFileBytes, unit: 'bytes' }],
    };
  }
  if (bytes.byteLength === 0) return { ok: false, problems: [{ code: 'empty', severity: 'error' }] };
  const order = utf16Mark(bytes);
  if (order !== null) {
    const text = decode(order, bytes.subarray(2));
    if (text === null || text.includes('\u0000') || hasControl(text)) return binary();
    if (text.trim() === '') return { ok: false, problems: [{ code: 'empty', severity: 'error' }] };
    return { ok: true, text, encoding: order, problems: [{ code: 'decoded-utf16', severity: 'info' }] };
  }
  if (bytes.includes(0)) {
    return looksLikeUtf16(bytes) ? { ok: false, problems: [{ code: 'utf16-no-bom', severity: 'error' }] } : binary();
  }

  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf8 = decode('utf-8', bom ? bytes.subarray(3) : bytes);
  if (utf8 !== null) {
    if (hasControl(utf8)) return binary();
    return { ok: true, text: utf8, encoding: bom ? 'utf-8-bom' : 'utf-8', problems: [] };
  }
  // A UTF-8 mark on bytes that are not UTF-8 is a damaged file, not GBK.
  if (bom) return binary();
  const gbk = isGbkShaped(bytes) ? decode('gbk', bytes) : null;
  if (gbk === null || hasControl(gbk)) return binary();
  return { ok: true, text: gbk, encoding: 'gbk', problems: [{ code: 'decoded-gbk', severity: 'info' }] };
}
