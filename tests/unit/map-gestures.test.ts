/**
 * The 2D map's gestures (src/map/canvas/gestures.ts) on a fake canvas: a drag pans with the
 * pointer, a short press is a click, the wheel, a double click and a pinch zoom about the
 * pointer, the keys pan and zoom; nothing moves while the 2D map is not shown.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { followGestures, type Gestures } from '../../src/map/canvas/gestures';
import { project, unproject, type Camera, type ScreenPoint } from '../../src/map/framing';
import { FakeCanvas } from '../fixtures/fake-canvas';

const SIZE = { width: 800, height: 600 };
const START: Camera = { lng: 116, lat: 39, zoom: 7 };
/** The canvas's corner on the page: events carry page coordinates, the target gets map ones. */
const RECT = { left: 10, top: 20 };
const page = ({ x, y }: ScreenPoint) => ({ clientX: x + RECT.left, clientY: y + RECT.top });

let canvas: FakeCanvas;
let camera: Camera;
let active: boolean;
let moves: Camera[];
let ended: number;
let clicks: ScreenPoint[];
let hovers: (ScreenPoint | null)[];
let gestures: Gestures;

beforeEach(() => {
  canvas = new FakeCanvas(RECT);
  camera = { ...START };
  active = true;
  moves = [];
  ended = 0;
  clicks = [];
  hovers = [];
  gestures = followGestures(canvas.asElement(), {
    active: () => active,
    camera: () => camera,
    size: () => SIZE,
    move: (next) => {
      moves.push(next);
      camera = next;
    },
    ended: () => (ended += 1),
    hover: (point) => {
      hovers.push(point);
      return point !== null && point.x < 400;
    },
    click: (point) => clicks.push(point),
  });
});

/** Expects the place shown at `from` under `to` now (a point of the map stays under the pointer). */
function expectCarried(before: Camera, from: ScreenPoint, to: ScreenPoint) {
  const moved = project(camera, SIZE, unproject(before, SIZE, from));
  expect(moved.x).toBeCloseTo(to.x, 6);
  expect(moved.y).toBeCloseTo(to.y, 6);
}

describe('settled', () => {
  const state = (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => (done = true));
    return () => Promise.resolve().then(() => done);
  };

  it('resolves at once with no pointer down, and when the last pointer of a drag or pinch is lifted', async () => {
    expect(await state(gestures.settled())()).toBe(true);
    canvas.fire('pointerdown', page({ x: 100, y: 100 }));
    canvas.fire('pointermove', page({ x: 150, y: 100 }));
    const drag = state(gestures.settled());
    expect(await drag()).toBe(false);
    canvas.fire('pointerup', page({ x: 150, y: 100 }));
    expect(await drag()).toBe(true);
    canvas.fire('pointerdown', { ...page({ x: 100, y: 100 }), pointerId: 1 });
    canvas.fire('pointerdown', { ...page({ x: 200, y: 100 }), pointerId: 2 });
    const pinch = state(gestures.settled());
    canvas.fire('pointerup', { ...page({ x: 100, y: 100 }), pointerId: 1 });
    expect(await pinch()).toBe(false);
    canvas.fire('pointercancel', { ...page({ x: 200, y: 100 }), pointerId: 2 });
    expect(await pinch()).toBe(true);
  });

  it('resolves when the pointer capture is lost without a pointerup', async () => {
    canvas.fire('pointerdown', page({ x: 100, y: 100 }));
    canvas.fire('pointermove', page({ x: 150, y: 100 }));
    const pending = state(gestures.settled());
    expect(await pending()).toBe(false);
    canvas.fire('lostpointercapture', page({ x: 150, y: 100 }));
    expect(await pending()).toBe(true);
    expect(canvas.style.cursor).toBe('');
  });

  it('resolves when the gestures are disposed with a pointer down', async () => {
    canvas.fire('pointerdown', page({ x: 100, y: 100 }));
    const pending = state(gestures.settled());
    gestures.dispose();
    expect(await pending()).toBe(true);
  });
});

