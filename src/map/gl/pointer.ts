/**
 * The pointer over the map: the unit under it gets the hover flag and is reported to the store
 * with the pointer's position (the tooltip follows the store); a click selects the unit under
 * it, or clears the selection on blank map. Units are picked from the shown year's fill layer.
 */
import type { UnitCode, Year } from '../../domain/types';
import type { AppStore } from '../../store/store';
import type { UnitFlags } from './flags';
import { listen, type MapPort, type RenderedFeature } from './map-port';
import { YEAR_ROLES, yearLayerId } from './map-style';

export type PointerPort = Pick<MapPort, 'on' | 'off' | 'getLayer' | 'queryRenderedFeatures' | 'getCanvas'>;

export interface PointerOptions {
  /** False while the style is not there (before load, during a context loss). */
  styleReady: () => boolean;
  /** The year whose layers are shown, or null before the first is drawn. */
  shownYear: () => Year | null;
  flags: Pick<UnitFlags, 'hovered' | 'setFocus'>;
}

const codeOf = (feature: RenderedFeature | undefined): UnitCode | null =>
  typeof feature?.properties.code === 'string' ? feature.properties.code : null;

/** Follows the pointer; returns a function that stops following it. */
export function followPointer(map: PointerPort, store: AppStore, options: PointerOptions): () => void {
  const { styleReady, shownYear, flags } = options;

  /** The unit under a point, from the shown year's fill (the other years' are only switched off). */
  const unitAt = (point: Parameters<PointerPort['queryRenderedFeatures']>[0]) => {
    const year = shownYear();
    if (year === null) return undefined;
    const layer = yearLayerId(YEAR_ROLES.fill, year);
    return map.getLayer(layer) ? map.queryRenderedFeatures(point, { layers: [layer] })[0] : undefined;
  };

  const unbind = listen(map, {
    mousemove: (e) => {
      if (!styleReady()) return;
      const feature = unitAt(e.point);
      const id = typeof feature?.id === 'number' ? feature.id : null;
      if (id === null && flags.hovered === null) return;
      flags.setFocus('hover', id);
      store.getState().hover(codeOf(feature), { x: e.point.x, y: e.point.y });
    },
    click: (e) => {
      // A click on the blank map while its context is lost must not clear the selection.
      if (!styleReady()) return;
      store.getState().select(codeOf(unitAt(e.point)));
    },
  });

  const onLeave = () => {
    if (flags.hovered === null) return;
    flags.setFocus('hover', null);
    store.getState().hover(null);
  };
  const canvas = map.getCanvas();
  canvas.addEventListener('mouseleave', onLeave);

  return () => {
    unbind();
    canvas.removeEventListener('mouseleave', onLeave);
  };
}
