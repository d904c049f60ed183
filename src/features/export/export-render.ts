/**
 * The PNG of the view: composed from the store's state (texts, swatches and counts from the
 * legend model), laid out by domain/export-png.ts and drawn on an offscreen canvas in the page's
 * own (system) fonts. Loaded by the Export menu when an export is asked for, not with the page.
 */
import {
  exportFileName,
  layoutExport,
  type ExportContent,
  type ExportScale,
  type FontSpec,
} from '../../domain/export-png';
import { countDrawKeys, legendModel, type LegendEntry } from '../../domain/legend-model';
import { EXPORT_INK, EXPORT_MUTED, EXPORT_PAGE, EXPORT_RULE } from '../../domain/palette';
import { areaLabel } from '../../domain/summary-rows';
import { FIRST_YEAR, TIERS, type UnitCode } from '../../domain/types';
import { countStates, unitsIn } from '../../domain/unit-state';
import { baseYearOf, selectDrawStates, selectYearStates } from '../../store/selectors';
import type { AppState } from '../../store/store';
import { t } from '../../i18n/i18n';
import { drawSwatch, exportLegendText, type Translate } from './export-legend';

interface Composition {
  content: ExportContent;
  swatches: LegendEntry[];
  fileName: string;
}

/**
 * The texts and swatches of the image for the current state. Counts are those the map draws:
 * the selected year (and mode), restricted to the chosen area when the view is filtered;
 * official totals are those of that scope, only where totals.csv gives them.
 */
function compose(state: AppState, scale: ExportScale): Composition | null {
  if (state.data.status !== 'ready') return null;
  const { dataset } = state.data;
  const { lang, year, pref, mode } = state;
  const tr: Translate = (key, params) => t(lang, key, params);
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
  const total = dataset.totals.find((x) => x.year === year && x.scope === (pref ?? 'province')) ?? null;
  const base = baseYearOf(state);
  const known = TIERS.reduce((n, tier) => n + counts.stated[tier] + counts.derived[tier], 0);
  // The image's legend has never listed imported facts, so it is given none.
  const legend = legendModel(
    { mode, year, base },
    { states: counts, total, drawKeys: countDrawKeys(inArea(draw)), imported: 0 },
  );

  const appTitle = tr('appTitle');
  let title =
    mode === 'change'
      ? tr('exportTitleChange', { title: appTitle, base, year })
      : tr('exportTitleYear', { title: appTitle, year });
  if (pref !== null) title = tr('exportTitleArea', { title, area: areaLabel(dataset, pref, lang) });
  const subtitle =
    mode === 'change'
      ? `${tr('exportSubtitleChange', { base, year })} ${tr(year === FIRST_YEAR ? 'changeFirstYear' : 'changeNote')}`
      : mode === 'trajectory'
        ? `${tr('trajTitle', { year })}; ${tr('trajOpen')}`
        : tr('exportSubtitle', { year });
  return {
    content: {
      title,
      subtitle,
      legend: legend.map((e, i) => ({ key: String(i), text: exportLegendText(tr, e) })),
      coverage: tr('coverage', { year, known, total: counts.total }),
      source: tr('exportSource'),
    },
    swatches: legend,
    fileName: exportFileName(year, scale, mode === 'change' ? base : null),
  };
}

// ---------------------------------------------------------------------------------------------
// Drawing

function fontOf(font: FontSpec, family: string): string {
  return `${font.weight} ${font.size}px ${family}`;
}

/**
 * Composes the PNG. Reading the DOM from a UI component happens only here, for export: the map
 * canvas belongs to src/map, which a feature may not import. The map area's `data-renderer` says
 * which map is on screen: MapLibre's canvas (created with preserveDrawingBuffer, so its last
 * frame can be copied) or the 2D map's (before MapLibre takes over, and without WebGL).
 */
const SHOWN_MAP_CANVAS = '.map[data-renderer="webgl"] canvas.maplibregl-canvas, .map[data-renderer="2d"] canvas.map-2d';

export async function renderPng(state: AppState, scale: ExportScale): Promise<{ blob: Blob; fileName: string }> {
  const mapCanvas = document.querySelector<HTMLCanvasElement>(SHOWN_MAP_CANVAS);
  const composition = compose(state, scale);
  if (!mapCanvas || !composition || mapCanvas.clientWidth === 0 || mapCanvas.clientHeight === 0) {
    throw new Error(t(state.lang, 'exportNoMap'));
  }
  const family = getComputedStyle(document.documentElement).fontFamily || 'sans-serif';
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');
  const measure = (text: string, font: FontSpec) => {
    ctx.font = fontOf(font, family);
    return ctx.measureText(text).width;
  };
  const layout = layoutExport(mapCanvas.clientWidth, mapCanvas.clientHeight, scale, composition.content, measure);
  // Setting the size resets the context, so the transform and fonts are set after it.
  canvas.width = layout.pixelWidth;
  canvas.height = layout.pixelHeight;
  ctx.scale(scale, scale);
  ctx.fillStyle = EXPORT_PAGE;
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  const { map } = layout;
  ctx.drawImage(mapCanvas, 0, 0, mapCanvas.width, mapCanvas.height, map.x, map.y, map.width, map.height);
  ctx.strokeStyle = EXPORT_RULE;
  ctx.lineWidth = 1;
  for (const y of [map.y, map.y + map.height]) {
    ctx.beginPath();
    ctx.moveTo(0, y + 0.5);
    ctx.lineTo(layout.width, y + 0.5);
    ctx.stroke();
  }
  layout.swatches.forEach((s, i) => {
    const entry = composition.swatches[i];
    if (entry) drawSwatch(ctx, s.rect, entry.look, entry.outline);
  });
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const line of layout.lines) {
    ctx.font = fontOf(line.font, family);
    ctx.fillStyle = line.role === 'subtitle' || line.role === 'source' ? EXPORT_MUTED : EXPORT_INK;
    ctx.fillText(line.text, line.x, line.top + line.height / 2, line.maxWidth);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('canvas.toBlob gave no image');
  return { blob, fileName: composition.fileName };
}
