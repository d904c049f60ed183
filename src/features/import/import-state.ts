/**
 * The import dialog's state as a pure reducer: what the user typed and chose, which read is
 * running, its outcome, the source fields and the status line. No React and no worker here: the
 * dialog runs the read the state asks for (a 'reading' stage, by its `seq`) and dispatches its
 * answer back; an answer for any other `seq` is one a later read, a cancel or a Clear made moot.
 *
 * Messages are kept as message keys with parameters, worded by the dialog in the current
 * language.
 */
import { isSourceDate, safeSourceUrl } from '../../data/import-check';
import {
  IMPORT_LIMITS,
  pastedInput,
  type ImportInput,
  type ImportProblem,
  type NoticeDefaults,
  type ResolvedEntry,
} from '../../domain/import';
import { stripBidiControls } from '../../domain/text-safety';
import type { UnitCode } from '../../domain/types';
import type { MessageKey } from '../../i18n/i18n';
import './on-demand-messages';

/** Where the input came from: a size limit is in bytes for a file, in characters for text. */
export type InputKind = 'text' | 'file';

/** An input as text, as a successful read gives it back (a file's bytes already decoded). */
export type TextInput = Extract<ImportInput, { kind: 'text' }>;

/** The year, tier and score order a notice is read with (the reader's defaults). */
export type ReadOptions = NoticeDefaults;

export type Stage =
  | { kind: 'idle' }
  /**
   * Decoding, parsing and matching in the reader's worker; `size` in the input's own unit.
   * `seq` names this read: only an answer with the same `seq` is taken.
   */
  | { kind: 'reading'; from: InputKind; size: number; seq: number; input: ImportInput; options: ReadOptions }
  | { kind: 'failed'; problems: ImportProblem[]; from: InputKind }
  | { kind: 'ready'; resolved: ResolvedEntry[]; notes: ImportProblem[]; from: InputKind };

export interface SourceFields {
  title: string;
  date: string;
  url: string;
}

export type SourceField = keyof SourceFields;

export interface SourceErrors {
  title?: boolean;
  date?: boolean;
  url?: boolean;
}

