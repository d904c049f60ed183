/**
 * Every fact the data holds on the unit, in every year: tiers, tier ranges, indicators and the
 * area's totals, each with its note and citations. Facts recorded under a unit it continues are
 * named "as <unit>", so the reader sees whose row a fact really is.
 */
import type { ReactNode } from 'react';
import type { Lang } from '../../domain/lang';
import type { Unit } from '../../domain/types';
import type { UnitFacts } from '../../domain/unit-details';
import { factLabelKey } from '../../i18n';
import {
  CONFIDENCE,
  Cites,
  ImportedMark,
  Note,
  indicatorText,
  rangeText,
  rankText,
  totalText,
  type Translate,
} from './fact-text';

export function FactLists({
  facts,
  unit,
  year,
  areaNames,
  tr,
  lang,
}: {
  facts: UnitFacts;
  unit: Unit;
  year: number;
  areaNames: ReadonlyMap<string, string>;
  tr: Translate;
  lang: Lang;
}) {
  const showUnit = (u: Unit): ReactNode =>
    u === unit ? null : <span className="dp-as">{tr('detailsFactAs', { name: u.nameZh })}</span>;

  return (
    <>
      <h3>{tr('detailsTiersTitle')}</h3>
      {facts.tiers.length === 0 ? (
        <p className="dp-muted">{tr('detailsNoTiers')}</p>
      ) : (
        <ul className="dp-facts">
          {facts.tiers.map(({ unit: u, fact, sources, position }) => (
            <li key={`${fact.code}-${fact.year}`} className={fact.year === year ? 'dp-fact-current' : undefined}>
              <span className="dp-fact-head">
                {fact.year} · {tr(factLabelKey(fact), { tier: fact.tier })}
                {showUnit(u)}
                <ImportedMark fact={fact} sources={sources} tr={tr} />
              </span>
              {rankText(tr, fact.rank, fact.rankOf, position) !== null && (
                <span> · {rankText(tr, fact.rank, fact.rankOf, position)}</span>
              )}
              <span className="dp-muted"> · {tr('detailsConfidence', { level: tr(CONFIDENCE[fact.confidence]) })}</span>
              <Note text={fact.note} textZh={fact.noteZh} derived={fact.basis === 'derived'} tr={tr} />
              <Cites sources={sources} tr={tr} />
            </li>
          ))}
        </ul>
      )}

      {facts.ranges.length > 0 && (
        <>
          <h3>{tr('detailsRangesTitle')}</h3>
          <ul className="dp-facts">
            {facts.ranges.map(({ unit: u, range, sources }, i) => (
              <li key={i}>
                <span className="dp-fact-head">
                  {rangeText(tr, range)}
                  {showUnit(u)}
                </span>
                <Note text={range.note} textZh={range.noteZh} derived={false} tr={tr} />
                <Cites sources={sources} tr={tr} />
              </li>
            ))}
          </ul>
        </>
      )}

      {facts.indicators.length > 0 && (
        <>
          <h3>{tr('detailsIndicatorsTitle')}</h3>
          <ul className="dp-facts">
            {facts.indicators.map(({ unit: u, indicator, sources }, i) => (
              <li key={i}>
                <span className="dp-fact-head">
                  {indicator.year} · {indicatorText(tr, lang, indicator)}
                  {showUnit(u)}
                </span>
                <Note text={indicator.note} textZh={indicator.noteZh} derived={false} tr={tr} />
                <Cites sources={sources} tr={tr} />
              </li>
            ))}
          </ul>
        </>
      )}

      {facts.totals.length > 0 && (
        <details className="dp-totals">
          <summary>{tr('detailsTotalsTitle')}</summary>
          <ul className="dp-facts">
            {facts.totals.map(({ total, sources }) => (
              <li key={`${total.year}-${total.scope}`}>
                <span className="dp-fact-head">{totalText(tr, total, areaNames.get(total.scope) ?? total.scope)}</span>
                <Note text={total.note} textZh={total.noteZh} derived={total.basis === 'derived'} tr={tr} />
                <Cites sources={sources} tr={tr} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
