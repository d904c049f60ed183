/**
 * The official mover counts where a source states them, and how many of those movers the known
 * data accounts for. Nothing is filled in: a count no source states is not shown.
 */
import { knownMovers } from '../../domain/official-moves';
import type { Source } from '../../domain/types';
import { useT } from '../../i18n/use-t';
import type { TransitionModel } from './transition-model';
import { officialText } from './transition-words';

export function OfficialCounts(props: { model: TransitionModel; sources: readonly Source[] }) {
  const { model, sources } = props;
  const tr = useT();
  const { official, coverage } = model;
  if (official.length === 0) {
    return (
      <p className="tv-muted">
        {model.baseYear === model.year - 1
          ? tr('tvNoOfficial', { base: model.baseYear, year: model.year })
          : tr('tvNoOfficialPair', { base: model.baseYear, year: model.year })}
      </p>
    );
  }
  // Each statement names its source ids; the titles are listed once below, since several
  // statements usually share their sources.
  const cited = [...new Set(official.flatMap((m) => m.sourceIds))].map(
    (id) => sources.find((s) => s.sourceId === id) ?? { sourceId: id, title: '', url: '' },
  );
  return (
    <div className="tv-official">
      <h3>{tr('tvOfficialTitle')}</h3>
      <ul>
        {official.map((move) => (
          <li key={`${move.origin}:${move.sourceIds.join(';')}`}>
            <span className="tv-official-count">{officialText(tr, move)}</span>
            {' — '}
            <span className="tv-official-known">{tr('tvKnownHere', { n: knownMovers(move, model.cells) })}</span>
            <span className="tv-source-ids"> ({move.sourceIds.join(', ')})</span>
          </li>
        ))}
      </ul>
      {coverage && (
        <p className="tv-coverage">{tr('tvCoverage', { known: coverage.known, official: coverage.official })}</p>
      )}
      <p className="tv-sources">
        {tr('tvSources')}{' '}
        {cited.map((source, i) => (
          <span key={source.sourceId}>
            {i > 0 && '; '}
            {source.url ? (
              <a href={source.url} target="_blank" rel="noopener noreferrer">
                {source.sourceId}
              </a>
            ) : (
              source.sourceId
            )}
            {source.title && <> {source.title}</>}
          </span>
        ))}
      </p>
    </div>
  );
}
