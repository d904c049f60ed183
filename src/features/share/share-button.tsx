/**
 * Share: copies the page's link (the URL binder keeps it in step with the view, every choice
 * pinned) at once, as it always did, and opens a small dialog with the link and the `<iframe>`
 * code of the same view (share-dialog.tsx). The dialog's code is a chunk of its own, loaded after
 * the first choropleth at the reader's first input (PreloadAfterPaint), or when the button is
 * pointed at, focused or pressed. Pressed before it is in, the button copies the link all the
 * same, says "Loading…" (aria-busy) and keeps focus, and the dialog opens once its code is in; a
 * failed load closes it and says so in a notice (pressing Share again tries again).
 *
 * With imported layers, the link carries them in its fragment (`#imp=…`), so the receiver sees
 * the same map. The encoder is passed in by the app (src/url is not the UI's to import); when
 * the layers are too large for a link, it is copied without them and the user is told.
 */
import { useCallback, useState } from 'react';
import type { ImportLayer } from '../../domain/import/types';
import { LazyButton, PreloadAfterPaint, lazyModule, retryableImport } from '../../components/lazy-feature';
import { useAppStoreApi } from '../../store/use-app-store';
import '../../components/button.css';
import '../../components/modal-dialog.css';
import './share.css';
import { useT } from '../../i18n/use-t';

/**
 * The `imp` fragment value for the layers, or null when there are none or too much for a link.
 * It may come later (a promise): an encoder can load its compression code on first use.
 */
export type ImportFragmentEncoder = (layers: readonly ImportLayer[]) => string | null | Promise<string | null>;

/** The embedded view's address for a page address (adds embed=1; given by the app, which owns the URL). */
export type EmbedLinkMaker = (href: string) => string;

export type CopyStatus = 'idle' | 'copied' | 'refused';

/** The id of the Share button: focus goes back there when the dialog closes. */
export const SHARE_BUTTON_ID = 'share-button';

/** The page's link with the layers' fragment in place of any hash (none without layers). */
async function linkWithImports(href: string, layers: readonly ImportLayer[], encode?: ImportFragmentEncoder) {
  if (!encode || layers.length === 0) return { href, tooLong: false };
  const base = href.split('#')[0] ?? href;
  const fragment = await encode(layers);
  return fragment === null ? { href: base, tooLong: true } : { href: `${base}#imp=${fragment}`, tooLong: false };
}

export async function copyText(text: string): Promise<boolean> {
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

const dialog = lazyModule(retryableImport(() => import('./share-dialog')));

export function ShareButton({
  importFragment,
  embedLink,
}: { importFragment?: ImportFragmentEncoder; embedLink?: EmbedLinkMaker } = {}) {
  const tr = useT();
  const store = useAppStoreApi();
  const status = dialog.useStatus();
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState('');
  const [tooLong, setTooLong] = useState(false);
  const [linkStatus, setLinkStatus] = useState<CopyStatus>('idle');
  const Dialog = status === 'ready' ? dialog.get()?.ShareDialog : undefined;
  const loading = open && status === 'loading';

  const onFailed = useCallback(() => {
    setOpen(false);
    store.getState().notify('warning', tr('featureLoadFailed', { name: tr('share') }));
  }, [store, tr]);

  // The link is copied whether or not the dialog's code comes in.
  const share = async () => {
    const loaded = dialog.load().then(
      () => true,
      () => false,
    );
    const shared = await linkWithImports(window.location.href, store.getState().imports, importFragment);
    setTooLong(shared.tooLong);
    setLink(shared.href);
    if (dialog.getStatus() !== 'failed') setOpen(true);
    const copied = await copyText(shared.href);
    setLinkStatus(copied ? 'copied' : 'refused');
    if (!(await loaded)) onFailed();
  };

  return (
    <div className="share">
      <LazyButton
        id={SHARE_BUTTON_ID}
        className="btn share-control"
        open={open}
        loading={loading}
        preload={dialog.preload}
        onClick={() => void share()}
        label={tr('share')}
      />
      {status !== 'ready' && <PreloadAfterPaint preload={dialog.preload} />}
      {Dialog && (
        <Dialog
          open={open}
          setOpen={setOpen}
          link={link}
          tooLong={tooLong}
          linkStatus={linkStatus}
          setLinkStatus={setLinkStatus}
          embedLink={embedLink}
        />
      )}
    </div>
  );
}
