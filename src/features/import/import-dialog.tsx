/**
 * The import dialog: paste a results notice or choose a file, preview what it would change,
 * name the source, apply. Applied imports are listed with Remove. A modal <dialog> opened from
 * the header's Import button (the store's `importOpen`), with the table dialog's focus handling:
 * focus moves in on opening, Tab cycles inside, Escape closes and gives focus back.
 *
 * Nothing changes before Apply: a bad input (empty, binary, too large, malformed) gets a
 * message and leaves the map and the data as they are. The pure work (decoding, parsing,
 * matching names, comparing with the data) is src/domain/import's; this file only holds the
 * user's choices. Names, titles and notes from the input are React text, never HTML.
 */
import { useEffect, useId, useMemo, useReducer, useRef } from 'react';
import { useModalDialog } from '../../components/use-modal-dialog';
import { MAX_TITLE_CHARS, MAX_URL_CHARS } from '../../data/import-check';
import { createImportReader, type ImportReader } from '../../data/import-reader';
import { IMPORT_LIMITS, layerFacts, previewImport, type ImportLayer } from '../../domain/import';
import { TIERS, YEARS, type Tier } from '../../domain/types';
import { useAppStore } from '../../store/use-app-store';
import '../../components/button.css';
import '../../components/modal-dialog.css';
import './import-dialog.css';
import { ImportPreviewView } from './import-preview';
import { problemText } from './import-problems';
import { useT } from '../../i18n/use-t';
import { IMPORT_BUTTON_ID } from './import-button';
import { checkApply, fileFits, importReducer, initialImportState, type ReadOptions } from './import-state';

