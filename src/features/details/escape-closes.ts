/**
 * Escape closes the details (deselects the unit) from anywhere on the page, unless the user is
 * typing or a widget took the key first (a dialog marks it handled, the export menu stops it).
 * Used by the panel and by its place while the panel's code loads, so Escape works the same
 * before and after the code is in.
 */
import { useEffect } from 'react';
import { useAppStoreApi } from '../../store/use-app-store';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('[role="combobox"]')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  // A range or a checkbox is not typing: Escape there still closes the panel.
  return target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button'].includes(target.type);
}

/** While `open`, Escape deselects the unit. */
export function useEscapeCloses(open: boolean) {
  const store = useAppStoreApi();
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || isTyping(event.target)) return;
      store.getState().select(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, store]);
}
