/**
 * The store's notices (issue 17, item 5): a cap on how many are kept, and a notice replaced in
 * its place by id, so that a repeated message (a failed save, another tab's changes) is one
 * notice, not a pile.
 */
import { describe, expect, it } from 'vitest';
import { MAX_NOTICES } from '../../src/store/slices/panels-slice';
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
