/**
 * What the figure of the current view says and draws, from the store's state: the default title
 * and subtitle (they describe the view: year or change, flow, area, selection, highlight), the
 * legend (the legend model's entries and counts, with entries naming what is outlined or faded
 * first), the notes, the unit names to place and the map's frame. No DOM: the screen's map size
 * is passed in, so this is tested in Vitest with the real dataset.
 */
import {
  A4_LANDSCAPE,
  type FigurePanel,
  type FigureLegendItem,
  type FigureSpec,
} from '../../domain/figure/figure-layout';
import type { LabelCandidate } from '../../domain/figure/figure-labels';
import { unitsBox } from '../../domain/figure/map-svg';
import { labelName } from '../../domain/figure/names';
import type { Lang } from '../../domain/lang';
import {
  labelParamsOf,
  legendItems,
  type FlagLabel,
  type LegendFlags,
  type LegendItem,
} from '../../domain/legend-flags';
import { countDrawKeys, countImported, legendModel, type LegendEntry } from '../../domain/legend-model';
import { unitIn } from '../../domain/lineage';
import { worldBoxOfView } from '../../domain/mercator';
import { areaLabel } from '../../domain/summary-rows';
import type { TransitionCategory } from '../../domain/transitions';
import { FIRST_YEAR, TIERS, officialTotal, vintageOf, type UnitCode } from '../../domain/types';
import type { ComposedFigure, FigureSize, FigureSource, FigureTexts } from '../../components/figure-source';
import { countStates, unitsIn } from '../../domain/unit-state';
import { t, type MessageKey } from '../../i18n/i18n';
import { baseYearOf, selectDrawStates, selectEmphasis, selectFlowCodes, selectYearStates } from '../../store/selectors';
import type { AppState } from '../../store/store';
import { exportLegendText, type Translate } from './export-legend';
import './on-demand-messages';

/** Below this width a figure's texts would not fit: a narrower screen map is drawn this wide. */
export const MIN_FIGURE_WIDTH = 360;
/** More "always" names than this (a legend entry of 50 units) are placed as the others are: where they fit. */
const MAX_ALWAYS = 24;

/** The texts the user typed, per figure kind (FigureSource.id), while the page lives. */
export const keptTexts = new Map<string, Partial<FigureTexts>>();

export interface FigureOptions {
  size: FigureSize;
  /** The on-screen map's CSS size (the camera's frame), or null when unknown. */
  screen: { width: number; height: number } | null;
  /** The user's texts; the defaults describe the view. */
  texts?: Partial<FigureTexts>;
}

const trOf =
  (lang: Lang): Translate =>
  (key, params) =>
    t(lang, key, params);

const categoryName = (tr: Translate, c: TransitionCategory) => tr(`tv:${c}` as MessageKey);

/**
 * The legend of the view (counts in the view's scope: the area when filtered): the legend
 * model's entries, after the entries of `flags` when given (legendItems).
 */
function viewLegend(
  state: AppState,
  flags: LegendFlags | null,
): { entries: LegendItem[]; known: number; total: number } | null {
  if (state.data.status !== 'ready') return null;
  const { dataset } = state.data;
  const { year, pref, mode } = state;
  const all = selectYearStates(state);
  const draw = selectDrawStates(state);
  if (!all || !draw) return null;
  const areaCodes = new Set(
    unitsIn(dataset.units, year)
      .filter((u) => u.prefectureCode === pref)
      .map((u) => u.code),
  );
  const inArea = <V>(map: ReadonlyMap<UnitCode, V>) =>
    pref === null ? map : new Map([...map].filter(([code]) => areaCodes.has(code)));
  const counts = countStates(inArea(all));
  const total = officialTotal(dataset.totals, year, pref ?? 'province');
  const known = TIERS.reduce((n, tier) => n + counts.stated[tier] + counts.derived[tier], 0);
  const view = { mode, year, base: baseYearOf(state) };
  const legendCounts = {
    states: counts,
    total,
    drawKeys: countDrawKeys(inArea(draw)),
    imported: countImported(inArea(all)),
  };
  const entries = flags ? legendItems({ ...view, flags }, legendCounts) : legendModel(view, legendCounts);
  return { entries, known, total: counts.total };
}

