/**
 * Messages for the user that stay until dismissed, e.g. which parts of a link were ignored and
 * why. Text is rendered as React text only: it can quote a pasted link.
 *
 * They overlay the top of the map area and never push the page down: a link can produce a long
 * list (a key repeated hundreds of times), so a notice shows the first few items of its list
 * with a button for the rest, only the newest notices are shown with a button for the earlier
 * ones, and the whole stack scrolls within a maximum height (the page's overlay stack over the
 * map, .map-overlays in components/styles.css).
 */
import { useRef, useState } from 'react';
import type { Notice } from '../../store/store';
import { useAppStore } from '../../store/use-app-store';
import '../../components/button.css';
import './notices.css';
import { useT } from '../../i18n/use-t';

/** Items of a notice's list shown before "Show all". */
export const DETAILS_SHOWN = 3;
/** Notices shown before "Show N earlier notices": the newest ones. */
export const NOTICES_SHOWN = 3;

function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss: (button: HTMLButtonElement) => void }) {
  const tr = useT();
  const [expanded, setExpanded] = useState(false);
  const details = notice.details ?? [];
  const actions = notice.actions ?? [];
  const textId = `notice-${notice.id}`;
  const moreId = `notice-${notice.id}-more`;
  const collapsible = details.length > DETAILS_SHOWN;
  return (
    <li className={`notice notice-${notice.kind}`}>
      <div className="notice-body">
        {/*
          The live region holds the text and the first items only: the rest are added when the
          user asks for them, and a live region would read all of them out again.
        */}
        <div role={notice.kind === 'warning' ? 'alert' : 'status'}>
          <p className="notice-text" id={textId}>
            {notice.text}
          </p>
          {details.length > 0 && (
            <ul className="notice-details">
              {details.slice(0, DETAILS_SHOWN).map((detail, i) => (
                <li key={i}>{detail}</li>
              ))}
            </ul>
          )}
        </div>
        {collapsible && (
          <>
            {/*
              Scrolls on its own, so a long list leaves the notice's buttons and the other notices
              in view; focusable, so the keyboard can scroll it too.
            */}
            <ul
              className="notice-details notice-more"
              id={moreId}
              hidden={!expanded}
              tabIndex={expanded ? 0 : -1}
              aria-label={tr('noticeMoreItems', { n: details.length - DETAILS_SHOWN })}
            >
              {expanded && details.slice(DETAILS_SHOWN).map((detail, i) => <li key={i}>{detail}</li>)}
            </ul>
            <button
              type="button"
              className="notice-toggle"
              aria-expanded={expanded}
              aria-controls={moreId}
              aria-describedby={textId}
              onClick={() => setExpanded(!expanded)}
            >
              {expanded ? tr('noticeShowFewer') : tr('noticeShowAll', { n: details.length })}
            </button>
          </>
        )}
        {actions.length > 0 && (
          <div className="notice-actions">
            {actions.map((action, i) => (
              <button key={i} type="button" className="btn" aria-describedby={textId} onClick={() => action.run()}>
                {action.label}
              </button>
            ))}
          </div>
        )}
      </div>
      <button
        type="button"
        className="btn notice-dismiss"
        aria-describedby={textId}
        onClick={(event) => onDismiss(event.currentTarget)}
      >
        {tr('noticeDismiss')}
      </button>
    </li>
  );
}

/**
 * Where focus goes when the notices are gone: the first element outside them that takes focus,
 * in the nearest enclosing area that has one (the overlay stack, else the map area around it).
 */
function focusAfterNotices(container: HTMLElement | null) {
  for (let area = container?.parentElement; area; area = area.parentElement) {
    const candidates = area.querySelectorAll<HTMLElement>('button, [href], input, select, [tabindex="0"]');
    for (const element of candidates) {
      if (!container?.contains(element) && element.offsetParent !== null) {
        element.focus();
        return;
      }
    }
  }
}

export function Notices() {
  const tr = useT();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const dismissAll = useAppStore((s) => s.dismissAllNotices);
  const [showEarlier, setShowEarlier] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const earlier = showEarlier ? 0 : Math.max(0, notices.length - NOTICES_SHOWN);
  const shown = notices.slice(earlier);

  const onDismiss = (id: number, button: HTMLButtonElement) => {
    // The focused button disappears with its notice: move focus to a neighbour's, not to <body>.
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('.notice-dismiss') ?? [])];
    const index = buttons.indexOf(button);
    const next = buttons[index + 1] ?? buttons[index - 1];
    dismiss(id);
    if (next) next.focus();
    else focusAfterNotices(containerRef.current);
  };

  const onDismissAll = () => {
    dismissAll();
    setShowEarlier(false);
    focusAfterNotices(containerRef.current);
  };

  // Always mounted (empty, it takes no space and lets clicks through), so notices added later
  // are announced.
  return (
    <div className="notices" ref={containerRef}>
      {notices.length >= 2 && (
        <div className="notices-bar">
          <span className="notices-count">{tr('noticesCount', { n: notices.length })}</span>
          {notices.length > NOTICES_SHOWN && (
            <button
              type="button"
              className="notice-toggle"
              aria-expanded={showEarlier}
              aria-controls="notices-list"
              onClick={() => setShowEarlier(!showEarlier)}
            >
              {showEarlier ? tr('noticeHideEarlier') : tr('noticeShowEarlier', { n: notices.length - NOTICES_SHOWN })}
            </button>
          )}
          <button type="button" className="btn notices-dismiss-all" onClick={onDismissAll}>
            {tr('noticeDismissAll')}
          </button>
        </div>
      )}
      <ul ref={listRef} id="notices-list" aria-label={tr('noticesLabel')}>
        {shown.map((notice) => (
          <NoticeItem key={notice.id} notice={notice} onDismiss={(button) => onDismiss(notice.id, button)} />
        ))}
      </ul>
    </div>
  );
}
