/** The units of the chosen flow: each selects its unit on the map; Clear drops the flow. */
import { useEffect, useId, useRef } from 'react';
import type { Flow } from '../../domain/view';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import { useT } from '../../i18n/use-t';
import type { FlowUnit, TransitionModel } from './transition-model';
import { areaLabel, CATEGORY_KEY, unitLabel } from './transition-words';

/**
 * Whether a list has been brought into view in this page's life. The first list to appear is the
 * one of a link that opens with `flow=` (the store starts with it), or else the first flow a
 * reader picks in the diagram just above; later ones stay where the reader put the panel.
 */
let firstListShown = false;

export function FlowList(props: { model: TransitionModel; flow: Flow; units: readonly FlowUnit[] }) {
  const { model, flow, units } = props;
  const tr = useT();
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.lang);
  const ids = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const titleId = `tv-flow-${ids}`;
  const sectionRef = useRef<HTMLElement>(null);

  // A link with a flow opens with its units in view: the panel (or the phone's sheet) scrolls to
  // the list, which otherwise sits below the legend and the diagram. A link that also names a
  // county keeps its details in view instead (they scroll to their heading).
  useEffect(() => {
    if (firstListShown) return undefined;
    // After the frame that lays out the diagram above, so the list is where it will stay.
    const frame = requestAnimationFrame(() => {
      firstListShown = true;
      if (store.getState().selected === null) sectionRef.current?.scrollIntoView({ block: 'start' });
    });
    return () => cancelAnimationFrame(frame);
  }, [store]);
  const names = {
    from: tr(CATEGORY_KEY[flow.from]),
    to: tr(CATEGORY_KEY[flow.to]),
    base: model.baseYear,
    year: model.year,
  };
  return (
    <section ref={sectionRef} className="tv-flow" aria-labelledby={titleId}>
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
