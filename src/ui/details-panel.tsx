/**
 * The county details panel: shown while a unit is selected. A region named after the county
 * (its heading), with the five-year strip, what is known this year, every fact with its
 * sources, the boundary note and the neighbours. Everything from data/ is rendered as React
 * text, never as HTML. The strip and neighbour swatches are drawn like the map (palette.ts).
 */
import { useEffect, useId, useMemo, type ReactNode } from 'react';
import type { Lang } from '../domain/lang';
import { isImportSourceId } from '../domain/import/types';
import type { Confidence, Indicator, Tier, TierFact, TierRange, Total, Unit } from '../domain/types';
import {
  neighbourStates,
  unitFacts,
  unitHistory,
  type SourceRef,
  type StripCell,
  type TierPosition,
} from '../domain/unit-details';
import type { UnitState } from '../domain/unit-state';
import { useAppStore } from '../store/use-app-store';
import type { MessageKey } from './i18n';
import { factLabelKey } from './state-label';
import { useT } from './use-t';
import './details-panel.css';
import { TrajectorySummary } from './trajectory-summary';
import { swatchStyle } from './swatch-style';

type Translate = ReturnType<typeof useT>;

// ---------------------------------------------------------------------------------------------
// Swatches and labels (the same look as the map and the legend)

function Swatch({ state }: { state: UnitState | null }) {
  return (
    <span
      className={state === null ? 'dp-swatch dp-swatch-none' : 'dp-swatch'}
      style={swatchStyle(state)}
      aria-hidden="true"
    />
  );
}

/** "B or C", "A, B or C" (zh: "B或C", "A、B或C"). */
function joinTiers(tr: Translate, tiers: readonly Tier[]): string {
  if (tiers.length <= 1) return tiers.join('');
  return `${tiers.slice(0, -1).join(tr('detailsTierListSep'))}${tr('detailsTierOr')}${tiers[tiers.length - 1] ?? ''}`;
}

function stateLabel(tr: Translate, state: UnitState | null): string {
  if (state === null) return tr('detailsLabelNone');
  switch (state.kind) {
    case 'known':
      return tr(factLabelKey(state.fact), { tier: state.tier });
    case 'range':
      return tr('detailsLabelRange', { tiers: joinTiers(tr, state.tiers) });
    case 'unknown':
      return tr('detailsLabelUnknown');
  }
}

/** A unit's name in the UI language: zh the Chinese name; en the English name with the Chinese. */
function unitName(unit: Unit, lang: Lang): string {
  return lang === 'zh' ? unit.nameZh : `${unit.nameEn} ${unit.nameZh}`;
}

const CONFIDENCE: Record<Confidence, MessageKey> = {
  high: 'detailsConfidenceHigh',
  medium: 'detailsConfidenceMedium',
  low: 'detailsConfidenceLow',
};

const INDICATOR_NAMES: Partial<Record<string, MessageKey>> = {
  reward_cny: 'detailsIndicatorRewardCny',
  rank_change: 'detailsIndicatorRankChange',
  rank_gain_vs_best: 'detailsIndicatorRankGainVsBest',
  rank: 'detailsIndicatorRank',
  high_tech_enterprises: 'detailsIndicatorHighTechEnterprises',
  tech_smes: 'detailsIndicatorTechSmes',
  little_giant_firms: 'detailsIndicatorLittleGiantFirms',
  rd_investment_cny: 'detailsIndicatorRdInvestmentCny',
  rd_intensity: 'detailsIndicatorRdIntensity',
  technology_transaction_cny: 'detailsIndicatorTechnologyTransactionCny',
  provincial_rd_centres: 'detailsIndicatorProvincialRdCentres',
  startup_service_institutions: 'detailsIndicatorStartupServiceInstitutions',
  agri_innovation_stations: 'detailsIndicatorAgriInnovationStations',
  new_high_tech_enterprises: 'detailsIndicatorNewHighTechEnterprises',
  new_tech_smes: 'detailsIndicatorNewTechSmes',
  new_a_grade_rd_institutions: 'detailsIndicatorNewAGradeRdInstitutions',
  municipal_county_fund_cny: 'detailsIndicatorMunicipalCountyFundCny',
};

