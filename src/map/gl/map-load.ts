/**
 * The map's first 'load', and its errors. MapLibre parses every source in its web workers. When
 * their script cannot run (a 404, a request refused by the server, a network filter or the
 * Content-Security-Policy, or a script that throws) each worker's 'error' event reaches the map
 * as an ErrorEvent saying the worker failed to load, and the map stays blank without ever firing
 * 'load'. Checked in Chromium for each of those causes (tests/e2e/notices.e2e.ts drives one):
 * the page then offers the table instead (store.mapUnavailable). Any other error is logged, as
 * MapLibre does by default when nobody listens.
 */
import type { AppStore } from '../../store/store';
import { listen, type MapPort } from './map-port';

/** Calls `onLoad` on the map's 'load'; returns a function that stops listening. */
export function watchLoad(map: Pick<MapPort, 'on' | 'off'>, store: AppStore, onLoad: () => void): () => void {
  /** Set by the map's first 'load': until then a failed worker means the map can never draw. */
  let loaded = false;
  /** The failure is reported once, however many workers fail. */
  let failed = false;
  return listen(map, {
    error: (event) => {
      const { message } = event.error;
      if (!loaded && /\bworker\b/i.test(message)) {
        if (failed) return;
        failed = true;
        console.warn(`The map cannot draw: ${message}`);
        store.getState().mapFailed(message);
        return;
      }
      console.error(event.error);
    },
    load: () => {
      loaded = true;
      onLoad();
    },
  });
}
