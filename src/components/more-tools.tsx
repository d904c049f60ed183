/**
 * The header's tools (table, export, language, share). On a wide screen they sit in the header
 * row as they always did; on a narrow one they fold behind a "More" button (a disclosure), so
 * the header keeps to one row and the search stays in reach. Escape or a tap outside folds
 * them again.
 */
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { NARROW_QUERY, useMediaQuery } from './use-media-query';
import { useT } from '../i18n/use-t';
import './more-tools.css';

export function MoreTools({ children }: { children: ReactNode }) {
  const tr = useT();
  const narrow = useMediaQuery(NARROW_QUERY);
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const folded = narrow && !open;

  const onKeyDown = (event: KeyboardEvent) => {
    // A menu or field inside that handled Escape itself has had its say.
    if (event.key !== 'Escape' || folded || !narrow || event.defaultPrevented) return;
    // Keeps the details panel (which listens on the window) from closing too.
    event.preventDefault();
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div className="more-tools" onKeyDown={onKeyDown}>
      {narrow && (
        <button
          ref={buttonRef}
          type="button"
          className="more-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          {tr('moreTools')}
        </button>
      )}
      {/* A tap beside the open tools only folds them: it must not reach the map and pick a county.
          A dialog opened from them (the table) sits above it, so working in it keeps them open
          and focus can return to the button that opened it. */}
      {narrow && open && <div className="more-backdrop" aria-hidden="true" onClick={() => setOpen(false)} />}
      <div id={panelId} className="more-panel" hidden={folded}>
        {children}
      </div>
    </div>
  );
}
