/**
 * A screenshot of the production build showing all of China's county-level units (the scale
 * scenario's SYNTHETIC tiers: benchmark input only), to check by eye that the China files are
 * what the app draws. A larger viewport than the bench's, so the whole country fits at the
 * app's minimum zoom.
 *
 *   npx tsx scripts/scale/screenshot.ts [out.png]      # default /tmp/scale-china.png
 */
import { launchBrowser } from '../../tests/e2e/helpers/browser.ts';
import { serveGzipped } from '../bench-server.ts';
import { measureLoad } from './measure.ts';

const out = process.argv[2] ?? '/tmp/scale-china.png';
const dist = process.env.E2E_DIST ?? 'dist';
const server = await serveGzipped(dist);
const browser = await launchBrowser();
try {
  const { page, close } = await measureLoad(browser, server.url, dist, 'china', {
    keepOpen: true,
    noSteps: true,
    width: 1920,
    height: 1200,
    query: '?view=103.5,36,4',
  });
  await page?.screenshot({ path: out });
  await close();
  console.log(`scale: wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
