/** The language machinery: one dictionary per language, `t` and the `useT` hook; wording shared by features (tier-words.ts, state-words.ts). */
export { addMessages, t, type Lang, type MessageKey } from './i18n';
export { tierWords } from './tier-words';
export { useT } from './use-t';
export { factLabelKey, joinTiers, lineageSentences, splitCell, stateWords, yearsText } from './state-words';
