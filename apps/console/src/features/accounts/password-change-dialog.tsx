import { MIN_PASSWORD_LENGTH } from "@survey/contract";
import { type FormEvent, useState } from "react";
import { Dialog } from "../../shared/components/dialog";
import { ErrorNotice, Notice } from "../../shared/components/feedback";
import { TextField } from "../../shared/components/fields";
import { useChangeOwnPassword } from "./api";
import { passwordChangeStrings as text } from "./strings";

const EMPTY = { current: "", next: "", repeat: "" };
/** The three password fields, with what the browser's password manager should offer in each. */
const FIELDS = [
  { name: "current", autoComplete: "current-password" },
  { name: "next", autoComplete: "new-password" },
  { name: "repeat", autoComplete: "new-password" },
] as const;

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
            {FIELDS.map((field) => (
              <TextField
                key={field.name}
                label={text[field.name]}
                hint={field.name === "next" ? text.hint(MIN_PASSWORD_LENGTH) : undefined}
                type="password"
                required
                minLength={field.name === "next" ? MIN_PASSWORD_LENGTH : undefined}
                autoComplete={field.autoComplete}
                value={draft[field.name]}
                onChange={(value) => set({ [field.name]: value })}
              />
            ))}
          </div>
        </>
      )}
    </Dialog>
  );
}
