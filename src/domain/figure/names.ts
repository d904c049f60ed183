/** Units' short names, as the map labels and the figures' labels show them (one rule for both). */
import type { Lang } from '../lang';
import type { Unit } from '../types';

/** "Luquan District" → "Luquan": the map label drops the generic part, which the details show. */
export function shortEnglishName(nameEn: string): string {
  return nameEn.replace(/ (Autonomous County|Mining District|District|County|City)$/, '');
}

/** A unit's label in a language: the Chinese name in full, the English one short. */
export function labelName(unit: Pick<Unit, 'nameZh' | 'nameEn'>, lang: Lang): string {
  return lang === 'zh' ? unit.nameZh : shortEnglishName(unit.nameEn);
}
