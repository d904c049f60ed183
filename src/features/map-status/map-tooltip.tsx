/**
 * The hover tooltip: name, year, state and basis of the unit under the pointer. Positioned in
 * the map column from the pointer position the map reports; never intercepts the pointer.
 *
 * Touch has no hover: a tap selects, and a tooltip would only sit under the finger. The map
 * cannot tell us, because MapLibre builds its `mousemove` from the compatibility mouse events a
 * browser sends after a tap (plain MouseEvents, with no pointer type). The pointer events that
 * come first do carry the type, so the last one seen decides.
 */
import { useEffect, useState } from 'react';
import { unitIn } from '../../domain/lineage';
import { selectYearStates } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import { stateLabel } from '../../components/state-label';
import { useT } from '../../i18n/use-t';

/** The type of the pointer the user last pressed or moved ('mouse', 'pen', 'touch'), or null before any. */
function useLastPointerType(): string | null {
  const [type, setType] = useState<string | null>(null);
  useEffect(() => {
    const onPointer = (event: PointerEvent) => setType(event.pointerType);
    const options = { capture: true, passive: true };
    window.addEventListener('pointerdown', onPointer, options);
    window.addEventListener('pointermove', onPointer, options);
    return () => {
      window.removeEventListener('pointerdown', onPointer, options);
      window.removeEventListener('pointermove', onPointer, options);
    };
  }, []);
  return type;
}

export function MapTooltip() {
  const tr = useT();
  const pointerType = useLastPointerType();
  const hovered = useAppStore((s) => s.hovered);
  const pointer = useAppStore((s) => s.pointer);
  const lang = useAppStore((s) => s.lang);
  const year = useAppStore((s) => s.year);
  const units = useAppStore((s) => (s.data.status === 'ready' ? s.data.dataset.units : null));
  const states = useAppStore(selectYearStates);
  if (pointerType === 'touch' || !hovered || !pointer || !units || !states) return null;
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
