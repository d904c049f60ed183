/**
 * The Sankey picture (d3-sankey lays it out in transition-model.ts; this draws the SVG):
 * base-year categories on the left, selected-year categories on the right, band width = units.
 * Bands from or to "unknown" are hatched and pale so the known movement stands out. Each band is
 * a toggle button for its flow.
 */
import { useId, type KeyboardEvent } from 'react';
import { hatchInk, lookOf } from '../../domain/legend-model';
import { flowKey, type TransitionCategory } from '../../domain/transitions';
import type { Flow } from '../../domain/view';
import { useT } from '../../i18n/use-t';
import {
  bandsInDrawingOrder,
  SANKEY_SIZE,
  sameFlow,
  touchesUnknown,
  type SankeyLayout,
  type TransitionModel,
} from './transition-model';
import { CATEGORY_KEY, countsText, flowLabel } from './transition-words';

/** Paint of a node or band: the tier's look from the legend model, or the unknown hatch. */
const fillOf = (category: TransitionCategory, hatchId: string) => {
  const look = lookOf(category);
  return 'fill' in look ? look.fill : `url(#${hatchId})`;
};

/** The unknown hatch's ground and line colour, drawn as the pattern's rect and line. */
const UNKNOWN_HATCH = hatchInk(lookOf('unknown'));

export function SankeyPicture(props: {
  model: TransitionModel;
  picture: SankeyLayout | null;
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
            <rect width="6" height="6" fill={UNKNOWN_HATCH.ground} />
            <line x1="0" y1="0" x2="0" y2="6" stroke={UNKNOWN_HATCH.ink} strokeWidth="2" />
          </pattern>
          <pattern id={bandHatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={UNKNOWN_HATCH.ground} />
            <line x1="0" y1="0" x2="0" y2="6" stroke={UNKNOWN_HATCH.ink} strokeWidth="1.2" />
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
                stroke={box.category === 'unknown' ? UNKNOWN_HATCH.ink : 'none'}
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
          {bandsInDrawingOrder(picture.bands, flow).map((band) => {
            const selected = sameFlow(flow, band.from, band.to);
            const faint = touchesUnknown(band.from, band.to);
            const stroke =
              band.from === 'unknown' || band.to === 'unknown'
                ? `url(#${bandHatchId})`
                : fillOf(band.from, bandHatchId);
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
