/**
 * The import dialog's reducer (src/features/import/import-state.ts), rule by rule: which read
 * runs and which answer is taken, what a text edit, an option change, Cancel, Clear and Apply
 * do to the stage, the choices and the fields, and Apply's checks of the source.
 */
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, pastedInput, type ImportProblem } from '../../src/domain/import';
import {
  checkApply,
  fileFits,
  importReducer,
  initialImportState,
  type ImportAction,
  type ImportState,
  type TextInput,
} from '../../src/features/import/import-state';

const run = (state: ImportState, ...actions: ImportAction[]): ImportState => actions.reduce(importReducer, state);

const textInput = (text: string): TextInput => ({ kind: 'text', text, maxChars: 1000, notes: [] });
const note: ImportProblem = { code: 'empty', severity: 'info' };

/** A state whose text read (seq 1) is running. */
const readingText = (text = '鹿泉区 A'): ImportState =>
  run(initialImportState, { type: 'text-changed', text }, { type: 'text-read' });

/** A state showing the preview of a text read. */
const readyText = (text = '鹿泉区 A'): ImportState =>
  run(readingText(text), { type: 'read-finished', seq: 1, input: textInput(text), resolved: [], notes: [note] });

/** A state whose file read (seq 1) is running. */
const readingFile = (): ImportState =>
  run(
    initialImportState,
    { type: 'file-chosen', size: 2048 },
    { type: 'file-loaded', name: 'list.csv', size: 2048, bytes: new Uint8Array(2048) },
  );

describe('reading a text', () => {
  it('starts a read of the text box with the options, numbered, and clears the status', () => {
    const before = run(initialImportState, { type: 'removed', title: 'x' }, { type: 'text-changed', text: 'abc' });
    const state = importReducer(before, { type: 'text-read' });
    expect(state.stage).toEqual({
      kind: 'reading',
      from: 'text',
      size: 3,
      seq: 1,
      input: pastedInput('abc'),
      options: initialImportState.options,
    });
    expect(state.status).toBeNull();
  });

  it('fails at once, without a read, on an empty or blank text', () => {
    const state = run(initialImportState, { type: 'text-changed', text: '  \n' }, { type: 'text-read' });
    expect(state.stage).toEqual({ kind: 'failed', from: 'text', problems: [{ code: 'empty', severity: 'error' }] });
    expect(state.seq).toBe(0);
  });

  it('fails at once on a text over the paste limit', () => {
    const long = 'x'.repeat(IMPORT_LIMITS.maxTextChars + 1);
    const state = run(initialImportState, { type: 'text-changed', text: long }, { type: 'text-read' });
    expect(state.stage).toEqual({
      kind: 'failed',
      from: 'text',
      problems: [{ code: 'too-large', severity: 'error', limit: IMPORT_LIMITS.maxTextChars }],
    });
  });

  it('drops the note of a file read before', () => {
    const state = run(readingFile(), { type: 'text-changed', text: 'abc' }, { type: 'text-read' });
    expect(state.fileNote).toBeNull();
  });
});

describe('reading a file', () => {
  it('fails a file over the size limit before loading it', () => {
    expect(fileFits(IMPORT_LIMITS.maxFileBytes)).toBe(true);
    expect(fileFits(IMPORT_LIMITS.maxFileBytes + 1)).toBe(false);
    const state = importReducer(initialImportState, { type: 'file-chosen', size: IMPORT_LIMITS.maxFileBytes + 1 });
    expect(state.stage).toEqual({
      kind: 'failed',
      from: 'file',
      problems: [{ code: 'too-large', severity: 'error', limit: IMPORT_LIMITS.maxFileBytes }],
    });
  });

  it('drops the previous file note when another file is chosen', () => {
    const state = importReducer(readingFile(), { type: 'file-chosen', size: 10 });
    expect(state.fileNote).toBeNull();
  });

  it('reads a loaded file, noting its name (without bidirectional controls) and size in KB', () => {
    const state = run(initialImportState, {
      type: 'file-loaded',
      name: 'a\u202Eb.csv',
      size: 100,
      bytes: new Uint8Array(100),
    });
    expect(state.fileNote).toEqual({ name: 'ab.csv', kb: 1 });
    expect(state.stage).toMatchObject({ kind: 'reading', from: 'file', size: 100, seq: 1 });
  });

  it('fails as binary when the file cannot be loaded', () => {
    const state = importReducer(initialImportState, { type: 'file-unreadable' });
    expect(state.stage).toEqual({ kind: 'failed', from: 'file', problems: [{ code: 'binary', severity: 'error' }] });
  });
});

