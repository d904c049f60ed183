/**
 * The legend of change and trajectory modes: one entry per draw key with its count this year,
 * as the legend model (domain/legend-model.ts) lists them. Pointing at an entry (mouse or
 * keyboard focus) highlights its units, as in tier mode.
 */
import { YEARS } from '../../domain/types';
import { baseYearOf } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import { useT } from '../../i18n/use-t';
import { LegendItem, useLegendEntries } from './legend-entry';

export function ModeLegend() {
  const tr = useT();
  const mode = useAppStore((s) => s.mode);
  const year = useAppStore((s) => s.year);
  const base = useAppStore(baseYearOf);
  const entries = useLegendEntries();
  if (mode === 'tier' || !entries) return null;

  return (
    <section className="legend" aria-labelledby="mode-legend-title">
      <h2 id="mode-legend-title">
        {mode === 'change' ? tr('changeTitle', { base, year }) : tr('trajTitle', { year })}
      </h2>
      <ul>
        {entries.map((entry) => (
          <LegendItem key={entry.key} entry={entry} hatch="lines" />
        ))}
      </ul>
      <p className="legend-note">
        {mode === 'change' ? (year === YEARS[0] ? tr('changeFirstYear') : tr('changeNote')) : tr('trajOpen')}
      </p>
    </section>
  );
}
