import { describe, expect, it } from 'vitest';
import { noteIn } from '../../src/domain/dataset/notes';
import { importedFact, importedSource } from '../../src/domain/import/apply';
import type { ImportLayer } from '../../src/domain/import/types';
import { importFact, importLayer } from '../fixtures/builders';

describe('noteIn', () => {
  it('shows the Chinese note in Chinese and the English note in English', () => {
    expect(noteIn('zh', 'Rose from C to B.', '由C类升至B类。')).toEqual({ text: '由C类升至B类。', lang: 'zh-Hans' });
    expect(noteIn('en', 'Rose from C to B.', '由C类升至B类。')).toEqual({ text: 'Rose from C to B.', lang: 'en' });
  });

  it('falls back to the English note, marked English, when a row has no Chinese note', () => {
    expect(noteIn('zh', 'Synthetic.', '')).toEqual({ text: 'Synthetic.', lang: 'en' });
    expect(noteIn('zh', 'Synthetic.', '  ')).toEqual({ text: 'Synthetic.', lang: 'en' });
  });

  it('gives empty text for a row without a note', () => {
    expect(noteIn('zh', '', '').text).toBe('');
    expect(noteIn('en', '', '').text).toBe('');
  });
});

describe('imported facts', () => {
  const layer = (origin: ImportLayer['origin']) =>
    importLayer([importFact('130111', 2019, 'B', { raw: '栾城区' })], { origin, source: { title: 'My list 名单' } });

  it('have a note in each language that keeps the user’s title and text as written', () => {
    const [fact] = layer('local').facts;
    if (!fact) throw new Error('fixture changed');
    const imported = importedFact(layer('local'), fact);
    expect(imported.note).toBe('Imported from “My list 名单”; read as “栾城区”.');
    expect(imported.noteZh).toBe('导入自“My list 名单”；原文为“栾城区”。');
    expect(noteIn('zh', imported.note, imported.noteZh).text).toBe(imported.noteZh);
  });

  it('name their source’s origin in Chinese too', () => {
    expect(importedSource(layer('local')).noteZh).toBe('由用户在此浏览器中导入；不属于项目数据。');
    expect(importedSource(layer('link')).noteZh).toBe('从共享链接导入；不属于项目数据。');
  });
});