describe('answers of the reader', () => {
  it('shows the preview of a finished read and keeps its input to read again', () => {
    const state = readyText('abc');
    expect(state.stage).toEqual({ kind: 'ready', from: 'text', resolved: [], notes: [note] });
    expect(state.last).toEqual({ input: textInput('abc'), from: 'text' });
  });

  it('shows the problems of a failed read, from where the input came', () => {
    const state = importReducer(readingFile(), { type: 'read-failed', seq: 1, problems: [note] });
    expect(state.stage).toEqual({ kind: 'failed', from: 'file', problems: [note] });
  });

  it('resets the choices and accepted conflicts on a new read', () => {
    const chosen = run(
      readyText(),
      { type: 'choice-made', index: 0, code: '130110' },
      { type: 'conflict-accepted', key: 'k', take: true },
      { type: 'text-read' },
      { type: 'read-finished', seq: 2, input: textInput('x'), resolved: [], notes: [] },
    );
    expect(chosen.choices.size).toBe(0);
    expect(chosen.accepted.size).toBe(0);
  });

  it('takes only the latest read: an earlier one is superseded', () => {
    const twice = run(readingText(), { type: 'text-read' });
    expect(twice.stage).toMatchObject({ kind: 'reading', seq: 2 });
    const late = run(
      twice,
      { type: 'read-finished', seq: 1, input: textInput('old'), resolved: [], notes: [] },
      { type: 'read-failed', seq: 1, problems: [note] },
    );
    expect(late).toBe(twice);
  });

  it('ignores an answer when no read is running', () => {
    const state = readyText();
    expect(importReducer(state, { type: 'read-failed', seq: 1, problems: [note] })).toBe(state);
  });

  it('Cancel stops the read and says so', () => {
    const state = importReducer(readingText(), { type: 'read-cancelled' });
    expect(state.stage).toEqual({ kind: 'idle' });
    expect(state.status).toEqual({ key: 'importReadCancelled' });
    expect(
      importReducer(state, { type: 'read-finished', seq: 1, input: textInput('a'), resolved: [], notes: [] }),
    ).toBe(state);
  });
});

describe('a text edit', () => {
  it('drops the preview of a text', () => {
    const state = importReducer(readyText(), { type: 'text-changed', text: 'other' });
    expect(state.stage).toEqual({ kind: 'idle' });
    expect(state.text).toBe('other');
  });

  it('stops a read of a text, and drops its failure', () => {
    expect(importReducer(readingText(), { type: 'text-changed', text: 'x' }).stage).toEqual({ kind: 'idle' });
    const failed = run(initialImportState, { type: 'text-read' });
    expect(importReducer(failed, { type: 'text-changed', text: 'x' }).stage).toEqual({ kind: 'idle' });
  });

  it('leaves a file read or its preview alone', () => {
    const reading = readingFile();
    expect(importReducer(reading, { type: 'text-changed', text: 'x' }).stage).toBe(reading.stage);
  });
});

describe('options', () => {
  it('re-reads the last input with the new year or tier', () => {
    const state = importReducer(readyText('abc'), { type: 'options-changed', options: { year: 2021 } });
    expect(state.options).toEqual({ year: 2021, tier: null, scoreOrdered: false });
    expect(state.stage).toMatchObject({
      kind: 'reading',
      from: 'text',
      seq: 2,
      input: textInput('abc'),
      options: { year: 2021, tier: null, scoreOrdered: false },
    });
  });

  it('only changes the options when nothing is shown or nothing was read', () => {
    const idle = run(readyText(), { type: 'cleared' }, { type: 'options-changed', options: { tier: 'B' } });
    expect(idle.stage).toEqual({ kind: 'idle' });
    expect(idle.options.tier).toBe('B');
    const first = importReducer(readingText(), { type: 'options-changed', options: { scoreOrdered: true } });
    expect(first.stage).toMatchObject({ kind: 'reading', seq: 1 });
  });

  it('a new input forgets the last one', () => {
    const state = importReducer(readyText(), { type: 'text-read' });
    expect(state.last).toBeNull();
  });
});

describe('choices and conflicts', () => {
  it('sets and unsets a choice for an ambiguous name', () => {
    const chosen = importReducer(readyText(), { type: 'choice-made', index: 3, code: '130110' });
    expect([...chosen.choices]).toEqual([[3, '130110']]);
    expect(importReducer(chosen, { type: 'choice-made', index: 3, code: null }).choices.size).toBe(0);
  });

  it('accepts and un-accepts a conflict', () => {
    const taken = importReducer(readyText(), { type: 'conflict-accepted', key: '130110@2023', take: true });
    expect([...taken.accepted]).toEqual(['130110@2023']);
    expect(importReducer(taken, { type: 'conflict-accepted', key: '130110@2023', take: false }).accepted.size).toBe(0);
  });
});