export function ImportDialog() {
  const tr = useT();
  const open = useAppStore((s) => s.importOpen);
  const setImportOpen = useAppStore((s) => s.setImportOpen);
  const data = useAppStore((s) => s.data);
  const imports = useAppStore((s) => s.imports);
  const lang = useAppStore((s) => s.lang);
  const applyImport = useAppStore((s) => s.applyImport);
  const removeImport = useAppStore((s) => s.removeImport);
  const notify = useAppStore((s) => s.notify);

  const textRef = useRef<HTMLTextAreaElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const layersHeadingRef = useRef<HTMLHeadingElement>(null);
  const layersListRef = useRef<HTMLUListElement>(null);
  const ids = useId();

  const [state, dispatch] = useReducer(importReducer, initialImportState);
  const { text, options, stage, choices, accepted, source, errors } = state;
  const readerRef = useRef<ImportReader | null>(null);
  /** The `seq` of the read handed to the reader and not yet answered. */
  const inFlight = useRef<number | null>(null);

  const ready = data.status === 'ready' ? data : null;
  const units = ready?.base.units ?? null;
  const preview = useMemo(
    () => (stage.kind === 'ready' && ready ? previewImport(ready.dataset, stage.resolved, choices) : null),
    [stage, ready, choices],
  );
  const facts = useMemo(() => (preview ? layerFacts(preview, accepted) : []), [preview, accepted]);
  const status = state.status === null ? '' : tr(state.status.key, state.status.params);
  const fileNote = state.fileNote === null ? null : tr('importFileLoaded', { ...state.fileNote });

  const { dialogRef, onClose, onKeyDown } = useModalDialog({
    open,
    setOpen: setImportOpen,
    fallbackFocusId: IMPORT_BUTTON_ID,
    focusOnOpen: () => textRef.current?.focus(),
    trapTab: true,
  });

  // The reader's worker starts when the dialog first opens, so that its script has loaded by the
  // time a text is pasted, and lives as long as the dialog's component.
  useEffect(() => {
    if (!open) return;
    readerRef.current ??= createImportReader();
    readerRef.current.prepare();
  }, [open]);
  useEffect(
    () => () => {
      readerRef.current?.dispose();
      readerRef.current = null;
    },
    [],
  );

  // Runs the read the state asks for. A newer read supersedes the one in flight (the reader
  // answers it with null); leaving the reading stage otherwise (Cancel, Clear, an edit of the
  // text being read) stops the reader's work at once. Nothing is applied, whatever the outcome.
  const reading = stage.kind === 'reading' ? stage : null;
  useEffect(() => {
    if (reading === null) {
      if (inFlight.current !== null) readerRef.current?.cancel();
      inFlight.current = null;
      return;
    }
    if (units === null || inFlight.current === reading.seq) return;
    const { seq } = reading;
    inFlight.current = seq;
    readerRef.current ??= createImportReader();
    void readerRef.current.read(reading.input, reading.options, units).then((result) => {
      if (inFlight.current === seq) inFlight.current = null;
      if (result === null) return; // superseded or cancelled
      dispatch(
        result.ok
          ? { type: 'read-finished', seq, input: result.input, resolved: result.resolved, notes: result.notes }
          : { type: 'read-failed', seq, problems: result.problems },
      );
    });
  }, [reading, units]);

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared, so choosing the same file again (after fixing it) reads it again.
    input.value = '';
    if (!file) return;
    dispatch({ type: 'file-chosen', size: file.size });
    if (!fileFits(file.size)) return;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      dispatch({ type: 'file-unreadable' });
      return;
    }
    dispatch({ type: 'file-loaded', name: file.name, size: file.size, bytes });
  };

  const changeOptions = (next: Partial<ReadOptions>) => dispatch({ type: 'options-changed', options: next });

  const onApply = () => {
    const check = checkApply(source, preview !== null, facts.length);
    dispatch({ type: 'apply-checked', check });
    if (check.kind === 'invalid') {
      ({ title: titleRef, date: dateRef, url: urlRef })[check.first].current?.focus();
      return;
    }
    if (check.kind !== 'ok') return;
    const layer: ImportLayer = {
      id: 'IMP0', // replaced by the store's next free id
      source: check.source,
      createdAt: new Date().toISOString(),
      facts,
      origin: 'local',
    };
    applyImport(layer);
    notify('info', tr('importApplied', { n: facts.length, title: check.source.title }));
    dispatch({ type: 'applied', n: facts.length, title: check.source.title });
    layersHeadingRef.current?.focus();
  };

  const onRemove = (layer: ImportLayer, index: number) => {
    removeImport(layer.id);
    notify('info', tr('importRemoved', { title: layer.source.title }));
    dispatch({ type: 'removed', title: layer.source.title });
    // The focused button goes with its row: move to a neighbour's, or to the list's heading.
    const buttons = layersListRef.current?.querySelectorAll<HTMLButtonElement>('.imp-remove');
    const next = buttons?.[index + 1] ?? buttons?.[index - 1];
    (next ?? layersHeadingRef.current)?.focus();
  };

  const clear = () => {
    dispatch({ type: 'cleared' });
    textRef.current?.focus();
  };

  const titleId = `${ids}-title`;
  const limits = tr('importLimits', {
    fileKb: Math.round(IMPORT_LIMITS.maxFileBytes / 1024),
    chars: IMPORT_LIMITS.maxTextChars.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'),
    entries: IMPORT_LIMITS.maxEntries.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'),
  });

  return (
    <dialog
      ref={dialogRef}
      className="modal-dialog import-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      {open && (
        <div className="imp-frame">
          <header className="imp-header">
            <h2 id={titleId}>{tr('importTitle')}</h2>
            <button
              type="button"
              className="modal-close"
              aria-label={tr('importClose')}
              title={tr('importClose')}
              onClick={() => setImportOpen(false)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </header>
          <div className="imp-body">
            <p className="imp-intro">{tr('importIntro')}</p>
            <p className="imp-intro" id={`${ids}-limits`}>
              {limits}
            </p>

            <section className="imp-section" aria-labelledby={`${ids}-input`}>
              <h3 id={`${ids}-input`}>{tr('importInputTitle')}</h3>
              <label className="imp-field imp-field-wide">
                <span>{tr('importText')}</span>
                <textarea
                  ref={textRef}
                  rows={6}
                  value={text}
                  lang="zh"
                  spellCheck={false}
                  aria-describedby={`${ids}-text-hint ${ids}-limits`}
                  onChange={(e) => dispatch({ type: 'text-changed', text: e.currentTarget.value })}
                />
              </label>
              <p className="imp-hint" id={`${ids}-text-hint`}>
                {tr('importTextHint')}
              </p>
              <div className="imp-row">
                <label className="imp-field">
                  <span>{tr('importYear')}</span>
                  <select
                    value={options.year ?? ''}
                    onChange={(e) =>
                      changeOptions({ year: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })
                    }
                  >
                    <option value="">{tr('importYearFromText')}</option>
                    {YEARS.map((y) => (
                      <option key={y} value={y}>
                        {y}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="imp-field">
                  <span>{tr('importTier')}</span>
                  <select
                    value={options.tier ?? ''}
                    onChange={(e) => changeOptions({ tier: (e.currentTarget.value || null) as Tier | null })}
                  >
                    <option value="">{tr('importTierFromText')}</option>
                    {TIERS.map((t) => (
                      <option key={t} value={t}>
                        {t}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="imp-check">
                  <input
                    type="checkbox"
                    checked={options.scoreOrdered}
                    onChange={(e) => changeOptions({ scoreOrdered: e.currentTarget.checked })}
                  />
                  <span>{tr('importScoreOrdered')}</span>
                </label>
              </div>
              <div className="imp-row">
                <button
                  type="button"
                  className="btn imp-primary"
                  onClick={() => dispatch({ type: 'text-read' })}
                  disabled={!ready}
                >
                  {tr('importPreviewButton')}
                </button>
                <button type="button" className="btn" onClick={clear}>
                  {tr('importClear')}
                </button>
                <label className="imp-field imp-file">
                  <span>{tr('importFile')}</span>
                  <input
                    type="file"
                    accept=".csv,.txt,text/csv,text/plain"
                    disabled={!ready}
                    aria-describedby={`${ids}-limits`}
                    onChange={(e) => void onFile(e.currentTarget)}
                  />
                </label>
              </div>
              {fileNote !== null && <p className="imp-hint">{fileNote}</p>}
              <div role="status" className="imp-reading-region">
                {stage.kind === 'reading' && (
                  <div className="imp-reading">
                    <span className="imp-spinner" aria-hidden="true" />
                    <span>
                      {stage.from === 'file'
                        ? tr('importReadingFile', { kb: Math.max(1, Math.round(stage.size / 1024)) })
                        : tr('importReadingText', { n: stage.size.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') })}
                    </span>
                    <button type="button" className="btn" onClick={() => dispatch({ type: 'read-cancelled' })}>
                      {tr('importReadCancel')}
                    </button>
                  </div>
                )}
              </div>
              <div role="alert" className="imp-alert-region">
                {stage.kind === 'failed' && (
                  <div className="imp-alert">
                    <ul className="imp-list">
                      {stage.problems.map((p, i) => (
                        <li key={i}>{problemText(tr, p, stage.from === 'file' ? 'bytes' : 'chars')}</li>
                      ))}
                    </ul>
                    <p>{tr('importReadFailed')}</p>
                  </div>
                )}
              </div>
            </section>

            {stage.kind === 'ready' && preview && ready && (
              <section className="imp-section" aria-labelledby={`${ids}-preview`}>
                <h3 id={`${ids}-preview`}>{tr('importPreviewTitle')}</h3>
                {stage.notes.length > 0 && (
                  <ul className="imp-list imp-notes">
                    {stage.notes.map((p, i) => (
                      <li key={i} className={p.severity === 'error' ? 'imp-note-error' : undefined}>
                        {problemText(tr, p, stage.from === 'file' ? 'bytes' : 'chars')}
                      </li>
                    ))}
                  </ul>
                )}
                <ImportPreviewView
                  preview={preview}
                  resolved={stage.resolved}
                  units={ready.base.units}
                  sources={ready.dataset.sources}
                  lang={lang}
                  tr={tr}
                  choices={choices}
                  onChoose={(index, code) => dispatch({ type: 'choice-made', index, code })}
                  accepted={accepted}
                  onAccept={(key, take) => dispatch({ type: 'conflict-accepted', key, take })}
                />
              </section>
            )}

            {stage.kind === 'ready' && preview && (
              <section className="imp-section" aria-labelledby={`${ids}-source`}>
                <h3 id={`${ids}-source`}>{tr('importSourceTitle')}</h3>
                <div className="imp-row">
                  <label className="imp-field imp-field-wide">
                    <span>{tr('importSourceName')}</span>
                    <input
                      ref={titleRef}
                      type="text"
                      required
                      maxLength={MAX_TITLE_CHARS}
                      value={source.title}
                      aria-invalid={errors.title === true}
                      aria-describedby={errors.title ? `${ids}-title-error` : undefined}
                      onChange={(e) =>
                        dispatch({ type: 'source-changed', field: 'title', value: e.currentTarget.value })
                      }
                    />
                  </label>
                  <label className="imp-field">
                    <span>{tr('importSourceDate')}</span>
                    <input
                      ref={dateRef}
                      type="text"
                      inputMode="numeric"
                      maxLength={10}
                      value={source.date}
                      aria-invalid={errors.date === true}
                      aria-describedby={errors.date ? `${ids}-date-error` : undefined}
                      onChange={(e) =>
                        dispatch({ type: 'source-changed', field: 'date', value: e.currentTarget.value })
                      }
                    />
                  </label>
                  <label className="imp-field imp-field-wide">
                    <span>{tr('importSourceUrl')}</span>
                    <input
                      ref={urlRef}
                      type="url"
                      maxLength={MAX_URL_CHARS}
                      value={source.url}
                      aria-invalid={errors.url === true}
                      aria-describedby={errors.url ? `${ids}-url-error` : undefined}
                      onChange={(e) => dispatch({ type: 'source-changed', field: 'url', value: e.currentTarget.value })}
                    />
                  </label>
                </div>
                {errors.title && (
                  <p className="imp-error" id={`${ids}-title-error`}>
                    {tr('importSourceNameMissing')}
                  </p>
                )}
                {errors.date && (
                  <p className="imp-error" id={`${ids}-date-error`}>
                    {tr('importSourceDateBad')}
                  </p>
                )}
                {errors.url && (
                  <p className="imp-error" id={`${ids}-url-error`}>
                    {tr('importSourceUrlBad')}
                  </p>
                )}
                <div className="imp-row">
                  <button
                    type="button"
                    className="btn imp-primary"
                    onClick={onApply}
                    aria-describedby={`${ids}-will-apply`}
                  >
                    {tr('importApply')}
                  </button>
                  <p className="imp-hint" id={`${ids}-will-apply`}>
                    {facts.length > 0 ? tr('importWillApply', { n: facts.length }) : tr('importNothingToApply')}
                  </p>
                </div>
              </section>
            )}

            <p className="imp-status" role="status">
              {status}
            </p>

            <section className="imp-section" aria-labelledby={`${ids}-layers`}>
              <h3 id={`${ids}-layers`} ref={layersHeadingRef} tabIndex={-1}>
                {tr('importLayersTitle')}
              </h3>
              {imports.length === 0 ? (
                <p className="imp-muted">{tr('importLayersNone')}</p>
              ) : (
                <ul className="imp-layers" ref={layersListRef}>
                  {imports.map((layer, index) => (
                    <li key={layer.id}>
                      <span className="imp-layer-text" id={`${ids}-layer-${layer.id}`}>
                        <span className="import-badge">{tr('importBadge')}</span>{' '}
                        <span className="imp-layer-title">{layer.source.title}</span>
                        {layer.source.date !== '' && <> · {layer.source.date}</>} ·{' '}
                        {tr('importLayerFacts', { n: layer.facts.length })}
                        {layer.origin === 'link' && <> · {tr('importLayerFromLink')}</>}
                      </span>
                      <button
                        type="button"
                        className="btn imp-remove"
                        aria-describedby={`${ids}-layer-${layer.id}`}
                        onClick={() => onRemove(layer, index)}
                      >
                        {tr('importRemove')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </div>
      )}
    </dialog>
  );
}
