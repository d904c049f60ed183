/**
 * The figures' text: the named fonts, blocks of text fitted to a width and a number of lines
 * (measured through a callback), and their <text> elements.
 */
import { fitText, type FittedText, type FontSpec, type FontWeight, type Measure } from '../export-png-text';
import { escapeXml, num } from './svg-text';

/**
 * Named fonts first (Latin and CJK), so Inkscape, Illustrator or InDesign can substitute them.
 * Written into attributes as it is: it holds no double quote or ampersand.
 */
export const FIGURE_FONT =
  "'Noto Sans', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export const lineHeightOf = (size: number) => Math.ceil(size * 1.3);

export interface Block {
  fitted: FittedText;
  weight: FontWeight;
  lineHeight: number;
  height: number;
}

export function block(
  text: string,
  width: number,
  lines: number,
  sizes: { max: number; min: number },
  weight: FontWeight,
  measure: Measure,
): Block {
  const fitted = text
    ? fitText(text, width, lines, sizes, weight, measure)
    : { size: sizes.max, lines: [], truncated: false };
  const lineHeight = lineHeightOf(fitted.size);
  return { fitted, weight, lineHeight, height: fitted.lines.length * lineHeight };
}

export function textLines(
  b: Block,
  x: number,
  top: number,
  fill: string,
  anchor: 'start' | 'middle' = 'start',
): string {
  return b.fitted.lines
    .map((line, i) => {
      const baseline = top + i * b.lineHeight + b.lineHeight / 2 + b.fitted.size * 0.35;
      return textElement(line, x, baseline, { size: b.fitted.size, weight: b.weight }, fill, anchor);
    })
    .join('');
}

export function textElement(
  text: string,
  x: number,
  baseline: number,
  font: FontSpec,
  fill: string,
  anchor: 'start' | 'middle',
  extra = '',
): string {
  const anchorAttr = anchor === 'middle' ? ' text-anchor="middle"' : '';
  return `<text x="${num(x)}" y="${num(baseline)}" font-family="${FIGURE_FONT}" font-size="${num(font.size)}" font-weight="${font.weight}" fill="${fill}"${anchorAttr}${extra}>${escapeXml(text)}</text>`;
}
