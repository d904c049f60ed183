/**
 * The county details panel: shown while a unit is selected. A region named after the county
 * (its heading), opening on what a reader compares first: the five-year strip, then the
 * comparison with its neighbours, its area and the province (comparison-table.tsx), at the top
 * of the panel; then what is known this year, every fact with its sources and the boundary note.
 * Everything from data/ is rendered as React text, never as HTML. Swatches and bars are drawn
 * like the map (legend-model.ts). This file reads the store and lays the sections out.
 */
import { useId, useLayoutEffect, useMemo, useRef } from 'react';
import { areaLabel } from '../../domain/summary-rows';
import { scopeCounts, unitComparison } from '../../domain/unit-comparison';
import { unitFacts, unitHistory } from '../../domain/unit-details';
import type { UnitCode } from '../../domain/types';
import { useAppStore } from '../../store/use-app-store';
import { useT } from '../../i18n/use-t';
import './details-panel.css';
import { TrajectorySummary } from './trajectory-summary';
import { FactLists } from './fact-lists';
import { ComparisonTable } from './comparison-table';
import { useEscapeCloses } from './escape-closes';
import { Note } from './fact-text';
import { HistoryStrip } from './history-strip';
import { SourceList } from './source-list';
import { YearSection } from './year-section';
import { ReportCardButton } from '../report';

/** The nearest ancestor that scrolls (the side panel, or the phone sheet's body). */
function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(p).overflowY)) return p;
  }
  return null;
}

/**
 * Brings the top of the panel (its back button and heading) to the top of the area that scrolls
 * it. Without this the side panel keeps the scroll position of what it showed before (the
 * province summaries, or another county's sources), and a county chosen by search opens with
 * its heading out of sight.
 */
function scrollPanelToTop(panel: HTMLElement) {
  const container = scrollParent(panel);
  if (!container) return;
  const padding = parseFloat(getComputedStyle(container).paddingTop) || 0;
  const offset = panel.getBoundingClientRect().top - container.getBoundingClientRect().top - padding;
  container.scrollTop = Math.max(0, container.scrollTop + offset);
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
  const panelRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** Set when a control in the panel selects another unit: that control is gone after the change. */
  const focusHeading = useRef(false);
  // The count rows do not depend on which unit is shown: nothing while none is, then kept from
  // one selected unit to the next until the data change.
  const anySelected = selected !== null;
  const counts = useMemo(
    () => (anySelected && data.status === 'ready' ? scopeCounts(data.dataset) : null),
    [data, anySelected],
  );

  useEscapeCloses(selected !== null);

  const details = useMemo(() => {
    if (selected === null || data.status !== 'ready') return null;
    const { dataset, index, geometry } = data;
    const history = unitHistory(dataset, index, selected, year);
    const facts = unitFacts(dataset, index, selected, year);
    if (!history || !facts) return null;
    const comparison = counts && unitComparison(dataset, index, geometry.neighbours, counts, history.unit.code, year);
    const areaNames = new Map(dataset.units.map((u) => [u.prefectureCode, u.prefectureZh]));
    const areaLabels = new Map([...areaNames.keys()].map((code) => [code, areaLabel(dataset, code, lang)]));
    return { history, facts, comparison, areaNames, areaLabels };
  }, [selected, data, year, counts, lang]);

  const shown = details !== null;
  // On every new selection (map, search, table, a link, a neighbour here): the heading in view.
  useLayoutEffect(() => {
    const panel = panelRef.current;
    if (!panel || selected === null) return;
    scrollPanelToTop(panel);
    if (focusHeading.current) {
      focusHeading.current = false;
      headingRef.current?.focus({ preventScroll: true });
    }
  }, [selected, shown]);

  if (!details) return null;
  const { history, facts, comparison, areaNames, areaLabels } = details;
  const unit = history.unit;
  // The button goes with the panel: focus moves to the province view's heading, which takes its
  // place (summaries/province-summary.tsx, by its id), instead of falling back to the page.
  const backToProvince = () => {
    select(null);
    requestAnimationFrame(() => document.getElementById('province-summary-title')?.focus());
  };
  const selectFromPanel = (code: UnitCode) => {
    focusHeading.current = true;
    select(code, { fly: true });
  };

  return (
    <section ref={panelRef} className="details-panel" role="region" aria-labelledby={headingId}>
      <button type="button" className="dp-back" onClick={backToProvince}>
        <span aria-hidden="true">←</span>
        {tr('detailsBack')}
      </button>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {lang === 'zh' ? (
          unit.nameZh
        ) : (
          <>
            {unit.nameEn} <span lang="zh">{unit.nameZh}</span>
          </>
        )}
      </h2>
      <p className="dp-sub">
        {areaLabels.get(unit.prefectureCode) ?? unit.prefectureZh} · {unit.code}
      </p>
      <ReportCardButton name={lang === 'zh' ? unit.nameZh : unit.nameEn} />
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
          focusHeading.current = true;
          select(code, { fly: true });
        }}
      />

      {comparison && (
        <ComparisonTable
          comparison={comparison}
          areaName={areaLabels.get(unit.prefectureCode) ?? unit.prefectureZh}
          areaNames={areaLabels}
          tr={tr}
          lang={lang}
          onSelect={selectFromPanel}
        />
      )}

      <YearSection cells={history.cells} facts={facts} year={year} tr={tr} />

      {history.existsInYear && <TrajectorySummary code={history.unit.code} />}

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

      <FactLists facts={facts} unit={unit} year={year} areaNames={areaNames} tr={tr} lang={lang} />

      <h3>{tr('detailsBoundaryTitle')}</h3>
      {unit.boundaryNote === '' ? (
        <p className="dp-muted">{tr('detailsBoundaryNone')}</p>
      ) : (
        <Note text={unit.boundaryNote} textZh={unit.boundaryNoteZh} derived={false} tr={tr} />
      )}

      <SourceList sources={facts.sources} linkLayerIds={linkLayerIds} tr={tr} />
    </section>
  );
}
