/**
 * Entry: read the link, create the store from it, bind the URL, start loading the data,
 * render the page (the explorer, or the embedded view when the link has embed=1). The link is read before the store exists so the first render already
 * shows the linked year and county. A failed load is offered again from the map area
 * (MapLoadFailed), without reloading the page.
 */
import 'virtual:palette.css';
import './components/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { describeAddress } from './app/address-notice';
import { App } from './app/app';
import { bindImports } from './app/bind-imports';
import { bindPlayback } from './app/bind-playback';
import { loadInto } from './data/load-dataset';
import { browserLang } from './domain/lang';
import { installE2eProbe } from './map/probe';
import { createAppStore } from './store/store';
import { StoreContext } from './store/use-app-store';
import { bindDocumentLang, bindUrl, initialStateFromUrl } from './url/bind-url';
import { isEmbedSearch } from './url/embed-link';

const defaultLang = browserLang(navigator.languages);
// Read once: a page mode, not view state. The binder keeps embed=1 in the address (a key it does not own).
const embed = isEmbedSearch(window.location.search);
// The codes are not loaded yet: `county` is checked for shape now and against the data later.
const { initial, invalid } = initialStateFromUrl(window.location);
const store = createAppStore({ ...initial, lang: initial.lang ?? defaultLang });
bindDocumentLang(store, document);
// Play: one year per step, kept by a controller outside React.
bindPlayback(store, window);
// The link's ignored parts are reported by the binder, in one notice it replaces on back/forward.
// The write new data calls for waits for the frame that shows it (the first choropleth, on load).
bindUrl(store, window, {
  describe: describeAddress,
  defaultLang,
  invalid,
  afterNextFrame: (run) => requestAnimationFrame(() => setTimeout(run, 0)),
});
// Imported layers kept in this browser or carried by the link (#imp=…), once the data is loaded.
// Not in an embed: an article shows the published data, and has no room to ask whether to keep
// a link's layers (the Share dialog's embed code never carries them, and says so).
if (!embed) bindImports(store, window);

void loadInto(store.getState());
// The end-to-end tests' read-only hook (window.hebeiExplorer), put on the page only where
// navigator.webdriver is true (a browser under automation).
installE2eProbe(window);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App embed={embed} />
    </StoreContext.Provider>
  </StrictMode>,
);
