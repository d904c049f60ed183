/** Page layout: composition only. */
import { MapView } from '../map/map-view';
import { useAppStore } from '../store/use-app-store';
import { DataNotes } from '../ui/data-notes';
import { Legend } from '../ui/legend';
import { useT } from '../ui/use-t';

export function App() {
  const tr = useT();
  const data = useAppStore((s) => s.data);
  return (
    <div className="app">
      <header className="app-header">
        <h1>{tr('appTitle')}</h1>
        <p>{tr('appSubtitle')}</p>
      </header>
      <main className="app-main">
        <MapView label={tr('mapLabel')} />
        <aside className="side-panel">
          {data.status === 'loading' && <p role="status">{tr('loading')}</p>}
          {data.status === 'error' && (
            <p role="alert">
              {tr('loadFailed')}: {data.message}
            </p>
          )}
          <Legend />
          <DataNotes />
        </aside>
      </main>
    </div>
  );
}
