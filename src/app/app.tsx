/** Page layout: composition only. */
import { MapView } from '../map/map-view';
import { useAppStore } from '../store/use-app-store';
import { DataNotes } from '../ui/data-notes';
import { DetailsPanel } from '../ui/details-panel';
import { LanguageSwitch } from '../ui/language-switch';
import { Legend } from '../ui/legend';
import { Notices } from '../ui/notices';
import { ShareButton } from '../ui/share-button';
import { MapTooltip } from '../ui/map-tooltip';
import { ModeLegend } from '../ui/mode-legend';
import { ModeSwitch } from '../ui/mode-switch';
import { SearchBox } from '../ui/search-box';
import { Timeline } from '../ui/timeline';
import { useT } from '../ui/use-t';

export function App() {
  const tr = useT();
  const data = useAppStore((s) => s.data);
  return (
    <div className="app">
      <header className="app-header">
        <div className="app-title">
          <h1>{tr('appTitle')}</h1>
          <p>{tr('appSubtitle')}</p>
        </div>
        <div className="app-tools">
          <SearchBox />
          {/* mount: table-button */}
          {/* mount: export */}
          <LanguageSwitch />
          <ShareButton />
        </div>
      </header>
      <Notices />
      <main className="app-main">
        <div className="map-column">
          <MapView label={tr('mapLabel')} />
          <MapTooltip />
          <Timeline />
        </div>
        <aside className="side-panel">
          {data.status === 'loading' && <p role="status">{tr('loading')}</p>}
          {data.status === 'error' && (
            <p role="alert">
              {tr('loadFailed')}: {data.message}
            </p>
          )}
          <DetailsPanel />
          <ModeSwitch />
          <Legend />
          <ModeLegend />
          {/* mount: transitions */}
          {/* mount: summaries */}
          <DataNotes />
        </aside>
      </main>
      {/* mount: table-dialog */}
    </div>
  );
}
