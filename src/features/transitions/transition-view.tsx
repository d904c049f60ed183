/**
 * The transition view: who moved, and where, between a base year and the selected year.
 *
 * - A Sankey (d3-sankey computes the layout; React draws the SVG): base-year categories on the
 *   left, selected-year categories on the right, band width = units. Bands from or to
 *   "unknown" are hatched and pale so the known movement stands out.
 * - A 4 × 4 table of the same counts: the accessible path to every number. The 3 × 3 block of
 *   units known in both years is shaded apart from the "unknown" row and column.
 * - The official mover counts where a source states them, and how many of those movers the
 *   known data accounts for. Nothing is filled in: a count no source states is not shown.
 * - Choosing a band or a cell sets `store.flow` (the map highlights those units; that is the
 *   map's job) and lists the units here.
 *
 * All numbers come from pure functions (transitionModel, layoutSankey) memoised over the
 * store's data, years and area; the JSX only renders them.
 */
import { sankey, sankeyLinkHorizontal } from 'd3-sankey';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { areaNameEn } from '../../domain/areas';
import type { Lang } from '../../domain/lang';
import { unitIn } from '../../domain/lineage';
import {
  knownMovers,
  moveCoverage,
  officialMoves,
  type MoveCoverage,
  type OfficialMove,
} from '../../domain/official-moves';
import { TIER_COLORS, UNKNOWN_GROUND, UNKNOWN_STRIPE } from '../../domain/palette';
import {
  countChanges,
  flowKey,
  TRANSITION_CATEGORIES,
  transitionMatrix,
  transitions,
  type TransitionCategory,
  type UnitTransition,
} from '../../domain/transitions';
import { FIRST_YEAR, YEARS, type Dataset, type Source, type Unit, type UnitCode } from '../../domain/types';
import { unitsIn, type UnitState } from '../../domain/unit-state';
import { selectStatesIn } from '../../store/selectors';
import type { Flow } from '../../store/store';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import type { MessageKey } from '../../i18n/i18n';
import { usePanelYear } from '../../components/use-panel-year';
import { useT } from '../../i18n/use-t';
import './transition-view.css';

type Translate = ReturnType<typeof useT>;
type CategoryCounts = Record<TransitionCategory, number>;

// ---------------------------------------------------------------------------------------------
// Pure model

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
 * The counts the view shows for `baseYear` → `year`, restricted to one area when `area` is set
 * (units whose prefecture code is the area; official counts of that area rather than of the
 * province).
 */
