/**
 * One model of what each drawn state looks like and what the legend lists. Pure.
 *
 * - DRAW_LOOKS maps every draw key (domain/map-keys.ts) to its look: a flat fill, or stripes
 *   with a direction (a hatch). The map style (src/map/gl/map-style.ts), the 2D map
 *   (src/map/canvas/draw.ts), the figures (domain/figure/) and the swatches
 *   (components/swatch-style.ts) take their fills and hatches from it; outlines and the wash come
 *   from domain/legend-outlines.ts (re-exported here). Colours are defined in domain/palette.ts.
 * - legendModel turns the view (mode, year, base year) and counts that the caller takes from the
 *   selectors (or, for an area, from countStates over the area's states) into the ordered
 *   entries that the legends, the figures' legends and their swatches draw; legendItems
 *   (domain/legend-flags.ts) puts the entries of the view's flags (flow, faded, selection) with them.
 */
import { swatchOutlineLook, type Outline, type OutlineLook } from './legend-outlines';
import { CHANGE_COLORS, TIER_COLORS, TRAJECTORY_COLORS, WHITE, stripeColors, trajectoryOpenStripes } from './palette';
import type { DrawState } from './map-keys';
import { CHANGE_CLASSES, type ChangeClass } from './transitions';
import { FIRST_YEAR } from './types';
import { TIERS, YEARS, type Tier, type Total, type UnitCode, type Year } from './types';
import { stateKey, type LegendKey, type StateCounts, type UnitState } from './unit-state';
import type { Mode } from './view';

export type StripeDirection = 'up' | 'down' | 'cross';

/** A flat fill, or equal 45° stripes of the colours (`up` like "/", `down` like "\", `cross` both). */
export type Look = { fill: string } | { stripes: readonly string[]; direction: StripeDirection };

export {
  outlineLook,
  swatchOutlineLook,
  washLook,
  type Outline,
  type OutlineLook,
  type OutlineState,
  type OutlineWidth,
  type WashLook,
} from './legend-outlines';

/** Every range of possible tiers a range statement can leave (contiguous runs of A, B, C). */
export const RANGE_TIERS = ['A', 'B', 'C', 'AB', 'BC', 'ABC'] as const;

const UNKNOWN_HATCH: Look = { stripes: stripeColors(null), direction: 'up' };

/** Change classes with an unknown end: one "not comparable" look and legend entry for all three. */
export const NOT_COMPARABLE_CLASSES = ['unknown-base', 'unknown-current', 'unknown-both'] as const;
const notComparable = (c: ChangeClass) => (NOT_COMPARABLE_CLASSES as readonly ChangeClass[]).includes(c);

/** Years a unit can be A in with an earlier year unknown (not the first evaluation). */
export type OpenYear = Exclude<Year, typeof FIRST_YEAR>;
const OPEN_YEARS = YEARS.filter((y): y is OpenYear => y > FIRST_YEAR);

/**
 * The look of every draw key, in the order the map's fill expression and hatch layers list them
 * (tiers and derived tiers, unknown, ranges, change classes, first year in A). Change mode's
 * unknown ends share the unknown hatch itself (one look: "not comparable").
 */
export const DRAW_LOOKS: ReadonlyMap<string, Look> = new Map<string, Look>([
  ...TIERS.flatMap((t): [string, Look][] => [
    [t, { fill: TIER_COLORS[t] }],
    [`${t}-derived`, { fill: TIER_COLORS[t] }],
  ]),
  ['unknown', UNKNOWN_HATCH],
  ...RANGE_TIERS.map((tiers): [string, Look] => [
    `range:${tiers}`,
    { stripes: stripeColors([...tiers] as Tier[]), direction: 'up' },
  ]),
  ...CHANGE_CLASSES.map((c): [string, Look] => [
    `change:${c}`,
    notComparable(c) ? UNKNOWN_HATCH : { fill: CHANGE_COLORS[c as keyof typeof CHANGE_COLORS] },
  ]),
  ...YEARS.map((y): [string, Look] => [`traj:${y}`, { fill: TRAJECTORY_COLORS[y] }]),
  ...OPEN_YEARS.map((y): [string, Look] => [
    `traj:${y}-open`,
    { stripes: trajectoryOpenStripes(y), direction: 'down' },
  ]),
  ['traj:never', { fill: TRAJECTORY_COLORS.never }],
  ['traj:unknown', UNKNOWN_HATCH],
]);

/** The look of a draw key; keys outside DRAW_LOOKS get the unknown hatch. */
export function lookOf(key: string): Look {
  return DRAW_LOOKS.get(key) ?? UNKNOWN_HATCH;
}

