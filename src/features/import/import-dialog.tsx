/**
 * The import dialog: paste a results notice or choose a file, preview what it would change,
 * name the source, apply. Applied imports are listed with Remove. A modal <dialog> opened from
 * the header's Import button (the store's `importOpen`), with the table dialog's focus handling:
 * focus moves in on opening, Tab cycles inside, Escape closes and gives focus back.
 *
 * Nothing changes before Apply: a bad input (empty, binary, too large, malformed) gets a
 * message and leaves the map and the data as they are. The pure work (decoding, parsing,
 * matching names, comparing with the data) is src/domain/import's; the dialog's state and its
 * rules are import-state.ts's reducer. This file composes the sections (import-input,
 * the preview, import-source, import-layers), runs the reads the state asks for in the reader's
 * worker, and applies and removes layers in the store. Names, titles and notes from the input
 * are React text, never HTML.
 */
import { useEffect, useId, useMemo, useReducer, useRef } from 'react';
import { useModalDialog } from '../../components/use-modal-dialog';
import { createImportReader, type ImportReader } from '../../data/import-reader';
import { IMPORT_LIMITS, layerFacts, previewImport, type ImportLayer } from '../../domain/import';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import '../../components/button.css';
import '../../components/modal-dialog.css';
import './import-dialog.css';
import { ImportPreviewView } from './import-preview';
import { problemText } from './import-problems';
import { useT } from '../../i18n/use-t';
import { IMPORT_BUTTON_ID } from './import-button';
import { ImportInput } from './import-input';
import { ImportLayers } from './import-layers';
import { ImportSource } from './import-source';
import { checkApply, importReducer, initialImportState, type SourceField } from './import-state';
import './on-demand-messages';

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
  const storeApi = useAppStoreApi();

  const textRef = useRef<HTMLTextAreaElement>(null);
  const layersHeadingRef = useRef<HTMLHeadingElement>(null);
  const ids = useId();

  const [state, dispatch] = useReducer(importReducer, initialImportState);
  const { stage, choices, accepted } = state;
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

  /** Applies the previewed facts if the source is valid; returns the first invalid field. */
  const onApply = (): SourceField | null => {
    const own = storeApi.getState().imports.filter((l) => l.origin === 'local').length;
    const check = checkApply(state.source, preview !== null, facts.length, own);
    dispatch({ type: 'apply-checked', check });
    if (check.kind === 'invalid') return check.first;
    if (check.kind !== 'ok') return null;
    const layer: ImportLayer = {
      id: 'IMP0', // replaced by the store's next free id
      source: check.source,
      createdAt: new Date().toISOString(),
      facts,
      origin: 'local',
    };
    applyImport(layer);
    // The binder (app/bind-imports.ts) writes the layers as the store changes, before applyImport
    // returns: a refused write is said here too, where the user is looking.
    const unsaved = storeApi.getState().importsUnsaved;
    const params = { n: facts.length, title: check.source.title };
    notify(unsaved ? 'warning' : 'info', tr(unsaved ? 'importAppliedUnsaved' : 'importApplied', params));
    dispatch({ type: 'applied', ...params, unsaved });
    layersHeadingRef.current?.focus();
    return null;
  };

  const onRemove = (layer: ImportLayer) => {
    removeImport(layer.id);
    notify('info', tr('importRemoved', { title: layer.source.title }));
    dispatch({ type: 'removed', title: layer.source.title });
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

            <ImportInput ids={ids} state={state} dispatch={dispatch} canRead={ready !== null} textRef={textRef} />

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
              <ImportSource
                ids={ids}
                source={state.source}
                errors={state.errors}
                dispatch={dispatch}
                factCount={facts.length}
                onApply={onApply}
              />
            )}

            <p className="imp-status" role="status">
              {state.status === null ? '' : tr(state.status.key, state.status.params)}
            </p>

            <ImportLayers ids={ids} imports={imports} headingRef={layersHeadingRef} onRemove={onRemove} />
          </div>
        </div>
      )}
    </dialog>
  );
}
