/**
 * The user's imported layers in this browser's localStorage, so they survive reloads until the
 * user removes them. One key holds `{ version, layers }`; only layers the user kept (origin
 * 'local') are written: layers received in a link are not the user's until kept.
 *
 * Every tab of the browser shares the key, so no tab writes its own list over it: a change is
 * applied to what the key holds at that moment (read, merge, write; see updateImportLayers),
 * and the tabs learn of each other's writes from the `storage` event (app/bind-imports.ts).
 *
 * Nothing stored is ever lost silently: an entry this version cannot read in full is copied
 * aside before anything is written over it, or else left as it is (import-backup.ts).
 *
 * Storage can be missing (blocked by privacy settings: reading `localStorage` throws), full
 * (setItem throws QuotaExceededError) or hold anything at all (another version, a hand edit):
 * every read is checked strictly (import-check.ts) and no failure ever throws to the caller.
 */
import { nextLayerId } from '../domain/import/apply';
import type { ImportLayer } from '../domain/import/types';
import type { Unit } from '../domain/types';
import { MAX_LAYERS, checkLayers, type CheckProblem } from './import-check';
import {
  MAX_BACKUP_CHARS,
  keepAside,
  type BackupReason,
  type ImportBackup,
  type KeepAsideFailure,
  type StorageLike,
} from './import-backup';

// The backups' names stay importable from here, where they were before import-backup.ts.
export * from './import-backup';

/** Bump the version when the stored shape changes, and add the step from the old one to MIGRATIONS. */
export const IMPORT_STORAGE_VERSION = 1;
/**
 * The key of the layers. It was named after the first version and stays so: the version is
 * inside the entry, so every version reads and writes this one key and can migrate what an
 * older one wrote in place.
 */
export const IMPORT_STORAGE_KEY = 'hebei-explorer:imports:v1';

/**
 * Most characters written: localStorage holds about 5 MB per origin, shared with nothing else
 * here. The same as MAX_BACKUP_CHARS, so a copy of any entry this version wrote fits aside.
 */
export const MAX_STORED_CHARS = MAX_BACKUP_CHARS;

/** A step from an entry of version v (the table's key) to one of version v + 1. */
export type Migration = (entry: Record<string, unknown>) => Record<string, unknown>;
/**
 * The steps from older stored shapes to IMPORT_STORAGE_VERSION, applied in turn. Version 1 is
 * the first stored shape, so there is none yet; an entry with a version below 1 has no step
 * and is kept aside as an older format.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** What a stored entry holds, as this version reads it. */
export type ParsedEntry =
  | { kind: 'ok'; layers: ImportLayer[]; problems: CheckProblem[]; migratedFrom: number | null }
  | { kind: 'unreadable'; version: number | null }
  | { kind: 'older'; version: number }
  | { kind: 'newer'; version: number };

/** Versions and steps to read with; tests give others to exercise the migration path. */
export interface EntryOptions {
  version?: number;
  migrations?: Readonly<Record<number, Migration>>;
}

/** The stored layers as read for a change, with what stands in the way of writing over them. */
export interface StoredRead {
  /** The layers this version could read (checked, migrated); none when nothing could be read. */
  layers: ImportLayer[];
  /** The problems of the layers read: layers or facts dropped by the checks. */
  problems: CheckProblem[];
  /** What was wrong with the entry as a whole, or null for an entry read in full (or none). */
  issue: BackupReason | null;
  /** The entry's version, where it had one. */
  version: number | null;
  /** The entry's text when there is an issue, else null. */
  text: string | null;
  /** The copy of the entry kept aside (made now, or found among the backups), when there is an issue. */
  kept: ImportBackup | null;
  /** Why no copy could be kept, when there is an issue and none was. */
  notKept: KeepAsideFailure | null;
  /** Whether this version may write over the entry: nothing would be lost by it. */
  writable: boolean;
}

export type ReadResult = ({ status: 'read' } & StoredRead) | { status: 'unavailable' };

export type SaveResult =
  | { ok: true }
  | {
      ok: false;
      /**
       * unavailable: storage blocked or refused; full: over MAX_STORED_CHARS or the quota;
       * newer: a newer version's entry is there; not-kept: the entry could not be copied aside;
       * too-many: more layers than IMPORT_LIMITS.maxLayers (the reader would drop the rest).
       */
      reason: 'unavailable' | 'full' | 'newer' | 'not-kept' | 'too-many';
    };

