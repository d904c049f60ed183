/**
 * The report card's dialog (loaded on first use): a modal over the app with Print, PNG and
 * Close, and the card as an A4 portrait sheet, scaled down to fit a narrow screen. The dialog is
 * a child of <body> (a portal), so the print stylesheet can leave out everything else on the
 * page: only the card prints (report-card.css). Focus is trapped inside while it is open,
 * Escape closes it, and focus goes back to the "Report card" button (useModalDialog).
 *
 * The card is for the selected unit in the selected year; its link is the page's address when
 * the card is shown (the URL binding keeps it in step with the selection).
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { reportCard } from '../../domain/report-card';
import { areaLabel } from '../../domain/summary-rows';
import { scopeCounts } from '../../domain/unit-comparison';
import { saveFile } from '../../components/save-file';
import { useModalDialog } from '../../components/use-modal-dialog';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/use-app-store';
import '../../components/button.css';
import '../../components/modal-dialog.css';
import './report-card.css';
import './report-dialog.css';
import cardCss from './report-card.css?inline';
import { REPORT_BUTTON_ID } from './report-button';
import { ReportCardView } from './report-card-view';
import { drawReportMap } from './report-map';
import { SHEET_WIDTH_PX, sheetPng } from './report-png';
import './on-demand-messages';

/** Room left on each side of the sheet on screen (px). */
const GUTTER = 12;

export function ReportDialog({ open, setOpen }: { open: boolean; setOpen: (open: boolean) => void }) {
  const tr = useT();
  const lang = useAppStore((s) => s.lang);
  const data = useAppStore((s) => s.data);
  const selected = useAppStore((s) => s.selected);
  const year = useAppStore((s) => s.year);
  const notify = useAppStore((s) => s.notify);
  const ids = useId();
  const titleId = `${ids}-title`;
  const printRef = useRef<HTMLButtonElement>(null);
  const viewportRef = useRef<HTMLDivElement>(null);
  const sheetRef = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  const [working, setWorking] = useState(false);

  const ready = data.status === 'ready' ? data : null;
  const counts = useMemo(() => (ready ? scopeCounts(ready.dataset) : null), [ready]);
  const card = useMemo(() => {
    if (!open || !ready || !counts || selected === null) return null;
    return reportCard(ready.dataset, ready.index, ready.geometry.neighbours, counts, selected, year);
  }, [open, ready, counts, selected, year]);
  const drawing = useMemo(
    () => (card && ready ? drawReportMap(card.map, ready.dataset, ready.index, ready.geometry, lang) : null),
    [card, ready, lang],
  );
  // Taken when the card is shown (or its unit, year or language changes).
  const stamp = useMemo(() => {
    if (!card) return null;
    const date = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'long' }).format(new Date());
    return { date, link: window.location.href };
  }, [card, lang]);

  const { dialogRef, onClose, onKeyDown } = useModalDialog({
    open: open && card !== null,
    setOpen,
    fallbackFocusId: REPORT_BUTTON_ID,
    focusOnOpen: () => printRef.current?.focus(),
    trapTab: true,
  });

  // The sheet keeps its A4 layout; on a narrow screen it is shown smaller (CSS zoom), never reflowed.
  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport || !card) return undefined;
    const fit = () => setZoom(Math.min(1, (viewport.clientWidth - 2 * GUTTER) / SHEET_WIDTH_PX));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(viewport);
    return () => observer.disconnect();
  }, [card]);

  // A selection cleared while the card is open (another tab, a link) closes it.
  useEffect(() => {
    if (open && selected === null) setOpen(false);
  }, [open, selected, setOpen]);

  const name = card ? (lang === 'zh' ? card.unit.nameZh : card.unit.nameEn) : '';

  const onPng = async () => {
    const sheet = sheetRef.current?.querySelector<HTMLElement>('.rc-sheet');
    const dialog = dialogRef.current;
    if (!sheet || !dialog || !card || working) return;
    setWorking(true);
    try {
      const blob = await sheetPng(sheet, dialog, cardCss, 2);
      const file = `report-card-${card.unit.code}-${card.year}-${lang}.png`;
      saveFile(blob, file, dialog);
      notify('info', tr('reportPngDone', { file }));
    } catch {
      notify('warning', tr('reportPngFailed'));
    } finally {
      setWorking(false);
    }
  };

  return createPortal(
    <dialog
      ref={dialogRef}
      className="modal-dialog rc-dialog"
      aria-label={tr('reportDialogLabel', { name })}
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      {open && card && stamp && ready && (
        <div className="rc-frame">
          <div className="rc-toolbar">
            <button ref={printRef} type="button" className="btn" onClick={() => window.print()}>
              {tr('reportPrint')}
            </button>
            <button type="button" className="btn" aria-busy={working} onClick={() => void onPng()}>
              {working ? tr('reportPngWorking') : tr('reportPng')}
            </button>
            <button
              type="button"
              className="modal-close rc-close"
              aria-label={tr('reportClose')}
              onClick={() => setOpen(false)}
            >
              ×
            </button>
          </div>
          {/* The sheet scrolls: focusable, so the keyboard can scroll it (arrows, Page Down). */}
          <div
            ref={viewportRef}
            className="rc-viewport"
            role="region"
            aria-label={tr('reportDialogLabel', { name })}
            tabIndex={0}
          >
            <div ref={sheetRef} className="rc-zoom" style={{ zoom }}>
              <ReportCardView
                card={card}
                drawing={drawing}
                ctx={{ tr, lang, areaName: (code) => areaLabel(ready.dataset, code, lang) }}
                madeOn={stamp.date}
                link={stamp.link}
                titleId={titleId}
              />
            </div>
          </div>
        </div>
      )}
    </dialog>,
    document.body,
  );
}
