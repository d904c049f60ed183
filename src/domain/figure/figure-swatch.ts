/**
 * A legend swatch of the figures: its look (a fill, or a hatch pattern in the document's defs),
 * a thin frame, and its outline drawn in the colour of the legend model's outline look, or the
 * wash of a faded entry.
 */
import { swatchOutlineLook, washLook, type Look, type Outline } from '../legend-model';
import { EXPORT_SWATCH_FRAME } from '../palette';
import { num, stripeDefs } from './svg-text';

/** The side of a legend swatch (figure px). */
export const SWATCH = 14;

/** The stroke width and inset (figure px) of each swatch outline. */
const STROKES: Record<Exclude<Outline, 'none' | 'faded'>, { width: number; insets: number[]; dash?: string }> = {
  dotted: { width: 2, insets: [1], dash: '2 2' },
  'imported-double': { width: 1.5, insets: [0.75, 4] },
  flow: { width: 2.5, insets: [1.25] },
  selected: { width: 3, insets: [1.5] },
};

/** A legend swatch at (x, y): the look, then a thin frame, then its outline; patterns go to `defs`. */
export function swatchSvg(look: Look, outline: Outline, x: number, y: number, id: string, defs: string[]): string {
  const r = (attrs: string, inset = 0) =>
    `<rect x="${num(x + inset)}" y="${num(y + inset)}" width="${num(SWATCH - 2 * inset)}" height="${num(SWATCH - 2 * inset)}" ${attrs}/>`;
  const parts: string[] = [];
  if ('fill' in look) parts.push(r(`fill="${look.fill}"`));
  else {
    defs.push(stripeDefs(id, look.stripes, look.direction === 'down' ? -45 : 45));
    parts.push(r(`fill="url(#${id})"`));
    if (look.direction === 'cross') {
      defs.push(stripeDefs(`${id}x`, look.stripes, -45, look.stripes.length - 1));
      parts.push(r(`fill="url(#${id}x)"`));
    }
  }
  parts.push(r(`fill="none" stroke="${EXPORT_SWATCH_FRAME}" stroke-width="1"`, 0.5));
  if (outline === 'faded') {
    const wash = washLook();
    parts.push(r(`fill="${wash.fill}" fill-opacity="${wash.opacity}"`));
  } else if (outline !== 'none') {
    const color = swatchOutlineLook(outline)?.color ?? '';
    const { width, insets, dash } = STROKES[outline];
    const dashAttr = dash ? ` stroke-dasharray="${dash}"` : '';
    for (const inset of insets)
      parts.push(r(`fill="none" stroke="${color}" stroke-width="${width}"${dashAttr}`, inset));
  }
  return parts.join('');
}