/** The look of a unit's state in tier mode (swatches in details, table and summaries). */
export function stateLook(state: UnitState): Look {
  const key = stateKey(state);
  const look = DRAW_LOOKS.get(key);
  if (look) return look;
  // A range outside RANGE_TIERS cannot come from tiersAllowedByRange; stripe its tiers anyway.
  return state.kind === 'range' ? { stripes: stripeColors(state.tiers), direction: 'up' } : UNKNOWN_HATCH;
}

/** The outline a state's swatch carries: dotted for a derived tier. */
export function stateOutline(state: UnitState): Outline {
  return state.kind === 'known' && state.fact.basis === 'derived' ? 'dotted' : 'none';
}

/** A summary bar segment's look: a tier's fill, the unknown hatch, or partly known as the B-or-C stripes. */
export function segmentLook(key: Tier | 'range' | 'unknown'): Look {
  return lookOf(key === 'range' ? 'range:BC' : key);
}

/** A look drawn as thin lines: its ground (first colour) and its line colour (last colour). */
export function hatchInk(look: Look): { ground: string; ink: string } {
  if ('fill' in look) return { ground: look.fill, ink: look.fill };
  return { ground: look.stripes[0] ?? '', ink: look.stripes[look.stripes.length - 1] ?? '' };
}

/** The message keys legend entries are labelled with (each is a key of the i18n messages). */
export type LegendLabelKey =
  | 'legendTierA'
  | 'legendTierB'
  | 'legendTierC'
  | 'legendDerived'
  | 'legendRange'
  | 'legendUnknown'
  | 'importLegend'
  | ModeKey;

/**
 * An entry change or trajectory mode lists in its legend: a draw key, or change mode's
 * "not comparable", which stands for the three change classes with an unknown end.
 */
export type ModeKey =
  | `change:${ChangeClass}`
  | 'change:not-comparable'
  | `traj:${Year}`
  | `traj:${OpenYear}-open`
  | 'traj:never'
  | 'traj:unknown';

/**
 * What an entry stands for, which decides how its count is worded: a tier (known of it, with
 * the stated/derived split and the official count), all derived tiers, partly known, unknown,
 * a draw key of change or trajectory mode, or the imported facts.
 */
export type EntryKind = 'tier' | 'derived' | 'range' | 'unknown' | 'draw' | 'imported';

export interface LegendEntry {
  /** The legend key the map highlights while the entry is pointed at (LegendKey or 'imported'). */
  key: LegendKey | 'imported';
  kind: EntryKind;
  look: Look;
  outline: Outline;
  /** The colour, width class and dash of the outline (null: none). */
  outlineLook: OutlineLook | null;
  labelKey: LegendLabelKey;
  labelParams: Record<string, string | number>;
  /**
   * What an entry that stands for several draw keys holds, key by key (change mode's "not
   * comparable": unknown in the base year, in the selected year, in both), so words can keep
   * the distinction the look does not draw.
   */
  parts?: { key: ModeKey; n: number }[];
  counts: {
    /** Units of the entry in the year (and scope): known of a tier, or drawn with the key. */
    known: number;
    /** Of `known`, those whose tier is stated and those derived (tier entries; else known and 0). */
    stated: number;
    derived: number;
    /** The count a source gives for the scope: exact, or a minimum; null without one. */
    official: { n: number; exact: boolean } | null;
  };
}

export interface LegendView {
  mode: Mode;
  year: Year;
  /** The base year of change mode (baseYearOf). */
  base: number;
}

export interface LegendCounts {
  /** Units per state in the year and scope (selectYearCounts, or countStates over an area). */
  states: StateCounts;
  /** Official totals of the same scope and year, or null. */
  total: Total | null;
  /** Units per draw key in the year and scope (countDrawKeys over selectDrawStates). */
  drawKeys: ReadonlyMap<string, number>;
  /** Units whose fact of the year is imported (countImported). */
  imported: number;
}

/** Units per draw key. */
export function countDrawKeys(draw: ReadonlyMap<UnitCode, DrawState>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { key } of draw.values()) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** Units whose fact of the year is imported (they are also counted in their own entry). */
export function countImported(states: ReadonlyMap<UnitCode, UnitState> | null | undefined): number {
  let n = 0;
  for (const state of states?.values() ?? []) if (state.kind === 'known' && state.fact.imported === true) n += 1;
  return n;
}

const TIER_LABEL = { A: 'legendTierA', B: 'legendTierB', C: 'legendTierC' } as const;

