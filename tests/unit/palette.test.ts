import { describe, expect, it } from 'vitest';
import {
  DERIVED_OUTLINE,
  EXPORT_INK,
  EXPORT_MUTED,
  EXPORT_RULE,
  EXPORT_SWATCH_FRAME,
  LABEL_TEXT,
  PROVINCE_BORDER,
  TIER_COLORS,
  UI,
  UNKNOWN_GROUND,
  stripeColors,
} from '../../src/domain/palette';
import { deltaE, type Deficiency } from '../helpers/color-vision';

const DEFICIENCIES: Deficiency[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

describe('palette', () => {
  // ΔE76 of 20 is a clearly visible difference between flat map fills.
  it.each(DEFICIENCIES)('keeps A, B, C and the unknown ground apart for %s vision', (deficiency) => {
    const colors = [TIER_COLORS.A, TIER_COLORS.B, TIER_COLORS.C, UNKNOWN_GROUND];
    for (let i = 0; i < colors.length; i += 1) {
      for (let j = i + 1; j < colors.length; j += 1) {
        expect(deltaE(colors[i] ?? '', colors[j] ?? '', deficiency)).toBeGreaterThan(20);
      }
    }
  });

  it.each(DEFICIENCIES)('makes the derived outline visible on every tier for %s vision', (deficiency) => {
    for (const tier of Object.values(TIER_COLORS))
      expect(deltaE(DERIVED_OUTLINE, tier, deficiency)).toBeGreaterThan(20);
  });

  it('orders tiers by lightness, darkest for A', () => {
    const lightness = (c: string) => deltaE(c, '#000000', 'normal');
    expect(lightness(TIER_COLORS.A)).toBeLessThan(lightness(TIER_COLORS.B));
    expect(lightness(TIER_COLORS.B)).toBeLessThan(lightness(TIER_COLORS.C));
  });

  it('draws unknown with colours no tier uses, and ranges with the tiers they allow', () => {
    const unknown = stripeColors(null);
    for (const tier of Object.values(TIER_COLORS)) expect(unknown).not.toContain(tier);
    expect(stripeColors(['B', 'C'])).toEqual([TIER_COLORS.B, TIER_COLORS.C]);
    expect(stripeColors(['A'])).toEqual([TIER_COLORS.A, '#ffffff']);
  });
});

// The change and trajectory palettes are checked, legend entry by legend entry, in palette-cvd.test.ts.

describe('the page colours', () => {
  it('are the ones the map labels and the PNG export use', () => {
    expect(LABEL_TEXT).toBe(UI.ink);
    expect(PROVINCE_BORDER).toBe(UI.ink);
    expect(EXPORT_INK).toBe(UI.ink);
    expect(EXPORT_MUTED).toBe(UI.muted);
    expect(EXPORT_RULE).toBe(UI.line);
    expect(EXPORT_SWATCH_FRAME).toBe(UI.frame);
    expect(UI.accent).toBe(TIER_COLORS.B);
  });
});
