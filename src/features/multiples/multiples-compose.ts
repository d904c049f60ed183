/**
 * The small multiples: the five evaluations 2019–2023 as five map panels of one figure, each
 * titled with its year and its counts (known in each tier / the official total), with one
 * legend. They always show tiers, whatever the map's mode: a change or a first year in A
 * compares years, which a panel of one year cannot show (the dialog says so). 2019–2020 are drawn
 * with the 2019 boundaries and 2021–2023 with the 2021 ones (map-svg picks them by year).
 *
 * For the files: A4 landscape, five panels in a row. For reading in the app: as wide as the
 * dialog, five, three or two panels in a row (two on a phone).
 */
import {
  A4_LANDSCAPE,
  type FigureLegendItem,
  type FigurePanel,
  type FigureSpec,
} from '../../domain/figure/figure-layout';
import { unitsBox } from '../../domain/figure/map-svg';
import { labelParamsOf, legendItems } from '../../domain/legend-flags';
import { countImported } from '../../domain/legend-model';
import { areaLabel } from '../../domain/summary-rows';
import type { Box } from '../../domain/topology-paths';
import {
  FIRST_YEAR,
  TIERS,
  YEARS,
  officialTotal,
  type Tier,
  type Total,
  type UnitCode,
  type Year,
} from '../../domain/types';
import { countStates, unitsIn, type UnitState } from '../../domain/unit-state';
import { t } from '../../i18n/i18n';
import { selectDrawStatesByYear, selectEmphasis, selectStatesIn } from '../../store/selectors';
import type { AppState } from '../../store/store';
import type { ComposedFigure, FigureRequest, FigureSource } from '../../components/figure-source';
import './on-demand-messages';

const PAD = 16;
const GAP = 12;

/** Panels per row for reading in the app at a width (CSS px). */
export function viewColumns(width: number): number {
  if (width >= 900) return 5;
  return width >= 560 ? 3 : 2;
}

function officialText(lang: AppState['lang'], total: Total | null, tier: Tier): string {
  const exact = total?.counts[tier] ?? null;
  if (exact !== null) return String(exact);
  const min = total?.minimums[tier] ?? null;
  return min !== null ? t(lang, 'mulOfficialMin', { n: min }) : t(lang, 'mulOfficialNone');
}

/** "A 50/66 · B 16/73 · C 0/28; 66 of 167 known" for a year's states in the scope. */
export function panelCounts(
  lang: AppState['lang'],
  states: ReadonlyMap<UnitCode, UnitState>,
  total: Total | null,
): string {
  const counts = countStates(states);
  const tiers = TIERS.map(
    (tier) => `${tier} ${counts.stated[tier] + counts.derived[tier]}/${officialText(lang, total, tier)}`,
  ).join(' · ');
  const known = TIERS.reduce((n, tier) => n + counts.stated[tier] + counts.derived[tier], 0);
  return t(lang, 'mulPanelCounts', { tiers, known, total: counts.total });
}

export function composeMultiples(
  state: AppState,
  request: Pick<FigureRequest, 'texts' | 'viewWidth' | 'forFile'>,
): ComposedFigure | null {
  if (state.data.status !== 'ready') return null;
  const { dataset, geometry } = state.data;
  const { lang, pref } = state;
  const tr = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t(lang, key, params);
  const tierState: AppState = { ...state, mode: 'tier', flow: null, highlight: null, selected: null };
  const byYear = selectDrawStatesByYear(tierState);
  if (!byYear) return null;
  const area = pref !== null ? areaLabel(dataset, pref, lang) : null;

  let imported = 0;
  const panels: FigurePanel[] = [];
  for (const year of YEARS) {
    const draw = byYear.get(year);
    const all = selectStatesIn(state, year);
    if (!draw || !all) continue;
    const areaCodes = unitsIn(dataset.units, year)
      .filter((u) => pref === null || u.prefectureCode === pref)
      .map((u) => u.code);
    const inArea = new Set(areaCodes);
    const states = pref === null ? all : new Map([...all].filter(([code]) => inArea.has(code)));
    imported += countImported(states);
    const total = officialTotal(dataset.totals, year, pref ?? 'province');
    const frame: Box | null = unitsBox(geometry, year, pref === null ? undefined : areaCodes);
    if (!frame) continue;
    panels.push({
      map: { geometry, year: year as Year, draw, emphasis: selectEmphasis({ ...tierState, year }, draw) },
      frame,
      padding: 4,
      title: String(year),
      note: panelCounts(lang, states, total),
      labels: [],
    });
  }

  // The tier legend without counts (each panel says its own), the faded area, the imported facts.
  const items = legendItems(
    {
      mode: 'tier',
      year: YEARS[YEARS.length - 1] ?? FIRST_YEAR,
      base: FIRST_YEAR,
      flags: { flow: null, area, highlight: null, selected: null },
    },
    { states: countStates(new Map()), total: null, drawKeys: new Map(), imported },
  );
  const legend: FigureLegendItem[] = [
    ...items.filter((e) => e.kind !== 'flag' && e.kind !== 'imported'),
    ...items.filter((e) => e.kind === 'flag'),
    ...items.filter((e) => e.kind === 'imported'),
  ].map((item) => ({
    look: item.look,
    mark: item.outline,
    // The only flag entry the multiples' flags give is the faded area.
    text:
      item.kind === 'flag' ? tr('figLegendFadedArea', labelParamsOf(item, tr)) : tr(item.labelKey, item.labelParams),
  }));

  let title = tr('mulTitle');
  if (area) title = tr('figTitleArea', { title, area });
  const defaults = { title, subtitle: tr('mulSubtitle') };
  const finalTitle = request.texts.title ?? defaults.title;
  const subtitle = request.texts.subtitle ?? defaults.subtitle;

  // For the files, A4 landscape with five in a row; in the app, the dialog's width.
  const width = request.forFile ? A4_LANDSCAPE.width : Math.max(320, Math.round(request.viewWidth));
  const columns = request.forFile ? 5 : viewColumns(width);
  const panelWidth = (width - 2 * PAD - (columns - 1) * GAP) / columns;
  // In the app each panel is as tall as the province's shape at its width.
  const box = panels[0]?.frame;
  const aspect = box ? (box[3] - box[1]) / Math.max(box[2] - box[0], 1e-9) : 1.3;
  const spec: FigureSpec = {
    title: finalTitle,
    subtitle,
    panels,
    columns,
    legend,
    notes: [tr('mulCountsNote'), tr('mulYears'), tr('exportSource')],
    desc: tr('mulDesc', { title: finalTitle }),
    lang: lang === 'zh' ? 'zh-Hans' : 'en',
    width,
    size: request.forFile ? { height: A4_LANDSCAPE.height } : { mapHeight: Math.round(panelWidth * aspect) },
  };
  const fileArea = pref !== null ? areaLabel(dataset, pref, 'en') : null;
  return { spec, span: `five-years-${YEARS[0]}-${YEARS[YEARS.length - 1]}`, area: fileArea, defaults };
}

export const multiplesSource: FigureSource = {
  id: 'multiples',
  heading: 'mulHeading',
  sizes: ['a4'],
  note: (state) => (state.mode === 'tier' ? null : t(state.lang, 'mulModeNote')),
  compose: (state, request) => composeMultiples(state, request),
};
