/**
 * The card itself: one A4 portrait sheet (see report-card.css), the same markup on screen, in
 * print and in the PNG. It renders the model of domain/report-card.ts and nothing else; text from
 * data/ is React text, never HTML. In Chinese every line is Chinese (notes from note_zh /
 * boundary_note_zh); source titles are shown as written.
 */
import type { ReactNode } from 'react';
import { noteIn } from '../../domain/dataset/notes';
import type { Lang } from '../../domain/lang';
import { knownUnits, type ReportCard, type ReportYear } from '../../domain/report-card';
import { lookOf } from '../../domain/legend-model';
import type { OfficialCount } from '../../domain/summary-rows';
import { TIERS, type Indicator, type Tier, type Unit } from '../../domain/types';
import { hasRangeOnly, type ScopeYear } from '../../domain/unit-comparison';
import type { StripCell } from '../../domain/unit-details';
import type { UnitState } from '../../domain/unit-state';
import { factLabelKey } from '../../components/state-label';
import { lookStyle, swatchStyle } from '../../components/swatch-style';
import type { MessageKey } from '../../i18n/i18n';
import { tierWords } from '../details';
import { ReportMapSvg, type MapDrawing } from './report-map';
import './on-demand-messages';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface CardContext {
  tr: Translate;
  lang: Lang;
  /** An area's name in the card's language. */
  areaName: (code: string) => string;
}

const unitName = (u: Unit, lang: Lang) => (lang === 'zh' ? u.nameZh : u.nameEn);

function Swatch({ state }: { state: UnitState | null }) {
  return (
    <span
      className={state === null ? 'rc-swatch rc-swatch-none' : 'rc-swatch'}
      style={swatchStyle(state)}
      aria-hidden="true"
    />
  );
}

/** "B or C", "A, B or C" (zh: "B或C", "A、B或C"), with the details' words. */
function joinTiers(tr: Translate, tiers: readonly Tier[]): string {
  if (tiers.length <= 1) return tiers.join('');
  return `${tiers.slice(0, -1).join(tr('detailsTierListSep'))}${tr('detailsTierOr')}${tiers[tiers.length - 1] ?? ''}`;
}

/** A state in words, as the details' strip says it; null is "did not exist", never a tier. */
export function stateWords(tr: Translate, state: UnitState | null): string {
  if (state === null) return tr('detailsLabelNone');
  if (state.kind === 'known') return tr(factLabelKey(state.fact), { tier: state.tier });
  if (state.kind === 'range') return tr('detailsLabelRange', { tiers: joinTiers(tr, state.tiers) });
  return tr('detailsLabelUnknown');
}

/** Consecutive years as spans: [2019, 2020] → "2019–2020". */
function yearsText(tr: Translate, years: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[1] === y - 1) last[1] = y;
    else runs.push([y, y]);
  }
  return runs
    .map(([from, to]) => (from === to ? String(from) : tr('detailsYearSpan', { from, to })))
    .join(tr('detailsListSep'));
}

