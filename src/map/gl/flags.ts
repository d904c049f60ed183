/**
 * The units' feature-state flags, read by the flag layers of map-style.ts: `hover` and
 * `selected` (one unit each), and the emphasis of every drawn unit: `flow` (in the chosen flow),
 * `muted` (outside the chosen flow or area), `unlit` (outside the legend entry under the pointer)
 * and `imported` (its fact of the year is imported). Only flags that change are written, and each
 * change is reported (`changed`) so the flag layers can be switched on or off (year-groups.ts).
 */
import { unitFeatureId, unitFeatureVintage } from '../../domain/geometry';
import { vintageOf } from '../../domain/types';
import { selectEmphasis, type Emphasis } from '../../store/selectors';
import type { AppState } from '../../store/store';
import type { MapPort } from './map-port';
import { unitsSource } from './map-style';
import type { Drawn, FlagsInUse } from './year-groups';

export type { UnitFlag } from '../probe';

const NO_EMPHASIS: Emphasis = { flow: false, muted: false, unlit: false, imported: false };
const sameEmphasis = (a: Emphasis, b: Emphasis) =>
  a.flow === b.flow && a.muted === b.muted && a.unlit === b.unlit && a.imported === b.imported;

/** The feature `id` in the units source of its vintage. */
const target = (id: number) => ({ source: unitsSource(unitFeatureVintage(id)), id });

export class UnitFlags {
  private readonly focus = { hover: null as number | null, selected: null as number | null };
  /** The emphasis last written per feature id, so only changes are written. */
  private readonly emphasis = new Map<number, Emphasis>();
  /** Whether any drawn unit is dimmed, has an imported fact, is in the flow (from applyEmphasis). */
  private emphasisInUse = { dimmed: false, imported: false, flow: false };

  constructor(
    private readonly map: Pick<MapPort, 'setFeatureState'>,
    private readonly changed: () => void,
  ) {}

  /** The feature id under the pointer, or null. */
  get hovered(): number | null {
    return this.focus.hover;
  }

  inUse(): FlagsInUse {
    return { ...this.emphasisInUse, hover: this.focus.hover !== null, selected: this.focus.selected !== null };
  }

  /** Moves the hover or selection flag to the feature `id` (null: to none). */
  setFocus(kind: 'hover' | 'selected', id: number | null): void {
    const old = this.focus[kind];
    if (old === id) return;
    if (old !== null) this.map.setFeatureState(target(old), { [kind]: false });
    if (id !== null) this.map.setFeatureState(target(id), { [kind]: true });
    this.focus[kind] = id;
    this.changed();
  }

  /** The selected unit gets the flag when it is drawn in the year shown. */
  applySelection(state: AppState, drawn: Drawn | null): void {
    const code = state.selected;
    const exists = code !== null && drawn?.states.has(code);
    this.setFocus('selected', exists && code ? unitFeatureId(code, vintageOf(state.year)) : null);
  }

  /**
   * The chosen flow's units are outlined; units outside it, or outside the chosen area, are
   * muted; units outside the legend entry under the pointer are unlit; units whose fact of the
   * year is imported get the imported outline. Only flags that changed are written.
   */
  applyEmphasis(state: AppState, drawn: Drawn | null): void {
    if (state.data.status !== 'ready' || !drawn) return;
    const v = vintageOf(state.year);
    const inUse = { dimmed: false, imported: false, flow: false };
    for (const [code, next] of selectEmphasis(state, drawn.states)) {
      const id = unitFeatureId(code, v);
      inUse.dimmed ||= next.muted || next.unlit;
      inUse.imported ||= next.imported;
      inUse.flow ||= next.flow;
      // A unit never written has every flag unset (the style reads a missing flag as false).
      if (sameEmphasis(this.emphasis.get(id) ?? NO_EMPHASIS, next)) continue;
      this.map.setFeatureState(target(id), { ...next });
      this.emphasis.set(id, next);
    }
    this.emphasisInUse = inUse;
    this.changed();
  }

  /**
   * MapLibre does not keep feature-state through a context loss: every flag counts as unset
   * again. What the emphasis had in use is left as it was: the restore shows the year, then
   * writes the flags again, and applyEmphasis sets it.
   */
  reset(): void {
    this.emphasis.clear();
    this.focus.hover = null;
    this.focus.selected = null;
  }
}
