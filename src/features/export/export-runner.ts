/**
 * What the Export menu gives its items: `run` makes a file (in the item's own lazily loaded
 * code), saves it and reports "Saved …" or the failure; one export at a time. The menu's
 * sections (figure-items.tsx, data-items.tsx) call it through this context.
 */
import { createContext, useContext } from 'react';
import type { MessageKey } from '../../i18n/i18n';

export interface ExportFile {
  blob: Blob;
  fileName: string;
}

export interface ExportRunner {
  /** Closes the menu, makes the file with `make` and saves it; `working` is the busy message. */
  run: (make: () => Promise<ExportFile>, working?: MessageKey) => void;
  /** Closes the menu (focus back on the Export button), e.g. before an item opens a dialog. */
  close: () => void;
}

export const ExportRunnerContext = createContext<ExportRunner | null>(null);

export function useExportRunner(): ExportRunner {
  const runner = useContext(ExportRunnerContext);
  if (!runner) throw new Error('useExportRunner outside the Export menu');
  return runner;
}
