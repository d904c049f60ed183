/**
 * The copies kept aside of the imported layers' stored entry (import-storage.ts), under their
 * own key: `{ version: 1, backups: ImportBackup[] }`, oldest first.
 *
 * Nothing stored is ever lost silently. An entry this version cannot read in full (not JSON, a
 * truncated write, an unknown or older format, layers or facts the checks drop) is copied as it
 * was to the backups before anything is written over it; when no copy can be made (the backups
 * are full, or storage refuses) the entry is left as it is and nothing is written. An entry
 * written by a newer version is never written over at all. The user can then download the copy
 * or remove it (bind-imports.ts offers both); only the user's asking removes a copy.
 *
 * This file holds the backups' key, limits, the shape of a copy, reading, adding and removing
 * copies, and the storage handle both files use. It imports nothing from import-storage.ts
 * (which re-exports all of it), so neither module needs the other loaded first.
 */

/** The key of the copies kept aside: `{ version: 1, backups: ImportBackup[] }`. */
import { isCalendarDate } from '../domain/calendar-date';

export const IMPORT_BACKUP_KEY = 'hebei-explorer:imports:backup';

/**
 * Most copies kept aside, and most characters in all of them: room for one entry of the largest
 * size (import-storage.ts's MAX_STORED_CHARS is this same number). A copy that does not fit is
 * not made (an older one is never dropped to make room), and then the entry it was for is left
 * as it is.
 */
export const MAX_BACKUPS = 5;
export const MAX_BACKUP_CHARS = 2_000_000;

/** The part of localStorage used here; tests give an in-memory one. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The page's localStorage, or null where reading it throws (storage blocked for this site). */
export function browserStorage(win: { localStorage: Storage } = window): StorageLike | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

/** Why an entry had to be copied aside before this version could write over it. */
export type BackupReason =
  /** Not JSON (a truncated write, a hand edit), or not `{ version, layers }`. */
  | 'unreadable'
  /** The format of an older version with no migration step to this one. */
  | 'older'
  /** The format of a newer version: the entry is also never written over. */
  | 'newer'
  /** Some layers or facts failed the checks and are not in what is written back. */
  | 'dropped'
  /** An older format, migrated: the original as it was. */
  | 'migrated';

const BACKUP_REASONS: readonly BackupReason[] = ['unreadable', 'older', 'newer', 'dropped', 'migrated'];

/** A stored entry as it was before this version wrote over it (or, if newer, left it alone). */
export interface ImportBackup {
  /** Unique among the backups. */
  id: string;
  /** When it was copied aside (ISO 8601). */
  savedAt: string;
  reason: BackupReason;
  /** The entry's version where it had one. */
  version: number | null;
  /** The stored text, exactly as it was. */
  text: string;
}

/** Why a copy could not be kept aside. */
export type KeepAsideFailure =
  /** MAX_BACKUPS copies, or MAX_BACKUP_CHARS characters, are kept already. */
  | 'backups-full'
  /** The backups key holds something this version cannot read; it is not written over either. */
  | 'backups-unreadable'
  /** The browser refused the write (quota, or storage blocked). */
  | 'refused';

export type KeepAsideResult =
  { ok: true; backup: ImportBackup; added: boolean } | { ok: false; failure: KeepAsideFailure };
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isBackup(value: unknown): value is ImportBackup {
  if (!isRecord(value)) return false;
  const { id, savedAt, reason, version, text } = value;
  return (
    typeof id === 'string' &&
    typeof savedAt === 'string' &&
    isCalendarDate(savedAt, { time: true }) &&
    typeof reason === 'string' &&
    (BACKUP_REASONS as readonly string[]).includes(reason) &&
    (version === null || typeof version === 'number') &&
    typeof text === 'string'
  );
}

export type BackupsRead =
  | { status: 'ok'; backups: ImportBackup[] }
  /** Not a list of backups this version knows: it is never written over, only removed by the user. */
  | { status: 'unreadable'; text: string }
  | { status: 'unavailable' };

/** The copies kept aside, oldest first. */
export function readImportBackups(storage: StorageLike | null): BackupsRead {
  if (storage === null) return { status: 'unavailable' };
  let text: string | null;
  try {
    text = storage.getItem(IMPORT_BACKUP_KEY);
  } catch {
    return { status: 'unavailable' };
  }
  if (text === null) return { status: 'ok', backups: [] };
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed) && parsed.version === 1 && Array.isArray(parsed.backups) && parsed.backups.every(isBackup)) {
      return { status: 'ok', backups: parsed.backups };
    }
  } catch {
    // Not JSON: the same as any other unknown content.
  }
  return { status: 'unreadable', text };
}

function writeBackups(storage: StorageLike, backups: readonly ImportBackup[]): boolean {
  try {
    if (backups.length === 0) storage.removeItem(IMPORT_BACKUP_KEY);
    else storage.setItem(IMPORT_BACKUP_KEY, JSON.stringify({ version: 1, backups }));
    return true;
  } catch {
    return false;
  }
}

/**
 * Copies a stored text aside. The same text kept earlier is not copied twice (a newer version's
 * entry is read on every load); a copy never replaces another.
 */
export function keepAside(
  storage: StorageLike,
  text: string,
  reason: BackupReason,
  version: number | null,
  now: Date = new Date(),
): KeepAsideResult {
  const read = readImportBackups(storage);
  if (read.status === 'unavailable') return { ok: false, failure: 'refused' };
  if (read.status === 'unreadable') return { ok: false, failure: 'backups-unreadable' };
  const same = read.backups.find((b) => b.text === text);
  if (same) return { ok: true, backup: same, added: false };
  const chars = read.backups.reduce((sum, b) => sum + b.text.length, 0);
  if (read.backups.length >= MAX_BACKUPS || chars + text.length > MAX_BACKUP_CHARS) {
    return { ok: false, failure: 'backups-full' };
  }
  const savedAt = now.toISOString();
  let id = savedAt;
  for (let n = 2; read.backups.some((b) => b.id === id); n += 1) id = `${savedAt}#${n}`;
  const backup: ImportBackup = { id, savedAt, reason, version, text };
  return writeBackups(storage, [...read.backups, backup])
    ? { ok: true, backup, added: true }
    : { ok: false, failure: 'refused' };
}

/**
 * Removes the copies with these ids, or the whole backups key ('all': also one this version
 * cannot read). Only ever because the user asked to. False if storage refused.
 */
export function removeImportBackups(storage: StorageLike | null, ids: readonly string[] | 'all'): boolean {
  if (storage === null) return false;
  if (ids === 'all') return writeBackups(storage, []);
  const read = readImportBackups(storage);
  if (read.status !== 'ok') return false;
  const rest = read.backups.filter((b) => !ids.includes(b.id));
  return rest.length === read.backups.length || writeBackups(storage, rest);
}
