/**
 * The legend of change and trajectory modes: one entry per draw key with its count this year,
 * as the legend model (domain/legend-model.ts) lists them. Pointing at an entry (mouse or
 * keyboard focus) highlights its units, as in tier mode. Change mode names its base year and
 * whether it is the default; both modes say what their counts are out of.
 */
import type { LegendEntry } from '../../domain/legend-model';
import { YEARS } from '../../domain/types';
import { baseYearOf, selectBaseIsDefault, selectDefaultBase, selectYearCounts } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import { useT } from '../../i18n/use-t';
import { LegendItem, useLegendEntries } from './legend-entry';

const sum = (entries: readonly LegendEntry[], keep: (key: string) => boolean) =>
  entries.filter((e) => keep(e.key)).reduce((n, e) => n + e.counts.known, 0);

export function ModeLegend() {
  const tr = useT();
  const mode = useAppStore((s) => s.mode);
  const year = useAppStore((s) => s.year);
  const base = useAppStore(baseYearOf);
  const isDefault = useAppStore(selectBaseIsDefault);
  const defaultBase = useAppStore((s) => selectDefaultBase(s, s.year));
  const counts = useAppStore(selectYearCounts);
  const entries = useLegendEntries();
  if (mode === 'tier' || !entries || !counts) return null;
  const total = counts.total;
  const first = year === YEARS[0];

  // Every count stands next to what it is out of: the units of the year, and those left out.
  let coverage: string;
  if (mode === 'change') {
    const other = sum(entries, (k) => k === 'change:not-comparable');
    coverage = tr('changeCoverage', { known: total - other, total, other, base, year });
  } else {
    const sure = sum(entries, (k) => /^traj:\d{4}$/.test(k));
    const open = sum(entries, (k) => k.endsWith('-open'));
    coverage = tr('trajCoverage', { total, year, sure, open });
  }

  return (
    <section className="legend" aria-labelledby="mode-legend-title">
      <h2 id="mode-legend-title">
        {mode === 'change' ? tr('changeTitle', { base, year }) : tr('trajTitle', { year })}
      </h2>
      {mode === 'change' && !first && (
        <p className="legend-note legend-base">
          {isDefault
            ? tr('changeBaseDefault', { base })
            : tr('changeBaseChosen', { base, default: defaultBase ?? base })}
        </p>
      )}
      <ul>
        {entries.map((entry) => (
          <LegendItem key={entry.key} entry={entry} hatch="lines" />
        ))}
      </ul>
      <p className="legend-coverage">{coverage}</p>
      <p className="legend-note">
        {mode === 'change' ? (first ? tr('changeFirstYear') : tr('changeNote')) : tr('trajOpen')}
      </p>
    </section>
  );
}
