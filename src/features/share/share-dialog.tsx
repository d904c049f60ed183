/**
 * The Share dialog (loaded on first use, by share-button.tsx): (a) the link, copied already by
 * the button, with a Copy button and (b) the `<iframe>` code of the same view for an article,
 * with a height to choose. Where the clipboard is missing (an insecure context, e.g. file:// or
 * plain http) or refused, the text stays selected in its read-only field for the user to copy,
 * and the status says so. The embed never carries imported layers: an article shows the
 * published data (the dialog says so).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useModalDialog } from '../../components/use-modal-dialog';
import { useAppStore } from '../../store/use-app-store';
import { useT } from '../../i18n/use-t';
import { DEFAULT_EMBED_HEIGHT, EMBED_HEIGHTS, embedSnippet, type EmbedHeight } from './embed-snippet';
import { SHARE_BUTTON_ID, copyText, type CopyStatus, type EmbedLinkMaker } from './share-button';

/** How long "Link copied" stays on screen. */
const COPIED_MS = 4000;

function selectField(field: HTMLInputElement | HTMLTextAreaElement | null) {
  field?.focus();
  field?.select();
}

export interface ShareDialogProps {
  open: boolean;
  setOpen: (open: boolean) => void;
  /** The link the button made (with the imported layers' fragment where they fit). */
  link: string;
  /** The layers did not fit in the link: it was copied without them. */
  tooLong: boolean;
  /** Whether the button's copy of the link worked; the dialog's Copy button sets it too. */
  linkStatus: CopyStatus;
  setLinkStatus: (status: CopyStatus | ((s: CopyStatus) => CopyStatus)) => void;
  embedLink?: EmbedLinkMaker;
}

export function ShareDialog({ open, setOpen, link, tooLong, linkStatus, setLinkStatus, embedLink }: ShareDialogProps) {
  const tr = useT();
  const year = useAppStore((s) => s.year);
  const hasImports = useAppStore((s) => s.imports.length > 0);
  const [embedStatus, setEmbedStatus] = useState<CopyStatus>('idle');
  const [height, setHeight] = useState<EmbedHeight>(DEFAULT_EMBED_HEIGHT);
  const linkRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  const { dialogRef, onClose, onKeyDown } = useModalDialog({
    open,
    setOpen,
    fallbackFocusId: SHARE_BUTTON_ID,
    focusOnOpen: () => selectField(linkRef.current),
    trapTab: true,
  });

  // Each opening starts with the embed code not yet copied (state adjusted as `open` changes).
  const [shownOpen, setShownOpen] = useState(open);
  if (open !== shownOpen) {
    setShownOpen(open);
    if (open) setEmbedStatus('idle');
  }

  // A refused copy (by the button, or again here) leaves the link selected for Ctrl+C.
  useEffect(() => {
    if (open && linkStatus === 'refused') selectField(linkRef.current);
  }, [open, linkStatus]);

  useEffect(() => {
    if (linkStatus !== 'copied' && embedStatus !== 'copied') return;
    const timer = setTimeout(() => {
      setLinkStatus((s) => (s === 'copied' ? 'idle' : s));
      setEmbedStatus((s) => (s === 'copied' ? 'idle' : s));
    }, COPIED_MS);
    return () => clearTimeout(timer);
  }, [linkStatus, embedStatus, setLinkStatus]);

  const copyLink = async () => {
    const copied = await copyText(link);
    setLinkStatus(copied ? 'copied' : 'refused');
    if (!copied) selectField(linkRef.current);
  };

  // The embed is the page's own address (no #imp: an article shows the published data).
  const embedSrc = embedLink ? embedLink(window.location.href.split('#')[0] ?? '') : '';
  const code = embedLink ? embedSnippet({ src: embedSrc, title: tr('embedFrameTitle', { year }), height }) : '';

  const copyCode = async () => {
    const copied = await copyText(code);
    setEmbedStatus(copied ? 'copied' : 'refused');
    if (!copied) selectField(codeRef.current);
  };

  const statusText = [
    linkStatus === 'copied' ? tr('shareCopied') : '',
    embedStatus === 'copied' ? tr('shareEmbedCopied') : '',
    linkStatus === 'refused' || embedStatus === 'refused' ? tr('shareCopyRefused') : '',
    tooLong ? tr('importShareTooLong') : '',
  ]
    .filter((s) => s !== '')
    .join(' ');

  return (
    <dialog
      ref={dialogRef}
      className="modal-dialog share-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      {open && (
        <div className="share-frame">
          <header className="share-header">
            <h2 id={`${id}-title`}>{tr('shareDialogTitle')}</h2>
            <button
              type="button"
              className="modal-close"
              aria-label={tr('shareClose')}
              title={tr('shareClose')}
              onClick={() => setOpen(false)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </header>
          <p className="share-status" role="status">
            {statusText}
          </p>
          <div className="share-field">
            <label htmlFor={`${id}-link`}>{tr('shareLinkLabel')}</label>
            <div className="share-row">
              <input
                ref={linkRef}
                id={`${id}-link`}
                type="text"
                readOnly
                value={link}
                onFocus={(e) => e.currentTarget.select()}
                onCopy={() => setLinkStatus('copied')}
              />
              <button type="button" className="btn share-control" onClick={() => void copyLink()}>
                {tr('shareCopyLink')}
              </button>
            </div>
          </div>
          {embedLink && (
            <section className="share-embed" aria-labelledby={`${id}-embed`}>
              <h3 id={`${id}-embed`}>{tr('shareEmbedTitle')}</h3>
              <p className="share-note">{tr('shareEmbedNote')}</p>
              {hasImports && <p className="share-note">{tr('shareEmbedNoImports')}</p>}
              <div className="share-row share-height">
                <label htmlFor={`${id}-height`}>{tr('shareEmbedHeight')}</label>
                <select
                  id={`${id}-height`}
                  value={height}
                  onChange={(e) => {
                    const next = EMBED_HEIGHTS.find((h) => String(h) === e.currentTarget.value);
                    if (next !== undefined) setHeight(next);
                    setEmbedStatus('idle');
                  }}
                >
                  {EMBED_HEIGHTS.map((h) => (
                    <option key={h} value={h}>
                      {tr('shareEmbedHeightOption', { px: h })}
                    </option>
                  ))}
                </select>
              </div>
              <label htmlFor={`${id}-code`}>{tr('shareEmbedLabel')}</label>
              <textarea
                ref={codeRef}
                id={`${id}-code`}
                readOnly
                rows={4}
                value={code}
                onFocus={(e) => e.currentTarget.select()}
                onCopy={() => setEmbedStatus('copied')}
              />
              <button type="button" className="btn share-control share-copy-code" onClick={() => void copyCode()}>
                {tr('shareCopyEmbed')}
              </button>
            </section>
          )}
        </div>
      )}
    </dialog>
  );
}
