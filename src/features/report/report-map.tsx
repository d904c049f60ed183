/**
 * The card's small map: the unit, its neighbours and its area filled by their state in the
 * card's year (domain/figure/map-svg.ts, the 2D map's vector twin, so fills, hatches, dotted
 * outlines and borders are the map's), the unit outlined as the map's selection is, and every
 * other unit of the year washed out as the map washes units outside a chosen area. The names of
 * the unit and its neighbours are drawn at their label points, each only where it does not run
 * into one already placed (the unit's first); every neighbour is also named in the list beside
 * the map, so a name left out here is never lost.
 */
import type { MapGeometry } from '../../domain/geometry';
import { fitTransform, mapPanelSvg, projectPoint, unitsBox, type Emphasis } from '../../domain/figure/map-svg';
import { tierDrawStates } from '../../domain/map-keys';
import { LABEL_TEXT, WHITE } from '../../domain/palette';
import type { ReportMap } from '../../domain/report-card';
import type { Lang } from '../../domain/lang';
import { isYear } from '../../domain/timeline';
import type { UnitCode, Year } from '../../domain/types';
import { unitState, unitsIn, type StateIndex, type UnitState } from '../../domain/unit-state';
import type { Dataset } from '../../domain/types';

/** The map's size in CSS px (its viewBox); the card scales it to its column. */
export const MAP_WIDTH = 340;
export const MAP_HEIGHT = 300;
const PADDING = 14;
const FONT_SIZE = 11;

interface Label {
  text: string;
  x: number;
  y: number;
  self: boolean;
}

/** A label's width in px, from its characters (CJK a full em, others about half), without measuring. */
function textWidth(text: string): number {
  let em = 0;
  for (const ch of text) em += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.58;
  return em * FONT_SIZE;
}

function placeLabels(candidates: readonly Label[]): Label[] {
  const boxes: [number, number, number, number][] = [];
  const placed: Label[] = [];
  for (const label of candidates) {
    const w = textWidth(label.text) / 2 + 2;
    const h = FONT_SIZE / 2 + 2;
    const box: [number, number, number, number] = [label.x - w, label.y - h, label.x + w, label.y + h];
    const inside = box[0] >= 0 && box[1] >= 0 && box[2] <= MAP_WIDTH && box[3] <= MAP_HEIGHT;
    const clear = boxes.every((b) => box[0] > b[2] || b[0] > box[2] || box[1] > b[3] || b[1] > box[3]);
    if (inside && clear) {
      boxes.push(box);
      placed.push(label);
    }
  }
  return placed;
}

export interface MapDrawing {
  defs: string;
  body: string;
  labels: Label[];
}

/** The panel and its labels; null when no unit of the card has a shape in the year. */
export function drawReportMap(
  map: ReportMap,
  dataset: Pick<Dataset, 'units'>,
  index: StateIndex,
  geometry: MapGeometry,
  lang: Lang,
): MapDrawing | null {
  const year = map.year as Year;
  if (!isYear(year) || map.units.length === 0) return null;
  const box = unitsBox(
    geometry,
    year,
    map.units.map((m) => m.unit.code),
  );
  if (!box) return null;
  const rect = { x: 0, y: 0, width: MAP_WIDTH, height: MAP_HEIGHT };
  const transform = fitTransform(box, rect, PADDING);
  // Every unit of the year is drawn (so the land around the card's units is not a hole); those
  // not on the card are washed out.
  const states = new Map<UnitCode, UnitState>();
  for (const u of unitsIn(dataset.units, year)) states.set(u.code, unitState(index, u.code, year));
  const onCard = new Set(map.units.map((m) => m.unit.code));
  const emphasis = new Map<UnitCode, Emphasis>();
  for (const code of states.keys()) {
    if (!onCard.has(code)) emphasis.set(code, { flow: false, muted: false, unlit: true, imported: false });
  }
  const self = map.units.find((m) => m.role === 'self');
  const panel = mapPanelSvg({
    geometry,
    year,
    draw: tierDrawStates(states),
    emphasis,
    selected: self ? [self.unit.code] : [],
    rect,
    transform,
    id: 'rc-map',
  });
  const points = geometry.labels[map.vintage];
  const candidates: Label[] = [];
  for (const m of map.units) {
    if (m.role === 'area') continue;
    const at = points.get(m.unit.code);
    if (!at) continue;
    const { x, y } = projectPoint(transform, at);
    candidates.push({ text: lang === 'zh' ? m.unit.nameZh : m.unit.nameEn, x, y, self: m.role === 'self' });
  }
  return { defs: panel.defs, body: panel.body, labels: placeLabels(candidates) };
}

/**
 * The map as an inline SVG. The panel's markup is set as HTML because it is map-svg's string
 * (domain/figure/map-svg.ts), which holds only numbers, palette colours, ids it makes itself and
 * unit codes (escaped): no name, note or imported text enters it. Names are React text below.
 */
export function ReportMapSvg({ drawing, label }: { drawing: MapDrawing; label: string }) {
  return (
    <svg
      className="rc-map"
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      width={MAP_WIDTH}
      height={MAP_HEIGHT}
      role="img"
      aria-label={label}
    >
      <defs dangerouslySetInnerHTML={{ __html: drawing.defs }} />
      <g dangerouslySetInnerHTML={{ __html: drawing.body }} />
      <g className="rc-map-labels" aria-hidden="true">
        {drawing.labels.map((l) => (
          <text
            key={`${l.text}-${l.x}`}
            x={l.x}
            y={l.y}
            textAnchor="middle"
            dominantBaseline="central"
            fontSize={FONT_SIZE}
            fontWeight={l.self ? 700 : 400}
            fill={LABEL_TEXT}
            stroke={WHITE}
            strokeWidth={3}
            strokeLinejoin="round"
            paintOrder="stroke"
          >
            {l.text}
          </text>
        ))}
      </g>
    </svg>
  );
}
