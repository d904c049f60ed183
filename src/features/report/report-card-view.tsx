/**
 * The card itself: one A4 portrait sheet (see report-card.css), the same markup on screen, in
 * print and in the PNG. It renders the model of domain/report-card.ts and nothing else; text from
 * data/ is React text, never HTML. In Chinese every line is Chinese (notes from note_zh /
 * boundary_note_zh); source titles are shown as written.
 */
import { noteIn } from '../../domain/dataset/notes';
import type { Lang } from '../../domain/lang';
import { knownUnits, type ReportCard, type ReportYear } from '../../domain/report-card';
import type { UnitState } from '../../domain/unit-state';
import { swatchStyle } from '../../components/swatch-style';
import { ReportMapSvg, type MapDrawing } from './report-map';
import { ScopeRows } from './report-card-rows';
import { basisLines, indicatorWords, lineageLines, shortState, unitName, type Translate } from './report-card-words';
import { stateWords } from '../../i18n';
import './on-demand-messages';

export interface CardContext {
  tr: Translate;
  lang: Lang;
  /** An area's name in the card's language. */
  areaName: (code: string) => string;
}

function Swatch({ state }: { state: UnitState | null }) {
  return (
    <span
      className={state === null ? 'rc-swatch rc-swatch-none' : 'rc-swatch'}
      style={swatchStyle(state)}
      aria-hidden="true"
    />
  );
}

// ---------------------------------------------------------------------------------------------
// Header and strip

function StripYear({ year, tr }: { year: ReportYear; tr: Translate }) {
  const { cell, ranks, rankIndicators } = year;
  const states = cell.members.length > 0 ? cell.members.map((m) => m.state) : [null];
  const as =
    cell.relation === 'predecessor' || cell.relation === 'successor'
      ? cell.members.map((m) => m.unit.nameZh).join('、')
      : '';
  const rankLines = ranks.map((r) =>
    tr(r.basis === 'stated' ? 'reportRank' : r.basis === 'derived' ? 'reportRankDerived' : 'reportRankImported', {
      rank: r.rank,
      of: r.of,
    }),
  );
  return (
    <li className={cell.current ? 'rc-year rc-year-now' : 'rc-year'}>
      <span className="rc-year-label">{cell.year}</span>
      <span className="rc-year-swatches">
        {states.map((s, i) => (
          <Swatch key={i} state={s} />
        ))}
      </span>
      <span className="rc-year-state">{states.map((s) => stateWords(tr, s)).join(' / ')}</span>
      {as !== '' && <span className="rc-year-as">{tr('detailsStripAs', { name: as })}</span>}
      <span className="rc-year-rank">{rankLines.length > 0 ? rankLines.join(' / ') : tr('reportNoRank')}</span>
      {rankIndicators.map((i, n) => (
        <span key={n} className="rc-year-rank">
          {indicatorWords(tr, i)}
        </span>
      ))}
    </li>
  );
}

// ---------------------------------------------------------------------------------------------
// The sheet

