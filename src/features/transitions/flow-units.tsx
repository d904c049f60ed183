/** The units of the chosen flow: each selects its unit on the map; Clear drops the flow. */
import { useId } from 'react';
import type { Flow } from '../../store/store';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import { useT } from '../../i18n/use-t';
import type { FlowUnit, TransitionModel } from './transition-model';
import { areaLabel, CATEGORY_KEY, unitLabel } from './transition-words';

export function FlowList(props: { model: TransitionModel; flow: Flow; units: readonly FlowUnit[] }) {
  const { model, flow, units } = props;
  const tr = useT();
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.lang);
  const ids = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const titleId = `tv-flow-${ids}`;
  const names = {
    from: tr(CATEGORY_KEY[flow.from]),
    to: tr(CATEGORY_KEY[flow.to]),
    base: model.baseYear,
    year: model.year,
  };
  return (
    <section className="tv-flow" aria-labelledby={titleId}>
      <div className="tv-flow-head">
        <h3 id={titleId}>
          {units.length === 1 ? tr('tvSelectedOne', names) : tr('tvSelected', { ...names, n: units.length })}
        </h3>
        <button type="button" className="tv-clear" onClick={() => store.getState().setFlow(null)}>
          {tr('tvClear')}
        </button>
      </div>
      {units.length === 0 ? (
        <p className="tv-muted">{tr('tvSelectedEmpty')}</p>
      ) : (
        <>
          <p className="tv-muted">{tr('tvSelectedHint')}</p>
          <ul>
            {units.map(({ unit, base }) => {
              // Say what the unit was called in the base year when that differs (任泽区 ← 任县).
              const was =
                base && base.nameZh !== unit.nameZh
                  ? tr('tvWas', { year: model.baseYear, name: unitLabel(base, lang) })
                  : null;
              return (
                <li key={unit.code}>
                  <button type="button" onClick={() => store.getState().select(unit.code, { fly: true })}>
                    <span className="tv-unit-name">{unitLabel(unit, lang)}</span>
                    <span className="tv-unit-area">{areaLabel(unit, lang)}</span>
                    {was && <span className="tv-unit-was">{was}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
