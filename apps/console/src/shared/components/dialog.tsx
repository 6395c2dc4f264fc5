import { type FormEvent, type ReactNode, useEffect, useId, useRef } from "react";
import { strings } from "../strings";

/**
 * The console's one modal (a native <dialog>, so focus is trapped): a title, the body, and a cancel and a
 * confirm button. With `onSubmit` the whole dialog is a form and confirm submits it; without, confirm
 * calls `onConfirm`. Escape cancels. `onOpen` runs each time the dialog opens (to reset a form).
 */
export function Dialog({
  open,
  title,
  children,
  wide = false,
  confirmLabel = strings.confirm,
  danger = false,
  busy = false,
  cancelDisabled = busy,
  onOpen,
  onConfirm,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  wide?: boolean;
  confirmLabel?: string;
  danger?: boolean;
  /** Disables the confirm button (and, unless `cancelDisabled` says otherwise, cancel). */
  busy?: boolean;
  cancelDisabled?: boolean;
  onOpen?: () => void;
  onConfirm?: () => void;
  onSubmit?: (event: FormEvent) => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onOpenRef = useRef(onOpen);
  useEffect(() => {
    onOpenRef.current = onOpen;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      onOpenRef.current?.();
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const content = (
    <>
      <h2 className="dialog__title" id={titleId}>
        {title}
      </h2>
      <div className="dialog__body">{children}</div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel} disabled={cancelDisabled}>
          {strings.cancel}
        </button>
        <button
          type={onSubmit ? "submit" : "button"}
          className={`button ${danger ? "button--danger" : "button--primary"}`}
          onClick={onSubmit ? undefined : onConfirm}
          disabled={busy}
        >
          {confirmLabel}
        </button>
      </div>
    </>
  );

  return (
    <dialog
      ref={ref}
      className={wide ? "dialog dialog--wide" : "dialog"}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {onSubmit ? <form onSubmit={onSubmit}>{content}</form> : content}
    </dialog>
  );
}
