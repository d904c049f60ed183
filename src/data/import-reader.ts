/**
 * Reads import input off the main thread. One worker (import-worker.ts), started on the first
 * read and kept for the next ones; a newer read makes an older one's answer moot (only the
 * latest is delivered), and cancel() stops the work at once by ending the worker.
 *
 * Where a worker cannot start or dies (an old browser, a blocked script), the same pure function
 * runs on the main thread after the next paint, so the "Reading…" state is seen first; parsing
 * is linear in the input, so even then the largest allowed input takes a fraction of a second.
 */
import { readImportInput, type ImportInput, type ImportRead } from '../domain/import/read';
import type { NoticeDefaults } from '../domain/import/notice';
import type { Unit } from '../domain/types';

export interface ReaderRequest {
  seq: number;
  input: ImportInput;
  defaults: NoticeDefaults;
  units: readonly Unit[];
}

export type ReaderReply = { seq: number; read: ImportRead } | { seq: number; error: string };

export interface ImportReader {
  /** Starts the worker ahead of the first read (its script loads while the user pastes). */
  prepare(): void;
  /** Resolves with the read, or null when a later read or cancel() made this one moot. */
  read(input: ImportInput, defaults: NoticeDefaults, units: readonly Unit[]): Promise<ImportRead | null>;
  cancel(): void;
  dispose(): void;
}

type Pending = { seq: number; resolve: (read: ImportRead | null) => void; request: ReaderRequest };

/** `makeWorker` is for tests: null runs every read on the main thread. */
export function createImportReader(makeWorker: (() => Worker | null) | null = startWorker): ImportReader {
  let worker: Worker | null = null;
  let workerFailed = makeWorker === null;
  let seq = 0;
  let pending: Pending | null = null;

  const settle = (reply: Pending, read: ImportRead | null) => {
    if (pending === reply) pending = null;
    reply.resolve(read);
  };

  const onMainThread = (job: Pending) => {
    // A macrotask: the page paints its "Reading…" state before the work starts.
    setTimeout(() => {
      if (pending !== job) return;
      settle(job, readImportInput(job.request.input, job.request.defaults, job.request.units));
    }, 0);
  };

  const stopWorker = () => {
    worker?.terminate();
    worker = null;
  };

  const ensureWorker = (): Worker | null => {
    if (worker !== null || workerFailed || makeWorker === null) return worker;
    try {
      worker = makeWorker();
    } catch {
      worker = null;
    }
    if (worker === null) {
      workerFailed = true;
      return null;
    }
    worker.onmessage = (event: MessageEvent<ReaderReply>) => {
      const job = pending;
      if (job === null || event.data.seq !== job.seq) return;
      if ('read' in event.data) settle(job, event.data.read);
      else onMainThread(job);
    };
    // The script could not load or the worker crashed: from now on, read on the main thread.
    worker.onerror = (event) => {
      event.preventDefault();
      workerFailed = true;
      stopWorker();
      if (pending !== null) onMainThread(pending);
    };
    return worker;
  };

  return {
    prepare() {
      ensureWorker();
    },
    read(input, defaults, units) {
      if (pending !== null) settle(pending, null);
      seq += 1;
      const request: ReaderRequest = { seq, input, defaults, units };
      return new Promise((resolve) => {
        const job: Pending = { seq: request.seq, resolve, request };
        pending = job;
        const target = ensureWorker();
        if (target === null) {
          onMainThread(job);
          return;
        }
        try {
          target.postMessage(request);
        } catch {
          // The input could not be cloned to the worker (never for strings and byte arrays).
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
