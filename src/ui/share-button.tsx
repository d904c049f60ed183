/**
 * Copies the page's link (the URL binder keeps it in step with the view). Where the clipboard
 * is missing (an insecure context, e.g. file:// or plain http) or refused, the link is shown
 * selected in a read-only field for the user to copy.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import './share.css';
import { useT } from './use-t';

type Status = 'idle' | 'copied' | 'fallback';

/** How long "Link copied" stays on screen. */
const COPIED_MS = 4000;

export function ShareButton() {
  const tr = useT();
  const [status, setStatus] = useState<Status>('idle');
  const [link, setLink] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const labelId = useId();

  useEffect(() => {
    if (status !== 'copied') return;
    const timer = setTimeout(() => setStatus('idle'), COPIED_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const share = async () => {
    const href = window.location.href;
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
      <button type="button" ref={buttonRef} className="share-control" onClick={() => void share()}>
        {tr('share')}
      </button>
      <span className="share-status" role="status">
        {status === 'copied' ? tr('shareCopied') : ''}
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
          <button type="button" className="share-control" onClick={() => close()}>
            {tr('shareClose')}
          </button>
        </div>
      )}
    </div>
  );
}
