/**
 * The end-to-end tests' hook, window.hebeiExplorer (src/map/probe.ts), against the production
 * build: on the page in a browser under automation, and absent where navigator.webdriver is
 * false, as in a browser no program drives.
 */
import { describe, expect, it } from 'vitest';
import { offlineSuite } from './helpers/suite';

const suite = offlineSuite({ webgl: false });

const NOT_AUTOMATED = "Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false });";

describe('the window hook', () => {
  it('reads the renderer shown under automation', async () => {
    const { page } = await suite.open('?year=2023');
    expect(await page.evaluate(() => navigator.webdriver)).toBe(true);
    expect(await page.evaluate(() => window.hebeiExplorer?.renderer)).toBe('2d');
  });

  it('is absent when navigator.webdriver is false', async () => {
    const { page } = await suite.open('?year=2023', { initScript: NOT_AUTOMATED });
    expect(await page.evaluate(() => navigator.webdriver)).toBe(false);
    expect(await page.evaluate(() => 'hebeiExplorer' in window)).toBe(false);
    // The map works all the same.
    expect(await page.evaluate(() => performance.getEntriesByName('choropleth-ready').length)).toBe(1);
  });
});
