/** What stands in for or sits over the map: the tooltip, the no-map fallback, load failures, a lost context. */
export { MapFallback, MapLoadFailed, MapLostNotice } from './map-fallback';
export { MapTooltip } from './map-tooltip';
