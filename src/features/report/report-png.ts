/**
 * The card as a PNG, drawn from the very sheet on screen: the sheet's markup (inline map SVG and
 * swatch styles included) goes into an SVG <foreignObject> with the card's own stylesheet, the
 * SVG is loaded as an <img> from a data: URL (the CSP's img-src allows data:; Chromium taints a
 * canvas that draws a foreignObject SVG from a blob: URL, not from a data: URL), and the image is
 * drawn on a canvas at `scale` times the sheet's CSS pixels. An SVG image is rasterised at the
 * size it is drawn, so the 2× PNG is as sharp as the screen at 2×. One layout for screen, print
 * and PNG: the sheet is laid out once, by the browser. The card's stylesheet reads its colours
 * from the palette's custom properties, so their definitions (palette-css.ts) go before it.
 */
import { EXPORT_PAGE } from '../../domain/palette';
import { paletteCssText } from '../../domain/palette-css';

/** The sheet's width on screen and in the PNG: A4's 210 mm at 96 CSS px per inch. */
export const SHEET_WIDTH_PX = Math.round((210 / 25.4) * 96);

/**
 * A copy of `sheet` laid out at its own size (no zoom) in `host`, measured, and serialised as
 * XHTML. The copy is taken out again before this returns.
 */
function serialise(sheet: HTMLElement, host: HTMLElement): { xhtml: string; width: number; height: number } {
  const copy = sheet.cloneNode(true) as HTMLElement;
  copy.style.position = 'fixed';
  copy.style.left = '-100000px';
  copy.style.top = '0';
  copy.style.width = `${SHEET_WIDTH_PX}px`;
  host.append(copy);
  const width = SHEET_WIDTH_PX;
  const height = Math.ceil(copy.getBoundingClientRect().height);
  copy.remove();
  copy.style.position = '';
  copy.style.left = '';
  copy.style.top = '';
  copy.style.margin = '0';
  return { xhtml: new XMLSerializer().serializeToString(copy), width, height };
}

function loadImage(src: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.decoding = 'async';
  img.src = src;
  return img.decode().then(() => img);
}

/** The PNG of `sheet` at `scale` (2 for a sharp print-size image); `css` is the card's stylesheet text. */
export async function sheetPng(sheet: HTMLElement, host: HTMLElement, css: string, scale = 2): Promise<Blob> {
  const { xhtml, width, height } = serialise(sheet, host);
  // Numeric character references only: the data: URL is percent-encoded UTF-8 text.
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<style>${(paletteCssText() + css).replace(/</g, '\\3c ')}</style>` +
    `<foreignObject x="0" y="0" width="${width}" height="${height}">${xhtml}</foreignObject></svg>`;
  const img = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('report card: no 2D canvas');
  ctx.fillStyle = EXPORT_PAGE;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('report card: toBlob gave nothing'))),
      'image/png',
    );
  });
}