/** A line of the dialog's status region, worded when shown. */
export interface StatusLine {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export interface ImportState {
  text: string;
  /** The chosen file's name (bidirectional controls removed) and size in KB, once it is loaded. */
  fileNote: { name: string; kb: number } | null;
  options: ReadOptions;
  stage: Stage;
  /** The last input read successfully (as text), so changing the year or tier reads it again. */
  last: { input: TextInput; from: InputKind } | null;
  /** The last read's number; each read takes the next. */
  seq: number;
  /** The user's unit for an ambiguous name, by the entry's index. */
  choices: ReadonlyMap<number, UnitCode>;
  /** The conflicts the user accepts (their fact keys). */
  accepted: ReadonlySet<string>;
  source: SourceFields;
  errors: SourceErrors;
  status: StatusLine | null;
}

/** What Apply found: the cleaned source when it may go ahead, or why not. */
export type ApplyCheck =
  | { kind: 'need-preview' }
  | { kind: 'invalid'; errors: SourceErrors; first: SourceField }
  | { kind: 'nothing'; errors: SourceErrors }
  /** The browser keeps IMPORT_LIMITS.maxLayers already: one must be removed first. */
  | { kind: 'too-many-layers' }
  | { kind: 'ok'; source: SourceFields };

export type ImportAction =
  | { type: 'text-changed'; text: string }
  /** Preview pressed: reads the text box, or fails at once when it is empty or too long. */
  | { type: 'text-read' }
  /** A file was picked, before its bytes are loaded; too large a file fails here. */
  | { type: 'file-chosen'; size: number }
  | { type: 'file-loaded'; name: string; size: number; bytes: Uint8Array }
  /** The browser could not give the file's bytes. */
  | { type: 'file-unreadable' }
  | { type: 'read-finished'; seq: number; input: TextInput; resolved: ResolvedEntry[]; notes: ImportProblem[] }
  | { type: 'read-failed'; seq: number; problems: ImportProblem[] }
  | { type: 'read-cancelled' }
  | { type: 'options-changed'; options: Partial<ReadOptions> }
  | { type: 'choice-made'; index: number; code: UnitCode | null }
  | { type: 'conflict-accepted'; key: string; take: boolean }
  | { type: 'source-changed'; field: SourceField; value: string }
  | { type: 'apply-checked'; check: ApplyCheck }
  /** `unsaved`: the layer is shown but this browser's storage refused it (gone after a reload). */
  | { type: 'applied'; n: number; title: string; unsaved?: boolean }
  | { type: 'removed'; title: string }
  | { type: 'cleared' };

export const initialImportState: ImportState = {
  text: '',
  fileNote: null,
  options: { year: null, tier: null, scoreOrdered: false },
  stage: { kind: 'idle' },
  last: null,
  seq: 0,
  choices: new Map(),
  accepted: new Set(),
  source: { title: '', date: '', url: '' },
  errors: {},
  status: null,
};

/** Whether a file of `size` bytes may be loaded at all: a 50 MB file is never read into memory. */
export const fileFits = (size: number): boolean => size <= IMPORT_LIMITS.maxFileBytes;

const problem = (code: ImportProblem['code'], limit?: number): ImportProblem =>
  limit === undefined ? { code, severity: 'error' } : { code, severity: 'error', limit };

const failed = (state: ImportState, from: InputKind, problems: ImportProblem[]): ImportState => ({
  ...state,
  stage: { kind: 'failed', problems, from },
});

/** Starts a read; whatever read was running is superseded by its new `seq`. */
function startRead(state: ImportState, input: ImportInput, from: InputKind, options: ReadOptions): ImportState {
  const seq = state.seq + 1;
  const size = input.kind === 'bytes' ? input.bytes.byteLength : input.text.length;
  return { ...state, seq, status: null, stage: { kind: 'reading', from, size, seq, input, options } };
}

/** Whether an answer is for the read now running. */
const isCurrent = (state: ImportState, seq: number): boolean =>
  state.stage.kind === 'reading' && state.stage.seq === seq;

/**
 * Apply's checks, in order: a preview must be shown; the title is required, the date must be
 * a source date and the link (if any) http or https; then there must be something to apply.
 * Bidirectional controls are removed first: they could make the title read backwards wherever
 * it is shown.
 */
export function checkApply(
  source: SourceFields,
  hasPreview: boolean,
  factCount: number,
  /** The user's own layers (kept in this browser) now. */
  layerCount: number,
): ApplyCheck {
  if (!hasPreview) return { kind: 'need-preview' };
  const title = stripBidiControls(source.title).trim();
  const date = stripBidiControls(source.date).trim();
  const url = stripBidiControls(source.url).trim();
  const errors: SourceErrors = {
    title: title === '',
    date: !isSourceDate(date),
    url: url !== '' && safeSourceUrl(url) === null,
  };
  const first: SourceField | null = errors.title ? 'title' : errors.date ? 'date' : errors.url ? 'url' : null;
  if (first !== null) return { kind: 'invalid', errors, first };
  if (factCount === 0) return { kind: 'nothing', errors };
  if (layerCount >= IMPORT_LIMITS.maxLayers) return { kind: 'too-many-layers' };
  return { kind: 'ok', source: { title, date, url } };
}

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case 'text-changed': {
      // A preview of other text would be applied by mistake: it goes (and a read of the text
      // stops) until Preview is pressed again. A file's preview does not depend on the box.
      const next = { ...state, text: action.text };
      return state.stage.kind !== 'idle' && state.stage.from === 'text' ? { ...next, stage: { kind: 'idle' } } : next;
    }
    case 'text-read': {
      const next = { ...state, fileNote: null };
      if (state.text.trim() === '') return failed(next, 'text', [problem('empty')]);
      if (state.text.length > IMPORT_LIMITS.maxTextChars) {
        return failed(next, 'text', [problem('too-large', IMPORT_LIMITS.maxTextChars)]);
      }
      return startRead({ ...next, last: null }, pastedInput(state.text), 'text', state.options);
    }
    case 'file-chosen': {
      const next = { ...state, fileNote: null };
      return fileFits(action.size) ? next : failed(next, 'file', [problem('too-large', IMPORT_LIMITS.maxFileBytes)]);
    }
    case 'file-loaded': {
      const fileNote = { name: stripBidiControls(action.name), kb: Math.max(1, Math.round(action.size / 1024)) };
      return startRead(
        { ...state, fileNote, last: null },
        { kind: 'bytes', bytes: action.bytes },
        'file',
        state.options,
      );
    }
    case 'file-unreadable':
      return failed(state, 'file', [problem('binary')]);
    case 'read-finished': {
      if (state.stage.kind !== 'reading' || !isCurrent(state, action.seq)) return state;
      const { from } = state.stage;
      // The user's choices and accepted conflicts were about the previous read's entries.
      return {
        ...state,
        last: { input: action.input, from },
        choices: new Map(),
        accepted: new Set(),
        stage: { kind: 'ready', resolved: action.resolved, notes: action.notes, from },
      };
    }
    case 'read-failed':
      if (state.stage.kind !== 'reading' || !isCurrent(state, action.seq)) return state;
      return failed(state, state.stage.from, action.problems);
    case 'read-cancelled':
      if (state.stage.kind !== 'reading') return state;
      return { ...state, stage: { kind: 'idle' }, status: { key: 'importReadCancelled' } };
    case 'options-changed': {
      const options = { ...state.options, ...action.options };
      const next = { ...state, options };
      // A preview follows the year and tier it was read with.
      if (state.last !== null && state.stage.kind !== 'idle') {
        return startRead(next, state.last.input, state.last.from, options);
      }
      return next;
    }
    case 'choice-made': {
      const choices = new Map(state.choices);
      if (action.code === null) choices.delete(action.index);
      else choices.set(action.index, action.code);
      return { ...state, choices };
    }
    case 'conflict-accepted': {
      const accepted = new Set(state.accepted);
      if (action.take) accepted.add(action.key);
      else accepted.delete(action.key);
      return { ...state, accepted };
    }
    case 'source-changed':
      return { ...state, source: { ...state.source, [action.field]: action.value } };
    case 'apply-checked': {
      const { check } = action;
      if (check.kind === 'need-preview') return { ...state, status: { key: 'importNeedPreview' } };
      if (check.kind === 'invalid') return { ...state, errors: check.errors };
      if (check.kind === 'nothing') return { ...state, errors: check.errors, status: { key: 'importNothingToApply' } };
      if (check.kind === 'too-many-layers') {
        return {
          ...state,
          errors: {},
          status: { key: 'importTooManyLayers', params: { max: IMPORT_LIMITS.maxLayers } },
        };
      }
      return { ...state, errors: {} };
    }
    case 'applied':
      // Applied: the dialog is ready for the next import; the options are kept.
      return {
        ...state,
        status: {
          key: action.unsaved === true ? 'importAppliedUnsaved' : 'importApplied',
          params: { n: action.n, title: action.title },
        },
        stage: { kind: 'idle' },
        last: null,
        text: '',
        fileNote: null,
        source: { title: '', date: '', url: '' },
        errors: {},
      };
    case 'removed':
      return { ...state, status: { key: 'importRemoved', params: { title: action.title } } };
    case 'cleared':
      return { ...state, text: '', fileNote: null, stage: { kind: 'idle' }, last: null, status: null };
  }
}
