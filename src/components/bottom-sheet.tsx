/**
 * The side panel. Below the narrow breakpoint it becomes a bottom sheet, the way map apps do it:
 * three snap heights (peek: one line; half; full), a grab handle that is a button (a tap, Enter
 * or Space toggles between peek and half; Up and Down step through the heights) and that a
 * finger can drag. Above the breakpoint it is the plain side panel, as it always was.
 *
 * On a narrow screen a spacer in the page flow takes the sheet's height up to the half height,
 * so the map and the timeline above it shrink with the sheet and no county is ever hidden
 * under it; above half the sheet grows over them instead of squeezing the map to nothing.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { PointerEvent as ReactPointerEvent, KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useAppStoreApi } from '../store/use-app-store';
import './side-panel.css';
import './bottom-sheet.css';
import { NARROW_QUERY, useMediaQuery } from './use-media-query';
import { useT } from '../i18n/use-t';

export type Snap = 'peek' | 'half' | 'full';
const SNAPS: readonly Snap[] = ['peek', 'half', 'full'];

/** The half height as a share of the space under the header. */
const HALF = 0.5;
/** A finger must move this far (CSS px) before a press on the handle counts as a drag, not a tap. */
const DRAG_SLOP = 6;
/** How far ahead (ms) a flick's speed is projected when choosing where the sheet settles. */
const FLING_MS = 150;
/** A pause this long (ms) between the last move and the lift cancels a flick. */
const HOLD_MS = 100;

interface Gesture {
  pointerId: number;
  startY: number;
  startHeight: number;
  lastY: number;
  lastTime: number;
  /** Upward speed in px/ms, smoothed over the last moves. */
  speed: number;
  /** The sheet's height under the finger. */
  height: number;
  dragging: boolean;
}

/** The snap height nearest to `height`, after projecting a flick's speed a little ahead. */
export function nearestSnap(heights: Record<Snap, number>, height: number, speed = 0): Snap {
  const target = height + speed * FLING_MS;
  return SNAPS.reduce((best, snap) =>
    Math.abs(heights[snap] - target) < Math.abs(heights[best] - target) ? snap : best,
  );
}

