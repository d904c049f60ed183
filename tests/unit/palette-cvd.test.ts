/**
 * Colour-blind safety of the change and trajectory legends (issue 16): every pair of entries of
 * each legend, as the legend model draws them, stays apart for normal vision and for simulated
 * protanopia, deuteranopia and tritanopia (Machado et al. 2009, severity 1, tests/helpers/
 * color-vision.ts), measured with CIEDE2000 (tests/helpers/ciede2000.ts).
 *
 * Threshold: ΔE00 ≥ 10. A difference of about 1 is just noticeable side by side on large patches;
 * a map asks more: small county shapes, read at a glance against a legend swatch, under a
 * simulation that is itself approximate. Ten times the just-noticeable difference is a margin
 * ordinary categorical palettes meet (ColorBrewer's PuOr ends are 15 apart for deuteranopes).
 *
 * A hatch is told apart by its ground colour and by its lines: two entries differ if their
 * grounds differ by the threshold, or, where one is a flat colour and the other that colour
 * hatched by design ("A in 2021, an earlier year unknown" against "first A in 2021"), if the
 * hatch's lines stand out from its ground by the threshold.
 *
 * Text drawn on the map's fills (county labels) sits on a white halo (90 % opaque): its contrast
 * with the halo over every fill must meet WCAG 2.x AA for normal text (4.5 : 1).
 */
import { describe, expect, it } from 'vitest';
import { legendModel, type LegendEntry, type Look } from '../../src/domain/legend-model';
import { CHANGE_COLORS, LABEL_TEXT, TRAJECTORY_COLORS, UNKNOWN_GROUND } from '../../src/domain/palette';
import { ciede2000 } from '../helpers/ciede2000';
import { hex, lab, simulate, type Deficiency } from '../helpers/color-vision';

const VISIONS: Deficiency[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];
const MIN_DELTA_E = 10;

const deltaE00 = (a: string, b: string, vision: Deficiency) =>
  ciede2000(lab(simulate(hex(a), vision)), lab(simulate(hex(b), vision)));

const NO_COUNTS = {
  states: { stated: { A: 0, B: 0, C: 0 }, derived: { A: 0, B: 0, C: 0 }, range: 0, unknown: 0, total: 0 },
  total: null,
  drawKeys: new Map<string, number>(),
  imported: 0,
};

const entriesOf = (mode: 'change' | 'trajectory'): LegendEntry[] =>
  legendModel({ mode, year: 2023, base: 2020 }, NO_COUNTS);

const ground = (look: Look) => ('fill' in look ? look.fill : (look.stripes[0] ?? ''));
const ink = (look: Look) => ('fill' in look ? null : (look.stripes.at(-1) ?? null));

/** How far apart two entries look for a vision: by ground, or by the hatch's lines when the grounds are one colour by design. */
function separation(a: Look, b: Look, vision: Deficiency): number {
  if (ground(a) !== ground(b)) return deltaE00(ground(a), ground(b), vision);
  const lines = ink(a) ?? ink(b);
  return lines === null ? 0 : deltaE00(ground(a), lines, vision);
}

describe('CIEDE2000', () => {
  // Sharma, Wu & Dalal (2005), Table 1: pairs 1, 7, 17, 20 and 23.
  it.each([
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[50, 2.5, 0], [50, 3.1736, 0.5854], 1.0],
    [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
  ] as const)('gives the published difference for %j and %j', (a, b, expected) => {
    expect(ciede2000([...a], [...b])).toBeCloseTo(expected, 3);
  });
});

describe.each(['change', 'trajectory'] as const)('the %s legend for colour-blind readers', (mode) => {
  const entries = entriesOf(mode);

  it.each(VISIONS)(`keeps every pair of entries at least ${MIN_DELTA_E} ΔE00 apart for %s vision`, (vision) => {
    const close: string[] = [];
    for (let i = 0; i < entries.length; i += 1) {
      for (let j = i + 1; j < entries.length; j += 1) {
        const a = entries[i];
        const b = entries[j];
        if (!a || !b) continue;
        const d = separation(a.look, b.look, vision);
        if (d < MIN_DELTA_E) close.push(`${a.key} / ${b.key}: ${d.toFixed(1)}`);
      }
    }
    expect(close).toEqual([]);
  });

  it.each(VISIONS)('draws every hatch with lines that stand out from its ground for %s vision', (vision) => {
    for (const { look } of entries) {
      const lines = ink(look);
      if (lines !== null) expect(deltaE00(ground(look), lines, vision)).toBeGreaterThanOrEqual(MIN_DELTA_E);
    }
  });
});

describe('the change legend', () => {
  it('has one "not comparable" entry, the only hatched one, and a "same" colour unlike it and unlike the moves', () => {
    const entries = entriesOf('change');
    const hatched = entries.filter((e) => 'stripes' in e.look);
    expect(hatched.map((e) => e.key)).toEqual(['change:not-comparable']);
    const notComparable = hatched[0]?.look;
    if (!notComparable) throw new Error('no not-comparable entry');
    for (const vision of VISIONS) {
      // "Same" is far from the hatch's ground and lines alike, so it never blends into it.
      expect(deltaE00(CHANGE_COLORS.same, ground(notComparable), vision)).toBeGreaterThanOrEqual(2 * MIN_DELTA_E);
      expect(deltaE00(CHANGE_COLORS.same, ink(notComparable) ?? '', vision)).toBeGreaterThanOrEqual(MIN_DELTA_E);
    }
  });
});

describe('the trajectory legend', () => {
  it('keeps the greens in lightness order, darkest for the earliest first year in A', () => {
    const years = [2019, 2020, 2021, 2022, 2023] as const;
    const lightness = years.map((y) => lab(simulate(hex(TRAJECTORY_COLORS[y]), 'normal'))[0]);
    expect([...lightness].sort((a, b) => a - b)).toEqual(lightness);
  });

  it('draws "A that year, an earlier year unknown" as that year’s green crossed by the unknown lines', () => {
    const entries = entriesOf('trajectory');
    for (const year of [2020, 2021, 2022, 2023] as const) {
      const open = entries.find((e) => e.key === `traj:${year}-open`)?.look;
      const sure = entries.find((e) => e.key === `traj:${year}`)?.look;
      expect(sure).toEqual({ fill: TRAJECTORY_COLORS[year] });
      expect(open && ground(open)).toBe(TRAJECTORY_COLORS[year]);
      expect(open && ink(open)).not.toBe(TRAJECTORY_COLORS[year]);
    }
  });
});

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
const contrast = (a: [number, number, number], b: [number, number, number]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
};

describe('text on the map’s fills', () => {
  // The map's label halo: white at 90 % opacity (map/gl/map-style.ts, map/canvas/draw.ts).
  const HALO_ALPHA = 0.9;
  const onHalo = (fill: string): [number, number, number] =>
    hex(fill).map((c) => Math.round(255 * HALO_ALPHA + c * (1 - HALO_ALPHA))) as [number, number, number];

  it('keeps county labels at WCAG AA contrast (4.5 : 1) on their halo over every change and trajectory colour', () => {
    const fills = [
      ...Object.values(CHANGE_COLORS),
      ...Object.values(TRAJECTORY_COLORS),
      UNKNOWN_GROUND,
      ...entriesOf('trajectory').flatMap((e) => ('stripes' in e.look ? e.look.stripes : [])),
    ];
    for (const fill of fills) expect(contrast(hex(LABEL_TEXT), onHalo(fill))).toBeGreaterThanOrEqual(4.5);
  });
});
