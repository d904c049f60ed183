/**
 * Text fitting for the PNG export: the font and measuring types, line breaking (Latin words,
 * single CJK characters, closing punctuation kept with what precedes it), ellipsis cutting, and
 * picking the largest font size at which a text fits a number of lines. Pure: text is measured
 * through a callback so this runs (and is tested) without a canvas.
 */

export type FontWeight = 400 | 600 | 700;
export interface FontSpec {
  size: number;
  weight: FontWeight;
}

/** Width of `text` in CSS px when drawn in `font` (canvas measureText in the browser). */
export type Measure = (text: string, font: FontSpec) => number;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;
/** Closing punctuation stays with the character before it (no line starts with "，"). */
const NO_LINE_START = /^[，。、；：？！）》」』】,.;:?!)\]]/u;

/**
 * Break points: a Latin word with the spaces after it, or a single CJK character (Chinese may
 * break between any two characters), with closing punctuation attached to what precedes it.
 */
function tokens(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of text) {
    if (CJK.test(ch) && !NO_LINE_START.test(ch)) {
      if (word) out.push(word);
      word = '';
      out.push(ch);
    } else if (NO_LINE_START.test(ch) && !word && out.length > 0) {
      out[out.length - 1] += ch;
    } else if (/\s/u.test(ch)) {
      word += ch;
      out.push(word);
      word = '';
    } else {
      word += ch;
    }
  }
  if (word) out.push(word);
  return out;
}

/** Greedy line breaking; a token wider than a line is broken between characters. */
export function wrapText(text: string, maxWidth: number, font: FontSpec, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
  };
  for (const token of tokens(text.trim())) {
    if (measure((line + token).trimEnd(), font) <= maxWidth) {
      line += token;
      continue;
    }
    push();
    if (measure(token.trimEnd(), font) <= maxWidth) {
      line = token.trimStart();
      continue;
    }
    for (const ch of token) {
      if (line && measure(line + ch, font) > maxWidth) push();
      line += ch;
    }
  }
  push();
  return lines;
}

/** Cuts a line and adds "…" so it fits. */
export function ellipsize(text: string, maxWidth: number, font: FontSpec, measure: Measure): string {
  if (measure(text, font) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && measure(`${chars.join('').trimEnd()}…`, font) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

export interface FittedText {
  size: number;
  lines: string[];
  /** The text did not fit even at the smallest size and was cut. */
  truncated: boolean;
}

/**
 * The largest font size in [minSize, maxSize] (half-pixel steps) at which `text` wraps into at
 * most `maxLines` lines of `maxWidth`; at minSize the last line is cut with an ellipsis.
 */
export function fitText(
  text: string,
  maxWidth: number,
  maxLines: number,
  sizes: { max: number; min: number },
  weight: FontWeight,
  measure: Measure,
): FittedText {
  for (let size = sizes.max; size >= sizes.min; size -= 0.5) {
    const lines = wrapText(text, maxWidth, { size, weight }, measure);
    if (lines.length <= maxLines) return { size, lines, truncated: false };
  }
  const font = { size: sizes.min, weight };
  const lines = wrapText(text, maxWidth, font, measure);
  const kept = lines.slice(0, maxLines);
  const last = kept.length - 1;
  if (last >= 0)
    kept[last] = ellipsize(`${kept[last] ?? ''} ${lines.slice(maxLines).join(' ')}`, maxWidth, font, measure);
  return { size: sizes.min, lines: kept, truncated: true };
}
