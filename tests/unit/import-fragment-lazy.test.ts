/**
 * fflate is loaded only when a fragment is inflated or layers are deflated. Here its load fails
 * (as a chunk does without a connection): everything that needs no inflating still works, and a
 * link that does is reported as not loaded, not as corrupt.
 */
import { describe, expect, it, vi } from 'vitest';
import { readLinkLayers } from '../../src/app/import-notices';
import { decodeImportFragment, encodeImportLayers } from '../../src/url/import-fragment';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

vi.mock('fflate', () => {
  throw new Error('fflate could not be loaded');
});

const units = syntheticDataset().units;

describe('the import fragment without fflate', () => {
  it('needs no fflate for a hash without layers, a corrupt shape, or no layers to write', async () => {
    expect(await decodeImportFragment('#other=1')).toEqual({ status: 'none' });
    expect(await decodeImportFragment('#imp=abc!')).toEqual({ status: 'corrupt', reason: 'encoding' });
    expect(await decodeImportFragment(`#imp=${'A'.repeat(200_004)}`)).toEqual({
      status: 'corrupt',
      reason: 'too-large',
    });
    expect(await encodeImportLayers([])).toBeNull();
    expect(await readLinkLayers('#imp=%%%', units, 'en')).toEqual({
      layers: [],
      messages: ['The imported data in this link could not be read (not base64url text); nothing from it was applied.'],
      present: true,
      unread: false,
    });
  });

  it('says a fragment to inflate could not be read for want of the code, not that it is corrupt', async () => {
    await expect(decodeImportFragment('#imp=not-deflate')).rejects.toThrow();
    expect(await readLinkLayers('#imp=not-deflate', units, 'en')).toEqual({
      layers: [],
      messages: ['“Imported data in the link” could not be loaded: check the connection and try again.'],
      present: true,
      unread: true,
    });
  });
});
