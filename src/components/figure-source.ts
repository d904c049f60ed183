/**
 * What a figure dialog is given (features/export shows it; features/multiples is one): the
 * figure's source, the request it composes for, and the composed figure. Types only, shared by
 * the two features so that neither imports the other's files for them.
 */
import type { FigureSpec } from '../domain/figure/figure-layout';
import type { MessageKey } from '../i18n/i18n';
import type { AppState } from '../store/store';

export type FigureSize = 'screen' | 'a4';

export interface FigureTexts {
  title: string;
  subtitle: string;
}

export interface FigureRequest {
  size: FigureSize;
  texts: Partial<FigureTexts>;
  screen: { width: number; height: number } | null;
  /** The dialog's width (CSS px): a figure drawn for reading in the app may fit it. */
  viewWidth: number;
  /** Drawn for the downloads (true) or for the dialog's preview (false). */
  forFile: boolean;
}

/** What a figure dialog shows: its heading, the sizes offered, a note, and how the figure is composed. */
export interface FigureSource {
  /** Names the texts kept between openings. */
  id: string;
  heading: MessageKey;
  sizes: readonly FigureSize[];
  /** A sentence under the heading (e.g. what the multiples show in change mode), or null. */
  note: (state: AppState) => string | null;
  compose: (state: AppState, request: FigureRequest) => ComposedFigure | null;
}

export interface ComposedFigure {
  spec: FigureSpec;
  /** What the file name says (figureFileName): the year or span, and the area (English). */
  span: string;
  area: string | null;
  defaults: FigureTexts;
}