const INDICATOR_UNITS: Partial<Record<string, MessageKey>> = {
  CNY: 'detailsIndicatorUnitCny',
  firms: 'detailsIndicatorUnitFirms',
  places: 'detailsIndicatorUnitPlaces',
  '%': 'detailsIndicatorUnitPercent',
};

/** Consecutive years as spans: [2019, 2020] → "2019–2020". */
function yearsText(tr: Translate, years: readonly number[]): string {
  const spans: string[] = [];
  let start: number | undefined;
  let prev: number | undefined;
  const flush = () => {
    if (start === undefined || prev === undefined) return;
    spans.push(start === prev ? String(start) : tr('detailsYearSpan', { from: start, to: prev }));
  };
  for (const y of [...years].sort((a, b) => a - b)) {
    if (prev !== undefined && y === prev + 1) prev = y;
    else {
      flush();
      start = prev = y;
    }
  }
  flush();
  return spans.join(tr('detailsListSep'));
}

// ---------------------------------------------------------------------------------------------
// Small pieces

function Cites({ sources, tr }: { sources: readonly SourceRef[]; tr: Translate }) {
  if (sources.length === 0) return null;
  return (
    <span className="dp-cites">{tr('detailsCites', { ids: sources.map((s) => s.id).join(tr('detailsListSep')) })}</span>
  );
}

function Note({ text, derived, tr }: { text: string; derived: boolean; tr: Translate }) {
  if (text === '') return null;
  return (
    <p className="dp-note">
      <span className="dp-note-label">{tr(derived ? 'detailsBasisLabel' : 'detailsNoteLabel')}: </span>
      <span lang="en">{text}</span>
    </p>
  );
}

/**
 * The mark of an imported fact: a badge and the title of the source the user named for it
 * (user text, rendered as text). Nothing for the project's own facts.
 */
function ImportedMark({ fact, sources, tr }: { fact: TierFact; sources: readonly SourceRef[]; tr: Translate }) {
  if (fact.imported !== true) return null;
  const title = sources.find((s) => s.source !== null && isImportSourceId(s.id))?.source?.title ?? '';
  return (
    <>
      {' '}
      <span className="import-badge">{tr('importBadge')}</span>
      {title !== '' && <span className="dp-imported-from"> {tr('importBadgeFrom', { title })}</span>}
    </>
  );
}

function rankText(
  tr: Translate,
  rank: number | null,
  rankOf: number | null,
  position: TierPosition | null,
): string | null {
  if (rank === null || rankOf === null) return null;
  const overall = tr('detailsRank', { rank, rankOf });
  return position ? `${overall} · ${tr('detailsPosition', { ...position })}` : overall;
}

function rangeText(tr: Translate, range: TierRange): string {
  const params = { from: range.fromTier ?? '', to: range.toTier ?? '', yearFrom: range.yearFrom, yearTo: range.yearTo };
  if (range.fromTier === null && range.toTier === null) return tr('detailsRangeNoTiers', params);
  if (range.fromTier === null) return tr('detailsRangeToOnly', params);
  if (range.toTier === null) return tr('detailsRangeFromOnly', params);
  if (range.fromTier === range.toTier) return tr('detailsRangeHeld', params);
  return tr('detailsRangeMove', params);
}

function indicatorText(tr: Translate, lang: Lang, indicator: Indicator): string {
  const nameKey = INDICATOR_NAMES[indicator.indicator];
  const unitKey = INDICATOR_UNITS[indicator.unit];
  const value = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en').format(indicator.value);
  const name = nameKey ? tr(nameKey) : indicator.indicator;
  return `${name}: ${tr('detailsIndicatorValue', { value, unit: unitKey ? tr(unitKey) : indicator.unit })}`;
}

const TIERS_ORDER: readonly Tier[] = ['A', 'B', 'C'];

