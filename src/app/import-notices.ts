/**
 * The wording of the notices about imported layers, for bind-imports.ts: a problem with layers
 * read back (from storage or a link), a link that cannot be read, a failed save, a stored entry
 * copied aside, the copies kept on earlier visits, and another tab's change. Everything here
 * turns a result into text, details and button labels in the UI language; what the buttons do,
 * and when a notice is shown, stays with the binder; only the saving of a kept copy as a file
 * (the Download buttons' default) is here too.
 */
import { checkLayers, type CheckProblem, type LayerDropReason } from '../data/import-check';
import type {
  BackupReason,
  BackupsRead,
  ImportBackup,
  LayerDiff,
  SaveResult,
  StoredRead,
} from '../data/import-storage';
import { IMPORT_LIMITS, type ImportLayer } from '../domain/import/types';
import type { Lang } from '../domain/lang';
import { stripBidiControls } from '../domain/text-safety';
import type { Unit } from '../domain/types';
import type { NoticeAction, NoticeExtra } from '../store/store';
import { saveFile } from '../components/save-file';
import { t, type MessageKey } from '../i18n';
import { decodeImportFragment, type FragmentRead } from '../url/import-fragment';

/** A problem with layers read back: a dropped layer or facts, or storage that could not be read. */
export type ImportReadProblem = CheckProblem | { code: 'storage-unavailable' };

const DROP_REASON: Record<LayerDropReason, MessageKey> = {
  shape: 'importDropShape',
  id: 'importDropId',
  title: 'importDropTitle',
  date: 'importDropDate',
  url: 'importDropUrl',
  origin: 'importDropOrigin',
  'no-facts': 'importDropNoFacts',
  'too-many': 'importDropTooMany',
};

const LINK_REASON: Record<Extract<FragmentRead, { status: 'corrupt' }>['reason'], MessageKey> = {
  'too-large': 'importLinkTooLarge',
  encoding: 'importLinkEncoding',
  compression: 'importLinkCompression',
  json: 'importLinkJson',
  version: 'importLinkVersion',
};

/** The notice for stored data copied aside, by why (a newer version's entry has its own). */
const KEPT_TEXT: Record<Exclude<BackupReason, 'newer'>, MessageKey> = {
  unreadable: 'importStorageKeptUnreadable',
  older: 'importStorageKeptOlder',
  migrated: 'importStorageKeptMigrated',
  dropped: 'importStorageKeptDropped',
};

/** A failed save; an entry this version may not write over is described by its own notice. */
const SAVE_FAILURE: Record<Extract<SaveResult, { ok: false }>['reason'], MessageKey> = {
  full: 'importStorageFull',
  unavailable: 'importStorageBlocked',
  newer: 'importStorageNotSaved',
  'not-kept': 'importStorageNotSaved',
  'too-many': 'importStorageTooMany',
};

const KEPT_REASON: Record<BackupReason, MessageKey> = {
  unreadable: 'importKeptReasonUnreadable',
  older: 'importKeptReasonOlder',
  newer: 'importKeptReasonNewer',
  dropped: 'importKeptReasonDropped',
  migrated: 'importKeptReasonMigrated',
};

/** A problem with layers read back, in the UI language. */
export function describeImportProblem(lang: Lang, problem: ImportReadProblem, where: 'storage' | 'link'): string {
  const place = t(lang, where === 'storage' ? 'importWhereStorage' : 'importWhereLink');
  switch (problem.code) {
    case 'storage-unavailable':
      return t(lang, 'importStorageUnavailable');
    case 'not-layers':
      return t(lang, 'importCheckNotLayers', { where: place });
    case 'too-many-layers':
      return t(lang, 'importCheckTooManyLayers', { where: place, limit: problem.limit });
    case 'layer-dropped': {
      const reason = t(lang, DROP_REASON[problem.reason]);
      return problem.title === null || problem.title.trim() === ''
        ? t(lang, 'importCheckLayerDroppedUntitled', { where: place, reason })
        : t(lang, 'importCheckLayerDropped', { where: place, title: stripBidiControls(problem.title), reason });
    }
    case 'facts-dropped':
      return t(lang, problem.count === 1 ? 'importCheckFactDroppedOne' : 'importCheckFactsDropped', {
        where: place,
        title: stripBidiControls(problem.title),
        count: problem.count,
        example: problem.example,
      });
  }
}

/** The layers of a link, checked, and what to say about them. */
export interface LinkLayersRead {
  layers: ImportLayer[];
  messages: string[];
  /** The hash has an `imp` fragment. */
  present: boolean;
  /**
   * The code that inflates the fragment could not be loaded (no connection): nothing was read,
   * and the link is not at fault, so the fragment is worth keeping for a reload.
   */
  unread: boolean;
}

/**
 * The link's layers, checked; a corrupt fragment gives none and one problem text. Async because
 * inflating loads fflate on first use; a fragment rejected before inflating does not wait for it.
 */