/** An entry's words in the figure: label and count; "not comparable" with its three parts. */
export function entryText(tr: Translate, entry: LegendEntry): string {
  if (entry.kind !== 'draw') return exportLegendText(tr, entry);
  const text = tr('figLegendCount', { label: tr(entry.labelKey, entry.labelParams), n: entry.counts.known });
  if (!entry.parts) return text;
  const parts = entry.parts.map((p) => tr(p.key, { ...entry.labelParams, n: p.n })).join(tr('legendPartsJoin'));
  return tr('figLegendParts', { text, parts });
}

/** The message of each flag entry's label. */
const FLAG_MESSAGES: Record<FlagLabel, MessageKey> = {
  flow: 'figLegendFlow',
  'flow-one': 'figLegendFlowOne',
  'faded-flow': 'figLegendFadedFlow',
  'faded-area': 'figLegendFadedArea',
  'faded-highlight': 'figLegendFadedHighlight',
  selected: 'figLegendSelected',
};

/** A legend item's words: a flag entry's message (its label parameters worded), or entryText. */
function itemText(tr: Translate, item: LegendItem): string {
  return item.kind === 'flag' ? tr(FLAG_MESSAGES[item.labelKey], labelParamsOf(item, tr)) : entryText(tr, item);
}

/** The name of a unit of the year in the language, or its code. */
function nameOf(state: AppState, code: UnitCode): string {
  if (state.data.status !== 'ready') return code;
  const unit = unitIn(state.data.dataset.units, code, state.year);
  return unit ? labelName(unit, state.lang) : code;
}

/** The default title and subtitle of the view. */
export function figureDefaults(state: AppState): FigureTexts {
  const tr = trOf(state.lang);
  const { year, mode, pref, flow } = state;
  const base = baseYearOf(state);
  const area = pref !== null && state.data.status === 'ready' ? areaLabel(state.data.dataset, pref, state.lang) : null;
  let title: string;
  let subtitle: string;
  const flowCodes = flow ? selectFlowCodes(state) : null;
  if (flow && flowCodes) {
    const params = {
      base,
      year,
      from: categoryName(tr, flow.from),
      to: categoryName(tr, flow.to),
      n: flowCodes.size,
    };
    title = tr(flowCodes.size === 1 ? 'figTitleFlowOne' : 'figTitleFlow', params);
    subtitle = tr('figSubFlow', params);
  } else if (mode === 'change') {
    title = tr('figTitleChange', { base, year });
    subtitle = tr('figSubChange', { base, year });
  } else if (mode === 'trajectory') {
    title = tr('figTitleTraj', { year });
    subtitle = tr('figSubTraj');
  } else {
    title = tr('figTitleTier', { year });
    subtitle = tr('figSubTier', { year });
  }
  if (area) title = tr('figTitleArea', { title, area });
  if (state.highlight !== null) {
    const entry = viewLegend(state, null)?.entries.find(
      (e): e is LegendEntry => e.kind !== 'flag' && e.key === state.highlight,
    );
    if (entry) subtitle = tr('figSubHighlight', { text: subtitle, entry: tr(entry.labelKey, entry.labelParams) });
  }
  if (state.selected !== null) subtitle = tr('figSubSelected', { text: subtitle, name: nameOf(state, state.selected) });
  return { title, subtitle };
}

