/**
 * The store's notices (issue 17, item 5): a cap on how many are kept (those with buttons kept
 * longest), and a notice replaced in its place by id, so that a repeated message (a failed save,
 * another tab's changes) is one notice, not a pile.
 */
import { describe, expect, it } from 'vitest';
import { MAX_NOTICES, capNotices, type Notice } from '../../src/store/slices/panels-slice';
import { createAppStore } from '../../src/store/store';

describe('notices in the store', () => {
  it('keep at most MAX_NOTICES, dropping the oldest', () => {
    const store = createAppStore();
    for (let i = 1; i <= MAX_NOTICES + 7; i += 1) store.getState().notify('info', `n${i}`);
    const texts = store.getState().notices.map((n) => n.text);
    expect(texts).toHaveLength(MAX_NOTICES);
    expect(texts[0]).toBe('n8');
    expect(texts.at(-1)).toBe(`n${MAX_NOTICES + 7}`);
  });

  it('drop notices without buttons first: an offer to download or remove a kept copy stays', () => {
    const store = createAppStore();
    const run = () => undefined;
    store.getState().notify('warning', 'kept aside', { actions: [{ label: 'Download', run }] });
    for (let i = 1; i <= MAX_NOTICES + 5; i += 1) store.getState().notify('info', `link ${i}`);
    const texts = store.getState().notices.map((n) => n.text);
    expect(texts).toHaveLength(MAX_NOTICES);
    expect(texts[0]).toBe('kept aside');
    expect(texts[1]).toBe('link 7');
    expect(texts.at(-1)).toBe(`link ${MAX_NOTICES + 5}`);
  });

  it('keep the newest even when every older one has buttons, and drop the oldest of those', () => {
    const run = () => undefined;
    const withButtons = (id: number): Notice => ({
      id,
      kind: 'warning',
      text: `b${id}`,
      actions: [{ label: 'x', run }],
    });
    const plain = (id: number): Notice => ({ id, kind: 'info', text: `p${id}` });
    expect(capNotices([withButtons(1), withButtons(2), withButtons(3), plain(4)], 3).map((n) => n.text)).toEqual([
      'b2',
      'b3',
      'p4',
    ]);
    expect(capNotices([plain(1), withButtons(2), plain(3), withButtons(4)], 2).map((n) => n.text)).toEqual([
      'b2',
      'b4',
    ]);
    expect(capNotices([plain(1), plain(2)], 5).map((n) => n.text)).toEqual(['p1', 'p2']);
  });

  it('replace one by id: the old one goes, the new one is the newest with a new id', () => {
    const store = createAppStore();
    const first = store.getState().notify('warning', 'Storage full');
    store.getState().notify('info', 'Other');
    const second = store.getState().notify('warning', 'Storage full', { details: ['again'] }, first);
    expect(second).not.toBe(first);
    expect(store.getState().notices.map((n) => [n.id, n.text])).toEqual([
      [2, 'Other'],
      [second, 'Storage full'],
    ]);
    // Replacing a notice already dismissed just adds the new one.
    store.getState().dismissNotice(second);
    const third = store.getState().notify('warning', 'Storage full', {}, second);
    expect(store.getState().notices.map((n) => n.id)).toEqual([2, third]);
  });

  it('record whether the imported layers were saved', () => {
    const store = createAppStore();
    expect(store.getState().importsUnsaved).toBe(false);
    store.getState().setImportsUnsaved(true);
    expect(store.getState().importsUnsaved).toBe(true);
  });
});
