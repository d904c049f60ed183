/**
 * The details' "Report card" button. The card's code (its model, the vector map, the PNG) is a
 * chunk of its own, loaded when the button is pointed at, focused or pressed; the dialog opens
 * once it is in, and the button says "Loading…" meanwhile (focus stays on it, and the dialog gives
 * it back on closing). The card is for the selected unit in the selected year (the store's).
 */
import { useState } from 'react';
import { LazyButton, lazyModule, retryableImport } from '../../components/lazy-feature';
import { useT } from '../../i18n/use-t';
import { useAppStoreApi } from '../../store/use-app-store';

/** The button's id: focus returns here when the card closes (see useModalDialog). */
export const REPORT_BUTTON_ID = 'report-card-button';

const dialog = lazyModule(retryableImport(() => import('./report-dialog')));

export function ReportCardButton({ name }: { name: string }) {
  const tr = useT();
  const store = useAppStoreApi();
  const status = dialog.useStatus();
  const [open, setOpen] = useState(false);
  const Dialog = status === 'ready' ? dialog.get()?.ReportDialog : undefined;
  const loading = open && status === 'loading';

  const onOpen = () => {
    setOpen(true);
    dialog.load().catch(() => {
      setOpen(false);
      store.getState().notify('warning', tr('featureLoadFailed', { name: tr('reportButton') }));
    });
  };

  return (
    <>
      <LazyButton
        id={REPORT_BUTTON_ID}
        className="dp-report"
        open={open}
        loading={loading}
        preload={dialog.preload}
        onClick={onOpen}
        label={tr('reportButton')}
        ariaLabel={tr('reportButtonLabel', { name })}
        loadingClassName="dp-report-loading"
      />
      {Dialog && <Dialog open={open} setOpen={setOpen} />}
    </>
  );
}
