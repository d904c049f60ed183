/**
 * The notices about stored entries this version cannot use in full, for bind-imports.ts: once
 * per entry, what is wrong with it, with buttons to download it as it was stored or to remove
 * it (data/import-storage.ts keeps a copy aside before cleaning it); one notice for the copies
 * kept aside on earlier visits; and, when another tab removes copies, their notices here go (or
 * list those left).
 */
import {
  IMPORT_STORAGE_KEY,
  readImportBackups,
  removeImportBackups,
  removeImportEntry,
  type ImportBackup,
  type StorageLike,
  type StoredRead,
} from '../data/import-storage';
import type { Lang } from '../domain/lang';
import { t } from '../i18n';
import type { AppStore, NoticeExtra } from '../store/store';
import { earlierCopiesNotice, keptEntryNotice } from './import-notices';

/** A stored text, or null when there is none or the browser refuses to read it. */
function safeGet(storage: StorageLike, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** Whether the notice of that id is still shown (not dismissed, nor dropped as the oldest). */
export const noticeShown = (store: AppStore, id: number | null): boolean =>
  id !== null && store.getState().notices.some((n) => n.id === id);

export interface KeptCopiesOptions {
  store: AppStore;
  storage: StorageLike | null;
  lang: () => Lang;
  now: () => Date;
  download: (fileName: string, text: string) => void;
  /** The entry that was in the way of writing is removed: this tab's layers are all new to storage. */
  onEntryRemoved: () => void;
}

export interface KeptCopies {
  /** Says once what is wrong with a stored entry (read at start or after another tab's write). */
  reportEntry: (read: StoredRead) => void;
  /** One notice for the copies kept on earlier visits and not reported yet. */
  reportEarlierCopies: () => void;
  /** After another tab's write: the notices whose copies it removed go, or list those left. */
  followBackups: () => void;
}

export function keptCopiesNotices({
  store,
  storage,
  lang,
  now,
  download,
  onEntryRemoved,
}: KeptCopiesOptions): KeptCopies {
  const shown = (id: number | null) => noticeShown(store, id);
  /** Stored entries already reported (by their copy's id, or their text when none was kept). */
  const announced = new Set<string>();
  /**
   * The notices offering to download or remove copies kept aside, by notice id: the copies each
   * is about ('all' for an unreadable backups entry), and the stored entry itself when it is in
   * the way of writing. Another tab may remove them: the notice then goes (or lists the rest).
   */
  const backupNotices = new Map<
    number,
    { ids: readonly string[] | 'all'; entry: string | null; rest?: (left: ImportBackup[]) => void }
  >();

  /**
   * A notice whose actions may dismiss it: `extra` is given the function that does. Returns its
   * id; `replaces` is a notice it takes the place of.
   */
  const notifyDismissable = (
    kind: 'warning' | 'info',
    text: string,
    extra: (dismiss: () => void) => NoticeExtra,
    replaces: number | null = null,
  ): number => {
    const ref: { id?: number } = {};
    const dismiss = () => {
      if (ref.id === undefined) return;
      store.getState().dismissNotice(ref.id);
      backupNotices.delete(ref.id);
    };
    ref.id = store.getState().notify(kind, text, extra(dismiss), replaces);
    return ref.id;
  };

  /**
   * Says once what is wrong with a stored entry, and offers to download it (as it was) or to
   * remove it. An entry still in the way of writing (a newer version's, or one no copy could be
   * made of) is removed itself; otherwise only its copy is, the entry having been cleaned.
   */
  const reportEntry = (read: StoredRead) => {
    const { issue, text } = read;
    if (issue === null || text === null) return;
    const key = read.kept?.id ?? `text:${text}`;
    if (announced.has(key)) return;
    announced.add(key);
    const notice = keptEntryNotice(lang(), { ...read, issue }, now);
    const inTheWay = issue === 'newer' || read.kept === null;
    const kept = read.kept;
    const id = notifyDismissable(notice.kind, notice.text, (dismiss) =>
      notice.extra({
        // The text exactly as it was stored: that is what another version (or a person) can recover.
        download: () => download(notice.fileName, text),
        remove: () => {
          const removed =
            (kept === null || removeImportBackups(storage, [kept.id])) &&
            (!inTheWay || removeImportEntry(storage, text));
          dismiss();
          if (!removed) {
            store.getState().notify('warning', t(lang(), 'importKeptRemoveFailed'));
            return;
          }
          store.getState().notify('info', t(lang(), inTheWay ? 'importKeptEntryRemoved' : 'importKeptRemoved'));
          if (inTheWay) onEntryRemoved();
        },
      }),
    );
    backupNotices.set(id, { ids: kept === null ? [] : [kept.id], entry: inTheWay ? text : null });
  };

  /** Copies kept aside on earlier visits (and not reported just now): one notice for all of them. */
  const reportEarlierCopies = () => {
    const read = readImportBackups(storage);
    if (read.status === 'unavailable') return;
    const earlier = read.status === 'ok' ? read.backups.filter((b) => !announced.has(b.id)) : [];
    if (read.status === 'ok' && earlier.length === 0) return;
    showEarlierCopies(read, earlier, null);
  };

  /** The notice for copies kept earlier: shown, or (`replaces`) listing those another tab left. */
  const showEarlierCopies = (
    read: Exclude<ReturnType<typeof readImportBackups>, { status: 'unavailable' }>,
    earlier: ImportBackup[],
    replaces: number | null,
  ) => {
    if (replaces !== null) backupNotices.delete(replaces);
    const text = read.status === 'ok' ? JSON.stringify({ version: 1, backups: earlier }, null, 2) : read.text;
    const notice = earlierCopiesNotice(lang(), read, earlier, now);
    const id = notifyDismissable(
      notice.kind,
      notice.text,
      (dismiss) =>
        notice.extra({
          download: () => download(notice.fileName, text),
          remove: () => {
            const removed = removeImportBackups(storage, read.status === 'ok' ? earlier.map((b) => b.id) : 'all');
            dismiss();
            store
              .getState()
              .notify(
                removed ? 'info' : 'warning',
                t(lang(), removed ? 'importKeptAllRemoved' : 'importKeptRemoveFailed'),
              );
          },
        }),
      replaces,
    );
    backupNotices.set(id, {
      ids: read.status === 'ok' ? earlier.map((b) => b.id) : 'all',
      entry: null,
      rest: (left) => showEarlierCopies({ status: 'ok', backups: left }, left, id),
    });
  };

  /**
   * Another tab removed copies kept aside (or the entry in the way): a notice whose copies are
   * all gone goes, with its Remove button; one for several copies lists those left.
   */
  const followBackups = () => {
    const read = readImportBackups(storage);
    if (read.status === 'unavailable') return;
    const stored = read.status === 'ok' ? read.backups : null;
    const entryText = storage === null ? null : safeGet(storage, IMPORT_STORAGE_KEY);
    for (const [id, about] of [...backupNotices]) {
      if (!shown(id)) {
        backupNotices.delete(id);
        continue;
      }
      // An unreadable backups entry stays until it is removed (or becomes a list).
      if (about.ids === 'all') {
        if (stored !== null) {
          store.getState().dismissNotice(id);
          backupNotices.delete(id);
        }
        continue;
      }
      const ids = about.ids;
      const left = stored === null ? [] : stored.filter((b) => ids.includes(b.id));
      const entryGone = about.entry === null || entryText !== about.entry;
      const copiesGone = stored !== null && left.length === 0;
      if (entryGone && (ids.length === 0 || copiesGone)) {
        store.getState().dismissNotice(id);
        backupNotices.delete(id);
      } else if (about.rest && stored !== null && left.length < ids.length) about.rest(left);
    }
  };

  return { reportEntry, reportEarlierCopies, followBackups };
}
