/**
 * The transition view's model: pure functions, no React. From the moves the store already
 * computes (selectTransitions in store/selectors.ts) it derives what the view shows for a base
 * year, a year and an area: the counts per matrix cell, row and column, the base-year units no
 * unit continues, the official mover counts, the Sankey geometry (d3-sankey) and the units of a
 * chosen flow.
 */
import { sankey, sankeyLinkHorizontal } from 'd3-sankey';
import { unitIn } from '../../domain/lineage';
import { moveCoverage, officialMoves, type MoveCoverage, type OfficialMove } from '../../domain/official-moves';
import {
  countChanges,
  flowKey,
  TRANSITION_CATEGORIES,
  transitionMatrix,
  type TransitionCategory,
  type UnitTransition,
} from '../../domain/transitions';
import { compareCodes, type Dataset, type Unit, type UnitCode } from '../../domain/types';
import { unitsIn } from '../../domain/unit-state';
import type { Flow } from '../../domain/view';

export type CategoryCounts = Record<TransitionCategory, number>;

export interface TransitionModel {
  baseYear: number;
  year: number;
  /** Every unit of `year` (in the area, if one is chosen) with its move. */
  moves: UnitTransition[];
  /** Units per "from>to" cell, all sixteen cells. */
  cells: Map<string, UnitCode[]>;
  /** Units per base-year category (rows) and per selected-year category (columns). */
  rows: CategoryCounts;
  columns: CategoryCounts;
  total: number;
  /** Units known in both years, and how they moved. */
  knownBoth: number;
  up: number;
  same: number;
  down: number;
  /** Base-year units that no unit of `year` continues (邢台县 in 2020): not in any cell. */
  ended: Unit[];
  official: OfficialMove[];
  coverage: MoveCoverage | null;
}

const emptyCounts = (): CategoryCounts => ({ A: 0, B: 0, C: 0, unknown: 0 });

/**
 * The counts the view shows for `all`, every unit's move from `baseYear` to `year` (as
 * selectTransitions gives them), restricted to one area when `area` is set (units whose
 * prefecture code is the area; official counts of that area rather than of the province).
 */
export function transitionModel(
  dataset: Pick<Dataset, 'units' | 'indicators' | 'totals'>,
  all: ReadonlyMap<UnitCode, UnitTransition>,
  baseYear: number,
  year: number,
  area: string | null,
): TransitionModel {
  const inArea = (code: UnitCode, y: number) =>
    area === null || unitIn(dataset.units, code, y)?.prefectureCode === area;
  const kept = new Map([...all].filter(([code]) => inArea(code, year)));
  const cells = transitionMatrix(kept);
  const rows = emptyCounts();
  const columns = emptyCounts();
  for (const t of kept.values()) {
    rows[t.from] += 1;
    columns[t.to] += 1;
  }
  const changes = countChanges(kept);
  // Continued in the whole province, not only the area: a unit is "ended" only if no unit anywhere continues it.
  const continued = new Set([...all.values()].map((t) => t.baseCode));
  const ended = unitsIn(dataset.units, baseYear).filter(
    (u) => !continued.has(u.code) && (area === null || u.prefectureCode === area),
  );
  const official = officialMoves(dataset, baseYear, year, area ?? 'province');
  const up = changes.up1 + changes.up2;
  const down = changes.down1 + changes.down2;
  return {
    baseYear,
    year,
    moves: [...kept.values()],
    cells,
    rows,
    columns,
    total: kept.size,
    knownBoth: up + down + changes.same,
    up,
    same: changes.same,
    down,
    ended,
    official,
    coverage: moveCoverage(official, cells),
  };
}

/** Units in one cell of the matrix. */
export const cellCount = (model: Pick<TransitionModel, 'cells'>, from: TransitionCategory, to: TransitionCategory) =>
  model.cells.get(flowKey(from, to))?.length ?? 0;

export const sameFlow = (a: Flow | null, from: TransitionCategory, to: TransitionCategory) =>
  a !== null && a.from === from && a.to === to;

/** Whether a band or cell has "unknown" at either end (drawn hatched, and apart from the known block). */
export const touchesUnknown = (from: TransitionCategory, to: TransitionCategory) =>
  from === 'unknown' || to === 'unknown';

