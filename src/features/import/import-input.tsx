/**
 * The import dialog's input section: the text box, the year, tier and score-order options,
 * Preview, Clear, the file picker, the "Reading…" line with Cancel, and the alert of a failed
 * read. Everything it does is an action on the dialog's state (import-state.ts).
 */
import type { Dispatch, RefObject } from 'react';
import { TIERS, YEARS, type Tier } from '../../domain/types';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/use-app-store';
import { problemText } from './import-problems';
import { fileFits, type ImportAction, type ImportState } from './import-state';
import './on-demand-messages';

interface ImportInputProps {
  /** The dialog's id prefix (useId), shared by the sections. */
  ids: string;
  state: ImportState;
  dispatch: Dispatch<ImportAction>;
  /** Whether the data is loaded: nothing can be read before. */
  canRead: boolean;
  /** The text box: the dialog focuses it on opening. */
  textRef: RefObject<HTMLTextAreaElement | null>;
}

export function ImportInput({ ids, state, dispatch, canRead, textRef }: ImportInputProps) {
  const tr = useT();
  const lang = useAppStore((s) => s.lang);
  const { text, options, stage } = state;

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

  const clear = () => {
    dispatch({ type: 'cleared' });
    textRef.current?.focus();
  };

  return (
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
              dispatch({
                type: 'options-changed',
                options: { year: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) },
              })
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
            onChange={(e) =>
              dispatch({ type: 'options-changed', options: { tier: (e.currentTarget.value || null) as Tier | null } })
            }
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
            onChange={(e) => dispatch({ type: 'options-changed', options: { scoreOrdered: e.currentTarget.checked } })}
          />
          <span>{tr('importScoreOrdered')}</span>
        </label>
      </div>
      <div className="imp-row">
        <button
          type="button"
          className="btn imp-primary"
          onClick={() => dispatch({ type: 'text-read' })}
          disabled={!canRead}
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
            disabled={!canRead}
            aria-describedby={`${ids}-limits`}
            onChange={(e) => void onFile(e.currentTarget)}
          />
        </label>
      </div>
      {state.fileNote !== null && <p className="imp-hint">{tr('importFileLoaded', { ...state.fileNote })}</p>}
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
  );
}
