/** Whether a CSS media query matches now, kept in step as the window changes (useSyncExternalStore). */
import { useCallback, useSyncExternalStore } from 'react';

/** The narrow-screen layout's breakpoint; styles.css and the component CSS use the same width. */
export const NARROW_QUERY = '(max-width: 700px)';

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  // Rendered without a window (server rendering, unit tests), the wide layout applies.
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}
