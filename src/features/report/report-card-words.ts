/**
 * The report card's sentences: a state, spans of years, an indicator, how a year is known and
 * why a year shows another unit, in the card's language.
 */
import { noteIn } from '../../domain/dataset/notes';
import type { Lang } from '../../domain/lang';
import type { ReportYear } from '../../domain/report-card';
import type { Indicator, Unit } from '../../domain/types';
import type { StripCell } from '../../domain/unit-details';
import type { UnitState } from '../../domain/unit-state';
import { lineageSentences, splitCell, stateWords } from '../../i18n';
import type { MessageKey } from '../../i18n/i18n';
import './on-demand-messages';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export const unitName = (u: Unit, lang: Lang) => (lang === 'zh' ? u.nameZh : u.nameEn);

export function indicatorWords(tr: Translate, i: Indicator): string {
  if (i.indicator === 'rank_change') return tr('reportRankChange', { n: i.value });
  if (i.indicator === 'rank_gain_vs_best') return tr('reportRankGain', { n: i.value });
  return tr('reportRankIndicator', { n: i.value, unit: i.unit });
}

/**
 * How each year that is not stated outright is known: a derived tier's basis (its row's note),
 * and the range statements that bound a partly known one, in the card's language.
 */
export function basisLines(strip: readonly ReportYear[], tr: Translate, lang: Lang): { key: string; text: string }[] {
  const lines: { key: string; text: string }[] = [];
  const sep = tr('detailsLabelSep');
  for (const { cell } of strip) {
    for (const m of cell.members) {
      const s = m.state;
      const who = cell.relation === 'self' ? '' : ` · ${m.unit.nameZh}`;
      if (s.kind === 'known' && s.fact.basis === 'derived') {
        const note = noteIn(lang, s.fact.note, s.fact.noteZh).text;
        if (note !== '') {
          lines.push({
            key: `${cell.year}-${m.unit.code}`,
            text: `${cell.year}${who} · ${tr('detailsBasisLabel')}${sep}${note}`,
          });
        }
      } else if (s.kind === 'range') {
        const notes = s.ranges.map((r) => noteIn(lang, r.note, r.noteZh).text).filter((t) => t !== '');
        lines.push({
          key: `${cell.year}-${m.unit.code}`,
          text: `${cell.year}${who} · ${stateWords(tr, s)}${sep}${notes.join(' ')}`,
        });
      }
    }
  }
  return lines;
}

/** Why a year shows another unit, part of one, or none (the details' lineage sentences). */
export function lineageLines(cells: readonly StripCell[], unit: Unit, tr: Translate, lang: Lang): string[] {
  const lines = lineageSentences(cells, unit, tr);
  const split = splitCell(cells);
  if (split) {
    const names = split.successors.map((s) => `${unitName(s, lang)} (${s.code})`).join(tr('detailsListSep'));
    lines.push(`${tr('detailsLineageSplit', { year: split.year })} ${names}`);
  }
  return lines;
}

/** A state in a table cell: its tier, its possible tiers ("B/C"), "?" or "–" (did not exist). */
export function shortState(state: UnitState | null): string {
  if (state === null) return '–';
  if (state.kind === 'known') return state.tier;
  if (state.kind === 'range') return state.tiers.join('/');
  return '?';
}
