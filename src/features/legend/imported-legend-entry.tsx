/**
 * The legend entry for imported facts (a double magenta outline on the map), shown in every
 * map mode while the selected year has any. Pointing at it highlights those units.
 */
import { IMPORTED_OUTLINE } from '../../domain/palette';
import { selectYearStates } from '../../store/selectors';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import { legendHighlightProps } from './legend-highlight';
import { useT } from '../../i18n/use-t';

/** Units whose fact of the selected year is imported (also counted in their own entry). */
function useImportedCount(): number {
  const states = useAppStore(selectYearStates);
  let n = 0;
  for (const state of states?.values() ?? []) if (state.kind === 'known' && state.fact.imported === true) n += 1;
  return n;
}

export function ImportedLegendEntry() {
  const tr = useT();
  const store = useAppStoreApi();
  const imported = useImportedCount();
  if (imported === 0) return null;
  return (
    <li data-state="imported" {...legendHighlightProps(store, 'imported')}>
      <span
        className="swatch"
        style={{ background: '#ffffff', outline: `3px double ${IMPORTED_OUTLINE}`, outlineOffset: '-3px' }}
        aria-hidden="true"
      />
      <span className="legend-label">{tr('importLegend', { n: imported })}</span>
      <span className="legend-count">{tr('importLegendHint')}</span>
    </li>
  );
}
