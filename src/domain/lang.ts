/** UI languages. The dictionary itself lives in src/i18n. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The UI language the browser prefers: Chinese for any zh locale, English otherwise. */
export function browserLang(languages: readonly string[]): Lang {
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}
