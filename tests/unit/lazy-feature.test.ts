/**
 * Code loaded on first use (src/components/lazy-feature.tsx): one load however often it is
 * asked for, a failed load that can be tried again, and the panel's code kept once in.
 */
import { describe, expect, it } from 'vitest';
import { lazyFeature } from '../../src/components/lazy-feature';

const Panel = () => null;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('lazyFeature', () => {
  it('loads once, however often preload is called, and is ready after', async () => {
    let loads = 0;
    const feature = lazyFeature(() => {
      loads += 1;
      return Promise.resolve(Panel);
    });
    expect(feature.getStatus()).toBe('idle');
    feature.preload();
    feature.preload();
    expect(feature.getStatus()).toBe('loading');
    await flush();
    feature.preload();
    expect(feature.getStatus()).toBe('ready');
    expect(loads).toBe(1);
  });

  it('a failed load says so and can be tried again', async () => {
    let attempt = 0;
    const feature = lazyFeature(() => {
      attempt += 1;
      return attempt === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(Panel);
    });
    feature.preload();
    await flush();
    expect(feature.getStatus()).toBe('failed');
    feature.preload();
    await flush();
    expect(feature.getStatus()).toBe('ready');
    expect(attempt).toBe(2);
  });
});