export function transitionModel(
  dataset: Pick<Dataset, 'units' | 'indicators' | 'totals'>,
  baseStates: ReadonlyMap<UnitCode, UnitState>,
  states: ReadonlyMap<UnitCode, UnitState>,
  baseYear: number,
  year: number,
  area: string | null,
): TransitionModel {
  const all = transitions(dataset.units, { year: baseYear, states: baseStates }, { year, states });
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

export const SANKEY_SIZE = { width: 320, height: 230, labelRoom: 78, pad: 6 } as const;

type NodeDatum = { id: string; side: 'from' | 'to'; category: TransitionCategory };
type LinkDatum = { from: TransitionCategory; to: TransitionCategory };

/**
 * Sankey geometry for the matrix cells (all units, or only those known in both years), or null
 * when there is nothing to draw. Nodes keep the order A, B, C, unknown top to bottom on both
 * sides, so the picture reads like the table.
 */
export function layoutSankey(
  cells: ReadonlyMap<string, readonly UnitCode[]>,
  knownOnly: boolean,
): { boxes: SankeyBox[]; bands: SankeyBand[] } | null {
  const links: (LinkDatum & { source: string; target: string; value: number })[] = [];
  for (const from of TRANSITION_CATEGORIES) {
    for (const to of TRANSITION_CATEGORIES) {
      if (knownOnly && (from === 'unknown' || to === 'unknown')) continue;
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

/** The units of a flow, in area then code order, with the base-year unit they are compared with. */
export function flowUnits(
  units: readonly Unit[],
  model: TransitionModel,
  flow: Flow,
): { unit: Unit; base: Unit | undefined }[] {
  const codes = new Set(model.cells.get(flowKey(flow.from, flow.to)) ?? []);
  return model.moves
    .filter((t) => codes.has(t.code))
    .flatMap((t) => {
      const unit = unitIn(units, t.code, model.year);
      const base = t.baseCode === null ? undefined : unitIn(units, t.baseCode, model.baseYear);
      return unit ? [{ unit, base }] : [];
    })
    .sort(
      (a, b) => a.unit.prefectureCode.localeCompare(b.unit.prefectureCode) || a.unit.code.localeCompare(b.unit.code),
    );
}

// ---------------------------------------------------------------------------------------------
// Rendering helpers

const CATEGORY_KEY: Record<TransitionCategory, MessageKey> = {
  A: 'tv:A',
  B: 'tv:B',
  C: 'tv:C',
  unknown: 'tv:unknown',
};

/** Drawing order of a Sankey band: 0 touches unknown, 1 known move, 2 the selected flow. */
function bandLayer(band: { from: TransitionCategory; to: TransitionCategory }, flow: Flow | null): number {
  if (sameFlow(flow, band.from, band.to)) return 2;
  return band.from === 'unknown' || band.to === 'unknown' ? 0 : 1;
}

function flowLabel(tr: Translate, from: TransitionCategory, to: TransitionCategory, n: number): string {
  const names = { from: tr(CATEGORY_KEY[from]), to: tr(CATEGORY_KEY[to]) };
  return n === 1 ? tr('tvFlowOne', names) : tr('tvFlow', { ...names, n });
}

function countsText(tr: Translate, counts: CategoryCounts): string {
  return tr('tvCounts', { a: counts.A, b: counts.B, c: counts.C, u: counts.unknown });
}

function officialText(tr: Translate, move: OfficialMove): string {
  if (move.kind === 'up') return tr('tvOfficialUp', { n: move.count });
  if (move.kind === 'down') return tr('tvOfficialDown', { n: move.count });
  const only = move.moves[0];
  if (!only) return '';
  return tr('tvOfficialFlow', { from: tr(CATEGORY_KEY[only.from]), to: tr(CATEGORY_KEY[only.to]), n: move.count });
}

function unitLabel(unit: Unit, lang: Lang): string {
  return lang === 'zh' ? unit.nameZh : `${unit.nameEn} ${unit.nameZh}`;
}

function areaLabel(unit: Unit, lang: Lang): string {
  return lang === 'zh' ? unit.prefectureZh : (areaNameEn(unit.prefectureCode) ?? unit.prefectureZh);
}

const sameFlow = (a: Flow | null, from: TransitionCategory, to: TransitionCategory) =>
  a !== null && a.from === from && a.to === to;

/** Paint of a node or band: the tier colour, or the unknown hatch. */
const fillOf = (category: TransitionCategory, hatchId: string) =>
  category === 'unknown' ? `url(#${hatchId})` : TIER_COLORS[category];

// ---------------------------------------------------------------------------------------------
// Components

export function TransitionView() {
  const tr = useT();
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.lang);
  const data = useAppStore((s) => s.data);
  const year = usePanelYear();
  const base = useAppStore((s) => s.base);
  const pref = useAppStore((s) => s.pref);
  const flow = useAppStore((s) => s.flow);
  const baseYear = base ?? year - 1;
  const states = useAppStore((s) => selectStatesIn(s, year));
  const baseStates = useAppStore((s) => (year > FIRST_YEAR ? selectStatesIn(s, baseYear) : null));
  const [knownOnly, setKnownOnly] = useState(false);
  const ids = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const headingId = `tv-heading-${ids}`;
  const baseSelectId = `tv-base-${ids}`;

  const dataset = data.status === 'ready' ? data.dataset : null;
  const model = useMemo(
    () => (dataset && states && baseStates ? transitionModel(dataset, baseStates, states, baseYear, year, pref) : null),
    [dataset, states, baseStates, baseYear, year, pref],
  );
  const picture = useMemo(() => (model ? layoutSankey(model.cells, knownOnly) : null), [model, knownOnly]);
  const selectedUnits = useMemo(
    () => (dataset && model && flow ? flowUnits(dataset.units, model, flow) : []),
    [dataset, model, flow],
  );
  const areaUnit = useMemo(
    () => (dataset && pref ? dataset.units.find((u) => u.prefectureCode === pref) : undefined),
    [dataset, pref],
  );

  if (!dataset) return null;

  if (year === FIRST_YEAR) {
    return (
      <section className="transition-view" aria-labelledby={headingId}>
        <h2 id={headingId}>{tr('tvTitleFirst', { year })}</h2>
        <p className="tv-muted">{tr('tvFirstYear', { year })}</p>
      </section>
    );
  }
  if (!model) return null;

  const area = areaUnit ? areaLabel(areaUnit, lang) : null;
  const toggle = (from: TransitionCategory, to: TransitionCategory) =>
    store.getState().setFlow(sameFlow(flow, from, to) ? null : { from, to });
  const baseOptions = YEARS.filter((y) => y < year);

  return (
    <section className="transition-view" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {area ? tr('tvTitleArea', { base: baseYear, year, area }) : tr('tvTitle', { base: baseYear, year })}
      </h2>
      <div className="tv-controls">
        <label htmlFor={baseSelectId}>{tr('tvBaseYear')}</label>
        <select
          id={baseSelectId}
          value={baseYear}
          onChange={(e) => {
            const chosen = Number(e.target.value);
            // The default (the year before) is stored as null, so links stay short.
            store.getState().setBase(chosen === year - 1 ? null : (baseOptions.find((y) => y === chosen) ?? null));
          }}
        >
          {baseOptions.map((y) => (
            <option key={y} value={y}>
              {tr('tvYearOption', { year: y })}
            </option>
          ))}
        </select>
        <label className="tv-known-only">
          <input type="checkbox" checked={knownOnly} onChange={(e) => setKnownOnly(e.target.checked)} />
          {tr('tvKnownOnly')}
        </label>
      </div>
      {area && <p className="tv-muted">{tr('tvAreaNote', { area })}</p>}

      <SankeyPicture model={model} picture={picture} flow={flow} knownOnly={knownOnly} onToggle={toggle} />

      <TransitionMatrix model={model} flow={flow} onToggle={toggle} />
      {model.ended.length > 0 && (
        <p className="tv-muted">
          {tr('tvEnded', {
            names: model.ended.map((u) => unitLabel(u, lang)).join(lang === 'zh' ? '、' : ', '),
            base: baseYear,
            year,
          })}
        </p>
      )}

      <OfficialCounts model={model} sources={dataset.sources} />

      {flow && <FlowList model={model} flow={flow} units={selectedUnits} />}
    </section>
  );
}

function SankeyPicture(props: {
  model: TransitionModel;
  picture: ReturnType<typeof layoutSankey>;
  flow: Flow | null;
  knownOnly: boolean;
  onToggle: (from: TransitionCategory, to: TransitionCategory) => void;
}) {
  const { model, picture, flow, knownOnly, onToggle } = props;
  const tr = useT();
  const ids = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const hatchId = `tv-hatch-${ids}`;
  const bandHatchId = `tv-band-hatch-${ids}`;
  const labelId = `tv-sankey-label-${ids}`;
  const summaryId = `tv-sankey-summary-${ids}`;
  const { width, height } = SANKEY_SIZE;

  if (!picture) return <p className="tv-muted">{tr('tvNoKnownBoth')}</p>;

  const onKey = (e: KeyboardEvent, from: TransitionCategory, to: TransitionCategory) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onToggle(from, to);
    }
  };
  const summary = tr('tvSummary', {
    total: model.total,
    known: model.knownBoth,
    up: model.up,
    same: model.same,
    down: model.down,
    base: model.baseYear,
    year: model.year,
    baseCounts: countsText(tr, model.rows),
    yearCounts: countsText(tr, model.columns),
  });

  return (
    <div className="tv-figure">
      {/* The picture is one image (role img, named by the summary); the bands are buttons beside
          it rather than inside it, because an image's children are hidden from screen readers. */}
      <svg
        className={`tv-sankey${flow ? ' has-selection' : ''}`}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-labelledby={labelId}
      >
        <title id={labelId}>{tr('tvSankeyLabel', { base: model.baseYear, year: model.year })}</title>
        <defs>
          <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={UNKNOWN_GROUND} />
            <line x1="0" y1="0" x2="0" y2="6" stroke={UNKNOWN_STRIPE} strokeWidth="2" />
          </pattern>
          <pattern id={bandHatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={UNKNOWN_GROUND} />
            <line x1="0" y1="0" x2="0" y2="6" stroke={UNKNOWN_STRIPE} strokeWidth="1.2" />
          </pattern>
        </defs>
        <g role="img" aria-labelledby={summaryId}>
          {picture.boxes.map((box) => (
            <g key={`${box.side}:${box.category}`} className="tv-node">
              <rect
                x={box.x0}
                y={box.y0}
                width={box.x1 - box.x0}
                height={Math.max(box.y1 - box.y0, 1)}
                fill={fillOf(box.category, hatchId)}
                stroke={box.category === 'unknown' ? UNKNOWN_STRIPE : 'none'}
              />
              <text
                x={box.side === 'from' ? box.x0 - 4 : box.x1 + 4}
                y={(box.y0 + box.y1) / 2}
                dy="0.35em"
                textAnchor={box.side === 'from' ? 'end' : 'start'}
              >
                {`${tr(CATEGORY_KEY[box.category])} ${box.value}`}
              </text>
            </g>
          ))}
          <text className="tv-axis" x={2} y={height - 1}>
            {model.baseYear}
          </text>
          <text className="tv-axis" x={width - 2} y={height - 1} textAnchor="end">
            {model.year}
          </text>
        </g>
        <g className="tv-bands">
          {/* SVG draws later elements on top: bands touching unknown go first, so the known moves
              (thin, and the point of the chart) stay clickable where bands cross; the selected
              band goes last. */}
          {[...picture.bands]
            .sort((a, b) => bandLayer(a, flow) - bandLayer(b, flow))
            .map((band) => {
              const selected = sameFlow(flow, band.from, band.to);
              const faint = band.from === 'unknown' || band.to === 'unknown';
              const stroke =
                band.from === 'unknown' || band.to === 'unknown' ? `url(#${bandHatchId})` : TIER_COLORS[band.from];
              const label = flowLabel(tr, band.from, band.to, band.value);
              return (
                <g
                  key={flowKey(band.from, band.to)}
                  className={`tv-link${faint ? ' is-unknown' : ''}${selected ? ' is-selected' : ''}`}
                  tabIndex={0}
                  role="button"
                  aria-label={label}
                  aria-pressed={selected}
                  onClick={() => onToggle(band.from, band.to)}
                  onKeyDown={(e) => onKey(e, band.from, band.to)}
                >
                  <title>{label}</title>
                  <path className="tv-link-ring" d={band.path} strokeWidth={band.width + 5} />
                  <path className="tv-link-band" d={band.path} strokeWidth={band.width} stroke={stroke} />
                  <path className="tv-link-hit" d={band.path} strokeWidth={Math.max(band.width, 10)} />
                </g>
              );
            })}
        </g>
      </svg>
      {knownOnly && <p className="tv-muted">{tr('tvKnownOnlyNote', { n: model.knownBoth })}</p>}
      {/* Screen readers get the summary as the image's name; read again here it would only repeat. */}
      <p id={summaryId} className="tv-summary" aria-hidden="true">
        {summary}
      </p>
    </div>
  );
}

function TransitionMatrix(props: {
  model: TransitionModel;
  flow: Flow | null;
  onToggle: (from: TransitionCategory, to: TransitionCategory) => void;
}) {
  const { model, flow, onToggle } = props;
  const tr = useT();
  const known = (c: TransitionCategory) => c !== 'unknown';
  return (
    <>
      <table className="tv-matrix">
        <caption>{tr('tvMatrixCaption', { base: model.baseYear, year: model.year })}</caption>
        <thead>
          <tr>
            <td className="tv-corner">{tr('tvCorner', { base: model.baseYear, year: model.year })}</td>
            {TRANSITION_CATEGORIES.map((to) => (
              <th key={to} scope="col" className={known(to) ? undefined : 'tv-unknown'}>
                {tr(CATEGORY_KEY[to])}
              </th>
            ))}
            <th scope="col" className="tv-total">
              {tr('tvTotal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {TRANSITION_CATEGORIES.map((from) => (
            <tr key={from}>
              <th scope="row" className={known(from) ? undefined : 'tv-unknown'}>
                {tr(CATEGORY_KEY[from])}
              </th>
              {TRANSITION_CATEGORIES.map((to) => {
                const n = model.cells.get(flowKey(from, to))?.length ?? 0;
                const selected = sameFlow(flow, from, to);
                const block = known(from) && known(to) ? 'tv-known' : 'tv-unknown';
                return (
                  <td key={to} className={`${block}${selected ? ' is-selected' : ''}`}>
                    {n > 0 || selected ? (
                      <button
                        type="button"
                        aria-pressed={selected}
                        aria-label={flowLabel(tr, from, to, n)}
                        onClick={() => onToggle(from, to)}
                      >
                        {n}
                      </button>
                    ) : (
                      <span className="tv-zero">{n}</span>
                    )}
                  </td>
                );
              })}
              <td className="tv-total">{model.rows[from]}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="tv-total">
              {tr('tvTotal')}
            </th>
            {TRANSITION_CATEGORIES.map((to) => (
              <td key={to} className="tv-total">
                {model.columns[to]}
              </td>
            ))}
            <td className="tv-total">{model.total}</td>
          </tr>
        </tfoot>
      </table>
      <p className="tv-muted">{tr('tvMatrixNote')}</p>
    </>
  );
}

function OfficialCounts(props: { model: TransitionModel; sources: readonly Source[] }) {
  const { model, sources } = props;
  const tr = useT();
  const { official, coverage } = model;
  if (official.length === 0) {
    return (
      <p className="tv-muted">
        {model.baseYear === model.year - 1
          ? tr('tvNoOfficial', { base: model.baseYear, year: model.year })
          : tr('tvNoOfficialPair', { base: model.baseYear, year: model.year })}
      </p>
    );
  }
  // Each statement names its source ids; the titles are listed once below, since several
  // statements usually share their sources.
  const cited = [...new Set(official.flatMap((m) => m.sourceIds))].map(
    (id) => sources.find((s) => s.sourceId === id) ?? { sourceId: id, title: '', url: '' },
  );
  return (
    <div className="tv-official">
      <h3>{tr('tvOfficialTitle')}</h3>
      <ul>
        {official.map((move) => (
          <li key={`${move.origin}:${move.sourceIds.join(';')}`}>
            <span className="tv-official-count">{officialText(tr, move)}</span>
            {' — '}
            <span className="tv-official-known">{tr('tvKnownHere', { n: knownMovers(move, model.cells) })}</span>
            <span className="tv-source-ids"> ({move.sourceIds.join(', ')})</span>
          </li>
        ))}
      </ul>
      {coverage && (
        <p className="tv-coverage">{tr('tvCoverage', { known: coverage.known, official: coverage.official })}</p>
      )}
      <p className="tv-sources">
        {tr('tvSources')}{' '}
        {cited.map((source, i) => (
          <span key={source.sourceId}>
            {i > 0 && '; '}
            {source.url ? (
              <a href={source.url} target="_blank" rel="noopener noreferrer">
                {source.sourceId}
              </a>
            ) : (
              source.sourceId
            )}
            {source.title && <> {source.title}</>}
          </span>
        ))}
      </p>
    </div>
  );
}

function FlowList(props: { model: TransitionModel; flow: Flow; units: { unit: Unit; base: Unit | undefined }[] }) {
  const { model, flow, units } = props;
  const tr = useT();
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.lang);
  const ids = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const titleId = `tv-flow-${ids}`;
  const names = {
    from: tr(CATEGORY_KEY[flow.from]),
    to: tr(CATEGORY_KEY[flow.to]),
    base: model.baseYear,
    year: model.year,
  };
  return (
    <section className="tv-flow" aria-labelledby={titleId}>
      <div className="tv-flow-head">
        <h3 id={titleId}>
          {units.length === 1 ? tr('tvSelectedOne', names) : tr('tvSelected', { ...names, n: units.length })}
        </h3>
        <button type="button" className="tv-clear" onClick={() => store.getState().setFlow(null)}>
          {tr('tvClear')}
        </button>
      </div>
      {units.length === 0 ? (
        <p className="tv-muted">{tr('tvSelectedEmpty')}</p>
      ) : (
        <>
          <p className="tv-muted">{tr('tvSelectedHint')}</p>
          <ul>
            {units.map(({ unit, base }) => {
              // Say what the unit was called in the base year when that differs (任泽区 ← 任县).
              const was =
                base && base.nameZh !== unit.nameZh
                  ? tr('tvWas', { year: model.baseYear, name: unitLabel(base, lang) })
                  : null;
              return (
                <li key={unit.code}>
                  <button type="button" onClick={() => store.getState().select(unit.code, { fly: true })}>
                    <span className="tv-unit-name">{unitLabel(unit, lang)}</span>
                    <span className="tv-unit-area">{areaLabel(unit, lang)}</span>
                    {was && <span className="tv-unit-was">{was}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
