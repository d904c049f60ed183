/**
 * Reads import input off the main thread. One worker (import-worker.ts), started on the first
 * read and kept for the next ones; a newer read makes an older one's answer moot (only the
 * latest is delivered), and cancel() stops the work at once by ending the worker.
 *
 * Every read settles, and never with an exception: whatever throws while reading (in the worker
 * or here) becomes a refusal that says so (readFailed). An input the worker failed on is not read
 * again on the main thread: what broke there would break here, and hold the page.
 *
 * Only where a worker cannot start (an old browser, a blocked script: it fails before saying it
 * is ready) does the input run on the main thread, in steps with a paint between them (decoding,
 * then parsing and resolving), so the "Reading…" state is seen first. Parsing is linear in the
 * text, but a text over MAIN_THREAD_MAX_CHARS is refused there rather than hold the page, with a
 * problem of its own (no-worker-too-large): the file is within the file limit the dialog states,
 * and the message says why it is not read here and what to do.
 */
import { decodeImportBytes } from '../domain/import/decode';
import type { NoticeDefaults } from '../domain/import/notice';
import { readImportInput, type ImportInput, type ImportRead } from '../domain/import/read';
import { IMPORT_LIMITS } from '../domain/import/types';
import type { Unit } from '../domain/types';

export interface ReaderRequest {
  seq: number;
  input: ImportInput;
  defaults: NoticeDefaults;
  units: readonly Unit[];
}

/** The worker's messages: `ready` once its script has loaded, then one answer per request. */
export type ReaderReply = { ready: true } | { seq: number; read: ImportRead } | { seq: number; error: string };

export interface ImportReader {
  /** Starts the worker ahead of the first read (its script loads while the user pastes). */
  prepare(): void;
  /**
   * Resolves with the read, or null when a later read or cancel() made this one moot. Never
   * rejects: a failure is a read with ok false.
   */
  read(input: ImportInput, defaults: NoticeDefaults, units: readonly Unit[]): Promise<ImportRead | null>;
  cancel(): void;
  dispose(): void;
}

/**
 * The longest text read on the main thread (where no worker can start): the paste limit. The
 * largest file's text is ten times that; parsing it there would hold the page for a second or
 * more, so such a text is refused with this limit instead.
 */
export const MAIN_THREAD_MAX_CHARS = IMPORT_LIMITS.maxTextChars;

/** A read that failed with an error (the reader's, not the input's): said as such, never thrown. */
export function readFailed(error: unknown): ImportRead {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    ok: false,
    problems: [{ code: 'read-failed', severity: 'error', detail: reason }],
  };
}

type Pending = { seq: number; resolve: (read: ImportRead | null) => void; request: ReaderRequest };

/** Waits for the next macrotask: the page paints (and handles input) in between. */
const nextTask = () => new Promise<void>((done) => setTimeout(done, 0));

/**
 * Reads on the main thread in steps, each after a paint; null once `wanted()` says the read is
 * moot. Throws nothing: an error in any step is the read's failure.
 */
async function readInSteps(request: ReaderRequest, wanted: () => boolean): Promise<ImportRead | null> {
  try {
    await nextTask();
    if (!wanted()) return null;
    const { input, defaults, units } = request;
    let text: Extract<ImportInput, { kind: 'text' }>;
    if (input.kind === 'bytes') {
      // As readImportInput decodes: a file's text is bounded by the file limit.
      const decoded = decodeImportBytes(input.bytes);
      if (!decoded.ok) return { ok: false, problems: decoded.problems };
      text = { kind: 'text', text: decoded.text, maxChars: IMPORT_LIMITS.maxFileBytes, notes: decoded.problems };
      await nextTask();
      if (!wanted()) return null;
    } else {
      text = input;
    }
    if (
      typeof text.text === 'string' &&
      text.text.length > MAIN_THREAD_MAX_CHARS &&
      text.text.length <= text.maxChars
    ) {
      return {
        ok: false,
        problems: [...text.notes, { code: 'no-worker-too-large', severity: 'error', limit: MAIN_THREAD_MAX_CHARS }],
      };
    }
    return readImportInput(text, defaults, units);
  } catch (error) {
    return readFailed(error);
  }
}

/** `makeWorker` is for tests: null runs every read on the main thread. */
export function createImportReader(makeWorker: (() => Worker | null) | null = startWorker): ImportReader {
  let worker: Worker | null = null;
  /** Whether the current worker has said it is ready: after that, an error is a failed read. */
  let workerReady = false;
  let workerFailed = makeWorker === null;
  let seq = 0;
  let pending: Pending | null = null;

  const settle = (job: Pending, read: ImportRead | null) => {
    if (pending === job) pending = null;
    job.resolve(read);
  };

  const onMainThread = (job: Pending) => {
    void readInSteps(job.request, () => pending === job).then(
      (read) => {
        if (pending === job) settle(job, read);
      },
      (error: unknown) => {
        if (pending === job) settle(job, readFailed(error));
      },
    );
  };

  const stopWorker = () => {
    const ending = worker;
    worker = null;
    workerReady = false;
    try {
      ending?.terminate();
    } catch {
      // Already gone.
    }
  };

  const ensureWorker = (): Worker | null => {
    if (worker !== null || workerFailed || makeWorker === null) return worker;
    let started: Worker | null;
    try {
      started = makeWorker();
    } catch {
      started = null;
    }
    if (started === null) {
      workerFailed = true;
      return null;
    }
    const current = started;
    worker = current;
    workerReady = false;
    current.onmessage = (event: MessageEvent<ReaderReply>) => {
      if (worker !== current) return;
      const data = event.data as Partial<{ ready: true; seq: number; read: ImportRead; error: string }> | null;
      if (data === null || typeof data !== 'object') return;
      if (data.ready === true) {
        workerReady = true;
        return;
      }
      // An answer means the script loaded, whether or not it said so first.
      workerReady = true;
      const job = pending;
      if (job === null || data.seq !== job.seq) return;
      if (data.read !== undefined) settle(job, data.read);
      else settle(job, readFailed(data.error ?? 'the import worker gave no answer'));
    };
    current.onerror = (event) => {
      event.preventDefault();
      if (worker !== current) return;
      const job = pending;
      if (!workerReady) {
        // The script could not load: from now on, read on the main thread, this read too.
        workerFailed = true;
        stopWorker();
        if (job !== null) onMainThread(job);
        return;
      }
      // The worker died while reading: that read failed (not run again here); the next read
      // starts another worker.
      stopWorker();
      if (job !== null) settle(job, readFailed(event.message || 'the import worker stopped'));
    };
    return current;
  };

  return {
    prepare() {
      try {
        ensureWorker();
      } catch {
        workerFailed = true;
      }
    },
    read(input, defaults, units) {
      if (pending !== null) settle(pending, null);
      seq += 1;
      const request: ReaderRequest = { seq, input, defaults, units };
      return new Promise((resolve) => {
        const job: Pending = { seq: request.seq, resolve, request };
        pending = job;
        let target: Worker | null;
        try {
          target = ensureWorker();
        } catch {
          target = null;
        }
        if (target === null) {
          onMainThread(job);
          return;
        }
        try {
          target.postMessage(request);
        } catch {
          // The input could not be cloned to the worker (never for strings and byte arrays): the
          // worker never saw it, so the main thread reads it.
          onMainThread(job);
        }
      });
    },
    cancel() {
      if (pending === null) return;
      settle(pending, null);
      // The worker may be in the middle of a long read: end it; the next read starts another.
      stopWorker();
    },
    dispose() {
      if (pending !== null) settle(pending, null);
      stopWorker();
    },
  };
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'import-reader' });
}
