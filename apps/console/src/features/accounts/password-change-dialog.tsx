import { MIN_PASSWORD_LENGTH } from "@survey/contract";
import { type FormEvent, useState } from "react";
import { Dialog } from "../../shared/components/dialog";
import { ErrorNotice, Notice } from "../../shared/components/feedback";
import { TextField } from "../../shared/components/fields";
import { useChangeOwnPassword } from "./api";
import { passwordChangeStrings as text } from "./strings";

const EMPTY = { current: "", next: "", repeat: "" };

/** The signed-in user changes their own password: the current one, the new one twice. */
export function PasswordChangeDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [draft, setDraft] = useState(EMPTY);
  const [mismatch, setMismatch] = useState(false);
  const change = useChangeOwnPassword();
  const set = (patch: Partial<typeof EMPTY>) => setDraft({ ...draft, ...patch });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isSuccess) return onClose();
    const differs = draft.next !== draft.repeat;
    setMismatch(differs);
    if (differs) return;
    change.mutate({ currentPassword: draft.current, newPassword: draft.next }, { onSuccess: () => setDraft(EMPTY) });
  };

  return (
    <Dialog
      open={open}
      title={text.title}
      confirmLabel={change.isSuccess ? text.close : text.submit}
      busy={change.isPending}
      cancelDisabled={false}
      onOpen={() => {
        setDraft(EMPTY);
        setMismatch(false);
        change.reset();
      }}
      onSubmit={submit}
      onCancel={onClose}
    >
      {change.isSuccess ? (
        <Notice tone="success">{text.done}</Notice>
      ) : (
        <>
          <p>{text.intro}</p>
          {change.error ? <ErrorNotice error={change.error} /> : null}
          {mismatch ? <Notice tone="error">{text.mismatch}</Notice> : null}
          <div className="form-grid">
            <TextField
              label={text.current}
              type="password"
              required
              autoComplete="current-password"
              value={draft.current}
              onChange={(current) => set({ current })}
            />
            <TextField
              label={text.next}
              hint={text.hint(MIN_PASSWORD_LENGTH)}
              type="password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              autoComplete="new-password"
              value={draft.next}
              onChange={(next) => set({ next })}
            />
            <TextField
              label={text.repeat}
              type="password"
              required
              autoComplete="new-password"
              value={draft.repeat}
              onChange={(repeat) => set({ repeat })}
            />
          </div>
        </>
      )}
    </Dialog>
  );
}
