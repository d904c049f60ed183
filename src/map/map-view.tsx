/** React shell around the map: owns the container element and the controller's lifetime. */
import { useEffect, useRef } from 'react';
import { useAppStoreApi } from '../store/use-app-store';
import { createMapController, webglUnavailable, type MapController } from './map-controller';

export function MapView({ label }: { label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const store = useAppStoreApi();
  useEffect(() => {
    if (!container.current) return undefined;
    // Without WebGL the page shows the table and a summary instead (store.mapUnavailable).
    const missing = webglUnavailable();
    if (missing !== null) {
      store.getState().mapFailed(missing);
      return undefined;
    }
    let controller: MapController;
    try {
      controller = createMapController(container.current, store);
    } catch (error) {
      store.getState().mapFailed(error instanceof Error ? error.message : String(error));
      return undefined;
    }
    return () => controller.dispose();
  }, [store]);
  return <div ref={container} className="map" role="region" aria-label={label} />;
}