function official(total: Total | null, tier: Tier): LegendEntry['counts']['official'] {
  const exact = total?.counts[tier] ?? null;
  if (exact !== null) return { n: exact, exact: true };
  const min = total?.minimums[tier] ?? null;
  return min !== null ? { n: min, exact: false } : null;
}

/** An entry's outline with its look. */
const outlined = (outline: Outline) => ({ outline, outlineLook: swatchOutlineLook(outline) });

const plain = (n: number): LegendEntry['counts'] => ({ known: n, stated: n, derived: 0, official: null });

function tierEntries(counts: StateCounts, total: Total | null): LegendEntry[] {
  const derived = TIERS.reduce((n, tier) => n + counts.derived[tier], 0);
  return [
    ...TIERS.map((tier): LegendEntry => ({
      key: tier,
      kind: 'tier',
      look: lookOf(tier),
      ...outlined('none'),
      labelKey: TIER_LABEL[tier],
      labelParams: {},
      counts: {
        known: counts.stated[tier] + counts.derived[tier],
        stated: counts.stated[tier],
        derived: counts.derived[tier],
        official: official(total, tier),
      },
    })),
    // Derived tiers keep their tier's colour; the entry shows B's with the dotted outline.
    {
      key: 'derived',
      kind: 'derived',
      look: lookOf('B-derived'),
      ...outlined('dotted'),
      labelKey: 'legendDerived',
      labelParams: {},
      counts: { known: derived, stated: 0, derived, official: null },
    },
    // Every range is striped in its own tiers; the entry shows "B or C".
    {
      key: 'range',
      kind: 'range',
      look: lookOf('range:BC'),
      ...outlined('none'),
      labelKey: 'legendRange',
      labelParams: {},
      counts: plain(counts.range),
    },
    {
      key: 'unknown',
      kind: 'unknown',
      look: lookOf('unknown'),
      ...outlined('none'),
      labelKey: 'legendUnknown',
      labelParams: {},
      counts: plain(counts.unknown),
    },
  ];
}

/**
 * The entries change and trajectory modes list, in legend order: the moves, "same" and one "not
 * comparable"; or each first year in A, certain then open (A that year, an earlier year unknown),
 * never and unknown.
 */
export function modeKeys(mode: Exclude<Mode, 'tier'>, year: Year): ModeKey[] {
  if (mode === 'change') {
    return [
      ...CHANGE_CLASSES.filter((c) => !notComparable(c)).map((c) => `change:${c}` as const),
      'change:not-comparable',
    ];
  }
  return [
    ...YEARS.filter((y) => y <= year).flatMap((y): ModeKey[] =>
      y === FIRST_YEAR ? [`traj:${y}`] : [`traj:${y}`, `traj:${y as OpenYear}-open`],
    ),
    'traj:never',
    'traj:unknown',
  ];
}

/** The entry of a mode key: its look, and its count from the draw keys it stands for. */
function modeEntry(key: ModeKey, view: LegendView, drawKeys: ReadonlyMap<string, number>): LegendEntry {
  const labelParams = { base: view.base, year: view.year };
  if (key === 'change:not-comparable') {
    const parts = NOT_COMPARABLE_CLASSES.map((c) => ({
      key: `change:${c}` as const,
      n: drawKeys.get(`change:${c}`) ?? 0,
    }));
    const n = parts.reduce((sum, p) => sum + p.n, 0);
    return {
      key,
      kind: 'draw',
      look: UNKNOWN_HATCH,
      ...outlined('none'),
      labelKey: key,
      labelParams,
      parts,
      counts: plain(n),
    };
  }
  return {
    key,
    kind: 'draw',
    look: lookOf(key),
    ...outlined('none'),
    labelKey: key,
    labelParams,
    counts: plain(drawKeys.get(key) ?? 0),
  };
}

/**
 * The legend of a view, in order: tier mode lists A, B, C, derived, partly known and unknown;
 * change mode its moves, same and not comparable; trajectory mode the first years in A up to
 * the year (each certain, then open), never and unknown. Every mode ends with the imported facts when the year has any.
 */
export function legendModel(view: LegendView, counts: LegendCounts): LegendEntry[] {
  const entries =
    view.mode === 'tier'
      ? tierEntries(counts.states, counts.total)
      : modeKeys(view.mode, view.year).map((key) => modeEntry(key, view, counts.drawKeys));
  if (counts.imported > 0) {
    entries.push({
      key: 'imported',
      kind: 'imported',
      look: { fill: WHITE },
      ...outlined('imported-double'),
      labelKey: 'importLegend',
      labelParams: { n: counts.imported },
      counts: plain(counts.imported),
    });
  }
  return entries;
}
