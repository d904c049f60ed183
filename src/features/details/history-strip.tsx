/**
 * The five-year strip of the details panel and the lineage sentences under it. The strip lets
 * the reader step to any year from the unit itself, and the lineage says why a cell shows a
 * predecessor, a successor or nothing, so a boundary change is never mistaken for a tier change.
 */
import type { Lang } from '../../domain/lang';
import type { Unit } from '../../domain/types';
import type { StripCell } from '../../domain/unit-details';
import { lineageSentences, splitCell, stateWords } from '../../i18n';
import { Swatch, unitName, type Translate } from './fact-text';
import './history-strip.css';

export function HistoryStrip({
  cells,
  unit,
  hintId,
  tr,
  lang,
  onChooseYear,
  onSelectUnit,
}: {
  cells: readonly StripCell[];
  unit: Unit;
  hintId: string;
  tr: Translate;
  lang: Lang;
  onChooseYear: (year: number) => void;
  onSelectUnit: (code: string, from: number) => void;
}) {
  return (
    <>
      <h3>{tr('detailsStripTitle')}</h3>
      <ol className="dp-strip" aria-describedby={hintId}>
        {cells.map((cell) => (
          <li key={cell.year}>
            <StripButton cell={cell} tr={tr} onChoose={() => onChooseYear(cell.year)} />
          </li>
        ))}
      </ol>
      <p id={hintId} className="dp-hint">
        {tr('detailsStripHint')}
      </p>
      <Lineage cells={cells} unit={unit} tr={tr} lang={lang} onSelect={onSelectUnit} />
    </>
  );
}

function StripButton({ cell, tr, onChoose }: { cell: StripCell; tr: Translate; onChoose: () => void }) {
  const states = cell.members.length > 0 ? cell.members.map((m) => m.state) : [null];
  const label = states.map((s) => stateWords(tr, s)).join(' / ');
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
  const lines = lineageSentences(cells, unit, tr);
  const split = splitCell(cells);
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
