/**
 * The sources behind every fact in the details panel, once each, so each citation id above can
 * be looked up. A missing source is shown as a data error rather than dropped; a source's note is
 * shown in the UI language (note_zh in Chinese), and an imported source's note says where it came
 * from (this browser or a shared link) instead of its stored note.
 */
import type { SourceRef } from '../../domain/unit-details';
import { isImportSourceId } from '../../domain/import/types';
import { noteIn } from '../../domain/dataset/notes';
import { useAppStore } from '../../store/use-app-store';
import type { Translate } from './fact-text';

export function SourceList({
  sources,
  linkLayerIds,
  tr,
}: {
  sources: readonly SourceRef[];
  linkLayerIds: ReadonlySet<string>;
  tr: Translate;
}) {
  const lang = useAppStore((s) => s.lang);
  return (
    <>
      <h3>{tr('detailsSourcesTitle')}</h3>
      <ul className="dp-sources">
        {sources.map(({ id, source }) => {
          const note = source === null ? null : noteIn(lang, source.note, source.noteZh);
          return (
            <li key={id}>
              <span className="dp-source-id">{id}</span>{' '}
              {source === null ? (
                <span className="dp-warning">{tr('detailsSourceMissing', { id })}</span>
              ) : (
                <>
                  <span className="dp-source-title">{source.title}</span>
                  {(source.publisher !== '' || source.date !== '') && (
                    <span className="dp-muted">
                      {' '}
                      · {[source.publisher, source.date].filter((s) => s !== '').join(' · ')}
                    </span>
                  )}{' '}
                  {source.url === '' ? (
                    <span className="dp-muted">{tr('detailsSourceNoUrl')}</span>
                  ) : (
                    <a href={source.url} target="_blank" rel="noreferrer">
                      {tr('detailsSourceLink')}
                    </a>
                  )}
                  {note !== null && note.text !== '' && (
                    <p className="dp-note">
                      <span className="dp-note-label">
                        {tr('detailsSourceNoteLabel')}
                        {tr('detailsLabelSep')}
                      </span>
                      {isImportSourceId(id) ? (
                        <span>{tr(linkLayerIds.has(id) ? 'importSourceNoteLink' : 'importSourceNoteLocal')}</span>
                      ) : (
                        <span lang={note.lang}>{note.text}</span>
                      )}
                    </p>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
