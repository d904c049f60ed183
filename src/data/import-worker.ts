/**
 * The import reader's worker: decodes, parses and resolves one input off the main thread, so a
 * 200,000-character paste or a 2 MB file never holds the page. Started by import-reader.ts from
 * a file of our own build (Vite bundles `new Worker(new URL(…))`), so the CSP's
 * `worker-src 'self'` covers it. It says it is ready once loaded: an error before that means the
 * worker cannot run (the reader reads on the main thread), an error after it means a read failed.
 */
import { readImportInput } from '../domain/import/read';
import type { ReaderReply, ReaderRequest } from './import-reader';

/** The worker's global scope, as far as it is used here (the DOM lib types `self` as a window). */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<ReaderRequest>) => void) | null;
  postMessage(message: ReaderReply): void;
};

const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

scope.onmessage = (event) => {
  const seq = event.data?.seq ?? 0;
  try {
    const { input, defaults, units } = event.data;
    scope.postMessage({ seq, read: readImportInput(input, defaults, units) });
  } catch (error) {
    // Whatever throws (reading, or sending the answer back), the page is told: its read settles.
    scope.postMessage({ seq, error: errorText(error) });
  }
};

scope.postMessage({ ready: true });
