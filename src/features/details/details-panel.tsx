/**
 * The county details panel: shown while a unit is selected. A region named after the county
 * (its heading), with the five-year strip, what is known this year, every fact with its
 * sources, the boundary note and the neighbours. Everything from data/ is rendered as React
 * text, never as HTML. The strip and neighbour swatches are drawn like the map (palette.ts).
 * The larger sections live in ./details/; this file reads the store and lays them out.
 */
import { useEffect, useId, useMemo } from 'react';
import { neighbourStates, unitFacts, unitHistory } from '../../domain/unit-details';
import { useAppStore } from '../../store/use-app-store';
import { useT } from '../../i18n/use-t';
import './details-panel.css';
import { TrajectorySummary } from './trajectory-summary';
import { FactLists } from './fact-lists';
import { Swatch, Note, stateLabel, unitName } from './fact-text';
import { HistoryStrip } from './history-strip';
import { SourceList } from './source-list';
import { YearSection } from './year-section';

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

      <HistoryStrip
        cells={history.cells}
        unit={unit}
        hintId={`${headingId}-strip-hint`}
        tr={tr}
        lang={lang}
        onChooseYear={setYear}
        onSelectUnit={(code, from) => {
          // A successor exists only from `from` on: show that year, or the code would name
          // the older unit (130502 is 桥东区 before 2021, 襄都区 after).
          if (year < from) setYear(from);
          select(code, { fly: true });
        }}
      />

      <YearSection cells={history.cells} facts={facts} year={year} tr={tr} />

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

      <FactLists facts={facts} unit={unit} year={year} areaNames={areaNames} tr={tr} lang={lang} />

      <h3>{tr('detailsBoundaryTitle')}</h3>
      {unit.boundaryNote === '' ? (
        <p className="dp-muted">{tr('detailsBoundaryNone')}</p>
      ) : (
        <Note text={unit.boundaryNote} derived={false} tr={tr} />
      )}

      <SourceList sources={facts.sources} linkLayerIds={linkLayerIds} tr={tr} />
    </section>
  );
}