export async function readLinkLayers(hash: string, units: readonly Unit[], lang: Lang): Promise<LinkLayersRead> {
  let read: FragmentRead;
  try {
    read = await decodeImportFragment(hash);
  } catch {
    return {
      layers: [],
      messages: [t(lang, 'featureLoadFailed', { name: t(lang, 'importWhereLink') })],
      present: true,
      unread: true,
    };
  }
  if (read.status === 'none') return { layers: [], messages: [], present: false, unread: false };
  if (read.status === 'corrupt') {
    return {
      layers: [],
      messages: [t(lang, 'importLinkCorrupt', { reason: t(lang, LINK_REASON[read.reason]) })],
      present: true,
      unread: false,
    };
  }
  const checked = checkLayers(read.candidates, units, 'link');
  return {
    layers: checked.layers,
    messages: checked.problems.map((p: CheckProblem) => describeImportProblem(lang, p, 'link')),
    present: true,
    unread: false,
  };
}

/**
 * The one notice for what a link read said: its only problem as the text, or (several) a title
 * with their count and one line each, which the notice shows collapsed beyond a few. Null when
 * there is nothing to say. A link of 60 bad layers is one notice, not 51.
 */
export function linkReadNotice(lang: Lang, messages: readonly string[]): { text: string; details: string[] } | null {
  const [first] = messages;
  if (first === undefined) return null;
  if (messages.length === 1) return { text: first, details: [] };
  return { text: t(lang, 'importLinkProblems', { n: messages.length }), details: [...messages] };
}

/** A save that failed, in the UI language. */
export function saveFailureText(lang: Lang, reason: Extract<SaveResult, { ok: false }>['reason']): string {
  return t(lang, SAVE_FAILURE[reason], { max: IMPORT_LIMITS.maxLayers });
}

/** Saves a kept copy (JSON text) as a file through saveFile: an <a download>, no inline script (CSP). */
export function downloadText(fileName: string, text: string): void {
  saveFile(new Blob([text], { type: 'application/json' }), fileName);
}

/** "2026-11-25T08-30-00-000Z": a time for a file name (no ":" or ".", which some systems refuse). */
const fileStamp = (iso: string) => iso.replace(/[:.]/g, '-');

/** "2026-11-25 08:30 UTC": when a copy was kept aside. */
const shownTime = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** What the binder runs for a kept-copy notice's two buttons. */
export interface KeptActions {
  download: () => void;
  remove: () => void;
}

/** A kept-copy notice: its words, the name its download is saved under, and its extras. */
export interface KeptNotice {
  kind: 'warning' | 'info';
  text: string;
  fileName: string;
  extra: (run: KeptActions) => NoticeExtra;
}

/**
 * The notice for a stored entry with an issue, offering to download it or remove it. The clock
 * is read only when no copy was kept (a kept copy dates the file itself).
 */
export function keptEntryNotice(lang: Lang, read: StoredRead & { issue: BackupReason }, now: () => Date): KeptNotice {
  const { issue } = read;
  const text =
    issue === 'newer'
      ? t(lang, 'importStorageNewer', { version: read.version ?? '?' })
      : read.kept === null
        ? t(lang, 'importStorageNotKept')
        : t(lang, KEPT_TEXT[issue], { version: read.version ?? '?' });
  return {
    kind: issue === 'migrated' ? 'info' : 'warning',
    text,
    fileName: `hebei-explorer-imports-${issue}-${fileStamp(read.kept?.savedAt ?? now().toISOString())}.json`,
    extra: (run) => ({
      details: read.problems.map((p) => describeImportProblem(lang, p, 'storage')),
      actions: [
        { label: t(lang, 'importKeptDownload'), run: run.download },
        { label: t(lang, 'importKeptRemove'), run: run.remove },
      ] satisfies NoticeAction[],
    }),
  };
}

/**
 * The one notice for the copies kept on earlier visits: those listed, or (when the backups
 * cannot be read as a list) the whole unreadable backups entry as one.
 */
export function earlierCopiesNotice(
  lang: Lang,
  read: Exclude<BackupsRead, { status: 'unavailable' }>,
  earlier: readonly ImportBackup[],
  now: () => Date,
): KeptNotice {
  return {
    kind: 'info',
    text: t(lang, 'importKeptEarlier', { n: read.status === 'ok' ? earlier.length : 1 }),
    fileName: `hebei-explorer-imports-kept-${fileStamp(now().toISOString())}.json`,
    extra: (run) => ({
      details: earlier.map((b) =>
        t(lang, 'importKeptItem', {
          date: shownTime(b.savedAt),
          reason: t(lang, KEPT_REASON[b.reason]),
          kb: Math.max(1, Math.round(b.text.length / 1024)),
        }),
      ),
      actions: [
        { label: t(lang, 'importKeptDownloadAll'), run: run.download },
        { label: t(lang, 'importKeptRemoveAll'), run: run.remove },
      ] satisfies NoticeAction[],
    }),
  };
}

/** What another tab's write changed in this tab's layers: a count, and one line per layer. */
export function otherTabNotice(lang: Lang, seen: LayerDiff): { text: string; extra: NoticeExtra } {
  const title = (layer: ImportLayer) => stripBidiControls(layer.source.title);
  return {
    text: t(lang, 'importOtherTab', { added: seen.added.length, removed: seen.removed.length }),
    extra: {
      details: [
        ...seen.added.map((x) => t(lang, 'importOtherTabAdded', { title: title(x) })),
        ...seen.removed.map((x) => t(lang, 'importOtherTabRemoved', { title: title(x) })),
      ],
    },
  };
}