describe('drag and click', () => {
  it('pans with the pointer, reports once at the end, and is not a click', () => {
    canvas.fire('pointerdown', page({ x: 100, y: 100 }));
    canvas.fire('pointermove', page({ x: 130, y: 110 }));
    expect(canvas.style.cursor).toBe('grabbing');
    canvas.fire('pointermove', page({ x: 160, y: 140 }));
    expectCarried(START, { x: 100, y: 100 }, { x: 160, y: 140 });
    expect(camera.zoom).toBe(START.zoom);
    expect(ended).toBe(0);
    canvas.fire('pointerup', page({ x: 160, y: 140 }));
    expect(ended).toBe(1);
    expect(clicks).toEqual([]);
    expect(canvas.style.cursor).toBe('');
    expect(canvas.captured).toEqual([1]);
  });

  it('takes a press that moved less than 4 px as a click at the release point', () => {
    canvas.fire('pointerdown', page({ x: 200, y: 300 }));
    canvas.fire('pointermove', page({ x: 202, y: 302 }));
    canvas.fire('pointerup', page({ x: 202, y: 302 }));
    expect(moves).toEqual([]);
    expect(ended).toBe(0);
    expect(clicks).toEqual([{ x: 202, y: 302 }]);
  });

  it('ignores buttons other than the main one of a mouse', () => {
    canvas.fire('pointerdown', { ...page({ x: 100, y: 100 }), button: 2 });
    canvas.fire('pointermove', { ...page({ x: 200, y: 200 }), button: 2 });
    canvas.fire('pointerup', { ...page({ x: 200, y: 200 }), button: 2 });
    expect(moves).toEqual([]);
    expect(clicks).toEqual([]);
  });

  it('forgets a cancelled press', () => {
    canvas.fire('pointerdown', page({ x: 100, y: 100 }));
    canvas.fire('pointercancel', page({ x: 100, y: 100 }));
    canvas.fire('pointerup', page({ x: 100, y: 100 }));
    expect(clicks).toEqual([]);
    expect(ended).toBe(0);
  });
});

describe('hover', () => {
  it('reports the mouse over the map, with a pointer cursor over a unit, and its leaving', () => {
    canvas.fire('pointermove', page({ x: 50, y: 60 }));
    expect(canvas.style.cursor).toBe('pointer');
    canvas.fire('pointermove', page({ x: 500, y: 60 }));
    expect(canvas.style.cursor).toBe('');
    canvas.fire('pointerleave');
    expect(hovers).toEqual([{ x: 50, y: 60 }, { x: 500, y: 60 }, null]);
  });

  it('does not hover for touch', () => {
    canvas.fire('pointermove', { ...page({ x: 50, y: 60 }), pointerType: 'touch' });
    expect(hovers).toEqual([]);
  });
});