/** The change a tab made to its own layers since it last read or wrote the key. */
export interface LayerDiff {
  added: readonly ImportLayer[];
  removed: readonly ImportLayer[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Source and facts only, as the store compares layers: two layers with the same content are the
 * same data whatever their id, date or origin.
 */
export function sameLayerContent(a: ImportLayer, b: ImportLayer): boolean {
  return JSON.stringify([a.source, a.facts]) === JSON.stringify([b.source, b.facts]);
}

/** What `after` added to and removed from `before`, by content. */
export function diffLayers(before: readonly ImportLayer[], after: readonly ImportLayer[]): LayerDiff {
  return {
    added: after.filter((a) => !before.some((b) => sameLayerContent(a, b))),
    removed: before.filter((b) => !after.some((a) => sameLayerContent(a, b))),
  };
}

/**
 * A tab's change applied to the layers stored now: what it removed goes (by content, whatever
 * id it has here), what it added comes last (a later layer wins over earlier ones), once, with
 * its own id unless another layer has it.
 */
export function mergeLayers(stored: readonly ImportLayer[], diff: LayerDiff): ImportLayer[] {
  const out = stored.filter((s) => !diff.removed.some((r) => sameLayerContent(r, s)));
  for (const layer of diff.added) {
    if (out.some((l) => sameLayerContent(l, layer))) continue;
    const id = out.some((l) => l.id === layer.id) ? nextLayerId(out) : layer.id;
    out.push({ ...layer, id, origin: 'local' });
  }
  return out;
}

/** A stored text as this version reads it: parsed, migrated and checked. Never throws. */
export function parseImportEntry(text: string, units: readonly Unit[], options: EntryOptions = {}): ParsedEntry {
  const current = options.version ?? IMPORT_STORAGE_VERSION;
  const migrations = options.migrations ?? MIGRATIONS;
  let entry: unknown;
  try {
    entry = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', version: null };
  }
  if (!isRecord(entry)) return { kind: 'unreadable', version: null };
  const { version } = entry;
  if (typeof version !== 'number' || !Number.isSafeInteger(version)) return { kind: 'unreadable', version: null };
  if (version > current) return { kind: 'newer', version };
  let migrated: Record<string, unknown> = entry;
  for (let v = version; v < current; v += 1) {
    const step = migrations[v];
    if (!step) return { kind: 'older', version };
    try {
      migrated = step(migrated);
    } catch {
      return { kind: 'older', version };
    }
  }
  if (!('layers' in migrated) || !Array.isArray(migrated.layers)) return { kind: 'unreadable', version };
  const checked = checkLayers(migrated.layers, units, 'local');
  return {
    kind: 'ok',
    layers: checked.layers,
    problems: checked.problems,
    migratedFrom: version < current ? version : null,
  };
}
/**
 * Removes the stored entry if it still holds `text` (the user asked to remove what a notice
 * showed them; another tab may have written since, and that is left alone). True when the
 * entry no longer holds `text`; false if storage refused.
 */
export function removeImportEntry(storage: StorageLike | null, text: string): boolean {
  if (storage === null) return false;
  try {
    if (storage.getItem(IMPORT_STORAGE_KEY) === text) storage.removeItem(IMPORT_STORAGE_KEY);
    return true;
  } catch {
    return false;
  }
}

/** The issue of a parsed entry, if writing over it would lose anything. */
function issueOf(parsed: ParsedEntry): BackupReason | null {
  switch (parsed.kind) {
    case 'unreadable':
    case 'older':
    case 'newer':
      return parsed.kind;
    case 'ok':
      if (parsed.problems.length > 0) return 'dropped';
      return parsed.migratedFrom === null ? null : 'migrated';
  }
}

/**
 * Reads the stored layers before a change. An entry that cannot be written over without loss
 * is first copied aside; `writable` says whether the change may then be written.
 */
export function readImportStorage(
  storage: StorageLike | null,
  units: readonly Unit[],
  options: EntryOptions & { now?: Date } = {},
): ReadResult {
  if (storage === null) return { status: 'unavailable' };
  let text: string | null;
  try {
    text = storage.getItem(IMPORT_STORAGE_KEY);
  } catch {
    return { status: 'unavailable' };
  }
  const clean = { layers: [], problems: [], issue: null, version: null, text: null, kept: null, notKept: null };
  if (text === null) return { status: 'read', ...clean, writable: true };
  const parsed = parseImportEntry(text, units, options);
  const issue = issueOf(parsed);
  const layers = parsed.kind === 'ok' ? parsed.layers : [];
  const problems = parsed.kind === 'ok' ? parsed.problems : [];
  if (issue === null) return { status: 'read', ...clean, layers, writable: true };
  const version = parsed.kind === 'ok' ? parsed.migratedFrom : parsed.version;
  const keep = keepAside(storage, text, issue, version, options.now);
  return {
    status: 'read',
    layers,
    problems,
    issue,
    version,
    text,
    kept: keep.ok ? keep.backup : null,
    notKept: keep.ok ? null : keep.failure,
    writable: keep.ok && issue !== 'newer',
  };
}

/**
 * Writes exactly these layers (the local ones) over the entry; none: the key is removed. Never
 * throws. Low level: a tab's change goes through updateImportLayers, which reads first.
 */
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

export interface UpdateResult {
  /** The entry as read before the change. */
  read: ReadResult;
  /**
   * The stored layers with the change applied: what the key holds now if `save` is ok (or
   * nothing needed writing), what it would hold otherwise. Null when storage could not be read.
   */
  layers: ImportLayer[] | null;
  /** The write, or null when there was nothing to write. */
  save: SaveResult | null;
}

/**
 * A tab's change applied to what the key holds now: read (copying aside what would be lost),
 * merge, write. `rewrite` also writes an unchanged list over an entry with an issue, once its
 * copy is kept (at load, so a cleaned entry is not reported again on the next load).
 */
export function updateImportLayers(
  storage: StorageLike | null,
  units: readonly Unit[],
  diff: LayerDiff,
  options: EntryOptions & { now?: Date; rewrite?: boolean } = {},
): UpdateResult {
  const read = readImportStorage(storage, units, options);
  if (read.status === 'unavailable') return { read, layers: null, save: { ok: false, reason: 'unavailable' } };
  const layers = mergeLayers(read.layers, diff);
  const changed = diff.added.length > 0 || diff.removed.length > 0;
  if (!changed && !(options.rewrite === true && read.issue !== null)) return { read, layers, save: null };
  if (!read.writable) {
    return { read, layers, save: { ok: false, reason: read.issue === 'newer' ? 'newer' : 'not-kept' } };
  }
  // Two tabs can each stay under the limit and together pass it: the entry keeps what it has.
  if (layers.length > MAX_LAYERS) return { read, layers, save: { ok: false, reason: 'too-many' } };
  return { read, layers, save: saveImportLayers(storage, layers) };
}
