/**
 * File bytes → text.
 */
import type { ImportProblem } from './types';

export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-8-bom' | 'gbk'; problems: ImportProblem[] }
  | { ok: false; problems: ImportProblem[] };

export function decodeImportBytes(bytes: Uint8Array): DecodeResult {
  void bytes;
  throw new Error('decodeImportBytes: not yet implemented');
}
