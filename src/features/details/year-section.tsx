/**
 * The "In <year>" block of the details panel: what is known of the unit in the selected year,
 * with its rank, confidence, note and sources, or the ranges that bound an unknown tier. It reads
 * the strip's current cell, so the block and the highlighted strip cell always agree.
 */
import type { StripCell, UnitFacts } from '../../domain/unit-details';
import type { UnitState } from '../../domain/unit-state';
import { CONFIDENCE, Cites, ImportedMark, Note, Swatch, rangeText, rankText, type Translate } from './fact-text';
import { joinTiers } from '../../i18n';

function stateText(tr: Translate, state: UnitState | null, year: number): string {
  if (state === null) return tr('detailsStateNone', { year });
  if (state.kind === 'known') {
    return tr(
      state.fact.imported === true
        ? 'detailsStateKnownImported'
        : state.fact.basis === 'stated'
          ? 'detailsStateKnownStated'
          : 'detailsStateKnownDerived',
      { tier: state.tier },
    );
  }
  if (state.kind === 'range') return tr('detailsStateRange', { tiers: joinTiers(tr, state.tiers) });
  return tr('detailsStateUnknown', { year });
}

export function YearSection({
  cells,
  facts,
  year,
  tr,
}: {
  cells: readonly StripCell[];
  facts: UnitFacts;
  year: number;
  tr: Translate;
}) {
  const current = cells.find((c) => c.current);
  const currentState = current && current.relation === 'self' ? (current.members[0]?.state ?? null) : null;
  const tierItem = currentState?.kind === 'known' ? facts.tiers.find((t) => t.fact === currentState.fact) : undefined;

  return (
    <>
      <h3>{tr('detailsYearTitle', { year })}</h3>
      <div className="dp-year">
        <p className="dp-year-state">
          <Swatch state={currentState} />
          <span>{stateText(tr, currentState, year)}</span>
        </p>
        {currentState?.kind === 'known' && currentState.fact.imported === true && (
          <p className="dp-imported">
            <ImportedMark fact={currentState.fact} sources={tierItem?.sources ?? []} tr={tr} />
          </p>
        )}
        {currentState?.kind === 'known' && (
          <>
            <p>
              {rankText(tr, currentState.fact.rank, currentState.fact.rankOf, tierItem?.position ?? null) ??
                tr('detailsNoRank')}
            </p>
            <p className="dp-muted">
              {tr('detailsConfidence', { level: tr(CONFIDENCE[currentState.fact.confidence]) })}
            </p>
            <Note
              text={currentState.fact.note}
              textZh={currentState.fact.noteZh}
              derived={currentState.fact.basis === 'derived'}
              tr={tr}
            />
            <p>
              <Cites sources={tierItem?.sources ?? []} tr={tr} />
            </p>
          </>
        )}
        {currentState?.kind === 'range' && (
          <ul className="dp-facts">
            {currentState.ranges.map((range, i) => (
              <li key={i}>
                {rangeText(tr, range)}
                <Note text={range.note} textZh={range.noteZh} derived tr={tr} />
                <Cites sources={facts.ranges.find((r) => r.range === range)?.sources ?? []} tr={tr} />
              </li>
            ))}
          </ul>
        )}
        <p className="dp-muted">{tr('detailsNoScore')}</p>
      </div>
    </>
  );
}
