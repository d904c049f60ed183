/**
 * Code loaded on first use (src/components/lazy-feature.tsx): one load however often it is
 * asked for, a failed load that can be tried again, and the panel's code kept once in.
 */
import { describe, expect, it } from 'vitest';
import { lazyFeature, lazyModule } from '../../src/components/lazy-feature';

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

describe('lazyModule', () => {
  it('gives the module once in, to every load() asked for meanwhile, from one load', async () => {
    let loads = 0;
    const code = lazyModule(() => {
      loads += 1;
      return Promise.resolve({ answer: 42 });
    });
    expect(code.get()).toBeNull();
    const [a, b] = await Promise.all([code.load(), code.load()]);
    expect(a).toBe(b);
    expect(code.get()).toBe(a);
    expect(code.getStatus()).toBe('ready');
    code.preload();
    expect(loads).toBe(1);
  });

  it('a failed load rejects load(), tells onFailed, and the next load tries again', async () => {
    let attempt = 0;
    const code = lazyModule(() => {
      attempt += 1;
      return attempt === 1 ? Promise.reject(new Error('offline')) : Promise.resolve('in');
    });
    let told = 0;
    const stop = code.onFailed(() => {
      told += 1;
    });
    await expect(code.load()).rejects.toThrow('offline');
    expect([code.getStatus(), told]).toEqual(['failed', 1]);
    stop();
    await expect(code.load()).resolves.toBe('in');
    expect([code.getStatus(), attempt]).toEqual(['ready', 2]);
  });
});
