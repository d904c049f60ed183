/**
 * The user's imported layers in this browser's localStorage, so they survive reloads until the
 * user removes them. One versioned key holds `{ version, layers }`; only layers the user kept
 * (origin 'local') are written: layers received in a link are not the user's until kept.
 *
 * Storage can be missing (blocked by privacy settings: reading `localStorage` throws), full
 * (setItem throws QuotaExceededError) or hold anything at all (another version, a hand edit):
 * every read is checked strictly (import-check.ts) and no failure ever throws to the caller.
 */
import type { ImportLayer } from '../domain/import/types';
import type { Unit } from '../domain/types';
import { checkLayers, type CheckProblem } from './import-check';

/** Bump the version when the stored shape changes; older entries are then reported and left alone. */
export const IMPORT_STORAGE_VERSION = 1;
export const IMPORT_STORAGE_KEY = `hebei-explorer:imports:v${IMPORT_STORAGE_VERSION}`;

/** Most characters written: localStorage holds about 5 MB per origin, shared with nothing else here. */
export const MAX_STORED_CHARS = 2_000_000;

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type StorageProblem =
  | CheckProblem
  /** The stored text is not JSON, or not `{ version, layers }` of this version. */
  | { code: 'storage-corrupt' }
  /** Reading the storage failed (blocked, or the browser refused). */
  | { code: 'storage-unavailable' };

export type SaveResult = { ok: true } | { ok: false; reason: 'unavailable' | 'full' };

/** The page's localStorage, or null where reading it throws (storage blocked for this site). */
export function browserStorage(win: { localStorage: Storage } = window): StorageLike | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

/** The kept layers, checked against the units; what fails is dropped and reported. */
export function loadImportLayers(
  storage: StorageLike | null,
  units: readonly Unit[],
): { layers: ImportLayer[]; problems: StorageProblem[] } {
  if (storage === null) return { layers: [], problems: [] };
  let text: string | null;
  try {
    text = storage.getItem(IMPORT_STORAGE_KEY);
  } catch {
    return { layers: [], problems: [{ code: 'storage-unavailable' }] };
  }
  if (text === null) return { layers: [], problems: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { layers: [], problems: [{ code: 'storage-corrupt' }] };
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    !('version' in parsed) ||
    parsed.version !== IMPORT_STORAGE_VERSION ||
    !('layers' in parsed)
  ) {
    return { layers: [], problems: [{ code: 'storage-corrupt' }] };
  }
  return checkLayers(parsed.layers, units, 'local');
}

/** Writes the kept layers (none: the key is removed). Never throws. */
export function saveImportLayers(storage: StorageLike | null, layers: readonly ImportLayer[]): SaveResult {
  if (storage === null) return { ok: false, reason: 'unavailable' };
  const local = layers.filter((l) => l.origin === 'local');
  try {
    if (local.length === 0) {
      storage.removeItem(IMPORT_STORAGE_KEY);
      return { ok: true };
    }
    const text = JSON.stringify({ version: IMPORT_STORAGE_VERSION, layers: local });
    if (text.length > MAX_STORED_CHARS) return { ok: false, reason: 'full' };
    storage.setItem(IMPORT_STORAGE_KEY, text);
    return { ok: true };
  } catch (error) {
    // QuotaExceededError (or Firefox's NS_ERROR_DOM_QUOTA_REACHED) when full; anything else: refused.
    const name = error instanceof Error ? error.name : '';
    return { ok: false, reason: /quota/i.test(name) ? 'full' : 'unavailable' };
  }
}
