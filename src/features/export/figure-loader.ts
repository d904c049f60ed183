/**
 * The figure dialog's code, loaded on first use: the dialog (figure-dialog.tsx), the figure of
 * the view (figure-compose.ts) and the five years (features/multiples). The Export menu's
 * "Figure…" and "Five years side by side…" ask `figureDialogs` for the dialog (dialog-opener.ts):
 * it opens at once when the code is in, else once it is, and the menu says so meanwhile; a failed
 * load can be tried again, and each chunk is then asked for under another address (Chromium
 * keeps a failed module for the page's life: see retryableImport).
 */
import { lazyModule, retryableImport } from '../../components/lazy-feature';
import type { FigureSource } from '../../components/figure-source';
import type { AppStore } from '../../store/store';
import { multiplesFigure } from '../multiples';
import { dialogOpener, type Show } from './dialog-opener';

export type FigureKind = 'view' | 'multiples';

/** What the menu asks for: which figure, shown with the app's store. */
export interface FigureWanted {
  kind: FigureKind;
  store: AppStore;
}

const dialogCode = lazyModule(retryableImport(() => import('./figure-dialog')));
const viewCode = lazyModule(retryableImport(() => import('./figure-compose')));
// The multiples feature tries its own chunk again under another address (features/multiples).
const multiplesCode = lazyModule(() => multiplesFigure().then((multiplesSource) => ({ multiplesSource })));

const codesOf = (kind: FigureKind) => [dialogCode, kind === 'view' ? viewCode : multiplesCode] as const;

/** Starts loading a figure's code (e.g. when its menu item is pointed at or focused). */
export function preloadFigure(kind: FigureKind): void {
  for (const code of codesOf(kind)) code.preload();
}

/** The Show for a figure whose code is in, or null. */
function showIfLoaded({ kind, store }: FigureWanted): Show | null {
  const dialog = dialogCode.get();
  const source: FigureSource | undefined =
    kind === 'view' ? viewCode.get()?.viewFigure : multiplesCode.get()?.multiplesSource;
  return dialog && source ? () => dialog.showFigureDialog(store, source) : null;
}

export const figureDialogs = dialogOpener<FigureWanted>((wanted) => {
  const show = showIfLoaded(wanted);
  if (show) return show;
  return Promise.all(codesOf(wanted.kind).map((code) => code.load())).then(() => {
    const loaded = showIfLoaded(wanted);
    if (!loaded) throw new Error('the figure code is in but has no figure');
    return loaded;
  });
});
