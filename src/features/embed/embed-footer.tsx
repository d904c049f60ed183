/**
 * The embedded view's last line: a short source line (data and boundary note) and "Open in the
 * explorer ↗", the same view without embed=1 in a new tab. The address comes from the app (the
 * URL is not the features' to read); it is read again on every render and at the click itself,
 * so the link follows the year and the selection even while the address is being written.
 */
import type { MouseEvent } from 'react';
import { useAppStore } from '../../store/use-app-store';
import { useT } from '../../i18n/use-t';
import './embed.css';

export function EmbedFooter({ explorerHref }: { explorerHref: () => string }) {
  const tr = useT();
  // Re-rendered when what the address holds changes, so the link's href follows it.
  useAppStore((s) => JSON.stringify([s.year, s.selected, s.mode, s.base, s.flow, s.pref, s.lang, s.view, s.playing]));
  const refresh = (event: MouseEvent<HTMLAnchorElement>) => {
    event.currentTarget.href = explorerHref();
  };
  return (
    <footer className="embed-footer">
      <p className="embed-source">{tr('embedSource')}</p>
      <a className="embed-open" href={explorerHref()} target="_blank" rel="noopener" onClick={refresh}>
        {tr('embedOpen')}
        <span aria-hidden="true"> ↗</span>
        <span className="sr-only"> {tr('embedOpenHint')}</span>
      </a>
    </footer>
  );
}
