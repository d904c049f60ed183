/**
 * The figures' vector map (domain/figure/map-svg.ts) against the real geometry: every unit of
 * the year drawn once with the fill of its look, hatches as patterns, the panel clipped, the
 * emphasis layers only for the units they concern, and paths that trace the same rings as the
 * 2D map (the same arcs, under the panel's transform).
 */
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { fitTransform, mapPanelSvg, num, unitsBox, viewTransform, escapeXml } from '../../src/domain/figure/map-svg';
import { geometryFromTopology } from '../../src/domain/geometry';
import type { DrawState } from '../../src/domain/map-keys';
import { TIER_COLORS } from '../../src/domain/palette';
import type { UnitCode } from '../../src/domain/types';

const topology = JSON.parse(readFileSync('geo/out/hebei.topo.json', 'utf8')) as Topology;
const geometry = geometryFromTopology(topology);
const codes2021 = [...geometry.labels[2021].keys()];
const rect = { x: 10, y: 50, width: 600, height: 700 };

/** Tiers cycled over the units, one unknown: a synthetic drawing, only to see each look drawn. */
function drawOf(codes: readonly UnitCode[]): Map<UnitCode, DrawState> {
  const keys = ['A', 'B-derived', 'C', 'unknown', 'range:AB'];
  return new Map(codes.map((code, i) => [code, { key: keys[i % keys.length] ?? 'A', outline: i % 5 === 1 }]));
}

const count = (text: string, part: string) => text.split(part).length - 1;
const unitPaths = (text: string, id: string) => [...text.matchAll(new RegExp(`id="${id}-u\\d{6}"`, 'g'))].length;

describe('mapPanelSvg', () => {
  const box = unitsBox(geometry, 2023);
  if (!box) throw new Error('no units');
  const transform = fitTransform(box, rect, 8);
  const draw = drawOf(codes2021);
  const { defs, body } = mapPanelSvg({ geometry, year: 2023, draw, rect, transform, id: 'p1' });

  it('draws every unit of the year once, named by its code, with its look', () => {
    expect(codes2021.length).toBe(167);
    for (const code of codes2021) expect(count(body, `id="p1-u${code}"`)).toBe(1);
    expect(body).toContain(`fill="${TIER_COLORS.A}"`);
    // The unknown hatch and the A/B range are patterns in the defs, used by the units.
    expect(count(defs, '<pattern ')).toBe(2);
    expect(body).toContain('fill="url(#p1-h0)"');
    expect(body).toContain('fill="url(#p1-h1)"');
  });

  it('fits the units in the panel: every coordinate inside the rect and its padding', () => {
    const unitsGroup = /<g id="p1-units"[^>]*>(.*?)<\/g>/.exec(body)?.[1] ?? '';
    const numbers = [...unitsGroup.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(numbers.length).toBeGreaterThan(1000);
    const xs = numbers.map(([x]) => x ?? 0);
    const ys = numbers.map(([, y]) => y ?? 0);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(rect.x + 8 - 0.1);
    expect(Math.max(...xs)).toBeLessThanOrEqual(rect.x + rect.width - 8 + 0.1);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(rect.y + 8 - 0.1);
    expect(Math.max(...ys)).toBeLessThanOrEqual(rect.y + rect.height - 8 + 0.1);
    // The long side touches the padding.
    const fitsWidth = Math.abs(Math.max(...xs) - Math.min(...xs) - (rect.width - 16)) < 1;
    const fitsHeight = Math.abs(Math.max(...ys) - Math.min(...ys) - (rect.height - 16)) < 1;
    expect(fitsWidth || fitsHeight).toBe(true);
  });

  it('clips the panel and draws dotted outlines only for outlined units', () => {
    expect(defs).toContain('<clipPath id="p1-clip">');
    expect(body.startsWith('<g id="p1" clip-path="url(#p1-clip)">')).toBe(true);
    const dotted = /<g id="p1-dotted"[^>]*>(.*?)<\/g>/.exec(body)?.[1] ?? '';
    expect(count(dotted, '<path')).toBe([...draw.values()].filter((s) => s.outline).length);
    expect(body).not.toContain('p1-wash');
    expect(body).not.toContain('p1-imported');
  });

  it('washes out muted units, outlines flow, imported and selected ones', () => {
    const [first = '', second = '', third = ''] = codes2021;
    const emphasis = new Map([
      [first, { flow: true, muted: false, unlit: false, imported: false }],
      [second, { flow: false, muted: true, unlit: false, imported: true }],
    ]);
    const out = mapPanelSvg({ geometry, year: 2023, draw, rect, transform, id: 'p2', emphasis, selected: [third] });
    expect(count(/<g id="p2-wash"[^>]*>(.*?)<\/g>/.exec(out.body)?.[1] ?? '', '<path')).toBe(1);
    expect(count(/<g id="p2-flow"[^>]*>(.*?)<\/g>/.exec(out.body)?.[1] ?? '', '<path')).toBe(1);
    expect(count(/<g id="p2-selected"[^>]*>(.*?)<\/g>/.exec(out.body)?.[1] ?? '', '<path')).toBe(1);
    expect(out.defs).toContain('<mask id="p2-gap"');
    expect(out.body).toContain('mask="url(#p2-gap)"');
  });

  it('leaves out what is outside the panel', () => {
    // Zoomed in on Shijiazhuang: far fewer units than the province.
    const zoomed = viewTransform({ lng: 114.5, lat: 38.05, zoom: 10 }, rect);
    const out = mapPanelSvg({ geometry, year: 2023, draw, rect, transform: zoomed, id: 'z' });
    const drawn = unitPaths(out.body, 'z');
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(40);
  });

  it('gives the 2019 boundaries for 2019 and 2020', () => {
    const codes2019 = [...geometry.labels[2019].keys()];
    expect(codes2019.length).toBe(168);
    const out = mapPanelSvg({ geometry, year: 2019, draw: drawOf(codes2019), rect, transform, id: 'o' });
    expect(unitPaths(out.body, 'o')).toBe(168);
  });
});

describe('SVG text helpers', () => {
  it('writes numbers short and escapes markup', () => {
    expect(num(1.5)).toBe('1.5');
    expect(num(2.0)).toBe('2');
    expect(num(-0.001)).toBe('0');
    expect(num(10.256, 1)).toBe('10.3');
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });
});
