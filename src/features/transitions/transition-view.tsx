/**
 * The transition view: who moved, and where, between a base year and the selected year.
 *
 * - A Sankey (sankey.tsx) and a 4 × 4 table of the same counts (transition-matrix.tsx).
 * - The official mover counts where a source states them (official-counts.tsx).
 * - Choosing a band or a cell sets `store.flow` (the map highlights those units; that is the
 *   map's job) and lists the units here (flow-units.tsx).
 *
 * The moves are the store's (selectTransitions); every number the view shows is derived from
 * them by the pure functions of transition-model.ts, memoised here; the JSX only renders them.
 * Its code loads on first use, and its stylesheet with the page: transition-panel.tsx.
 */
import { useId, useMemo, useState } from 'react';
import { baseYearOptions, isYear } from '../../domain/timeline';
import type { TransitionCategory } from '../../domain/transitions';
import { FIRST_YEAR } from '../../domain/types';
import { baseYearOf, selectDefaultBase, selectTransitions } from '../../store/selectors';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import { usePanelYear } from '../../components/use-panel-year';
import { useT } from '../../i18n/use-t';
import { FlowList } from './flow-units';
import { OfficialCounts } from './official-counts';
import { SankeyPicture } from './sankey';
import { TransitionMatrix } from './transition-matrix';
import { flowUnits, layoutSankey, sameFlow, transitionModel } from './transition-model';
import { areaLabel, unitLabel } from './transition-words';

export function TransitionView() {
  const tr = useT();
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.lang);
  const data = useAppStore((s) => s.data);
  const panelYear = usePanelYear();
  // The store's years are Year; usePanelYear only widens the type.
  const year = isYear(panelYear) ? panelYear : FIRST_YEAR;
  const base = useAppStore((s) => s.base);
  const pref = useAppStore((s) => s.pref);
  const flow = useAppStore((s) => s.flow);
  const baseYear = baseYearOf({ data, base, year });
  const defaultBase = selectDefaultBase({ data }, year);
  // The panel's year is deferred (usePanelYear) and may lag the store's for a render; the
  // selector is asked for that year's moves, so the picture and its title always agree.
  const moves = useAppStore((s) =>
    year > FIRST_YEAR ? selectTransitions(s.year === year ? s : { ...s, year }) : null,
  );
  const [knownOnly, setKnownOnly] = useState(false);
  const ids = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const headingId = `tv-heading-${ids}`;
  const baseSelectId = `tv-base-${ids}`;

  const dataset = data.status === 'ready' ? data.dataset : null;
  const model = useMemo(
    () => (dataset && moves ? transitionModel(dataset, moves, baseYear, year, pref) : null),
    [dataset, moves, baseYear, year, pref],
  );
  const picture = useMemo(() => (model ? layoutSankey(model.cells, knownOnly) : null), [model, knownOnly]);
  const selectedUnits = useMemo(
    () => (dataset && model && flow ? flowUnits(dataset.units, model, flow) : []),
    [dataset, model, flow],
  );
  const areaUnit = useMemo(
    () => (dataset && pref ? dataset.units.find((u) => u.prefectureCode === pref) : undefined),
    [dataset, pref],
  );

  if (!dataset) return null;

  if (year === FIRST_YEAR) {
    return (
      <section className="transition-view" aria-labelledby={headingId}>
        <h2 id={headingId}>{tr('tvTitleFirst', { year })}</h2>
        <p className="tv-muted">{tr('tvFirstYear', { year })}</p>
      </section>
    );
  }
  if (!model) return null;

  const area = areaUnit ? areaLabel(areaUnit, lang) : null;
  const toggle = (from: TransitionCategory, to: TransitionCategory) =>
    store.getState().setFlow(sameFlow(flow, from, to) ? null : { from, to });
  const baseOptions = baseYearOptions(year);

  return (
    <section className="transition-view" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {area ? tr('tvTitleArea', { base: baseYear, year, area }) : tr('tvTitle', { base: baseYear, year })}
      </h2>
      <div className="tv-controls">
        <label htmlFor={baseSelectId}>{tr('tvBaseYear')}</label>
        <select
          id={baseSelectId}
          value={baseYear}
          onChange={(e) => {
            const chosen = Number(e.target.value);
            // The default (most units comparable) is stored as null, so links stay short and an
            // import that changes the default moves it.
            store.getState().setBase(chosen === defaultBase ? null : (baseOptions.find((y) => y === chosen) ?? null));
          }}
        >
          {baseOptions.map((y) => (
            <option key={y} value={y}>
              {tr(y === defaultBase ? 'tvYearOptionDefault' : 'tvYearOption', { year: y })}
            </option>
          ))}
        </select>
        <label className="tv-known-only">
          <input type="checkbox" checked={knownOnly} onChange={(e) => setKnownOnly(e.target.checked)} />
          {tr('tvKnownOnly')}
        </label>
      </div>
      {area && <p className="tv-muted">{tr('tvAreaNote', { area })}</p>}

      <SankeyPicture model={model} picture={picture} flow={flow} knownOnly={knownOnly} onToggle={toggle} />

      <TransitionMatrix model={model} flow={flow} onToggle={toggle} />
      {model.ended.length > 0 && (
        <p className="tv-muted">
          {tr('tvEnded', {
            names: model.ended.map((u) => unitLabel(u, lang)).join(lang === 'zh' ? '、' : ', '),
            base: baseYear,
            year,
          })}
        </p>
      )}

      <OfficialCounts model={model} sources={dataset.sources} />

      {flow && <FlowList model={model} flow={flow} units={selectedUnits} />}
    </section>
  );
}
