/**
 * File bytes → text. A CSV from this explorer or a text editor is UTF-8 (with or without a
 * byte-order mark); Excel in a Chinese locale saves "CSV" as GBK. Anything else — images,
 * spreadsheets (.xlsx is a zip), UTF-16 (NUL bytes in ASCII) — is refused as binary rather than
 * shown as mojibake. The size is checked before any decoding.
 */
import { IMPORT_LIMITS, type ImportProblem } from './types';

export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-8-bom' | 'gbk'; problems: ImportProblem[] }
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

export function decodeImportBytes(bytes: Uint8Array): DecodeResult {
  if (!(bytes instanceof Uint8Array)) return binary();
  if (bytes.byteLength > IMPORT_LIMITS.maxFileBytes) {
    return { ok: false, problems: [{ code: 'too-large', severity: 'error', limit: IMPORT_LIMITS.maxFileBytes }] };
  }
  if (bytes.byteLength === 0) return { ok: false, problems: [{ code: 'empty', severity: 'error' }] };
  if (bytes.includes(0)) return binary();

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
