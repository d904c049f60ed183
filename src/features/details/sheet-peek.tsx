/**
 * The one line a collapsed bottom sheet shows: the selected unit's name and its state in the
 * year, in the short words of the details panel's year strip, or, with nothing selected, how
 * many units the year's map knows.
 */
import type { ReactNode } from 'react';
import { latestUnitWithCode, unitIn } from '../../domain/lineage';
import { TIERS } from '../../domain/types';
import type { UnitState } from '../../domain/unit-state';
import { selectYearCounts, selectYearStates } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import { factLabelKey } from '../../components/state-label';
import { useT } from '../../i18n/use-t';

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
  if (unit) {
    const state = unitIn(units, unit.code, year) ? states?.get(unit.code) : undefined;
    const name = lang === 'zh' ? unit.nameZh : `${unit.nameEn} ${unit.nameZh}`;
    return <>{tr('sheetPeekSelected', { name, year, state: shortState(tr, state) })}</>;
  }
  const known = TIERS.reduce((n, tier) => n + counts.stated[tier] + counts.derived[tier], 0);
  return <>{tr('coverage', { year, known, total: counts.total })}</>;
}
