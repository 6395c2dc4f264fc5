import { type AdminUser, MIN_PASSWORD_LENGTH, ROLES, type Role } from "@survey/contract";
import { DOMAINS } from "@survey/indices";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ErrorNotice } from "../../shared/components/feedback";
import { roleLabel, strings } from "../../shared/strings";
import { useFrame } from "../frame/api";
import { useCreateUser, useUpdateUser } from "./api";
import { usersStrings } from "./strings";

const text = usersStrings;

interface Draft {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  townCodes: string[];
  domains: string[];
  disabled: boolean;
}

function draftOf(user: AdminUser | null): Draft {
  return {
    username: user?.username ?? "",
    displayName: user?.displayName ?? "",
    password: "",
    role: user?.role ?? "staff",
    townCodes: user?.townCodes ?? [],
    domains: user?.domains ?? [],
    disabled: user?.disabled ?? false,
  };
}

function toggle(list: string[], value: string): string[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

/** Create a user (`user` null) or edit one: role, scope, disable, password reset. */
export function UserFormDialog({
  user,
  open,
  onClose,
}: {
  user: AdminUser | null;
  open: boolean;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(user));
  const create = useCreateUser();
  const update = useUpdateUser();
  const frame = useFrame();
  const mutation = user ? update : create;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setDraft(draftOf(user));
      create.reset();
      update.reset();
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open, user, create.reset, update.reset]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const scope = {
      townCodes: draft.role === "staff" ? draft.townCodes : [],
      domains: draft.role === "department" ? draft.domains : [],
    };
    if (user) {
      update.mutate(
        {
          userId: user.id,
          request: {
            displayName: draft.displayName.trim(),
            role: draft.role,
            disabled: draft.disabled,
            ...scope,
            ...(draft.password ? { password: draft.password } : {}),
          },
        },
        { onSuccess: onClose },
      );
    } else {
      create.mutate(
        {
          username: draft.username.trim(),
          displayName: draft.displayName.trim(),
          password: draft.password,
          role: draft.role,
          ...scope,
        },
        { onSuccess: onClose },
      );
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog dialog--wide"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={submit}>
        <h2 className="dialog__title" id={titleId}>
          {user ? text.editTitle(user.displayName) : text.createTitle}
        </h2>
        <div className="dialog__body">
          {mutation.error ? <ErrorNotice error={mutation.error} /> : null}
          <div className="form-grid">
            <label className="field">
              <span className="field__label">{text.username}</span>
              <input
                className="input"
                required
                disabled={user !== null}
                pattern="[A-Za-z0-9._@\-]{2,60}"
                autoComplete="off"
                value={draft.username}
                onChange={(event) => setDraft({ ...draft, username: event.target.value })}
              />
            </label>
            <label className="field">
              <span className="field__label">{text.displayName}</span>
              <input
                className="input"
                required
                value={draft.displayName}
                onChange={(event) => setDraft({ ...draft, displayName: event.target.value })}
              />
            </label>
            <label className="field">
              <span className="field__label">{text.role}</span>
              <select
                className="select"
                value={draft.role}
                onChange={(event) => setDraft({ ...draft, role: event.target.value as Role })}
              >
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {roleLabel(role)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">{user ? text.newPassword : text.password}</span>
              <input
                className="input"
                type="password"
                autoComplete="new-password"
                required={user === null}
                minLength={MIN_PASSWORD_LENGTH}
                value={draft.password}
                onChange={(event) => setDraft({ ...draft, password: event.target.value })}
              />
              <span className="field__help">{text.passwordHint(MIN_PASSWORD_LENGTH)}</span>
            </label>
          </div>
          {draft.role === "staff" ? (
            <fieldset className="checkbox-grid">
              <legend>{text.townCodes}</legend>
              {(frame.data?.towns ?? []).map((town) => (
                <label key={town.code} className="checkbox">
                  <input
                    type="checkbox"
                    checked={draft.townCodes.includes(town.code)}
                    onChange={() => setDraft({ ...draft, townCodes: toggle(draft.townCodes, town.code) })}
                  />
                  {town.name}
                </label>
              ))}
            </fieldset>
          ) : null}
          {draft.role === "department" ? (
            <fieldset className="checkbox-grid">
              <legend>{text.domains}</legend>
              {DOMAINS.map((domain) => (
                <label key={domain.code} className="checkbox">
                  <input
                    type="checkbox"
                    checked={draft.domains.includes(domain.code)}
                    onChange={() => setDraft({ ...draft, domains: toggle(draft.domains, domain.code) })}
                  />
                  {domain.name}
                </label>
              ))}
            </fieldset>
          ) : null}
          {user ? (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={draft.disabled}
                onChange={(event) => setDraft({ ...draft, disabled: event.target.checked })}
              />
              {text.disabledField}
            </label>
          ) : null}
        </div>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {strings.cancel}
          </button>
          <button type="submit" className="button button--primary" disabled={mutation.isPending}>
            {strings.save}
          </button>
        </div>
      </form>
    </dialog>
  );
}
