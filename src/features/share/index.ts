/** The link of the view (Share; its dialog loads on first use) and the interface language. */
export { LanguageSwitch } from './language-switch';
export { ShareButton } from './share-button';
