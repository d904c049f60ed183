/**
 * Share: copies the page's link (the URL binder keeps it in step with the view, every choice
 * pinned) at once, as it always did, and opens a small dialog with (a) the link and a Copy
 * button and (b) the `<iframe>` code of the same view for an article, with a height to choose.
 * Where the clipboard is missing (an insecure context, e.g. file:// or plain http) or refused,
 * the text stays selected in its read-only field for the user to copy, and the status says so.
 *
 * With imported layers, the link carries them in its fragment (`#imp=…`), so the receiver sees
 * the same map. The encoder is passed in by the app (src/url is not the UI's to import); when
 * the layers are too large for a link, it is copied without them and the user is told. The
 * embed never carries them: an article shows the published data (the dialog says so).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ImportLayer } from '../../domain/import/types';
import { useModalDialog } from '../../components/use-modal-dialog';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import '../../components/button.css';
import '../../components/modal-dialog.css';
import './share.css';
import { useT } from '../../i18n/use-t';
import { DEFAULT_EMBED_HEIGHT, EMBED_HEIGHTS, embedSnippet, type EmbedHeight } from './embed-snippet';

/**
 * The `imp` fragment value for the layers, or null when there are none or too much for a link.
 * It may come later (a promise): an encoder can load its compression code on first use.
 */
export type ImportFragmentEncoder = (layers: readonly ImportLayer[]) => string | null | Promise<string | null>;

/** The embedded view's address for a page address (adds embed=1; given by the app, which owns the URL). */
export type EmbedLinkMaker = (href: string) => string;

/** The page's link with the layers' fragment in place of any hash (none without layers). */
async function linkWithImports(href: string, layers: readonly ImportLayer[], encode?: ImportFragmentEncoder) {
  if (!encode || layers.length === 0) return { href, tooLong: false };
  const base = href.split('#')[0] ?? href;
  const fragment = await encode(layers);
  return fragment === null ? { href: base, tooLong: true } : { href: `${base}#imp=${fragment}`, tooLong: false };
}

type CopyStatus = 'idle' | 'copied' | 'refused';

/** How long "Link copied" stays on screen. */
const COPIED_MS = 4000;

/** The id of the Share button: focus goes back there when the dialog closes. */
const SHARE_BUTTON_ID = 'share-button';

async function copyText(text: string): Promise<boolean> {
  try {
    // Typed as always present, but undefined outside secure contexts.
    const clipboard: Clipboard | undefined = navigator.clipboard;
    if (!clipboard) return false;
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function selectField(field: HTMLInputElement | HTMLTextAreaElement | null) {
  field?.focus();
  field?.select();
}

export function ShareButton({
  importFragment,
  embedLink,
}: { importFragment?: ImportFragmentEncoder; embedLink?: EmbedLinkMaker } = {}) {
  const tr = useT();
  const store = useAppStoreApi();
  const year = useAppStore((s) => s.year);
  const hasImports = useAppStore((s) => s.imports.length > 0);
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState('');
  const [tooLong, setTooLong] = useState(false);
  const [linkStatus, setLinkStatus] = useState<CopyStatus>('idle');
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

  useEffect(() => {
    if (linkStatus !== 'copied' && embedStatus !== 'copied') return;
    const timer = setTimeout(() => {
      setLinkStatus((s) => (s === 'copied' ? 'idle' : s));
      setEmbedStatus((s) => (s === 'copied' ? 'idle' : s));
    }, COPIED_MS);
    return () => clearTimeout(timer);
  }, [linkStatus, embedStatus]);

  const share = async () => {
    const shared = await linkWithImports(window.location.href, store.getState().imports, importFragment);
    setTooLong(shared.tooLong);
    setLink(shared.href);
    setEmbedStatus('idle');
    setOpen(true);
    const copied = await copyText(shared.href);
    setLinkStatus(copied ? 'copied' : 'refused');
    if (!copied) selectField(linkRef.current);
  };

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
    <div className="share">
      <button type="button" id={SHARE_BUTTON_ID} className="btn share-control" onClick={() => void share()}>
        {tr('share')}
      </button>
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
    </div>
  );
}
