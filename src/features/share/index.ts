/** The link of the view (Share) and the interface language. */
export { LanguageSwitch } from './language-switch';
export { ShareButton } from './share-button';
