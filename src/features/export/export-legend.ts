/**
 * The PNG's legend: the legend model's entries (domain/legend-model.ts) worded for the image and
 * their swatches drawn on a canvas, so the image shows what the map and the on-screen legend show.
 */
import type { Rect } from '../../domain/export-png';
import type { LegendEntry, Look, Outline } from '../../domain/legend-model';
import { DERIVED_OUTLINE, EXPORT_INK, EXPORT_SWATCH_FRAME } from '../../domain/palette';
import { TIERS } from '../../domain/types';
import type { MessageKey } from '../../i18n/i18n';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const BAND = { A: 'exportBandA', B: 'exportBandB', C: 'exportBandC' } as const;

/** An entry's line in the image: its label and count in one text. */
export function exportLegendText(tr: Translate, entry: LegendEntry): string {
  const { known, derived, official } = entry.counts;
  switch (entry.kind) {
    case 'tier': {
      const tier = TIERS.find((t) => t === entry.key) ?? 'A';
      const text = tr('exportLegendTier', { tier, band: tr(BAND[tier]), known });
      if (!official) return text;
      return `${text} · ${tr(official.exact ? 'exportLegendOfficial' : 'exportLegendOfficialMin', { n: official.n })}`;
    }
    case 'derived':
      return tr('exportLegendDerived', { n: derived });
    case 'range':
      return tr('exportLegendRange', { n: known });
    case 'unknown':
      return tr('exportLegendUnknown', { n: known });
    case 'draw':
    case 'imported':
      return `${tr(entry.labelKey, entry.labelParams)}: ${tr('legendCount', { n: known })}`;
  }
}

/**
 * 45° stripes like map/patterns.ts (the same index formula), one logical pixel at a time: a
 * swatch is 14 × 14, so this is cheap, and the stripes line up exactly as on the map.
 */
function drawStripes(ctx: CanvasRenderingContext2D, r: Rect, colors: readonly string[], direction: string) {
  const stripe = 2;
  const size = stripe * colors.length * 2;
  const index = (v: number) => Math.floor((((v % size) + size) % size) / stripe) % colors.length;
  const last = colors.length - 1;
  for (let y = 0; y < r.height; y += 1) {
    for (let x = 0; x < r.width; x += 1) {
      const up = index(x + y);
      const down = index(x - y);
      const i = direction === 'up' ? up : direction === 'down' ? down : up === last || down === last ? last : up;
      ctx.fillStyle = colors[i] ?? EXPORT_INK;
      ctx.fillRect(r.x + x, r.y + y, 1, 1);
    }
  }
}

/**
 * A swatch: the look, the dotted outline of derived tiers, and a thin frame. The image lists no
 * imported entry (export-menu.tsx), so the imported double outline has no drawing here.
 */
export function drawSwatch(ctx: CanvasRenderingContext2D, r: Rect, look: Look, outline: Outline) {
  if ('stripes' in look) drawStripes(ctx, r, look.stripes, look.direction);
  else {
    ctx.fillStyle = look.fill;
    ctx.fillRect(r.x, r.y, r.width, r.height);
  }
  if (outline === 'dotted') {
    ctx.save();
    ctx.strokeStyle = DERIVED_OUTLINE;
    ctx.lineWidth = 2;
    ctx.setLineDash([2, 2]);
    ctx.strokeRect(r.x + 1, r.y + 1, r.width - 2, r.height - 2);
    ctx.restore();
  }
  ctx.strokeStyle = EXPORT_SWATCH_FRAME;
  ctx.lineWidth = 1;
  ctx.strokeRect(r.x + 0.5, r.y + 0.5, r.width - 1, r.height - 1);
}
