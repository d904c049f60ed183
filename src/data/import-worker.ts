/**
 * The import reader's worker: decodes, parses and resolves one input off the main thread, so a
 * 200,000-character paste or a 2 MB file never holds the page. Started by import-reader.ts from
 * a file of our own build (Vite bundles `new Worker(new URL(…))`), so the CSP's
 * `worker-src 'self'` covers it.
 */
import { readImportInput } from '../domain/import/read';
import type { ReaderReply, ReaderRequest } from './import-reader';

/** The worker's global scope, as far as it is used here (the DOM lib types `self` as a window). */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<ReaderRequest>) => void) | null;
  postMessage(message: ReaderReply): void;
};

scope.onmessage = (event) => {
  const { seq, input, defaults, units } = event.data;
  try {
    scope.postMessage({ seq, read: readImportInput(input, defaults, units) });
  } catch (error) {
    // readImportInput does not throw on any input its tests found; should it, the page is told.
    scope.postMessage({ seq, error: error instanceof Error ? error.message : String(error) });
  }
};
