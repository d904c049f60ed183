/**
 * A unit's path up to the selected year in three numbers: first year in A (certain, or "A then,
 * an earlier year unknown", as the trajectory legend splits them), years in its current tier,
 * and tier changes. Each says when an unknown year could change it, so a gap is never read
 * as "no change".
 */
import { useMemo } from 'react';
import { trajectory } from '../../domain/transitions';
import { FIRST_YEAR, type UnitCode } from '../../domain/types';
import { selectStatesIn } from '../../store/selectors';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import { useT } from '../../i18n/use-t';

export function TrajectorySummary({ code }: { code: UnitCode }) {
  const tr = useT();
  const store = useAppStoreApi();
  const year = useAppStore((s) => s.year);
  const data = useAppStore((s) => s.data);
  const t = useMemo(() => {
    if (data.status !== 'ready') return null;
    const state = store.getState();
    return trajectory(data.dataset.units, code, year, (y) => selectStatesIn(state, y));
  }, [data, code, year, store]);
  if (!t) return null;

  const current = t.path.at(-1)?.category ?? 'unknown';
  return (
    <>
      <h3>{tr('trajSummaryTitle', { year })}</h3>
      <ul className="dp-facts">
        <li>
          {t.firstYearA !== null
            ? tr(t.firstYearAOpen ? 'trajFirstAOpen' : t.firstYearA === FIRST_YEAR ? 'trajFirstA2019' : 'trajFirstA', {
                first: t.firstYearA,
              })
            : t.path.some((p) => p.category !== 'unknown')
              ? tr(t.firstYearAOpen ? 'trajNeverAOpen' : 'trajNeverA')
              : tr('trajNothingKnown')}
        </li>
        <li>
          {current === 'unknown'
            ? tr('trajCurrentUnknown', { year })
            : tr(t.yearsInCurrentTierOpen ? 'trajRunOpen' : 'trajRun', { tier: current, n: t.yearsInCurrentTier })}
        </li>
        <li>{tr(t.gaps > 0 ? 'trajChangesGaps' : 'trajChanges', { n: t.tierChanges, gaps: t.gaps })}</li>
      </ul>
    </>
  );
}
