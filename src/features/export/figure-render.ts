/**
 * Figures in the browser: text measured on a canvas in the figure's fonts, the SVG document
 * (domain/figure/figure-layout.ts), and the PNG as that SVG rasterized (an <img> of a blob: URL,
 * which the CSP's img-src allows, drawn on a canvas at 1× or 2×), so the PNG, the SVG and the
 * preview are one drawing. Loaded on use, not with the page.
 */
import { FIGURE_FONT, figureFileName, figureSvg, type FigureSpec } from '../../domain/figure/figure-layout';
import type { FontSpec, Measure } from '../../domain/export-png-text';
import type { ExportFile } from './export-runner';
import { composeFigure, keptTexts, viewFigure } from './figure-compose';
import type { AppState } from '../../store/store';
import { t } from '../../i18n/i18n';
import './on-demand-messages';

export type FigureFormat = 'png1' | 'png2' | 'svg';

let measureCanvas: CanvasRenderingContext2D | null = null;

/** canvas measureText in the figure's fonts (the same list the SVG names, so the same font is used). */
export const canvasMeasure: Measure = (text: string, font: FontSpec) => {
  measureCanvas ??= document.createElement('canvas').getContext('2d');
  if (!measureCanvas) return text.length * font.size * 0.6;
  measureCanvas.font = `${font.weight} ${font.size}px ${FIGURE_FONT}`;
  return measureCanvas.measureText(text).width;
};

/** The SVG rasterized at `scale` × its size. */
export async function svgToPng(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas context');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('canvas.toBlob gave no image');
    return blob;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The file of a figure in a format, named hebei-innovation-<span>[-<area>][@2x].png|svg. */
export async function figureFile(
  spec: FigureSpec,
  name: { span: string; area: string | null },
  format: FigureFormat,
): Promise<ExportFile> {
  const { svg, width, height } = figureSvg(spec, canvasMeasure);
  if (format === 'svg') {
    return { blob: new Blob([svg], { type: 'image/svg+xml' }), fileName: figureFileName(name.span, name.area, 'svg') };
  }
  const scale = format === 'png2' ? 2 : 1;
  return {
    blob: await svgToPng(svg, width, height, scale),
    fileName: figureFileName(name.span, name.area, 'png', scale),
  };
}

/** The figure of the view as on screen, with the texts last typed in the figure dialog (the menu's quick items). */
export async function viewFigureFile(state: AppState, format: FigureFormat): Promise<ExportFile> {
  // The on-screen map's CSS size (the camera's frame), as the map writes it; null when not laid out.
  const screen = state.mapFrame;
  const figure = screen ? composeFigure(state, { size: 'screen', screen, texts: keptTexts.get(viewFigure.id) }) : null;
  if (!figure) throw new Error(t(state.lang, 'exportNoMap'));
  return figureFile(figure.spec, figure, format);
}
