/**
 * Renders its children once the map has painted its first choropleth (store.mapPainted), so
 * that panels a reader sees after the map (transitions, province and area summaries, notes)
 * are not rendered in the same task as the data's arrival, ahead of the first paint. Where the
 * map cannot paint (the data failed, or no paint came within FALLBACK_MS of the data), they
 * render anyway: they and the table are then the way to the data.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useAppStore } from '../store/use-app-store';

const FALLBACK_MS = 1500;

export function AfterMapPaint({ children }: { children: ReactNode }): ReactNode {
  const painted = useAppStore((s) => s.mapPainted || s.data.status === 'error');
  const dataReady = useAppStore((s) => s.data.status === 'ready');
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    if (painted || !dataReady) return undefined;
    const timer = window.setTimeout(() => setWaited(true), FALLBACK_MS);
    return () => window.clearTimeout(timer);
  }, [painted, dataReady]);
  return painted || waited ? children : null;
}