describe('Apply', () => {
  const source = { title: 'Notice', date: '2023-12-22', url: 'https://example.org/n' };

  it('needs a preview', () => {
    expect(checkApply(source, false, 3, 0)).toEqual({ kind: 'need-preview' });
    const state = importReducer(initialImportState, { type: 'apply-checked', check: { kind: 'need-preview' } });
    expect(state.status).toEqual({ key: 'importNeedPreview' });
  });

  it('requires a title (bidirectional controls and spaces are no title)', () => {
    expect(checkApply({ ...source, title: ' \u202E ' }, true, 3, 0)).toEqual({
      kind: 'invalid',
      errors: { title: true, date: false, url: false },
      first: 'title',
    });
  });

  it('checks the date with isSourceDate and the link with safeSourceUrl', () => {
    expect(checkApply({ ...source, date: '2023-02-30' }, true, 3, 0)).toMatchObject({ kind: 'invalid', first: 'date' });
    expect(checkApply({ ...source, url: 'javascript:alert(1)' }, true, 3, 0)).toMatchObject({
      kind: 'invalid',
      first: 'url',
    });
    expect(checkApply({ ...source, date: '', url: '' }, true, 3, 0)).toMatchObject({ kind: 'ok' });
  });

  it('names the first invalid field in the fields order', () => {
    expect(checkApply({ title: '', date: 'x', url: 'ftp://a' }, true, 3, 0)).toEqual({
      kind: 'invalid',
      errors: { title: true, date: true, url: true },
      first: 'title',
    });
  });

  it('has nothing to apply without facts', () => {
    const check = checkApply(source, true, 0, 0);
    expect(check).toEqual({ kind: 'nothing', errors: { title: false, date: false, url: false } });
    expect(importReducer(initialImportState, { type: 'apply-checked', check }).status).toEqual({
      key: 'importNothingToApply',
    });
  });

  it('refuses a layer more than the browser keeps, and says how many that is', () => {
    const max = IMPORT_LIMITS.maxLayers;
    expect(checkApply(source, true, 3, max - 1)).toMatchObject({ kind: 'ok' });
    const check = checkApply(source, true, 3, max);
    expect(check).toEqual({ kind: 'too-many-layers' });
    expect(importReducer(initialImportState, { type: 'apply-checked', check }).status).toEqual({
      key: 'importTooManyLayers',
      params: { max },
    });
  });

  it('gives the cleaned source when all is well', () => {
    expect(checkApply({ title: ' \u202BNotice ', date: ' 2023 ', url: ' https://a.org ' }, true, 1, 0)).toEqual({
      kind: 'ok',
      source: { title: 'Notice', date: '2023', url: 'https://a.org' },
    });
  });

  it('marks the invalid fields, and clears the marks when all is well', () => {
    const bad = run(readyText(), { type: 'apply-checked', check: checkApply({ ...source, title: '' }, true, 1, 0) });
    expect(bad.errors.title).toBe(true);
    const good = importReducer(bad, { type: 'apply-checked', check: checkApply(source, true, 1, 0) });
    expect(good.errors).toEqual({});
  });

  it('after applying, empties the input, the preview and the source, keeps the options, says so', () => {
    const state = run(
      readyText(),
      { type: 'options-changed', options: { tier: 'A' } },
      { type: 'read-finished', seq: 2, input: textInput('t'), resolved: [], notes: [] },
      { type: 'source-changed', field: 'title', value: 'Notice' },
      { type: 'source-changed', field: 'url', value: 'https://a.org' },
      { type: 'applied', n: 4, title: 'Notice' },
    );
    expect(state).toMatchObject({
      text: '',
      fileNote: null,
      stage: { kind: 'idle' },
      last: null,
      source: { title: '', date: '', url: '' },
      errors: {},
      options: { tier: 'A' },
      status: { key: 'importApplied', params: { n: 4, title: 'Notice' } },
    });
  });
});

describe('source fields, Remove and Clear', () => {
  it('edits one source field', () => {
    const state = importReducer(readyText(), { type: 'source-changed', field: 'date', value: '2023' });
    expect(state.source).toEqual({ title: '', date: '2023', url: '' });
  });

  it('a removal is said in the status line', () => {
    expect(importReducer(initialImportState, { type: 'removed', title: 'N' }).status).toEqual({
      key: 'importRemoved',
      params: { title: 'N' },
    });
  });

  it('Clear empties the input, stops a read and forgets the last input and the status', () => {
    const state = run(readingFile(), { type: 'text-changed', text: 'abc' }, { type: 'cleared' });
    expect(state).toMatchObject({ text: '', fileNote: null, stage: { kind: 'idle' }, last: null, status: null });
  });
});
