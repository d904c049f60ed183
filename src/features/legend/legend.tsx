/**
 * The legend of tier mode: one entry per drawn state with its count this year, next to the
 * official total where a source gives one, so the reader sees how complete the map is. The
 * entries are the legend model's (domain/legend-model.ts).
 */
import { TIERS } from '../../domain/types';
import { selectYearCounts } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import { useT } from '../../i18n/use-t';
import { LegendItem, useLegendEntries } from './legend-entry';

export function Legend() {
  const tr = useT();
  const year = useAppStore((s) => s.year);
  const counts = useAppStore(selectYearCounts);
  const mode = useAppStore((s) => s.mode);
  const entries = useLegendEntries();
  // The other modes have their own legend (mode-legend.tsx).
  if (!counts || !entries || mode !== 'tier') return null;
  const known = TIERS.reduce((n, tier) => n + counts.stated[tier] + counts.derived[tier], 0);

  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{tr('legendTitle', { year })}</h2>
      <ul>
        {entries.map((entry) => (
          <LegendItem key={entry.key} entry={entry} hatch="stripes" />
        ))}
      </ul>
      <p className="coverage">{tr('coverage', { year, known, total: counts.total })}</p>
    </section>
  );
}
