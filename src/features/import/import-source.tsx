/**
 * The import dialog's source section, shown with a preview: the source's title, date and link,
 * their error messages, and Apply. Apply's checks are import-state.ts's checkApply; applying
 * is the dialog's, which says here which field (if any) was invalid, so focus goes to it.
 */
import { useRef, type Dispatch } from 'react';
import { MAX_TITLE_CHARS, MAX_URL_CHARS } from '../../data/import-check';
import { useT } from '../../i18n/use-t';
import type { ImportAction, SourceErrors, SourceField, SourceFields } from './import-state';
import './on-demand-messages';

interface ImportSourceProps {
  /** The dialog's id prefix (useId), shared by the sections. */
  ids: string;
  source: SourceFields;
  errors: SourceErrors;
  dispatch: Dispatch<ImportAction>;
  /** How many facts Apply would add. */
  factCount: number;
  /** Applies if it can; returns the first invalid field, or null. */
  onApply: () => SourceField | null;
}

export function ImportSource({ ids, source, errors, dispatch, factCount, onApply }: ImportSourceProps) {
  const tr = useT();
  const titleRef = useRef<HTMLInputElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const refs = { title: titleRef, date: dateRef, url: urlRef };

  const apply = () => {
    const invalid = onApply();
    if (invalid !== null) refs[invalid].current?.focus();
  };

  return (
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
            onChange={(e) => dispatch({ type: 'source-changed', field: 'title', value: e.currentTarget.value })}
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
            onChange={(e) => dispatch({ type: 'source-changed', field: 'date', value: e.currentTarget.value })}
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
        <button type="button" className="btn imp-primary" onClick={apply} aria-describedby={`${ids}-will-apply`}>
          {tr('importApply')}
        </button>
        <p className="imp-hint" id={`${ids}-will-apply`}>
          {factCount > 0 ? tr('importWillApply', { n: factCount }) : tr('importNothingToApply')}
        </p>
      </div>
    </section>
  );
}
