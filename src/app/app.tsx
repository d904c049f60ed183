/** Page layout: composition only. */
import { MapView } from '../map/map-view';
import { useAppStore } from '../store/use-app-store';
import { DataNotes } from '../ui/data-notes';
import { DetailsPanel } from '../ui/details-panel';
import { LanguageSwitch } from '../ui/language-switch';
import { Legend } from '../ui/legend';
import { ExportMenu } from '../ui/export-menu';
import { Notices } from '../ui/notices';
import { PrefectureTable } from '../ui/prefecture-table';
import { ProvinceSummary } from '../ui/province-summary';
import { ShareButton } from '../ui/share-button';
import { MapTooltip } from '../ui/map-tooltip';
import { ModeLegend } from '../ui/mode-legend';
import { ModeSwitch } from '../ui/mode-switch';
import { SearchBox } from '../ui/search-box';
import { TableButton, TableDialog } from '../ui/table-view';
import { Timeline } from '../ui/timeline';
import { TransitionView } from '../ui/transition-view';
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
          <TableButton />
          <ExportMenu />
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
          <TransitionView />
          <ProvinceSummary />
          <PrefectureTable />
          <DataNotes />
        </aside>
      </main>
      <TableDialog />
    </div>
  );
}
