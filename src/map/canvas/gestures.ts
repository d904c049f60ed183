/**
 * The 2D map's gestures, on its canvas: one pointer drags (or clicks, when it barely moved), two
 * pinch; the wheel and a double click zoom about the pointer; with the map focused, the arrow
 * keys pan and + / − zoom. Each moves the camera through `target` and says when a gesture has
 * ended (the view is then worth reporting). Moves are jumps, with no animation.
 */
import { panBy, zoomAround, type Camera, type ScreenPoint, type Size } from '../framing';

export interface GestureTarget {
  /** Whether the 2D map takes input now (it does not while MapLibre is shown). */
  active: () => boolean;
  camera: () => Camera;
  size: () => Size;
  move: (camera: Camera) => void;
  /** A gesture that moved the camera has ended. */
  ended: () => void;
  /** The mouse is over a point of the map (null: it left); returns whether a unit is there. */
  hover: (point: ScreenPoint | null) => boolean;
  click: (point: ScreenPoint) => void;
}

export interface Gestures {
  /** Zooms about the map's centre (the zoom buttons). */
  zoomBy: (delta: number) => void;
  /** Resolves when no pointer is down on the map (at once, or when a drag or pinch ends). */
  settled: () => Promise<void>;
  dispose: () => void;
}

/** Moves shorter than this (CSS px) between press and release are clicks. */
const CLICK_SLOP = 4;
const KEY_PAN = 100;

export function followGestures(canvas: HTMLCanvasElement, target: GestureTarget): Gestures {
  const pointers = new Map<number, ScreenPoint>();
  let press: { start: ScreenPoint; camera: Camera; moved: boolean } | null = null;
  let pinch: { distance: number; zoom: number } | null = null;
  /** Waiting for the last pointer to be lifted (settled). */
  let waiting: (() => void)[] = [];
  const released = () => {
    if (pointers.size > 0) return;
    const done = waiting;
    waiting = [];
    done.forEach((resolve) => resolve());
  };

  const at = (e: MouseEvent): ScreenPoint => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const spread = () => {
    const [a, b] = [...pointers.values()];
    return a && b
      ? { distance: Math.hypot(a.x - b.x, a.y - b.y), mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } }
      : null;
  };
  const zoomAt = (point: ScreenPoint, delta: number) =>
    target.move(zoomAround(target.camera(), target.size(), point, delta));
  const zoomBy = (delta: number) => {
    const { width, height } = target.size();
    zoomAt({ x: width / 2, y: height / 2 }, delta);
    target.ended();
  };

  const handlers = {
    pointerdown: (e: PointerEvent) => {
      if (!target.active() || (e.pointerType === 'mouse' && e.button !== 0)) return;
      canvas.setPointerCapture?.(e.pointerId);
      pointers.set(e.pointerId, at(e));
      const two = spread();
      if (two) {
        pinch = { distance: two.distance, zoom: target.camera().zoom };
        press = null;
      } else press = { start: at(e), camera: target.camera(), moved: false };
    },
    pointermove: (e: PointerEvent) => {
      if (!target.active()) return;
      const point = at(e);
      if (pointers.has(e.pointerId)) pointers.set(e.pointerId, point);
      const two = spread();
      if (pinch && two && pinch.distance > 0) {
        zoomAt(two.mid, pinch.zoom + Math.log2(two.distance / pinch.distance) - target.camera().zoom);
        return;
      }
      if (press && pointers.has(e.pointerId)) {
        const dx = point.x - press.start.x;
        const dy = point.y - press.start.y;
        if (press.moved || Math.hypot(dx, dy) > CLICK_SLOP) {
          press.moved = true;
          canvas.style.cursor = 'grabbing';
          target.move(panBy(press.camera, dx, dy));
          return;
        }
      }
      // Touch has no hover: a tap shows no tooltip under the finger.
      if (e.pointerType === 'mouse') canvas.style.cursor = target.hover(point) ? 'pointer' : '';
    },
    pointerup: (e: PointerEvent) => {
      if (!pointers.delete(e.pointerId)) return;
      if (pinch) {
        if (pointers.size === 0) {
          pinch = null;
          target.ended();
        }
        released();
        return;
      }
      const pressed = press;
      press = null;
      canvas.style.cursor = '';
      if (pressed && target.active()) {
        if (pressed.moved) target.ended();
        else target.click(at(e));
      }
      released();
    },
    pointercancel: (e: PointerEvent) => {
      pointers.delete(e.pointerId);
      press = null;
      pinch = null;
      released();
    },
    // Capture lost without a pointerup or pointercancel (it comes after a pointerup, when the
    // pointer is gone already): the gesture is over, so nothing waits on it (settled).
    lostpointercapture: (e: PointerEvent) => {
      if (!pointers.delete(e.pointerId)) return;
      press = null;
      pinch = null;
      canvas.style.cursor = '';
      released();
    },
    pointerleave: () => {
      target.hover(null);
    },
    wheel: (e: WheelEvent) => {
      if (!target.active()) return;
      e.preventDefault();
      // A notch of a mouse wheel (~100 px) zooms by half a level; trackpads send smaller deltas.
      const delta = -(e.deltaMode === 1 ? e.deltaY * 33 : e.deltaY) / 200;
      zoomAt(at(e), Math.max(-1, Math.min(1, delta)));
      target.ended();
    },
    dblclick: (e: MouseEvent) => {
      if (!target.active()) return;
      e.preventDefault();
      zoomAt(at(e), e.shiftKey ? -1 : 1);
      target.ended();
    },
    keydown: (e: KeyboardEvent) => {
      if (!target.active() || e.altKey || e.ctrlKey || e.metaKey) return;
      const pans: Record<string, [number, number]> = {
        ArrowLeft: [KEY_PAN, 0],
        ArrowRight: [-KEY_PAN, 0],
        ArrowUp: [0, KEY_PAN],
        ArrowDown: [0, -KEY_PAN],
      };
      const pan = pans[e.key];
      if (pan) {
        target.move(panBy(target.camera(), pan[0], pan[1]));
        target.ended();
      } else if (e.key === '+' || e.key === '=') zoomBy(1);
      else if (e.key === '-' || e.key === '_') zoomBy(-1);
      else return;
      e.preventDefault();
    },
  };
  const entries = Object.entries(handlers) as [string, (e: Event) => void][];
  // The wheel must be able to keep the page from scrolling while it zooms the map.
  for (const [type, handler] of entries) {
    canvas.addEventListener(type, handler, type === 'wheel' ? { passive: false } : undefined);
  }

  return {
    zoomBy,
    settled: () => (pointers.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
    dispose: () => {
      for (const [type, handler] of entries) canvas.removeEventListener(type, handler);
      pointers.clear();
      released();
    },
  };
}
