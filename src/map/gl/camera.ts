/**
 * The camera is the map's own. It is reported to the store when it settles after a move worth
 * sharing, and moved only when the store asks: a view from a link or history navigation (jump),
 * an area chosen (fit its bounds), a unit to fly to (search, table), or a resize that would hide
 * the selected unit (pan it back in).
 */
import type { MapGeometry } from '../../domain/geometry';
import { vintageOf, type UnitCode, type Year } from '../../domain/types';
import { AREA_FIT, RESIZE_SETTLE_MS, UNIT_FIT, VISIBLE_MARGIN, areaExtent, unitExtent } from '../framing';
import type { View } from '../../domain/view';
import type { AppStore } from '../../store/store';
import { listen, type MapPort } from './map-port';

export type CameraPort = Pick<
  MapPort,
  'on' | 'off' | 'fitBounds' | 'getCenter' | 'getZoom' | 'jumpTo' | 'isMoving' | 'project' | 'getContainer' | 'panBy'
>;

export interface CameraOptions {
  geometry: () => MapGeometry | null;
  /** False while the style is not there (before load, during a context loss). */
  styleReady: () => boolean;
  reducedMotion: () => boolean;
  /** Whether this map is on screen (default: always); hidden, it leaves the camera to the map shown. */
  shown?: () => boolean;
}

export interface Camera {
  /** `animate` false: the first view of a link with an area and no view (not a view to record). */
  flyToArea: (code: string, animate?: boolean) => void;
  /** The first year has been drawn: from now on, settled moves are reported to the store. */
  settle: () => void;
  dispose: () => void;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
export const sameView = (a: View, b: View) =>
  Math.abs(a.lng - b.lng) < 1e-4 && Math.abs(a.lat - b.lat) < 1e-4 && Math.abs(a.zoom - b.zoom) < 0.01;

export function followCamera(map: CameraPort, store: AppStore, options: CameraOptions): Camera {
  const { geometry, styleReady, reducedMotion } = options;
  const shown = options.shown ?? (() => true);
  let settled = false;
  /** Set while a flight the app asked for is under way (see the moveend handler). */
  let flying = false;
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;

  function flyToArea(code: string, animate = true) {
    const current = geometry();
    const extent = current && areaExtent(current, code);
    if (!extent) return;
    const [w, s, e, n] = extent;
    flying = animate;
    map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { ...AREA_FIT, duration: animate && !reducedMotion() ? 900 : 0 },
    );
  }

  function flyToUnit(code: UnitCode, year: Year) {
    const current = geometry();
    const extent = current && unitExtent(current, code, year);
    if (!extent) return;
    const [w, s, e, n] = extent;
    flying = true;
    map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { ...UNIT_FIT, duration: reducedMotion() ? 0 : 900 },
    );
  }

  /** Pans just enough to bring the selected unit's label point back inside the margin. */
  function keepSelectionInView() {
    const { selected, year } = store.getState();
    const point = selected === null ? undefined : geometry()?.labels[vintageOf(year)].get(selected);
    // A flight or the user's own gesture already decides where the camera goes.
    if (!point || !styleReady() || map.isMoving()) return;
    const { x, y } = map.project(point);
    const { clientWidth: w, clientHeight: h } = map.getContainer();
    const inside = (v: number, size: number) => Math.min(Math.max(v, VISIBLE_MARGIN), size - VISIBLE_MARGIN);
    const dx = x - inside(x, w);
    const dy = y - inside(y, h);
    if (dx !== 0 || dy !== 0) map.panBy([dx, dy], { duration: reducedMotion() ? 0 : 300 });
  }

  const unbind = listen(map, {
    // Only the user's own moves and flights the app started are views worth sharing; a moveend
    // from a resize or a layout change is not, so links stay short.
    moveend: (e) => {
      const ours = flying;
      flying = false;
      if (!settled || !shown() || (!e.originalEvent && !ours)) return;
      const c = map.getCenter();
      const view = { lng: round(c.lng, 4), lat: round(c.lat, 4), zoom: round(map.getZoom(), 2) };
      const current = store.getState().view;
      if (!current || !sameView(current, view)) store.getState().setView(view);
    },
    // A resize keeps the centre, so a map that shrinks (on a phone, under the bottom sheet rising
    // after a tap) can push the selected unit out of sight: once the size settles, bring it back.
    resize: () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(keepSelectionInView, RESIZE_SETTLE_MS);
    },
  });

  const unsubscribers = [
    store.subscribe(
      (s) => s.pref,
      (pref) => {
        if (pref !== null && shown()) flyToArea(pref);
      },
    ),
    store.subscribe(
      (s) => s.flyTo,
      (request) => {
        if (request && shown()) flyToUnit(request.code, store.getState().year);
      },
    ),
    store.subscribe(
      (s) => s.view,
      (view) => {
        // A view from outside (a link opened with history navigation): jump, never animate.
        if (!view || !shown()) return;
        const c = map.getCenter();
        if (!sameView(view, { lng: c.lng, lat: c.lat, zoom: map.getZoom() })) {
          map.jumpTo({ center: [view.lng, view.lat], zoom: view.zoom });
        }
      },
    ),
  ];

  return {
    flyToArea,
    settle: () => {
      settled = true;
    },
    dispose: () => {
      clearTimeout(resizeTimer);
      unbind();
      unsubscribers.forEach((u) => u());
    },
  };
}
