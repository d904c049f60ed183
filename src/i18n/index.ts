/** The language machinery: one dictionary per language, `t` and the `useT` hook. */
export { addMessages, t, type Lang, type MessageKey } from './i18n';
export { useT } from './use-t';
