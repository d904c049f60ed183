/** Entry: create the store, start loading the data, render the page. */
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { loadAll } from './data/load-dataset';
import { browserLang } from './domain/lang';
import { createAppStore } from './store/store';
import { StoreContext } from './store/use-app-store';

const store = createAppStore({ lang: browserLang(navigator.languages) });
document.documentElement.lang = store.getState().lang === 'zh' ? 'zh-Hans' : 'en';

loadAll().then(
  ({ dataset, geometry }) => store.getState().dataLoaded(dataset, geometry),
  (error: unknown) => store.getState().dataFailed(error instanceof Error ? error.message : String(error)),
);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