export function ReportCardView({
  card,
  drawing,
  ctx,
  madeOn,
  link,
  titleId,
}: {
  card: ReportCard;
  drawing: MapDrawing | null;
  ctx: CardContext;
  /** The date the card was made, already in words. */
  madeOn: string;
  /** The explorer's address of this unit. */
  link: string;
  titleId: string;
}) {
  const { tr, lang, areaName } = ctx;
  const { unit, comparison, strip, year } = card;
  const area = areaName(unit.prefectureCode);
  const boundary = noteIn(lang, unit.boundaryNote, unit.boundaryNoteZh);
  const span =
    unit.validTo === null
      ? tr('detailsSpanOpen', { from: unit.validFrom })
      : tr('detailsSpanClosed', { from: unit.validFrom, to: unit.validTo });
  const lineage = lineageLines(
    strip.map((y) => y.cell),
    unit,
    tr,
    lang,
  );
  const years = comparison.unit.cells.map((c) => c.year);
  const anyDerived = [...comparison.province, ...comparison.area].some((y) => y.officialDerived && y.official);
  const neighbours = card.map.units.filter((m) => m.role === 'neighbour');
  const self = card.map.units.find((m) => m.role === 'self');
  const coverage = comparison.province.map((y) => `${y.year} ${knownUnits(y)}/${y.units}`).join(' · ');

  return (
    <article className="rc-sheet" lang={lang}>
      <header className="rc-head rc-block">
        <p className="rc-kicker">{tr('reportKicker')}</p>
        <h2 id={titleId} className="rc-title" tabIndex={-1}>
          {lang === 'zh' ? (
            unit.nameZh
          ) : (
            <>
              {unit.nameEn} <span lang="zh">{unit.nameZh}</span>
            </>
          )}
        </h2>
        <p className="rc-sub">{tr('reportSub', { area, code: unit.code, span })}</p>
        {boundary.text !== '' && (
          <p className="rc-boundary">
            <strong>
              {tr('reportBoundary')}
              {tr('detailsLabelSep')}
            </strong>
            <span lang={boundary.lang}>{boundary.text}</span>
          </p>
        )}
      </header>

      <section className="rc-block" aria-labelledby={`${titleId}-strip`}>
        <h3 id={`${titleId}-strip`}>{tr('reportStripTitle')}</h3>
        <ol className="rc-strip">
          {strip.map((y) => (
            <StripYear key={y.cell.year} year={y} tr={tr} />
          ))}
        </ol>
        {basisLines(strip, tr, lang).map((line) => (
          <p key={line.key} className="rc-small">
            {line.text}
          </p>
        ))}
        {lineage.map((line, i) => (
          <p key={i} className="rc-small">
            {line}
          </p>
        ))}
        <p className="rc-small">{tr('reportScore')}</p>
      </section>

      <div className="rc-columns">
        <section className="rc-block rc-compare" aria-labelledby={`${titleId}-cmp`}>
          <h3 id={`${titleId}-cmp`}>{tr('reportCompareTitle', { area })}</h3>
          <table className="rc-cmp">
            <thead>
              <tr>
                <th scope="col">
                  <span className="rc-sr">{tr('detailsCompareUnitCol')}</span>
                </th>
                {years.map((y) => (
                  <th key={y} scope="col" className={y === year ? 'rc-now' : undefined}>
                    {y}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr className="rc-cmp-self">
                <th scope="row">{unitName(unit, lang)}</th>
                {comparison.unit.cells.map((c) => {
                  const states = c.members.length > 0 ? c.members.map((m) => m.state) : [null];
                  return (
                    <td key={c.year}>
                      <Swatch state={states[0] ?? null} />
                      <span aria-hidden="true">{states.map(shortState).join(' ')}</span>
                      <span className="rc-sr">{states.map((s) => stateWords(tr, s)).join(' / ')}</span>
                    </td>
                  );
                })}
              </tr>
            </tbody>
            {comparison.area.length > 0 && <ScopeRows name={area} years={comparison.area} tr={tr} />}
            <ScopeRows name={tr('detailsCompareProvince')} years={comparison.province} tr={tr} />
          </table>
          <p className="rc-small">{tr('reportCompareKey')}</p>
          {anyDerived && <p className="rc-small">{tr('reportCompareDerived')}</p>}
        </section>

        <section className="rc-block rc-neighbours" aria-labelledby={`${titleId}-map`}>
          <h3 id={`${titleId}-map`}>{tr('reportMapTitle', { year })}</h3>
          {drawing && self ? (
            <>
              <ReportMapSvg
                drawing={drawing}
                label={tr('reportMapLabel', { name: unitName(unit, lang), area, year })}
              />
              <p className="rc-small">{tr('reportMapKey', { year, name: unitName(unit, lang), area })}</p>
              <ul className="rc-nlist">
                {[self, ...neighbours].map((m) => (
                  <li key={m.unit.code} className={m.role === 'self' ? 'rc-nself' : undefined}>
                    <Swatch state={m.state} />
                    <span className="rc-nname">{unitName(m.unit, lang)}</span>
                    <span className="rc-nstate">{stateWords(tr, m.state)}</span>
                    {m.unit.prefectureCode !== unit.prefectureCode && (
                      <span className="rc-narea">
                        {tr('reportOtherArea', { area: areaName(m.unit.prefectureCode) })}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="rc-small">{tr('reportMapNone', { year })}</p>
          )}
        </section>
      </div>

      <section className="rc-block rc-sources" aria-labelledby={`${titleId}-src`}>
        <h3 id={`${titleId}-src`}>{tr('reportSourcesTitle', { n: card.sources.length })}</h3>
        <ol className="rc-source-list">
          {card.sources.map(({ id, source }) => (
            <li key={id}>
              <span className="rc-source-id">{id}</span>{' '}
              {source === null ? (
                <span>{tr('reportSourceMissing')}</span>
              ) : (
                <>
                  <span className="rc-source-title">{source.title}</span>
                  {[source.publisher, source.date].filter((s) => s !== '').map((s) => ` · ${s}`)}
                  {' · '}
                  <span className="rc-url">{source.url === '' ? tr('reportSourceNoUrl') : source.url}</span>
                </>
              )}
            </li>
          ))}
        </ol>
      </section>

      <footer className="rc-foot rc-block">
        <p>{tr('reportCoverage', { years: coverage })}</p>
        <p>{tr('notesData')}</p>
        <p>{tr('notesGeometry')}</p>
        <p>{tr('reportMade', { date: madeOn })}</p>
        <p>
          {tr('reportLink')} <span className="rc-url">{link}</span>
        </p>
      </footer>
    </article>
  );
}
