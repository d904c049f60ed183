/**
 * Copies the page's link (the URL binder keeps it in step with the view). Where the clipboard
 * is missing (an insecure context, e.g. file:// or plain http) or refused, the link is shown
 * selected in a read-only field for the user to copy.
 *
 * With imported layers, the link carries them in its fragment (`#imp=…`), so the receiver sees
 * the same map. The encoder is passed in by the app (src/url is not the UI's to import); when
 * the layers are too large for a link, it is copied without them and the user is told.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ImportLayer } from '../../domain/import/types';
import { useAppStoreApi } from '../../store/use-app-store';
import '../../components/button.css';
import './share.css';
import { useT } from '../../i18n/use-t';

/**
 * The `imp` fragment value for the layers, or null when there are none or too much for a link.
 * It may come later (a promise): an encoder can load its compression code on first use.
 */
export type ImportFragmentEncoder = (layers: readonly ImportLayer[]) => string | null | Promise<string | null>;

/** The page's link with the layers' fragment in place of any hash (none without layers). */
async function linkWithImports(href: string, layers: readonly ImportLayer[], encode?: ImportFragmentEncoder) {
  if (!encode || layers.length === 0) return { href, tooLong: false };
  const base = href.split('#')[0] ?? href;
  const fragment = await encode(layers);
  return fragment === null ? { href: base, tooLong: true } : { href: `${base}#imp=${fragment}`, tooLong: false };
}

type Status = 'idle' | 'copied' | 'fallback';

/** How long "Link copied" stays on screen. */
const COPIED_MS = 4000;

export function ShareButton({ importFragment }: { importFragment?: ImportFragmentEncoder } = {}) {
  const tr = useT();
  const store = useAppStoreApi();
  const [status, setStatus] = useState<Status>('idle');
  const [link, setLink] = useState('');
  const [tooLong, setTooLong] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const labelId = useId();

  useEffect(() => {
    if (status !== 'copied') return;
    const timer = setTimeout(() => setStatus('idle'), COPIED_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const share = async () => {
    const shared = await linkWithImports(window.location.href, store.getState().imports, importFragment);
    const href = shared.href;
    setTooLong(shared.tooLong);
    setLink(href);
    try {
      // Typed as always present, but undefined outside secure contexts.
      const clipboard: Clipboard | undefined = navigator.clipboard;
      if (!clipboard) throw new Error('no clipboard');
      await clipboard.writeText(href);
      setStatus('copied');
    } catch {
      setStatus('fallback');
    }
  };

  const close = (next: Status = 'idle') => {
    setStatus(next);
    buttonRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close();
  };

  return (
    <div className="share">
      <button type="button" ref={buttonRef} className="btn share-control" onClick={() => void share()}>
        {tr('share')}
      </button>
      <span className="share-status" role="status">
        {status === 'copied' ? tr('shareCopied') : ''}
        {status !== 'idle' && tooLong ? ` ${tr('importShareTooLong')}` : ''}
      </span>
      {status === 'fallback' && (
        <div className="share-fallback" role="group" aria-labelledby={labelId} onKeyDown={onKeyDown}>
          <label id={labelId} htmlFor={`${labelId}-link`}>
            {tr('shareCopyThis')}
          </label>
          <input
            id={`${labelId}-link`}
            type="text"
            readOnly
            autoFocus
            value={link}
            onFocus={(e) => e.currentTarget.select()}
            onCopy={() => close('copied')}
          />
          <button type="button" className="btn share-control" onClick={() => close()}>
            {tr('shareClose')}
          </button>
        </div>
      )}
    </div>
  );
}
