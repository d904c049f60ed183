/**
 * The legend entries of the view's flags, which the figures list with the legend model's
 * entries: the chosen flow's outline, what is faded (outside the flow, the area or the
 * highlighted entry) and the selection's outline. Pure: each is labelled by a FlagLabel, which
 * the figure code words with its messages, and parameters; parameters that are labels
 * themselves (a category, an entry) are message keys in `labelRefs`.
 */
import {
  legendModel,
  lookOf,
  swatchOutlineLook,
  type LegendCounts,
  type LegendEntry,
  type LegendView,
  type Look,
  type Outline,
  type OutlineLook,
} from './legend-model';
import { WHITE } from './palette';
import type { TransitionCategory } from './transitions';

export interface LegendFlags {
  /** The chosen flow (its categories and number of units), or null. */
  flow: { from: TransitionCategory; to: TransitionCategory; n: number } | null;
  /** The filtered area's name in the language, or null. */
  area: string | null;
  /** The key of the highlighted legend entry, or null. */
  highlight: string | null;
  /** The selected unit's name in the language when it is drawn, or null. */
  selected: string | null;
}

export interface FlaggedView extends LegendView {
  flags: LegendFlags;
}

export type FlagKey = 'flow' | 'faded-flow' | 'faded-area' | 'faded-highlight' | 'selected';

/** What a flag entry says: the flow's outline (of one unit or several), a faded part, the selection. */
export type FlagLabel = 'flow' | 'flow-one' | 'faded-flow' | 'faded-area' | 'faded-highlight' | 'selected';

/** A parameter that is a label itself: a message key and its parameters. */
export interface LabelRef {
  key: LegendEntry['labelKey'] | `tv:${TransitionCategory}`;
  params: Record<string, string | number>;
}

export interface FlagEntry {
  key: FlagKey;
  kind: 'flag';
  look: Look;
  outline: Outline;
  outlineLook: OutlineLook | null;
  labelKey: FlagLabel;
  labelParams: Record<string, string | number>;
  labelRefs: Record<string, LabelRef>;
  /** Units outlined (the flow's, the selected one); null for the faded entries. */
  counts: { known: number } | null;
}

export type LegendItem = FlagEntry | LegendEntry;

/** A faded entry's swatch: B under the wash. */
const FADED_LOOK = lookOf('B');
/** An outline alone: the units keep their own colours, which the other entries name. */
const OUTLINE_ONLY: Look = { fill: WHITE };

function flagEntry(
  key: FlagKey,
  look: Look,
  outline: Outline,
  labelKey: FlagLabel,
  labelParams: FlagEntry['labelParams'] = {},
  labelRefs: FlagEntry['labelRefs'] = {},
  counts: FlagEntry['counts'] = null,
): FlagEntry {
  return {
    key,
    kind: 'flag',
    look,
    outline,
    outlineLook: swatchOutlineLook(outline),
    labelKey,
    labelParams,
    labelRefs,
    counts,
  };
}

/**
 * The flag entries of a view, in legend order: the flow's outline and "faded: outside the flow",
 * "faded: outside the area", "faded: outside the highlighted entry" (when `entries` has it), the
 * selection's outline.
 */
export function flagEntries(view: FlaggedView, entries: readonly LegendEntry[]): FlagEntry[] {
  const { flow, area, highlight, selected } = view.flags;
  const out: FlagEntry[] = [];
  if (flow) {
    out.push(
      flagEntry(
        'flow',
        OUTLINE_ONLY,
        'flow',
        flow.n === 1 ? 'flow-one' : 'flow',
        { base: view.base, year: view.year, n: flow.n },
        { from: { key: `tv:${flow.from}`, params: {} }, to: { key: `tv:${flow.to}`, params: {} } },
        { known: flow.n },
      ),
    );
    out.push(flagEntry('faded-flow', FADED_LOOK, 'faded', 'faded-flow'));
  }
  if (area !== null) out.push(flagEntry('faded-area', FADED_LOOK, 'faded', 'faded-area', { area }));
  const lit = entries.find((e) => e.key === highlight);
  if (highlight !== null && lit) {
    out.push(
      flagEntry(
        'faded-highlight',
        FADED_LOOK,
        'faded',
        'faded-highlight',
        {},
        {
          entry: { key: lit.labelKey, params: lit.labelParams },
        },
      ),
    );
  }
  if (selected !== null) {
    out.push(flagEntry('selected', OUTLINE_ONLY, 'selected', 'selected', { name: selected }, {}, { known: 1 }));
  }
  return out;
}

/**
 * An item's label parameters, with those that are labels themselves (`labelRefs`) put in
 * words by `word` (the caller's translation).
 */
export function labelParamsOf(
  item: LegendItem,
  word: (key: LabelRef['key'], params: Record<string, string | number>) => string,
): Record<string, string | number> {
  if (item.kind !== 'flag') return item.labelParams;
  const refs = Object.entries(item.labelRefs).map(([name, ref]) => [name, word(ref.key, ref.params)] as const);
  return { ...item.labelParams, ...Object.fromEntries(refs) };
}

/** Every entry of the view's legend: the flag entries, then the legend model's (legendModel). */
export function legendItems(view: FlaggedView, counts: LegendCounts): LegendItem[] {
  const entries = legendModel(view, counts);
  return [...flagEntries(view, entries), ...entries];
}
