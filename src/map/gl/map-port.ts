/**
 * The part of a MapLibre map the controller's modules use, typed narrowly: a `maplibregl.Map`
 * is one (map-controller.ts passes its map as a MapPort, which the compiler checks), and so is
 * the FakeMap of tests/fixtures/fake-map.ts, which records every call and fires events by hand.
 * Each module asks for the few methods it calls (`Pick<MapPort, ...>`), so its signature says
 * what it may do to the map.
 */
import type {
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  Point,
  PointLike,
} from 'maplibre-gl';
import type { PatternImage } from '../patterns';
import type { PropertyUpdate } from './unit-features';

export type ScreenPoint = { x: number; y: number };
export type LngLatPair = [number, number];

/** The events the modules listen to, with the fields they read (MapLibre's events carry more). */
export interface MapEvents {
  load: unknown;
  error: { error: { message: string } };
  idle: unknown;
  render: unknown;
  resize: unknown;
  mousemove: { point: Point };
  click: { point: Point };
  /** `originalEvent` is set when the user's own gesture moved the camera. */
  moveend: { originalEvent?: Event };
  webglcontextlost: unknown;
  webglcontextrestored: unknown;
  'style.load': unknown;
}
export type MapEventName = keyof MapEvents;
export type MapListener<K extends MapEventName> = (event: MapEvents[K]) => void;

/** A feature of the units source, by the numeric id of unitFeatureId. */
export interface UnitTarget {
  source: string;
  id: number;
}

/** What a query under the pointer returns that the modules read. */
export interface RenderedFeature {
  id?: string | number | undefined;
  properties: Record<string, unknown>;
}

/**
 * A source as getSource returns it: any kind of source, of which only a GeoJSON source (every
 * source of this style is one) has the two methods the modules call.
 */
export interface SourcePort {
  id: string;
  setData?: (data: GeoJSON.GeoJSON) => unknown;
  updateData?: (diff: { update: PropertyUpdate[] }) => Promise<void>;
}

/** The canvas, only for its mouseleave (pointer.ts). */
export interface MapCanvasPort {
  addEventListener: (type: 'mouseleave', listener: () => void) => void;
  removeEventListener: (type: 'mouseleave', listener: () => void) => void;
}

export interface MapPort {
  on<K extends MapEventName>(type: K, listener: MapListener<K>): unknown;
  off<K extends MapEventName>(type: K, listener: MapListener<K>): unknown;
  once<K extends MapEventName>(type: K, listener: MapListener<K>): unknown;

  getSource(id: string): SourcePort | undefined;
  addSource(id: string, source: GeoJSONSourceSpecification): unknown;
  getLayer(id: string): { type: string } | undefined;
  addLayer(layer: LayerSpecification, beforeId?: string): unknown;
  setPaintProperty(layerId: string, name: string, value: number): unknown;
  setLayoutProperty(layerId: string, name: string, value: ExpressionSpecification): unknown;
  setFilter(layerId: string, filter: ExpressionSpecification): unknown;
  addImage(id: string, image: PatternImage, options: { pixelRatio: number }): unknown;
  hasImage(id: string): boolean;
  /**
   * Called for an image a tile needs that the style does not have, before MapLibre answers the
   * worker (its 'styleimagemissing' event comes after the answer: too late for that tile).
   */
  setMissingStyleImageResolver(resolver: ((id: string) => void) | null): unknown;
  setFeatureState(target: UnitTarget, state: Record<string, boolean>): unknown;
  getFeatureState(target: UnitTarget): Record<string, unknown>;
  queryRenderedFeatures(point: PointLike, options: { layers: string[] }): RenderedFeature[];
  triggerRepaint(): void;

  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  isMoving(): boolean;
  jumpTo(options: { center: LngLatPair; zoom: number }): unknown;
  fitBounds(
    bounds: [LngLatPair, LngLatPair],
    options: { padding: number; duration: number; maxZoom?: number },
  ): unknown;
  panBy(offset: LngLatPair, options: { duration: number }): unknown;
  setMaxBounds(bounds: [number, number, number, number]): unknown;
  project(lngLat: LngLatPair): ScreenPoint;
  getContainer(): { clientWidth: number; clientHeight: number };
  getCanvas(): MapCanvasPort;
}

export type MapHandlers = { [K in MapEventName]?: MapListener<K> };

/**
 * Binds each handler of a lookup table once (in the table's order); returns a function that
 * unbinds them. The handlers read what they need at call time, so they are never bound again.
 */
export function listen(map: Pick<MapPort, 'on' | 'off'>, handlers: MapHandlers): () => void {
  const unbind: (() => void)[] = [];
  const bind = <K extends MapEventName>(type: K) => {
    const handler = handlers[type];
    if (!handler) return;
    map.on(type, handler);
    unbind.push(() => map.off(type, handler));
  };
  (Object.keys(handlers) as MapEventName[]).forEach(bind);
  return () => unbind.forEach((off) => off());
}

/** Answers the worker's requests for images the style lacks with `resolve`; returns a function that stops. */
export function resolveMissingImages(
  map: Pick<MapPort, 'setMissingStyleImageResolver'>,
  resolve: (id: string) => void,
): () => void {
  map.setMissingStyleImageResolver(resolve);
  return () => map.setMissingStyleImageResolver(null);
}
