/** Page layout: composition only. */
import { MapView } from '../map/map-view';
import { useAppStore } from '../store/use-app-store';
import { BottomSheet } from '../ui/bottom-sheet';
import { DataNotes } from '../ui/data-notes';
import { DetailsPanel } from '../ui/details-panel';
import { PanelBoundary } from '../ui/error-boundary';
import { LanguageSwitch } from '../ui/language-switch';
import { Legend } from '../ui/legend';
import { MapFallback, MapLoadFailed, MapLostNotice } from '../ui/map-fallback';
import { ExportMenu } from '../ui/export-menu';
import { ImportBanner } from '../ui/import-banner';
import { ImportButton, ImportDialog } from '../ui/import-dialog';
import { Notices } from '../ui/notices';
import { PrefectureTable } from '../ui/prefecture-table';
import { ProvinceSummary } from '../ui/province-summary';
import { ShareButton } from '../ui/share-button';
import { MapTooltip } from '../ui/map-tooltip';
import { ModeLegend } from '../ui/mode-legend';
import { ModeSwitch } from '../ui/mode-switch';
import { MoreTools } from '../ui/more-tools';
import { SearchBox } from '../ui/search-box';
import { TableButton, TableDialog } from '../ui/table-view';
import { Timeline } from '../ui/timeline';
import { TransitionView } from '../ui/transition-view';
import { useT } from '../ui/use-t';
import { encodeImportLayers } from '../url/import-fragment';

export function App() {
  const tr = useT();
  const data = useAppStore((s) => s.data);
  const mapUnavailable = useAppStore((s) => s.mapUnavailable);
  return (
    <div className="app">
      <header className="app-header">
        <div className="app-title">
          <h1>
            <span className="title-full">{tr('appTitle')}</span>
            <span className="title-short">{tr('appTitleShort')}</span>
          </h1>
          <p>{tr('appSubtitle')}</p>
        </div>
        <div className="app-tools">
          <PanelBoundary name="SearchBox">
            <SearchBox />
          </PanelBoundary>
          <MoreTools>
            <PanelBoundary name="tools">
              <TableButton />
              <ImportButton />
              <ExportMenu />
              <LanguageSwitch />
              <ShareButton importFragment={encodeImportLayers} />
            </PanelBoundary>
          </MoreTools>
        </div>
      </header>
      <PanelBoundary name="ImportBanner">
        <ImportBanner />
      </PanelBoundary>
      <main className="app-main">
        <div className="map-column">
          {/* Over the top of the map area, out of the flow: the map never moves for notices. */}
          <PanelBoundary name="Notices">
            <Notices />
          </PanelBoundary>
          {mapUnavailable === null ? (
            <MapView label={tr('mapLabel')} />
          ) : (
            <PanelBoundary name="MapFallback">
              <MapFallback reason={mapUnavailable} />
            </PanelBoundary>
          )}
          <PanelBoundary name="MapLostNotice">
            <MapLostNotice />
          </PanelBoundary>
          <PanelBoundary name="MapLoadFailed">
            <MapLoadFailed />
          </PanelBoundary>
          <PanelBoundary name="MapTooltip">
            <MapTooltip />
          </PanelBoundary>
          <PanelBoundary name="Timeline">
            <Timeline />
          </PanelBoundary>
        </div>
        <BottomSheet>
          {data.status === 'loading' && <p role="status">{tr('loading')}</p>}
          {data.status === 'error' && (
            <p role="alert">
              {tr('loadFailed')}: {data.message}
            </p>
          )}
          <PanelBoundary name="DetailsPanel">
            <DetailsPanel />
          </PanelBoundary>
          <PanelBoundary name="ModeSwitch">
            <ModeSwitch />
          </PanelBoundary>
          <PanelBoundary name="Legend">
            <Legend />
          </PanelBoundary>
          <PanelBoundary name="ModeLegend">
            <ModeLegend />
          </PanelBoundary>
          <PanelBoundary name="TransitionView">
            <TransitionView />
          </PanelBoundary>
          <PanelBoundary name="ProvinceSummary">
            <ProvinceSummary />
          </PanelBoundary>
          <PanelBoundary name="PrefectureTable">
            <PrefectureTable />
          </PanelBoundary>
          <PanelBoundary name="DataNotes">
            <DataNotes />
          </PanelBoundary>
        </BottomSheet>
      </main>
      <PanelBoundary name="TableDialog">
        <TableDialog />
      </PanelBoundary>
      <PanelBoundary name="ImportDialog">
        <ImportDialog />
      </PanelBoundary>
    </div>
  );
}
