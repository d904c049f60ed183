/** The transition view's words: category names, flow labels and unit names in the current language. */
import { areaNameEn } from '../../domain/areas';
import type { Lang } from '../../domain/lang';
import type { OfficialMove } from '../../domain/official-moves';
import type { TransitionCategory } from '../../domain/transitions';
import type { Unit } from '../../domain/types';
import type { MessageKey } from '../../i18n/i18n';
import type { useT } from '../../i18n/use-t';
import type { CategoryCounts } from './transition-model';

export type Translate = ReturnType<typeof useT>;

export const CATEGORY_KEY: Record<TransitionCategory, MessageKey> = {
  A: 'tv:A',
  B: 'tv:B',
  C: 'tv:C',
  unknown: 'tv:unknown',
};

export function flowLabel(tr: Translate, from: TransitionCategory, to: TransitionCategory, n: number): string {
  const names = { from: tr(CATEGORY_KEY[from]), to: tr(CATEGORY_KEY[to]) };
  return n === 1 ? tr('tvFlowOne', names) : tr('tvFlow', { ...names, n });
}

export function countsText(tr: Translate, counts: CategoryCounts): string {
  return tr('tvCounts', { a: counts.A, b: counts.B, c: counts.C, u: counts.unknown });
}

export function officialText(tr: Translate, move: OfficialMove): string {
  if (move.kind === 'up') return tr('tvOfficialUp', { n: move.count });
  if (move.kind === 'down') return tr('tvOfficialDown', { n: move.count });
  const only = move.moves[0];
  if (!only) return '';
  return tr('tvOfficialFlow', { from: tr(CATEGORY_KEY[only.from]), to: tr(CATEGORY_KEY[only.to]), n: move.count });
}

export function unitLabel(unit: Unit, lang: Lang): string {
  return lang === 'zh' ? unit.nameZh : `${unit.nameEn} ${unit.nameZh}`;
}

export function areaLabel(unit: Unit, lang: Lang): string {
  return lang === 'zh' ? unit.prefectureZh : (areaNameEn(unit.prefectureCode) ?? unit.prefectureZh);
}
