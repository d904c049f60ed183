/**
 * The 4 × 4 table of the Sankey's counts: the accessible path to every number. The 3 × 3 block
 * of units known in both years is shaded apart from the "unknown" row and column; each non-empty
 * (or selected) cell is a toggle button for its flow.
 */
import { TRANSITION_CATEGORIES, type TransitionCategory } from '../../domain/transitions';
import type { Flow } from '../../domain/view';
import { useT } from '../../i18n/use-t';
import { cellCount, sameFlow, touchesUnknown, type TransitionModel } from './transition-model';
import { CATEGORY_KEY, flowLabel } from './transition-words';

const headerClass = (c: TransitionCategory) => (c === 'unknown' ? 'tv-unknown' : undefined);

export function TransitionMatrix(props: {
  model: TransitionModel;
  flow: Flow | null;
  onToggle: (from: TransitionCategory, to: TransitionCategory) => void;
}) {
  const { model, flow, onToggle } = props;
  const tr = useT();
  return (
    <>
      <table className="tv-matrix">
        <caption>{tr('tvMatrixCaption', { base: model.baseYear, year: model.year })}</caption>
        <thead>
          <tr>
            <td className="tv-corner">{tr('tvCorner', { base: model.baseYear, year: model.year })}</td>
            {TRANSITION_CATEGORIES.map((to) => (
              <th key={to} scope="col" className={headerClass(to)}>
                {tr(CATEGORY_KEY[to])}
              </th>
            ))}
            <th scope="col" className="tv-total">
              {tr('tvTotal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {TRANSITION_CATEGORIES.map((from) => (
            <tr key={from}>
              <th scope="row" className={headerClass(from)}>
                {tr(CATEGORY_KEY[from])}
              </th>
              {TRANSITION_CATEGORIES.map((to) => {
                const n = cellCount(model, from, to);
                const selected = sameFlow(flow, from, to);
                const block = touchesUnknown(from, to) ? 'tv-unknown' : 'tv-known';
                return (
                  <td key={to} className={`${block}${selected ? ' is-selected' : ''}`}>
                    {n > 0 || selected ? (
                      <button
                        type="button"
                        aria-pressed={selected}
                        aria-label={flowLabel(tr, from, to, n)}
                        onClick={() => onToggle(from, to)}
                      >
                        {n}
                      </button>
                    ) : (
                      <span className="tv-zero">{n}</span>
                    )}
                  </td>
                );
              })}
              <td className="tv-total">{model.rows[from]}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="tv-total">
              {tr('tvTotal')}
            </th>
            {TRANSITION_CATEGORIES.map((to) => (
              <td key={to} className="tv-total">
                {model.columns[to]}
              </td>
            ))}
            <td className="tv-total">{model.total}</td>
          </tr>
        </tfoot>
      </table>
      <p className="tv-muted">{tr('tvMatrixNote')}</p>
    </>
  );
}