function totalText(tr: Translate, total: Total, areaName: string): string {
  const parts: string[] = [];
  if (total.units !== null) parts.push(tr('detailsTotalsUnits', { n: total.units }));
  const missing: Tier[] = [];
  for (const tier of TIERS_ORDER) {
    const exact = total.counts[tier];
    const min = total.minimums[tier];
    if (exact !== null) parts.push(tr('detailsTotalsExact', { tier, n: exact }));
    else if (min !== null) parts.push(tr('detailsTotalsMin', { tier, n: min }));
    else missing.push(tier);
  }
  if (missing.length > 0) parts.push(tr('detailsTotalsNotStated', { tiers: missing.join(tr('detailsTierListSep')) }));
  if (total.avgScore !== null) parts.push(tr('detailsTotalsAvg', { n: total.avgScore }));
  if (total.tierChanges !== null) parts.push(tr('detailsTotalsRises', { n: total.tierChanges }));
  const scope = total.scope === 'province' ? tr('detailsTotalsProvince') : areaName;
  return `${total.year} · ${scope}: ${parts.join(' · ')}`;
}

/** Key handling: Escape closes the panel unless the user is typing or a widget handled it. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('[role="combobox"]')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  // A range or a checkbox is not typing: Escape there still closes the panel.
  return target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button'].includes(target.type);
}

// ---------------------------------------------------------------------------------------------
// The panel

export function DetailsPanel() {
  const tr = useT();
  const selected = useAppStore((s) => s.selected);
  const data = useAppStore((s) => s.data);
  const year = useAppStore((s) => s.year);
  const lang = useAppStore((s) => s.lang);
  const select = useAppStore((s) => s.select);
  const setYear = useAppStore((s) => s.setYear);
  const imports = useAppStore((s) => s.imports);
  const linkLayerIds = useMemo(() => new Set(imports.filter((l) => l.origin === 'link').map((l) => l.id)), [imports]);
  const headingId = useId();

  useEffect(() => {
    if (selected === null) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || isTyping(event.target)) return;
      select(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selected, select]);

  const details = useMemo(() => {
    if (selected === null || data.status !== 'ready') return null;
    const { dataset, index, geometry } = data;
    const history = unitHistory(dataset, index, selected, year);
    const facts = unitFacts(dataset, index, selected, year);
    if (!history || !facts) return null;
    const neighbours = history.existsInYear
      ? neighbourStates(geometry.neighbours, dataset.units, index, history.unit.code, year)
      : [];
    const areaNames = new Map(dataset.units.map((u) => [u.prefectureCode, u.prefectureZh]));
    return { history, facts, neighbours, areaNames };
  }, [selected, data, year]);

  if (!details) return null;
  const { history, facts, neighbours, areaNames } = details;
  const unit = history.unit;
  const current = history.cells.find((c) => c.current);
  const currentState = current && current.relation === 'self' ? (current.members[0]?.state ?? null) : null;
  const showUnit = (u: Unit): ReactNode =>
    u === unit ? null : <span className="dp-as">{tr('detailsFactAs', { name: u.nameZh })}</span>;

  return (
    <section className="details-panel" role="region" aria-labelledby={headingId}>
      <header className="dp-header">
        <h2 id={headingId}>
          {lang === 'zh' ? (
            unit.nameZh
          ) : (
            <>
              {unit.nameEn} <span lang="zh">{unit.nameZh}</span>
            </>
          )}
        </h2>
        <button
          type="button"
          className="dp-close"
          aria-label={tr('detailsClose')}
          title={tr('detailsClose')}
          onClick={() => select(null)}
        >
          <span aria-hidden="true">×</span>
        </button>
      </header>

      <dl className="dp-meta">
        <dt>{tr('detailsNameZh')}</dt>
        <dd lang="zh">{unit.nameZh}</dd>
        <dt>{tr('detailsNameEn')}</dt>
        <dd lang="en">{unit.nameEn}</dd>
        <dt>{tr('detailsArea')}</dt>
        <dd lang="zh">{unit.prefectureZh}</dd>
        <dt>{tr('detailsCode')}</dt>
        <dd>{unit.code}</dd>
        <dt>{tr('detailsSpan')}</dt>
        <dd>
          {unit.validTo === null
            ? tr('detailsSpanOpen', { from: unit.validFrom })
            : tr('detailsSpanClosed', { from: unit.validFrom, to: unit.validTo })}
        </dd>
      </dl>
      {!history.existsInYear && <p className="dp-warning">{tr('detailsNotInYear', { year })}</p>}

      <h3>{tr('detailsStripTitle')}</h3>
      <ol className="dp-strip" aria-describedby={`${headingId}-strip-hint`}>
        {history.cells.map((cell) => (
          <li key={cell.year}>
            <StripButton cell={cell} tr={tr} onChoose={() => setYear(cell.year)} />
          </li>
        ))}
      </ol>
      <p id={`${headingId}-strip-hint`} className="dp-hint">
        {tr('detailsStripHint')}
      </p>
      <Lineage
        cells={history.cells}
        unit={unit}
        tr={tr}
        lang={lang}
        onSelect={(code, from) => {
          // A successor exists only from `from` on: show that year, or the code would name
          // the older unit (130502 is 桥东区 before 2021, 襄都区 after).
          if (year < from) setYear(from);
          select(code, { fly: true });
        }}
      />

      <h3>{tr('detailsYearTitle', { year })}</h3>
      <div className="dp-year">
        <p className="dp-year-state">
          <Swatch state={currentState} />
          <span>
            {currentState === null
              ? tr('detailsStateNone', { year })
              : currentState.kind === 'known'
                ? tr(
                    currentState.fact.imported === true
                      ? 'detailsStateKnownImported'
                      : currentState.fact.basis === 'stated'
                        ? 'detailsStateKnownStated'
                        : 'detailsStateKnownDerived',
                    {
                      tier: currentState.tier,
                    },
                  )
                : currentState.kind === 'range'
                  ? tr('detailsStateRange', { tiers: joinTiers(tr, currentState.tiers) })
                  : tr('detailsStateUnknown', { year })}
          </span>
        </p>
        {currentState?.kind === 'known' && currentState.fact.imported === true && (
          <p className="dp-imported">
            <ImportedMark
              fact={currentState.fact}
              sources={facts.tiers.find((t) => t.fact === currentState.fact)?.sources ?? []}
              tr={tr}
            />
          </p>
        )}
        {currentState?.kind === 'known' && (
          <>
            <p>
              {rankText(
                tr,
                currentState.fact.rank,
                currentState.fact.rankOf,
                facts.tiers.find((t) => t.fact === currentState.fact)?.position ?? null,
              ) ?? tr('detailsNoRank')}
            </p>
            <p className="dp-muted">
              {tr('detailsConfidence', { level: tr(CONFIDENCE[currentState.fact.confidence]) })}
            </p>
            <Note text={currentState.fact.note} derived={currentState.fact.basis === 'derived'} tr={tr} />
            <p>
              <Cites sources={facts.tiers.find((t) => t.fact === currentState.fact)?.sources ?? []} tr={tr} />
            </p>
          </>
        )}
        {currentState?.kind === 'range' && (
          <ul className="dp-facts">
            {currentState.ranges.map((range, i) => (
              <li key={i}>
                {rangeText(tr, range)}
                <Note text={range.note} derived tr={tr} />
                <Cites sources={facts.ranges.find((r) => r.range === range)?.sources ?? []} tr={tr} />
              </li>
            ))}
          </ul>
        )}
        <p className="dp-muted">{tr('detailsNoScore')}</p>
      </div>

      {history.existsInYear && <TrajectorySummary code={history.unit.code} />}

      <h3>{tr('detailsNeighboursTitle', { year })}</h3>
      {neighbours.length === 0 ? (
        <p className="dp-muted">{tr('detailsNoNeighbours', { year })}</p>
      ) : (
        <ul className="dp-neighbours">
          {neighbours.map(({ unit: n, state }) => (
            <li key={n.code}>
              <button type="button" onClick={() => select(n.code, { fly: true })}>
                <Swatch state={state} />
                <span className="dp-neighbour-name">{unitName(n, lang)}</span>
                <span className="dp-neighbour-state">{stateLabel(tr, state)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}

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
              <Note text={fact.note} derived={fact.basis === 'derived'} tr={tr} />
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
                <Note text={range.note} derived={false} tr={tr} />
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
                <Note text={indicator.note} derived={false} tr={tr} />
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
                <Note text={total.note} derived={total.basis === 'derived'} tr={tr} />
                <Cites sources={sources} tr={tr} />
              </li>
            ))}
          </ul>
        </details>
      )}

      <h3>{tr('detailsBoundaryTitle')}</h3>
      {unit.boundaryNote === '' ? (
        <p className="dp-muted">{tr('detailsBoundaryNone')}</p>
      ) : (
        <Note text={unit.boundaryNote} derived={false} tr={tr} />
      )}

      <h3>{tr('detailsSourcesTitle')}</h3>
      <ul className="dp-sources">
        {facts.sources.map(({ id, source }) => (
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
                {source.note !== '' && (
                  <p className="dp-note">
                    <span className="dp-note-label">{tr('detailsSourceNoteLabel')}: </span>
                    {isImportSourceId(id) ? (
                      <span>{tr(linkLayerIds.has(id) ? 'importSourceNoteLink' : 'importSourceNoteLocal')}</span>
                    ) : (
                      <span lang="en">{source.note}</span>
                    )}
                  </p>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function StripButton({ cell, tr, onChoose }: { cell: StripCell; tr: Translate; onChoose: () => void }) {
  const states = cell.members.length > 0 ? cell.members.map((m) => m.state) : [null];
  const label = states.map((s) => stateLabel(tr, s)).join(' / ');
  const as =
    cell.relation === 'predecessor' || cell.relation === 'successor'
      ? cell.members.map((m) => m.unit.nameZh).join('、')
      : '';
  return (
    <button type="button" className="dp-strip-cell" aria-current={cell.current ? 'true' : undefined} onClick={onChoose}>
      <span className="dp-strip-year">{cell.year}</span>
      <span className="dp-strip-swatches">
        {states.map((s, i) => (
          <Swatch key={i} state={s} />
        ))}
      </span>
      <span className="dp-strip-label">{label}</span>
      {as !== '' && <span className="dp-strip-as">{tr('detailsStripAs', { name: as })}</span>}
    </button>
  );
}

/** Sentences explaining cells that show another unit, a partial predecessor, or no unit. */
function Lineage({
  cells,
  unit,
  tr,
  lang,
  onSelect,
}: {
  cells: readonly StripCell[];
  unit: Unit;
  tr: Translate;
  lang: Lang;
  onSelect: (code: string, from: number) => void;
}) {
  const lines: ReactNode[] = [];
  const byUnit = (pick: (cell: StripCell) => readonly Unit[], relation?: StripCell['relation']) => {
    const groups = new Map<Unit, number[]>();
    for (const cell of cells) {
      if (relation && cell.relation !== relation) continue;
      for (const u of pick(cell)) groups.set(u, [...(groups.get(u) ?? []), cell.year]);
    }
    return groups;
  };
  for (const [u, years] of byUnit((c) => c.members.map((m) => m.unit), 'predecessor')) {
    lines.push(tr('detailsLineagePredecessor', { years: yearsText(tr, years), name: u.nameZh, code: u.code }));
  }
  for (const [u, years] of byUnit((c) => c.partialPredecessors)) {
    lines.push(tr('detailsLineagePartial', { years: yearsText(tr, years), name: u.nameZh, code: u.code }));
  }
  for (const [u, years] of byUnit((c) => c.members.map((m) => m.unit), 'successor')) {
    lines.push(tr('detailsLineageSuccessor', { years: yearsText(tr, years), name: u.nameZh, code: u.code }));
  }
  const before = cells.some(
    (c) => c.relation === 'none' && c.year < unit.validFrom && c.partialPredecessors.length === 0,
  );
  if (before) lines.push(tr('detailsLineageBefore', { year: unit.validFrom }));
  const split = cells.find((c) => c.relation === 'none' && c.successors.length > 0);
  if (lines.length === 0 && !split) return null;
  return (
    <div className="dp-lineage">
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
      {split && (
        <>
          <p>{tr('detailsLineageSplit', { year: split.year })}</p>
          <ul className="dp-neighbours dp-successors">
            {split.successors.map((s) => (
              <li key={s.code}>
                <button type="button" onClick={() => onSelect(s.code, split.year)}>
                  <span className="dp-neighbour-name">{tr('detailsSelectUnit', { name: unitName(s, lang) })}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
