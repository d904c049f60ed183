/**
 * Page layout: composition only. Two layouts: the explorer, and the embedded view (`embed=1`,
 * read once by main.tsx) for an article's <iframe>: the map, the year control, a compact legend
 * with the selected unit's line, the source line and a link to the explorer; no header tools and
 * no side panels (embed.css).
 */
import { useMemo, type ComponentProps } from 'react';
import { AfterMapPaint } from '../components/after-map-paint';
import { BottomSheet } from '../components/bottom-sheet';
import { PanelBoundary } from '../components/error-boundary';
import { MoreTools } from '../components/more-tools';
import { DetailsPanel, SheetPeek } from '../features/details';
import { EmbedFooter } from '../features/embed';
import { ExportMenu } from '../features/export';
import { ImportBanner, ImportButton, ImportDialog } from '../features/import';
import { Legend, ModeLegend, ModeSwitch } from '../features/legend';
import { MapFallback, MapLoadFailed, MapLostNotice, MapTooltip } from '../features/map-status';
import { Notices } from '../features/notices';
import { SearchBox } from '../features/search';
import { LanguageSwitch, ShareButton } from '../features/share';
import { DataNotes, PrefectureTable, ProvinceSummary } from '../features/summaries';
import { TableButton, TableDialog } from '../features/table';
import { Timeline } from '../features/timeline';
import { TransitionView } from '../features/transitions';
import { useT } from '../i18n';
import { MapView } from '../map/map-view';
import { useAppStore } from '../store/use-app-store';
import { withEmbed } from '../url/embed-link';
import { encodeImportLayers } from '../url/import-fragment';
import './embed.css';

/** The embedded view's address for the Share dialog's iframe code. */
const embedLink = (href: string) => withEmbed(href, true);
/** The explorer's address of the embedded view: the same view without embed=1. */
const explorerHref = () => withEmbed(window.location.href, false);

export function App({ embed = false }: { embed?: boolean }) {
  const tr = useT();
  const data = useAppStore((s) => s.data);
  // The map's labels, the same object while the language stays (the map sets them on change).
  const mapLabels = useMemo(
    () => ({
      region: tr('mapLabel'),
      keys: tr('mapKeysLabel'),
      zoomIn: tr('mapZoomIn'),
      zoomOut: tr('mapZoomOut'),
      drawing: tr('mapDrawing'),
    }),
    [tr],
  );
  if (embed) return <EmbedLayout mapLabels={mapLabels} />;
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
              <ShareButton importFragment={encodeImportLayers} embedLink={embedLink} />
            </PanelBoundary>
          </MoreTools>
        </div>
      </header>
      <main className="app-main">
        <MapColumn labels={mapLabels} embed={false} />
        <BottomSheet summary={<SheetPeek />}>
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
          <AfterMapPaint>
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
          </AfterMapPaint>
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

/**
 * The embedded view. Selection works as in the explorer (click, keys, the tooltip); the
 * selected unit shows as one line above the compact legend (SheetPeek, the phone sheet's
 * summary), since an article column has no room for the details panel: the explorer link opens
 * them. Notices stay over the map, so a broken link still says what was ignored.
 */
function EmbedLayout({ mapLabels }: { mapLabels: ComponentProps<typeof MapView>['labels'] }) {
  const tr = useT();
  return (
    <div className="app app-embed">
      <h1 className="sr-only">{tr('appTitle')}</h1>
      <main className="embed-main" aria-label={tr('embedRegion')}>
        <MapColumn labels={mapLabels} embed />
        <section className="embed-peek" aria-label={tr('embedSelectionLabel')}>
          <PanelBoundary name="SheetPeek">
            <SheetPeek />
          </PanelBoundary>
        </section>
        <PanelBoundary name="EmbedFooter">
          <EmbedFooter explorerHref={explorerHref} />
        </PanelBoundary>
      </main>
    </div>
  );
}

/**
 * The map area with what lies over and under it, in both layouts. The explorer's has the shared
 * link's import banner over it and the note on the 2D map (MapFallback); the embed has neither:
 * it shows no imports, and its 2D map is the whole map, where a note over a 360 px column would
 * hide most of it.
 */
function MapColumn({ labels, embed }: { labels: ComponentProps<typeof MapView>['labels']; embed: boolean }) {
  const mapUnavailable = useAppStore((s) => s.mapUnavailable);
  return (
    <div className="map-column">
      {/* Over the top of the map area, out of the flow: the map never moves for the shared
          link's banner or for notices, so nothing of the province is pushed off screen. */}
      <div className="map-overlays">
        {!embed && (
          <PanelBoundary name="ImportBanner">
            <ImportBanner />
          </PanelBoundary>
        )}
        <PanelBoundary name="Notices">
          <Notices />
        </PanelBoundary>
      </div>
      <MapView labels={labels}>
        {!embed && mapUnavailable !== null && (
          <PanelBoundary name="MapFallback">
            <MapFallback reason={mapUnavailable} />
          </PanelBoundary>
        )}
        <PanelBoundary name="MapLostNotice">
          <MapLostNotice />
        </PanelBoundary>
      </MapView>
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
  );
}