function indicatorWords(tr: Translate, i: Indicator): string {
  if (i.indicator === 'rank_change') return tr('reportRankChange', { n: i.value });
  if (i.indicator === 'rank_gain_vs_best') return tr('reportRankGain', { n: i.value });
  return tr('reportRankIndicator', { n: i.value, unit: i.unit });
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

/**
 * How each year that is not stated outright is known: a derived tier's basis (its row's note),
 * and the range statements that bound a partly known one, in the card's language.
 */
function basisLines(strip: readonly ReportYear[], tr: Translate, lang: Lang): { key: string; text: string }[] {
  const lines: { key: string; text: string }[] = [];
  const sep = tr('detailsLabelSep');
  for (const { cell } of strip) {
    for (const m of cell.members) {
      const s = m.state;
      const who = cell.relation === 'self' ? '' : ` · ${m.unit.nameZh}`;
      if (s.kind === 'known' && s.fact.basis === 'derived') {
        const note = noteIn(lang, s.fact.note, s.fact.noteZh).text;
        if (note !== '') {
          lines.push({
            key: `${cell.year}-${m.unit.code}`,
            text: `${cell.year}${who} · ${tr('detailsBasisLabel')}${sep}${note}`,
          });
        }
      } else if (s.kind === 'range') {
        const notes = s.ranges.map((r) => noteIn(lang, r.note, r.noteZh).text).filter((t) => t !== '');
        lines.push({
          key: `${cell.year}-${m.unit.code}`,
          text: `${cell.year}${who} · ${stateWords(tr, s)}${sep}${notes.join(' ')}`,
        });
      }
    }
  }
  return lines;
}

/** Why a year shows another unit, part of one, or none (the details' lineage sentences). */
function lineageLines(cells: readonly StripCell[], unit: Unit, tr: Translate, lang: Lang): string[] {
  const lines: string[] = [];
  const group = (pick: (c: StripCell) => readonly Unit[]) => {
    const out = new Map<Unit, number[]>();
    for (const c of cells) for (const u of pick(c)) out.set(u, [...(out.get(u) ?? []), c.year]);
    return out;
  };
  const whole = (relation: StripCell['relation']) => (c: StripCell) =>
    c.relation === relation ? c.members.map((m) => m.unit) : [];
  for (const [u, years] of group(whole('predecessor'))) {
    lines.push(tr('detailsLineagePredecessor', { years: yearsText(tr, years), name: u.nameZh, code: u.code }));
  }
  for (const [u, years] of group((c) => c.partialPredecessors)) {
    lines.push(tr('detailsLineagePartial', { years: yearsText(tr, years), name: u.nameZh, code: u.code }));
  }
  for (const [u, years] of group(whole('successor'))) {
    lines.push(tr('detailsLineageSuccessor', { years: yearsText(tr, years), name: u.nameZh, code: u.code }));
  }
  if (cells.some((c) => c.relation === 'none' && c.year < unit.validFrom && c.partialPredecessors.length === 0)) {
    lines.push(tr('detailsLineageBefore', { year: unit.validFrom }));
  }
  const split = cells.find((c) => c.relation === 'none' && c.successors.length > 0);
  if (split) {
    const names = split.successors.map((s) => `${unitName(s, lang)} (${s.code})`).join(tr('detailsListSep'));
    lines.push(`${tr('detailsLineageSplit', { year: split.year })} ${names}`);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Against the province and the area

function officialFigure(count: OfficialCount): string {
  if (count === null) return '?';
  return count.kind === 'exact' ? String(count.n) : `≥${count.n}`;
}

function shortState(state: UnitState | null): string {
  if (state === null) return '–';
  if (state.kind === 'known') return state.tier;
  if (state.kind === 'range') return state.tiers.join('/');
  return '?';
}

/** "7/13" (known / official; ≥ a minimum, ? none stated, * worked out), and the same in words for a screen reader. */
function TierCell({ y, tier, tr }: { y: ScopeYear; tier: Tier; tr: Translate }) {
  const count = y.official?.[tier] ?? null;
  return (
    <>
      <span aria-hidden="true">
        {y.known[tier]}/{officialFigure(count)}
        {count !== null && y.officialDerived ? '*' : ''}
      </span>
      <span className="rc-sr">{tierWords(tr, y, tier)}</span>
    </>
  );
}

function ScopeRows({ name, years, tr }: { name: string; years: readonly ScopeYear[]; tr: Translate }) {
  const row = (label: ReactNode, cell: (y: ScopeYear) => ReactNode, key: string) => (
    <tr key={key}>
      <th scope="row" className="rc-cmp-sub">
        {label}
      </th>
      {years.map((y) => (
        <td key={y.year}>{cell(y)}</td>
      ))}
    </tr>
  );
  const swatchOf = (key: Tier | 'range' | 'unknown') => (
    <span
      className="rc-swatch rc-swatch-small"
      style={lookStyle(lookOf(key === 'range' ? 'range:BC' : key))}
      aria-hidden="true"
    />
  );
  return (
    <tbody className="rc-cmp-scope">
      <tr>
        <th scope="row" className="rc-cmp-scope-name">
          {name} · {tr('reportCompareUnits')}
        </th>
        {years.map((y) => (
          <td key={y.year} className="rc-cmp-units">
            {y.units}
          </td>
        ))}
      </tr>
      {TIERS.map((tier) =>
        row(
          <>
            {swatchOf(tier)}
            {tier}
          </>,
          (y) => <TierCell y={y} tier={tier} tr={tr} />,
          tier,
        ),
      )}
      {hasRangeOnly(years) &&
        row(
          <>
            {swatchOf('range')}
            {tr('detailsCompareRange')}
          </>,
          (y) => y.rangeOnly,
          'range',
        )}
      {row(
        <>
          {swatchOf('unknown')}
          {tr('detailsCompareUnknown')}
        </>,
        (y) => y.unknown,
        'unknown',
      )}
    </tbody>
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
