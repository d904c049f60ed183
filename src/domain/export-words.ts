/**
 * The words of the downloadable files, in both UI languages: the values of the localised CSVs
 * (basis, confidence, change, tier lists, scopes, languages). The columns' headers and meanings
 * are in export-columns.ts.
 */
import type { ChangeClass } from './transitions';
import type { Lang } from './lang';
import type { Confidence, Tier } from './types';

/** What a table cell says about a year: a fact's basis, a range, unknown, or no unit that year. */
export type BasisCode = 'stated' | 'derived' | 'imported' | 'range' | 'unknown' | 'none';

export const BASIS_WORDS: Record<Lang, Record<BasisCode, string>> = {
  en: {
    stated: 'stated',
    derived: 'derived',
    imported: 'imported',
    range: 'range',
    unknown: 'unknown',
    none: 'none',
  },
  zh: {
    stated: '已公布',
    derived: '推得',
    imported: '导入',
    range: '区间（部分已知）',
    unknown: '未知',
    none: '当年不存在',
  },
};

export const CONFIDENCE_WORDS: Record<Lang, Record<Confidence, string>> = {
  en: { high: 'high', medium: 'medium', low: 'low' },
  zh: { high: '高', medium: '中', low: '低' },
};

/** The change column's values; the unknown ones name the year that is unknown. */
export function changeWord(change: ChangeClass, lang: Lang, base: number, year: number): string {
  if (lang === 'en') return change;
  switch (change) {
    case 'up2':
      return '上升两级';
    case 'up1':
      return '上升一级';
    case 'same':
      return '级别不变';
    case 'down1':
      return '下降一级';
    case 'down2':
      return '下降两级';
    case 'unknown-base':
      return `${base}年未知`;
    case 'unknown-current':
      return `${year}年未知`;
    case 'unknown-both':
      return '两年均未知';
  }
}

/** The tiers a range leaves open: `B;C` in English files (a list, like every list in data/), `B或C` in Chinese. */
export function tierList(tiers: readonly Tier[], lang: Lang): string {
  return tiers.join(lang === 'zh' ? '或' : ';');
}

/** A tier cell a source leaves open (a range row without its earlier tier). */
export const NOT_STATED: Record<Lang, string> = { en: 'not stated', zh: '未说明' };

/** The province as a scope. */
export const PROVINCE_WORD: Record<Lang, string> = { en: 'Hebei (province)', zh: '河北省（全省）' };

/** indicators.csv's scopes. */
export const INDICATOR_SCOPE_WORDS: Record<Lang, Record<'province' | 'prefecture' | 'unit', string>> = {
  en: { province: 'province', prefecture: 'prefecture', unit: 'county-level unit' },
  zh: { province: '全省', prefecture: '市', unit: '县级单位' },
};

/** sources.csv's languages (the script of the page). */
export function languageWord(language: string, lang: Lang): string {
  const words: Record<string, Record<Lang, string>> = {
    'zh-Hans': { en: 'Chinese (simplified)', zh: '简体中文' },
    'zh-Hant': { en: 'Chinese (traditional)', zh: '繁体中文' },
    en: { en: 'English', zh: '英文' },
  };
  return Object.hasOwn(words, language) ? (words[language]?.[lang] ?? language) : language;
}
