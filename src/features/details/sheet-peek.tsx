/**
 * What a collapsed bottom sheet shows: a line with the selected unit's name and its state in the
 * year, in the short words of the details panel's year strip, or, with nothing selected, how
 * many units the year's map knows; under it a compact legend of the map as drawn, with counts.
 * In tier mode that is A, B and C (known, next to the official count where a source gives one),
 * the partly known and the unknown units; in the other modes the drawn keys that have units.
 */
import { useMemo, type ReactNode } from 'react';
import type { LegendEntry } from '../../domain/legend-model';
import { latestUnitWithCode, unitIn } from '../../domain/lineage';
import { TIERS } from '../../domain/types';
import type { UnitState } from '../../domain/unit-state';
import { selectYearCounts, selectYearStates } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import { factLabelKey } from '../../i18n';
import { lookStyle } from '../../components/swatch-style';
import { useT } from '../../i18n/use-t';
import { useLegendEntries } from '../legend';

type Translate = ReturnType<typeof useT>;

/** "A (stated)", "B or C", "unknown"; "did not exist" for a unit with no state in the year. */
function shortState(tr: Translate, state: UnitState | undefined): string {
  if (!state) return tr('detailsLabelNone');
  switch (state.kind) {
    case 'known':
      return tr(factLabelKey(state.fact), { tier: state.tier });
    case 'range':
      return tr('detailsLabelRange', { tiers: state.tiers.join(tr('tierOr')) });
    case 'unknown':
      return tr('detailsLabelUnknown');
  }
}

/** A label's head, before its explanation: "not comparable" of "not comparable: tier unknown in …". */
export function headOf(label: string): string {
  const cut = label.search(/[:：]/);
  return cut > 0 ? label.slice(0, cut) : label;
}

/** One entry of the compact legend: swatch, name, then its count(s) on their own lines. */
function PeekEntry({ tr, entry }: { tr: Translate; entry: LegendEntry }) {
  const { known, official } = entry.counts;
  // Short names where the full legend has sentences: "unknown" for "unknown: no source states it".
  const name =
    entry.kind === 'tier'
      ? entry.key
      : entry.kind === 'unknown'
        ? tr('detailsLabelUnknown')
        : entry.kind === 'range'
          ? tr('legendRange')
          : headOf(tr(entry.labelKey, entry.labelParams));
  return (
    <span className="peek-entry" data-state={entry.key}>
      <span className="peek-name">
        <span className="peek-swatch" style={lookStyle(entry.look, entry.outline, 'lines')} aria-hidden="true" />
        {name}
      </span>
      {entry.kind === 'tier' ? (
        <>
          <span className="peek-count">{tr('legendKnown', { n: known })}</span>
          {official && (
            <span className="peek-official">
              {tr(official.exact ? 'legendOfficial' : 'legendOfficialMin', { n: official.n })}
            </span>
          )}
        </>
      ) : (
        <span className="peek-count">{tr('legendCount', { n: known })}</span>
      )}
    </span>
  );
}

/** The compact legend of the view, from the same legend model as the full legends. */
function PeekLegend({ tr }: { tr: Translate }): ReactNode {
  const mode = useAppStore((s) => s.mode);
  const all = useLegendEntries();
  // Tiers always (a zero next to an official count says something); the rest where they have
  // units. Derived tiers are counted in their tier; the imported mark is in the full legend.
  const entries = useMemo(
    () =>
      (all ?? []).filter(
        (e) =>
          e.kind === 'tier' ||
          ((e.kind === 'range' || e.kind === 'unknown' || e.kind === 'draw') && e.counts.known > 0),
      ),
    [all],
  );
  if (entries.length === 0) return null;
  return (
    <span className="peek-legend" data-mode={mode}>
      {entries.map((entry) => (
        <PeekEntry key={entry.key} tr={tr} entry={entry} />
      ))}
    </span>
  );
}

export function SheetPeek(): ReactNode {
  const tr = useT();
  const selected = useAppStore((s) => s.selected);
  const year = useAppStore((s) => s.year);
  const lang = useAppStore((s) => s.lang);
  const units = useAppStore((s) => (s.data.status === 'ready' ? s.data.dataset.units : null));
  const states = useAppStore(selectYearStates);
  const counts = useAppStore(selectYearCounts);
  const status = useAppStore((s) => s.data.status);
  if (status !== 'ready' || !units || !counts) return <>{tr(status === 'error' ? 'loadFailed' : 'loading')}</>;

  const unit = selected === null ? undefined : (unitIn(units, selected, year) ?? latestUnitWithCode(units, selected));
  let line: string;
  if (unit) {
    const state = unitIn(units, unit.code, year) ? states?.get(unit.code) : undefined;
    const name = lang === 'zh' ? unit.nameZh : `${unit.nameEn} ${unit.nameZh}`;
    line = tr('sheetPeekSelected', { name, year, state: shortState(tr, state) });
  } else {
    const known = TIERS.reduce((n, tier) => n + counts.stated[tier] + counts.derived[tier], 0);
    line = tr('coverage', { year, known, total: counts.total });
  }
  return (
    <>
      <span className="peek-line">{line}</span>
      <PeekLegend tr={tr} />
    </>
  );
}