/** `summary` is what the sheet shows in its lowest position (the page passes the selection's). */
export function BottomSheet({ children, summary }: { children: ReactNode; summary: ReactNode }) {
  const tr = useT();
  const store = useAppStoreApi();
  const narrow = useMediaQuery(NARROW_QUERY);
  // A link that opens on a county shows its details at once, and one with a flow its units.
  const [snap, setSnap] = useState<Snap>(() => {
    const { selected, flow } = store.getState();
    return selected === null && flow === null ? 'peek' : 'half';
  });
  const [dragHeight, setDragHeight] = useState<number | null>(null);
  const [space, setSpace] = useState(0);
  const [peek, setPeek] = useState(0);
  const sheetRef = useRef<HTMLElement>(null);
  const handleRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const gesture = useRef<Gesture | null>(null);
  /** Set when a drag ends, so the click the browser sends after it does not toggle the sheet. */
  const swallowClick = useRef(false);
  const bodyId = useId();
  const hintId = useId();

  // The space under the header and the handle's own height fix the snap heights.
  useLayoutEffect(() => {
    const sheet = sheetRef.current;
    const main = sheet?.parentElement;
    const handle = handleRef.current;
    if (!narrow || !main || !handle) return undefined;
    const measure = () => {
      setSpace(main.clientHeight);
      setPeek(handle.offsetHeight);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(main);
    observer.observe(handle);
    return () => observer.disconnect();
  }, [narrow]);

  // Choosing a county (a tap on the map, search, the table) raises the sheet to show it; so
  // does a failed load, whose message is in the sheet.
  useEffect(() => {
    const raise = () => setSnap((current) => (current === 'peek' ? 'half' : current));
    const unsubscribers = [
      store.subscribe(
        (s) => s.selected,
        (selected) => {
          if (selected === null) return;
          raise();
          if (bodyRef.current) bodyRef.current.scrollTop = 0;
        },
      ),
      store.subscribe(
        (s) => s.data.status,
        (status) => {
          if (status === 'error') raise();
        },
      ),
    ];
    return () => unsubscribers.forEach((u) => u());
  }, [store]);

  const heights: Record<Snap, number> = {
    peek,
    half: Math.max(peek, Math.round(space * HALF)),
    full: Math.max(peek, space),
  };
  const height = dragHeight ?? heights[snap];

  const moveTo = (next: Snap) => {
    // Focus inside a sheet that collapses would be left on content that is hidden and inert.
    if (next === 'peek' && bodyRef.current?.contains(document.activeElement)) handleRef.current?.focus();
    setSnap(next);
  };

  const onClick = () => {
    if (swallowClick.current) {
      swallowClick.current = false;
      return;
    }
    moveTo(snap === 'peek' ? 'half' : 'peek');
  };

  const onKeyDown = (event: ReactKeyboardEvent) => {
    const step = event.key === 'ArrowUp' ? 1 : event.key === 'ArrowDown' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = SNAPS[SNAPS.indexOf(snap) + step];
    if (next) moveTo(next);
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLButtonElement>) => {
    if (event.button !== 0) return;
    swallowClick.current = false;
    gesture.current = {
      pointerId: event.pointerId,
      startY: event.clientY,
      startHeight: height,
      lastY: event.clientY,
      lastTime: event.timeStamp,
      speed: 0,
      height,
      dragging: false,
    };
    event.currentTarget.setPointerCapture(event.pointerId);
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLButtonElement>) => {
    const g = gesture.current;
    if (!g || g.pointerId !== event.pointerId) return;
    const dy = event.clientY - g.startY;
    if (!g.dragging && Math.abs(dy) < DRAG_SLOP) return;
    g.dragging = true;
    const dt = Math.max(event.timeStamp - g.lastTime, 1);
    g.speed = 0.7 * ((g.lastY - event.clientY) / dt) + 0.3 * g.speed;
    g.lastY = event.clientY;
    g.lastTime = event.timeStamp;
    g.height = Math.min(Math.max(g.startHeight - dy, heights.peek), heights.full);
    setDragHeight(g.height);
  };

  const endGesture = (event: ReactPointerEvent<HTMLButtonElement>, cancelled: boolean) => {
    const g = gesture.current;
    if (!g || g.pointerId !== event.pointerId) return;
    gesture.current = null;
    if (!g.dragging) return;
    swallowClick.current = !cancelled;
    // A finger held still before it lifts means "here", not a flick.
    const speed = event.timeStamp - g.lastTime > HOLD_MS ? 0 : g.speed;
    if (!cancelled) moveTo(nearestSnap(heights, g.height, speed));
    setDragHeight(null);
  };

  return (
    <>
      {narrow && <div className="sheet-dock" style={{ height: Math.min(height, heights.half) }} aria-hidden="true" />}
      <aside
        ref={sheetRef}
        className={narrow ? `side-panel bottom-sheet${dragHeight === null ? '' : ' is-dragging'}` : 'side-panel'}
        data-snap={narrow ? snap : undefined}
        style={narrow ? { height } : undefined}
      >
        {narrow && (
          <button
            ref={handleRef}
            type="button"
            className="sheet-handle"
            aria-expanded={snap !== 'peek'}
            aria-controls={bodyId}
            aria-describedby={hintId}
            onClick={onClick}
            onKeyDown={onKeyDown}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={(e) => endGesture(e, false)}
            onPointerCancel={(e) => endGesture(e, true)}
          >
            <span className="sheet-grip" aria-hidden="true" />
            <span className="sr-only">{tr('sheetLabel')}</span>
            <span className="sheet-peek">{summary}</span>
          </button>
        )}
        {narrow && (
          <span id={hintId} className="sr-only">
            {tr('sheetHint')}
          </span>
        )}
        {/* The same element in both layouts, so crossing the breakpoint keeps the panels' own state. */}
        <div id={bodyId} ref={bodyRef} className={narrow ? 'sheet-body' : undefined} inert={narrow && snap === 'peek'}>
          {children}
        </div>
      </aside>
    </>
  );
}
