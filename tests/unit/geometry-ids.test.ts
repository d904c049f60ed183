import { describe, expect, it } from 'vitest';
import { unitFeatureId } from '../../src/domain/geometry';
import { stripePattern } from '../../src/map/patterns';

describe('feature ids', () => {
  it('are unique across vintages for a reused code', () => {
    expect(unitFeatureId('130502', 2019)).not.toBe(unitFeatureId('130502', 2021));
    expect(Number.isInteger(unitFeatureId('130502', 2021))).toBe(true);
  });
});

describe('stripe patterns', () => {
  it('tile seamlessly: the left column continues the right one diagonally', () => {
    const p = stripePattern(['#000000', '#ffffff'], 2);
    expect(p.width).toBe(8);
    expect(p.data.length).toBe(8 * 8 * 4);
    const px = (x: number, y: number) => p.data[(y * p.width + x) * 4];
    for (let y = 0; y < p.height - 1; y += 1) expect(px(0, y + 1)).toBe(px(p.width - 1, (y + 2) % p.height));
    expect(new Set(Array.from({ length: 8 }, (_, x) => px(x, 0)))).toEqual(new Set([0, 255]));
  });
});
