/**
 * A plain MapLibre page: what MapLibre alone takes to draw the reference page's county polygons
 * (../shared/bench-refs/echarts/hebei-counties.geojson, copied next to the page by
 * build-plain-maplibre.ts) in the browser the side-by-side bench measures. One GeoJSON source
 * that MapLibre's worker fetches and parses itself, one fill layer and one line layer, framed on
 * Hebei, no controls. It marks `choropleth-ready` and `map-interactive` at its first 'idle' (its
 * tiles laid out and drawn). It shows no tiers: every county has the same colour, so the page
 * states nothing about the data. It is an anchor to measure against, not part of the explorer.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import './page.css';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

setWorkerUrl(workerUrl);

/** The GeoJSON's extent (west, south, east, north, degrees), rounded outwards. */
const HEBEI: [number, number, number, number] = [113.45, 36.04, 119.87, 42.62];

const map = new MapLibreMap({
  container: 'map',
  style: {
    version: 8,
    sources: { counties: { type: 'geojson', data: './hebei-counties.geojson' } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef3f7' } },
      { id: 'counties', type: 'fill', source: 'counties', paint: { 'fill-color': '#9ecae1' } },
      { id: 'borders', type: 'line', source: 'counties', paint: { 'line-color': '#ffffff', 'line-width': 0.6 } },
    ],
  },
  bounds: HEBEI,
  fitBoundsOptions: { padding: 16 },
  attributionControl: false,
});

map.once('idle', () => {
  performance.mark('choropleth-ready');
  performance.mark('map-interactive');
});
