/**
 * The legend's entries as the legend model (domain/legend-model.ts) lists them, and one list
 * item per entry: its swatch, label and count. Pointing at an item (mouse or keyboard focus)
 * highlights its units on the map.
 */
import { useMemo } from 'react';
import { countDrawKeys, countImported, legendModel, type LegendEntry } from '../../domain/legend-model';
import {
  baseYearOf,
  selectDrawStates,
  selectProvinceTotal,
  selectYearCounts,
  selectYearStates,
} from '../../store/selectors';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import { lookStyle } from '../../components/swatch-style';
import { useT } from '../../i18n/use-t';
import { legendHighlightProps } from './legend-highlight';
import './legend.css';

/** The entries of the current view, or null before the data is ready. */
export function useLegendEntries(): LegendEntry[] | null {
  const mode = useAppStore((s) => s.mode);
  const year = useAppStore((s) => s.year);
  const base = useAppStore(baseYearOf);
  const states = useAppStore(selectYearStates);
  const counts = useAppStore(selectYearCounts);
  const total = useAppStore(selectProvinceTotal);
  const drawStates = useAppStore(selectDrawStates);
  return useMemo(() => {
    if (!counts || !drawStates) return null;
    const drawKeys = countDrawKeys(drawStates);
    return legendModel({ mode, year, base }, { states: counts, total, drawKeys, imported: countImported(states) });
  }, [mode, year, base, states, counts, total, drawStates]);
}

/** The count beside an entry's label, or null where the legend shows none (derived). */
function countText(tr: ReturnType<typeof useT>, entry: LegendEntry) {
  const { known, stated, derived, official } = entry.counts;
  switch (entry.kind) {
    case 'tier':
      return (
        <>
          {tr('legendKnown', { n: known })}
          {derived > 0 && <> ({tr('legendStatedDerived', { stated, derived })})</>}
          {official && <> · {tr(official.exact ? 'legendOfficial' : 'legendOfficialMin', { n: official.n })}</>}
        </>
      );
    case 'derived':
      return null;
    case 'range':
    case 'unknown':
      return known;
    case 'draw':
      return tr('legendCount', { n: known });
    case 'imported':
      return tr('importLegendHint');
  }
}

/**
 * One entry. Hatches are drawn as equal stripes in the tier legend and as thin directed lines in
 * the change and trajectory legends (`hatch`), as each legend has always drawn them.
 */
export function LegendItem({ entry, hatch }: { entry: LegendEntry; hatch: 'stripes' | 'lines' }) {
  const tr = useT();
  const store = useAppStoreApi();
  const count = countText(tr, entry);
  // An entry standing for several draw keys says what it holds, in words (the look is one).
  const parts = entry.parts
    ?.filter((p) => p.n > 0)
    .map((p) => tr(p.key, { ...entry.labelParams, n: p.n }))
    .join(tr('legendPartsJoin'));
  return (
    <li data-state={entry.key} {...legendHighlightProps(store, entry.key)}>
      <span className="swatch" style={lookStyle(entry.look, entry.outline, hatch)} aria-hidden="true" />
      <span className="legend-label">{tr(entry.labelKey, entry.labelParams)}</span>
      {count !== null && <span className="legend-count">{count}</span>}
      {parts && <span className="legend-parts">{tr('changeParts', { parts })}</span>}
    </li>
  );
}
