/**
 * The embedded view's footer, whose code (embed-footer.tsx) is a chunk of its own so that the
 * explorer, which never shows it, does not load it. The embedded view asks for it as it first
 * renders (the footer is on its first screen, and the chunk is small). Until it is in, the
 * footer's place shows the source line and "Loading…" where the link will be, in the same box
 * (embed.css), so the map above does not move; a failed load says so there, with a button to
 * try again.
 */
import { useEffect, type CSSProperties } from 'react';
import { lazyModule, retryableImport } from '../../components/lazy-feature';
import { useT } from '../../i18n/use-t';
import './embed.css';

/** Two layers in one place: the wider one sets the slot's width. */
const STACK: CSSProperties = { display: 'inline-grid', alignItems: 'center' };
const IN_STACK: CSSProperties = { gridArea: '1 / 1' };

const footer = lazyModule(retryableImport(() => import('./embed-footer')));

export function EmbedFooter({ explorerHref }: { explorerHref: () => string }) {
  const tr = useT();
  const status = footer.useStatus();
  useEffect(() => {
    footer.preload();
  }, []);
  const Loaded = status === 'ready' ? footer.get()?.EmbedFooter : undefined;
  if (Loaded) return <Loaded explorerHref={explorerHref} />;

  const failed = status === 'failed';
  return (
    <footer className="embed-footer" aria-busy={!failed}>
      <p className="embed-source">{tr('embedSource')}</p>
      {failed ? (
        <p className="embed-source" role="alert">
          {tr('featureLoadFailed', { name: tr('embedOpen') })}{' '}
          <button type="button" className="btn" onClick={footer.preload}>
            {tr('robustRetry')}
          </button>
        </p>
      ) : (
        // The link's words, unseen, under "Loading…": the slot is as wide as the link will be,
        // so the source line wraps as it will then. Styles set as properties (the CSP allows them).
        <span className="embed-open" role="status" style={STACK}>
          <span className="embed-open" style={{ ...IN_STACK, visibility: 'hidden' }} aria-hidden="true">
            {tr('embedOpen')}
            <span> ↗</span>
          </span>
          <span style={IN_STACK}>{tr('featureLoading')}</span>
        </span>
      )}
    </footer>
  );
}