export interface SankeyBox {
  side: 'from' | 'to';
  category: TransitionCategory;
  value: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface SankeyBand {
  from: TransitionCategory;
  to: TransitionCategory;
  value: number;
  width: number;
  path: string;
}

export interface SankeyLayout {
  boxes: SankeyBox[];
  bands: SankeyBand[];
}

export const SANKEY_SIZE = { width: 320, height: 230, labelRoom: 78, pad: 6 } as const;

type NodeDatum = { id: string; side: 'from' | 'to'; category: TransitionCategory };
type LinkDatum = { from: TransitionCategory; to: TransitionCategory };

/**
 * Sankey geometry for the matrix cells (all units, or only those known in both years), or null
 * when there is nothing to draw. Nodes keep the order A, B, C, unknown top to bottom on both
 * sides, so the picture reads like the table.
 */
export function layoutSankey(cells: ReadonlyMap<string, readonly UnitCode[]>, knownOnly: boolean): SankeyLayout | null {
  const links: (LinkDatum & { source: string; target: string; value: number })[] = [];
  for (const from of TRANSITION_CATEGORIES) {
    for (const to of TRANSITION_CATEGORIES) {
      if (knownOnly && touchesUnknown(from, to)) continue;
      const value = cells.get(flowKey(from, to))?.length ?? 0;
      if (value > 0) links.push({ from, to, source: `from:${from}`, target: `to:${to}`, value });
    }
  }
  if (links.length === 0) return null;
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  const nodes: NodeDatum[] = (['from', 'to'] as const).flatMap((side) =>
    TRANSITION_CATEGORIES.map((category) => ({ id: `${side}:${category}`, side, category })).filter((n) =>
      used.has(n.id),
    ),
  );
  const { width, height, labelRoom, pad } = SANKEY_SIZE;
  const layout = sankey<NodeDatum, LinkDatum>()
    .nodeId((n) => n.id)
    .nodeWidth(12)
    .nodePadding(14)
    .nodeSort(null)
    .extent([
      [labelRoom, pad],
      [width - labelRoom, height - pad],
    ]);
  // d3-sankey mutates its input, so it gets fresh objects.
  const graph = layout({ nodes: nodes.map((n) => ({ ...n })), links: links.map((l) => ({ ...l })) });
  const linkPath = sankeyLinkHorizontal<NodeDatum, LinkDatum>();
  return {
    boxes: graph.nodes.map((n) => ({
      side: n.side,
      category: n.category,
      value: n.value ?? 0,
      x0: n.x0 ?? 0,
      x1: n.x1 ?? 0,
      y0: n.y0 ?? 0,
      y1: n.y1 ?? 0,
    })),
    bands: graph.links.map((l) => ({
      from: l.from,
      to: l.to,
      value: l.value,
      width: Math.max(l.width ?? 0, 1),
      path: linkPath(l) ?? '',
    })),
  };
}

/** Drawing order of a Sankey band: 0 touches unknown, 1 known move, 2 the selected flow. */
export function bandLayer(band: { from: TransitionCategory; to: TransitionCategory }, flow: Flow | null): number {
  if (sameFlow(flow, band.from, band.to)) return 2;
  return touchesUnknown(band.from, band.to) ? 0 : 1;
}

/**
 * The bands in drawing order. SVG draws later elements on top: bands touching unknown go first,
 * so the known moves (thin, and the point of the chart) stay clickable where bands cross; the
 * selected band goes last.
 */
export const bandsInDrawingOrder = (bands: readonly SankeyBand[], flow: Flow | null): SankeyBand[] =>
  [...bands].sort((a, b) => bandLayer(a, flow) - bandLayer(b, flow));

export interface FlowUnit {
  unit: Unit;
  /** The base-year unit it is compared with, when there is one. */
  base: Unit | undefined;
}

/** The units of a flow, in area then code order, with the base-year unit they are compared with. */
export function flowUnits(units: readonly Unit[], model: TransitionModel, flow: Flow): FlowUnit[] {
  const codes = new Set(model.cells.get(flowKey(flow.from, flow.to)) ?? []);
  return model.moves
    .filter((t) => codes.has(t.code))
    .flatMap((t) => {
      const unit = unitIn(units, t.code, model.year);
      const base = t.baseCode === null ? undefined : unitIn(units, t.baseCode, model.baseYear);
      return unit ? [{ unit, base }] : [];
    })
    .sort(
      (a, b) => compareCodes(a.unit.prefectureCode, b.unit.prefectureCode) || compareCodes(a.unit.code, b.unit.code),
    );
}
