/**
 * Wording shared by the details panel and the report card: a tier state in words, spans of years,
 * and why a year of a unit's history shows another unit (the lineage sentences). One copy, so the
 * card says exactly what the panel says.
 */
import type { Tier, TierFact, Unit } from '../domain/types';
import type { StripCell } from '../domain/unit-details';
import type { UnitState } from '../domain/unit-state';
import type { MessageKey } from './i18n';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The short label of a fact's basis: an imported fact says so instead of "stated". */
export function factLabelKey(fact: TierFact): 'detailsLabelImported' | 'detailsLabelStated' | 'detailsLabelDerived' {
  if (fact.imported === true) return 'detailsLabelImported';
  return fact.basis === 'stated' ? 'detailsLabelStated' : 'detailsLabelDerived';
}

/** "B or C", "A, B or C" (zh: "B或C", "A、B或C"). */
export function joinTiers(tr: Translate, tiers: readonly Tier[]): string {
  if (tiers.length <= 1) return tiers.join('');
  return `${tiers.slice(0, -1).join(tr('detailsTierListSep'))}${tr('detailsTierOr')}${tiers[tiers.length - 1] ?? ''}`;
}

/** A state in words; null is "did not exist", never a tier. */
export function stateWords(tr: Translate, state: UnitState | null): string {
  if (state === null) return tr('detailsLabelNone');
  switch (state.kind) {
    case 'known':
      return tr(factLabelKey(state.fact), { tier: state.tier });
    case 'range':
      return tr('detailsLabelRange', { tiers: joinTiers(tr, state.tiers) });
    case 'unknown':
      return tr('detailsLabelUnknown');
  }
}

/** Consecutive years as spans: [2019, 2020, 2022] → "2019–2020, 2022". */
export function yearsText(tr: Translate, years: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[1] === y - 1) last[1] = y;
    else runs.push([y, y]);
  }
  return runs
    .map(([from, to]) => (from === to ? String(from) : tr('detailsYearSpan', { from, to })))
    .join(tr('detailsListSep'));
}

/**
 * The sentences saying which years show a predecessor (whole or in part) or a successor, and
 * whether the unit did not exist yet. A split into successors is left to the caller, which lists
 * them (as text on the card, as buttons in the panel).
 */
export function lineageSentences(cells: readonly StripCell[], unit: Unit, tr: Translate): string[] {
  const lines: string[] = [];
  const group = (pick: (c: StripCell) => readonly Unit[]) => {
    const out = new Map<Unit, number[]>();
    for (const c of cells) for (const u of pick(c)) out.set(u, [...(out.get(u) ?? []), c.year]);
    return out;
  };
  const whole = (relation: StripCell['relation']) => (c: StripCell) =>
    c.relation === relation ? c.members.map((m) => m.unit) : [];
  const say = (key: MessageKey, groups: Map<Unit, number[]>) => {
    for (const [u, years] of groups) lines.push(tr(key, { years: yearsText(tr, years), name: u.nameZh, code: u.code }));
  };
  say('detailsLineagePredecessor', group(whole('predecessor')));
  say(
    'detailsLineagePartial',
    group((c) => c.partialPredecessors),
  );
  say('detailsLineageSuccessor', group(whole('successor')));
  if (cells.some((c) => c.relation === 'none' && c.year < unit.validFrom && c.partialPredecessors.length === 0)) {
    lines.push(tr('detailsLineageBefore', { year: unit.validFrom }));
  }
  return lines;
}

/** The cell of the year a unit was split into successors, if it was. */
export const splitCell = (cells: readonly StripCell[]): StripCell | undefined =>
  cells.find((c) => c.relation === 'none' && c.successors.length > 0);
