/**
 * A native <dialog> opened and closed from the store, as a modal: shown with showModal() when
 * `open` turns true (focus then goes where `focusOnOpen` puts it), closed when it turns false;
 * however it closes (Escape, a close button, the store), the store is told and focus goes back
 * to the control that opened it, or to `fallbackFocusId` when that control is gone. Escape is
 * handled on the dialog, and marked as handled, so the details panel's window-level Escape
 * (which clears the selection) does not also fire. With `trapTab`, Tab and Shift+Tab cycle
 * inside the dialog instead of leaving it for the browser's own controls.
 */
import { useCallback, useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

export interface ModalDialogOptions {
  open: boolean;
  setOpen: (open: boolean) => void;
  /** The id of the control that opens the dialog: focus goes there when the opener is gone. */
  fallbackFocusId: string;
  /** Puts focus inside the dialog once it is shown. */
  focusOnOpen: (dialog: HTMLDialogElement) => void;
  trapTab?: boolean;
}

export interface ModalDialog {
  dialogRef: RefObject<HTMLDialogElement | null>;
  onClose: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLDialogElement>) => void;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** The focusable elements inside `root` that are shown, in document order. */
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.offsetParent !== null || el === document.activeElement,
  );
}

export function useModalDialog({
  open,
  setOpen,
  fallbackFocusId,
  focusOnOpen,
  trapTab = false,
}: ModalDialogOptions): ModalDialog {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<Element | null>(null);
  // The latest callback without re-running the effect when the caller passes a new function.
  // (Declared before the effect that reads it, so it runs first.)
  const focusOnOpenRef = useRef(focusOnOpen);
  useEffect(() => {
    focusOnOpenRef.current = focusOnOpen;
  });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      openerRef.current = document.activeElement;
      dialog.showModal();
      focusOnOpenRef.current(dialog);
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const onClose = useCallback(() => {
    setOpen(false);
    const opener = openerRef.current;
    openerRef.current = null;
    const target =
      opener instanceof HTMLElement && opener.isConnected && opener !== document.body
        ? opener
        : document.getElementById(fallbackFocusId);
    target?.focus();
  }, [setOpen, fallbackFocusId]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDialogElement>) => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        setOpen(false);
        return;
      }
      const dialog = dialogRef.current;
      if (!trapTab || event.key !== 'Tab' || !dialog) return;
      const list = focusables(dialog);
      const first = list[0];
      const last = list[list.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    },
    [setOpen, trapTab],
  );

  return { dialogRef, onClose, onKeyDown };
}
