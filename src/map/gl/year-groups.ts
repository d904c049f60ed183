/**
 * Which year the map shows. Every year has its own group of unit layers (map-style.ts) and the
 * units source holds every year's drawing (unit-features.ts), so showing a year only switches
 * one group on and the previous one off, through their layer-wide opacity, and a cross-fade
 * animates the constant opacity of the upper of the two groups. Nothing is written per unit,
 * so a year step costs the same at any number of units.
 *
 * This module also switches the flag layers (dim, imported, flow, hover, selection) on or off by
 * whether any unit uses them (layersInUse); what is in use comes from flags.ts.
 */
import type { DrawState } from '../../domain/map-keys';
import { vintageOf, YEARS, type UnitCode, type Vintage, type Year } from '../../domain/types';
import type { MapPort } from './map-port';
import {
  LABEL_LAYER,
  fadeOpacityProperty,
  layerOpacityProperty,
  layersInUse,
  vintageFilter,
  yearLayers,
  type LayerUse,
} from './map-style';
import { createFader, type Fader } from './year-fade';

/** The year drawn and its units' draw states. */
export interface Drawn {
  year: Year;
  states: Map<UnitCode, DrawState>;
}

/** What the flags use (flags.ts): the part of layersInUse's input that is not the year. */
export type FlagsInUse = Omit<LayerUse, 'year' | 'fadingFrom'>;

export type YearGroupsPort = Pick<MapPort, 'setFilter' | 'once' | 'triggerRepaint' | 'getLayer' | 'setPaintProperty'>;

export interface YearGroupsOptions {
  /** The vintage the style's label filter starts with (the first year's). */
  vintage: Vintage;
  flagsInUse: () => FlagsInUse;
  reducedMotion: () => boolean;
  /** Whether a software rasteriser draws the map (then there is no cross-fade). */
  softwareRendering: () => boolean;
  /** Runs once, when the first year shown has been drawn and the map is idle. */
  onFirstIdle: () => void;
  /**
   * Whether this map is the one on screen: only then does a drawn year leave its
   * `year-rendered:<year>` mark (while the 2D map is shown, that one marks the years).
   */
  shown: () => boolean;
  /** The layers the style starts switched on (lean-layers.ts withSwitchesOn); by default none. */
  switchedOn?: ReadonlySet<string>;
}

/**
 * A unit layer's two opacities: the layer-wide one switches it (see layersInUse), a year layer's
 * own one is its cross-fade; each as the style starts it (switched off, not faded).
 */
const OPACITIES = {
  switch: { property: layerOpacityProperty, initial: 0 },
  fade: { property: fadeOpacityProperty, initial: 1 },
} as const;

export class YearGroups {
  private shown: Drawn | null = null;
  private vintage: Vintage;
  /** The opacities last written (see switchLayers), by kind and layer, so only changes are written. */
  private readonly opacities = new Map<string, number>();
  /**
   * False after a context loss: the rebuilt style keeps the opacities last set, which may not be
   * what `opacities` assumes, so the next switch writes every value (MapLibre skips equal ones).
   */
  private known = true;
  /**
   * During a cross-fade: the year it comes from, the upper of the two years' groups (whose
   * opacity moves: it fades in over the year below on a step forward, and fades out to uncover
   * the year below on a step back), and how far the new year is shown, 0 to 1.
   */
  private fade: { from: Year; upper: Year; shown: number } | null = null;
  /** Set once the first idle has been asked for: it is reported once. */
  private firstIdleAsked = false;
  private readonly fader: Fader;

  constructor(
    private readonly map: YearGroupsPort,
    private readonly options: YearGroupsOptions,
  ) {
    this.vintage = options.vintage;
    for (const id of options.switchedOn ?? []) this.opacities.set(`switch ${id}`, 1);
    this.fader = createFader(
      (shown) => {
        if (!this.fade) return;
        this.fade.shown = shown;
        this.switchLayers();
      },
      options.reducedMotion,
      options.softwareRendering,
    );
  }

  /** The year drawn and its draw states; null before the first year and after a context loss. */
  get drawn(): Drawn | null {
    return this.shown;
  }

  /**
   * Shows `year`: switches its group on and the previous one off, at once or through a
   * cross-fade.
   */
  show(year: Year, states: Map<UnitCode, DrawState>): void {
    const previous = this.shown?.year ?? null;
    // A change during a fade ends it where it is: the year it was fading to is shown.
    this.fader.cancel();
    this.fade = null;
    const nextVintage = vintageOf(year);
    if (nextVintage !== this.vintage) {
      // Only the labels are filtered by vintage (one point per unit: cheap to lay out again).
      this.map.setFilter(LABEL_LAYER, vintageFilter(nextVintage));
      this.vintage = nextVintage;
    }
    this.shown = { year, states };
    if (previous !== null && previous !== year) {
      this.fade = { from: previous, upper: Math.max(previous, year) as Year, shown: 0 };
      this.fader.run(() => {
        this.fade = null;
        this.switchLayers();
      });
    }
    this.switchLayers();
    // The first frame drawn after a change of year shows the new year (starting to fade in, or
    // at once). Nothing is marked for the year the map starts with or comes back with after a
    // context loss (the 2D map, on screen until then, marked it), nor for new states of the
    // same year (a change of mode or base: 'units-redrawn').
    if (previous !== null && previous !== year) {
      this.map.once('render', () => {
        if (this.options.shown()) performance.mark(`year-rendered:${year}`);
      });
    }
    this.map.triggerRepaint();
    if (!this.firstIdleAsked) {
      this.firstIdleAsked = true;
      this.map.once('idle', () => this.options.onFirstIdle());
    }
  }

  /**
   * Switches the layers on or off by what is drawn now (see layersInUse), through their
   * layer-wide opacity; during a cross-fade the upper group's own opacity follows the fade.
   */
  switchLayers(): void {
    const drawn = this.shown;
    if (!drawn) return;
    const inUse = layersInUse({ year: drawn.year, fadingFrom: this.fade?.from ?? null, ...this.options.flagsInUse() });
    for (const [id, on] of inUse) this.writeOpacity(id, 'switch', on ? 1 : 0);
    const fade = this.fade;
    for (const year of YEARS) {
      const moving = fade?.upper === year;
      const opacity = !fade || !moving ? 1 : year === drawn.year ? fade.shown : 1 - fade.shown;
      for (const id of yearLayers(year)) this.writeOpacity(id, 'fade', opacity);
    }
    this.known = true;
  }

  /**
   * The style is gone (WebGL context lost): the fade stops, and nothing counts as drawn or
   * written, so everything is written again once the style is back. The label filter's vintage
   * is kept: the rebuilt style keeps the filter last set.
   */
  reset(): void {
    this.fader.cancel();
    this.fade = null;
    this.shown = null;
    this.opacities.clear();
    this.known = false;
  }

  dispose(): void {
    this.fader.cancel();
  }

  /** Sets one of a layer's opacities, unless it already has that value. */
  private writeOpacity(id: string, kind: keyof typeof OPACITIES, value: number) {
    const key = `${kind} ${id}`;
    if (this.known && (this.opacities.get(key) ?? OPACITIES[kind].initial) === value) return;
    const type = this.map.getLayer(id)?.type;
    if (type !== 'fill' && type !== 'line') return;
    this.map.setPaintProperty(id, OPACITIES[kind].property(type), value);
    this.opacities.set(key, value);
  }
}
