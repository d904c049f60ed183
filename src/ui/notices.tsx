/**
 * Messages for the user that stay until dismissed, e.g. which keys of a link were ignored and
 * why. Text is rendered as React text only: it can quote a pasted link.
 */
import { useRef } from 'react';
import { useAppStore } from '../store/use-app-store';
import './button.css';
import './share.css';
import { useT } from './use-t';

export function Notices() {
  const tr = useT();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const listRef = useRef<HTMLUListElement>(null);

  const onDismiss = (id: number, index: number) => {
    dismiss(id);
    // The focused button disappears with its notice: move focus to a neighbour's, not to <body>.
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('.notice-dismiss');
    const next = buttons?.[index + 1] ?? buttons?.[index - 1];
    next?.focus();
  };

  // Always mounted (an empty list takes no space), so notices added later are announced.
  return (
    <div className="notices">
      <ul ref={listRef} aria-label={tr('noticesLabel')}>
        {notices.map((notice, index) => (
          <li
            key={notice.id}
            className={`notice notice-${notice.kind}`}
            role={notice.kind === 'warning' ? 'alert' : 'status'}
          >
            <span className="notice-text" id={`notice-${notice.id}`}>
              {notice.text}
            </span>
            <button
              type="button"
              className="btn notice-dismiss"
              aria-describedby={`notice-${notice.id}`}
              onClick={() => onDismiss(notice.id, index)}
            >
              {tr('noticeDismiss')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