/** The figure of the current view; null until the data is in. */
export function composeFigure(state: AppState, options: FigureOptions): ComposedFigure | null {
  if (state.data.status !== 'ready') return null;
  const { dataset, geometry } = state.data;
  const tr = trOf(state.lang);
  const { year, mode, pref, lang } = state;
  const base = baseYearOf(state);
  const draw = selectDrawStates(state);
  if (!draw) return null;
  const flowCodes = selectFlowCodes(state);
  const area = pref !== null ? areaLabel(dataset, pref, lang) : null;
  const legend = viewLegend(state, {
    flow: state.flow && flowCodes ? { from: state.flow.from, to: state.flow.to, n: flowCodes.size } : null,
    area,
    highlight: state.highlight,
    selected: state.selected !== null && draw.has(state.selected) ? nameOf(state, state.selected) : null,
  });
  if (!legend) return null;
  const emphasis = selectEmphasis(state, draw);
  // File names stay ASCII: the area's English name.
  const fileArea = pref !== null ? areaLabel(dataset, pref, 'en') : null;
  const defaults = figureDefaults(state);

  // The frame: the camera on screen (as much of it as the figure's shape shows), or the fit of
  // the province or the filtered area when the map has not reported a camera.
  const areaCodes =
    pref === null
      ? undefined
      : unitsIn(dataset.units, year)
          .filter((u) => u.prefectureCode === pref)
          .map((u) => u.code);
  const fitBox = unitsBox(geometry, year, areaCodes) ?? unitsBox(geometry, year);
  const camera = state.view && options.screen ? worldBoxOfView(state.view, options.screen) : null;
  const frame = camera ?? fitBox;
  if (!frame) return null;

  // Names: the flow's, the selected unit's and the highlighted entry's always; the others where they fit.
  const points = geometry.labels[vintageOf(year)];
  const lit = [...draw.keys()].filter((code) => state.highlight !== null && !emphasis.get(code)?.unlit);
  const always = new Set<UnitCode>([
    ...(flowCodes ?? []),
    ...(state.selected !== null ? [state.selected] : []),
    ...(lit.length <= MAX_ALWAYS ? lit : []),
  ]);
  const labels: LabelCandidate[] = [];
  for (const code of draw.keys()) {
    const at = points.get(code);
    const e = emphasis.get(code);
    const isAlways = always.has(code);
    if (!at || (!isAlways && (e?.muted || e?.unlit))) continue;
    labels.push({ code, text: nameOf(state, code), at, always: isAlways });
  }

  // The legend: what is outlined or faded first, then the mode's entries with their counts.
  const items: FigureLegendItem[] = legend.entries.map((item) => ({
    look: item.look,
    mark: item.outline,
    text: itemText(tr, item),
  }));

  const notes = [
    tr('coverage', { year, known: legend.known, total: legend.total }),
    mode === 'change' ? tr('figNoteYears', { base, year }) : tr('figNoteYear', { year }),
    ...(mode === 'change' ? [tr(year === FIRST_YEAR ? 'changeFirstYear' : 'changeNote')] : []),
    ...(mode === 'trajectory' ? [tr('trajOpen')] : []),
    tr('exportSource'),
  ];

  const title = options.texts?.title ?? defaults.title;
  const subtitle = options.texts?.subtitle ?? defaults.subtitle;
  const panel: FigurePanel = {
    map: {
      geometry,
      year,
      draw,
      emphasis,
      selected: state.selected !== null ? [state.selected] : [],
    },
    frame,
    padding: camera ? 0 : 16,
    labels,
  };
  const screen = options.screen ?? { width: 800, height: 600 };
  const width = options.size === 'a4' ? A4_LANDSCAPE.width : Math.max(MIN_FIGURE_WIDTH, Math.round(screen.width));
  const spec: FigureSpec = {
    title,
    subtitle,
    panels: [panel],
    columns: 1,
    legend: items,
    notes,
    leftOutNote: (n) => tr('figNoteLeftOut', { n }),
    desc: tr('figDesc', { title, subtitle }),
    lang: lang === 'zh' ? 'zh-Hans' : 'en',
    width,
    size: options.size === 'a4' ? { height: A4_LANDSCAPE.height } : { mapHeight: Math.round(screen.height) },
  };
  return { spec, span: mode === 'change' || state.flow ? `${base}-${year}` : String(year), area: fileArea, defaults };
}

/** The figure of the current view, for the figure dialog: as on screen or A4 landscape. */
export const viewFigure: FigureSource = {
  id: 'view',
  heading: 'figureDialogTitle',
  sizes: ['screen', 'a4'],
  note: () => null,
  compose: (state, { size, texts, screen }) => composeFigure(state, { size, texts, screen }),
};
