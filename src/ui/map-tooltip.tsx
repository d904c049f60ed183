/**
 * The hover tooltip: name, year, state and basis of the unit under the pointer. Positioned in
 * the map column from the pointer position the map reports; never intercepts the pointer.
 */
import { unitIn } from '../domain/lineage';
import { selectYearStates } from '../store/selectors';
import { useAppStore } from '../store/use-app-store';
import { stateLabel } from './state-label';
import { useT } from './use-t';

export function MapTooltip() {
  const tr = useT();
  const hovered = useAppStore((s) => s.hovered);
  const pointer = useAppStore((s) => s.pointer);
  const lang = useAppStore((s) => s.lang);
  const year = useAppStore((s) => s.year);
  const units = useAppStore((s) => (s.data.status === 'ready' ? s.data.dataset.units : null));
  const states = useAppStore(selectYearStates);
  if (!hovered || !pointer || !units || !states) return null;
  const unit = unitIn(units, hovered, year);
  const state = states.get(hovered);
  if (!unit || !state) return null;
  const rank = state.kind === 'known' ? state.fact.rank : null;
  const rankOf = state.kind === 'known' ? state.fact.rankOf : null;
  return (
    <div className="map-tooltip" role="tooltip" style={{ left: pointer.x + 14, top: pointer.y + 14 }}>
      <strong>{lang === 'zh' ? unit.nameZh : `${unit.nameEn} · ${unit.nameZh}`}</strong>
      <span>
        {year} · {stateLabel(lang, state)}
      </span>
      {rank !== null && rankOf !== null && <span>{tr('tooltipRank', { rank, of: rankOf })}</span>}
    </div>
  );
}
