/**
 * Official counts of units that moved between tiers, as sources state them, so the transition
 * view can say "official: 13 B→A — known here: 3". Pure functions over the dataset.
 *
 * Sources count moves from one evaluation to the next, so counts exist only when the base year
 * is the year before. Three kinds of statement are used, and nothing else:
 * - `units_<x>_to_<y>` indicators: units that moved from tier X to tier Y (e.g. 13 B → A);
 * - the `units_down` indicator: units that fell at least one tier;
 * - `tier_changes` in totals.csv: units that rose at least one tier (级别跃升).
 * `units_advanced` ("leapt", tier or rank) and rank indicators are not tier moves and are left out.
 * A count is never made up: no statement, no count.
 */
import { flowKey } from './transitions';
import { TIERS, type Dataset, type Tier, type UnitCode } from './types';

export interface TierMove {
  from: Tier;
  to: Tier;
}

const RANK: Record<Tier, number> = { A: 3, B: 2, C: 1 };

/** Every move between tiers, rises first (the bigger first), then falls. */
const ALL_MOVES: readonly TierMove[] = TIERS.flatMap((from) =>
  TIERS.filter((to) => to !== from).map((to) => ({ from, to })),
).sort((a, b) => RANK[b.to] - RANK[b.from] - (RANK[a.to] - RANK[a.from]) || RANK[b.from] - RANK[a.from]);

const RISES = ALL_MOVES.filter((m) => RANK[m.to] > RANK[m.from]);
const FALLS = ALL_MOVES.filter((m) => RANK[m.to] < RANK[m.from]);

/** Where the view reads official counts: the province, or one area (a prefecture code, 定州 or 辛集). */
export type MoveScope = 'province' | string;

export interface OfficialMove {
  /** 'flow': one move (from → to); 'up': every rise; 'down': every fall. */
  kind: 'flow' | 'up' | 'down';
  /** The moves the count covers (one for 'flow'). */
  moves: readonly TierMove[];
  /** Units the source says made these moves. */
  count: number;
  sourceIds: string[];
  /** The indicator id, or 'tier_changes' for a count from totals.csv. */
  origin: string;
  note: string;
}

const FLOW_INDICATOR = /^units_([abc])_to_([abc])$/;

const toTier = (letter: string): Tier | null => {
  const tier = letter.toUpperCase();
  return tier === 'A' || tier === 'B' || tier === 'C' ? tier : null;
};

/** Order of display: single flows in the order of ALL_MOVES, then all rises, then all falls. */
function order(move: OfficialMove): number {
  if (move.kind === 'up') return ALL_MOVES.length;
  if (move.kind === 'down') return ALL_MOVES.length + 1;
  const only = move.moves[0];
  return ALL_MOVES.findIndex((m) => m.from === only?.from && m.to === only.to);
}

/**
 * The official mover counts for `baseYear` → `year` in a scope, with their sources. Empty when
 * the base year is not the year before (no source compares other pairs of years) or when no
 * source states a count.
 */
export function officialMoves(
  dataset: Pick<Dataset, 'indicators' | 'totals'>,
  baseYear: number,
  year: number,
  scope: MoveScope,
): OfficialMove[] {
  if (baseYear !== year - 1) return [];
  const found: OfficialMove[] = [];
  for (const indicator of dataset.indicators) {
    if (indicator.year !== year) continue;
    const inScope =
      scope === 'province'
        ? indicator.scope === 'province'
        : indicator.scope === 'prefecture' && indicator.code === scope;
    if (!inScope) continue;
    const base = {
      count: indicator.value,
      sourceIds: indicator.sourceIds,
      origin: indicator.indicator,
      note: indicator.note,
    };
    const flow = FLOW_INDICATOR.exec(indicator.indicator);
    if (flow) {
      const from = toTier(flow[1] ?? '');
      const to = toTier(flow[2] ?? '');
      if (from && to && from !== to) found.push({ kind: 'flow', moves: [{ from, to }], ...base });
    } else if (indicator.indicator === 'units_down') {
      found.push({ kind: 'down', moves: FALLS, ...base });
    }
  }
  for (const total of dataset.totals) {
    if (total.year !== year || total.scope !== scope || total.tierChanges === null) continue;
    found.push({
      kind: 'up',
      moves: RISES,
      count: total.tierChanges,
      sourceIds: total.sourceIds,
      origin: 'tier_changes',
      note: total.note,
    });
  }
  return found.sort((a, b) => order(a) - order(b));
}

/** Units in the matrix cells a statement covers: the movers the known data accounts for. */
export function knownMovers(move: OfficialMove, cells: ReadonlyMap<string, readonly UnitCode[]>): number {
  return move.moves.reduce((n, m) => n + (cells.get(flowKey(m.from, m.to))?.length ?? 0), 0);
}

export interface MoveCoverage {
  /** Movers the sources state, counting each move once. */
  official: number;
  /** Of those moves, units whose tier is known at both ends. */
  known: number;
  /** The statements added up (the others overlap them, e.g. "30 rose" next to "13 B→A"). */
  used: OfficialMove[];
}

/**
 * How many of the officially stated movers the known data accounts for. Statements that cover
 * a move already counted are left out, so no unit is counted twice: single flows are taken
 * first (they are the most precise), then "all rises" / "all falls" only where they overlap none.
 * Null when there is no statement.
 */
export function moveCoverage(
  moves: readonly OfficialMove[],
  cells: ReadonlyMap<string, readonly UnitCode[]>,
): MoveCoverage | null {
  if (moves.length === 0) return null;
  const taken = new Set<string>();
  const used: OfficialMove[] = [];
  const ranked = [...moves].sort((a, b) => a.moves.length - b.moves.length);
  for (const move of ranked) {
    const keys = move.moves.map((m) => flowKey(m.from, m.to));
    if (keys.some((k) => taken.has(k))) continue;
    for (const k of keys) taken.add(k);
    used.push(move);
  }
  return {
    official: used.reduce((n, m) => n + m.count, 0),
    known: used.reduce((n, m) => n + knownMovers(m, cells), 0),
    used,
  };
}