describe('zoom', () => {
  it('zooms half a level per wheel notch about the pointer, keeping the page from scrolling', () => {
    const at = { x: 600, y: 150 };
    const event = canvas.fire('wheel', { ...page(at), deltaY: -100, deltaMode: 0 });
    expect(event.defaultPrevented).toBe(true);
    expect(camera.zoom).toBeCloseTo(START.zoom + 0.5, 9);
    expectCarried(START, at, at);
    expect(ended).toBe(1);
    expect(canvas.listeners.get('wheel')?.options).toEqual({ passive: false });
  });

  it('reads wheel lines as pixels and zooms at most one level per event', () => {
    canvas.fire('wheel', { ...page({ x: 400, y: 300 }), deltaY: 3, deltaMode: 1 });
    expect(camera.zoom).toBeCloseTo(START.zoom - 99 / 200, 9);
    canvas.fire('wheel', { ...page({ x: 400, y: 300 }), deltaY: -5000, deltaMode: 0 });
    expect(camera.zoom).toBeCloseTo(START.zoom - 99 / 200 + 1, 9);
  });

  it('zooms in by a double click about the pointer, out with shift', () => {
    const at = { x: 120, y: 480 };
    canvas.fire('dblclick', page(at));
    expect(camera.zoom).toBe(START.zoom + 1);
    expectCarried(START, at, at);
    const before = { ...camera };
    canvas.fire('dblclick', { ...page(at), shiftKey: true });
    expect(camera.zoom).toBe(START.zoom);
    expectCarried(before, at, at);
    expect(ended).toBe(2);
  });

  it('pinches: the zoom follows the fingers’ spread about their midpoint, reported when both lift', () => {
    const touch = (id: number, p: ScreenPoint) => ({ ...page(p), pointerId: id, pointerType: 'touch' as const });
    canvas.fire('pointerdown', touch(1, { x: 300, y: 300 }));
    canvas.fire('pointerdown', touch(2, { x: 400, y: 300 }));
    canvas.fire('pointermove', touch(2, { x: 500, y: 300 }));
    expect(camera.zoom).toBeCloseTo(START.zoom + 1, 9);
    expectCarried(START, { x: 400, y: 300 }, { x: 400, y: 300 });
    canvas.fire('pointermove', touch(1, { x: 400, y: 300 }));
    // Spread back to 100 px: the zoom the pinch started at.
    expect(camera.zoom).toBeCloseTo(START.zoom, 9);
    canvas.fire('pointerup', touch(1, { x: 400, y: 300 }));
    expect(ended).toBe(0);
    canvas.fire('pointerup', touch(2, { x: 500, y: 300 }));
    expect(ended).toBe(1);
    expect(clicks).toEqual([]);
  });

  it('zooms about the centre for the buttons', () => {
    gestures.zoomBy(-1);
    expect(camera.zoom).toBe(START.zoom - 1);
    expect(camera.lng).toBeCloseTo(START.lng, 9);
    expect(camera.lat).toBeCloseTo(START.lat, 9);
    expect(ended).toBe(1);
  });
});

describe('keys', () => {
  it('pans 100 px with the arrows: the map moves the way the arrow points at its content', () => {
    const centre = { x: 400, y: 300 };
    const cases: [string, ScreenPoint][] = [
      ['ArrowLeft', { x: 500, y: 300 }],
      ['ArrowRight', { x: 300, y: 300 }],
      ['ArrowUp', { x: 400, y: 400 }],
      ['ArrowDown', { x: 400, y: 200 }],
    ];
    for (const [key, to] of cases) {
      const before = { ...camera };
      const event = canvas.fire('keydown', { key });
      expect(event.defaultPrevented).toBe(true);
      expectCarried(before, centre, to);
    }
    expect(ended).toBe(4);
  });

  it('zooms with + / = and - / _, and leaves other keys and shortcuts to the page', () => {
    canvas.fire('keydown', { key: '+' });
    canvas.fire('keydown', { key: '=' });
    expect(camera.zoom).toBe(START.zoom + 2);
    canvas.fire('keydown', { key: '-' });
    canvas.fire('keydown', { key: '_' });
    expect(camera.zoom).toBe(START.zoom);
    const count = moves.length;
    expect(canvas.fire('keydown', { key: 'a' }).defaultPrevented).toBe(false);
    expect(canvas.fire('keydown', { key: '+', ctrlKey: true }).defaultPrevented).toBe(false);
    expect(canvas.fire('keydown', { key: 'ArrowLeft', altKey: true }).defaultPrevented).toBe(false);
    expect(moves.length).toBe(count);
  });
});

describe('while the 2D map is not shown', () => {
  it('takes no input', () => {
    active = false;
    canvas.fire('pointerdown', page({ x: 100, y: 100 }));
    canvas.fire('pointermove', page({ x: 200, y: 200 }));
    canvas.fire('pointerup', page({ x: 200, y: 200 }));
    expect(canvas.fire('wheel', { ...page({ x: 1, y: 1 }), deltaY: -100 }).defaultPrevented).toBe(false);
    canvas.fire('dblclick', page({ x: 1, y: 1 }));
    canvas.fire('keydown', { key: '+' });
    expect(moves).toEqual([]);
    expect(clicks).toEqual([]);
    expect(hovers).toEqual([]);
    expect(ended).toBe(0);
  });
});

describe('dispose', () => {
  it('takes every listener off the canvas', () => {
    expect(canvas.listeners.size).toBeGreaterThan(0);
    gestures.dispose();
    expect(canvas.listeners.size).toBe(0);
  });
});
