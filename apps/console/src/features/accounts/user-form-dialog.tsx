import { type AdminUser, MIN_PASSWORD_LENGTH, ROLES, type Role } from "@survey/contract";
import { DOMAINS } from "@survey/indices";
import { type FormEvent, useState } from "react";
import { Dialog } from "../../shared/components/dialog";
import { ErrorNotice } from "../../shared/components/feedback";
import { CheckboxGroup, namedOptions, SelectField, TextField } from "../../shared/components/fields";
import { roleLabel, strings } from "../../shared/strings";
import { useFrame } from "../frame/api";
import { useCreateUser, useUpdateUser } from "./api";
import { usersStrings } from "./strings";

const text = usersStrings;

/** The form as typed: the user's own fields and a password (new, or none to keep the old one). */
type Draft = Pick<AdminUser, "username" | "displayName" | "role" | "townCodes" | "domains" | "disabled"> & {
  password: string;
};

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
  const [draft, setDraft] = useState<Draft>(() => draftOf(user));
  const create = useCreateUser();
  const update = useUpdateUser();
  const frame = useFrame();
  const mutation = user ? update : create;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

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
    <Dialog
      open={open}
      wide
      title={user ? text.editTitle(user.displayName) : text.createTitle}
      confirmLabel={strings.save}
      busy={mutation.isPending}
      cancelDisabled={false}
      onOpen={() => {
        setDraft(draftOf(user));
        create.reset();
        update.reset();
      }}
      onSubmit={submit}
      onCancel={onClose}
    >
      {mutation.error ? <ErrorNotice error={mutation.error} /> : null}
      <div className="form-grid">
        <TextField
          label={text.username}
          required
          disabled={user !== null}
          pattern="[A-Za-z0-9._@\-]{2,60}"
          autoComplete="off"
          value={draft.username}
          onChange={(username) => set({ username })}
        />
        <TextField
          label={text.displayName}
          required
          value={draft.displayName}
          onChange={(displayName) => set({ displayName })}
        />
        <SelectField
          label={text.role}
          value={draft.role}
          options={ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
          onChange={(role) => set({ role: role as Role })}
        />
        <TextField
          label={user ? text.newPassword : text.password}
          hint={text.passwordHint(MIN_PASSWORD_LENGTH)}
          type="password"
          autoComplete="new-password"
          required={user === null}
          minLength={MIN_PASSWORD_LENGTH}
          value={draft.password}
          onChange={(password) => set({ password })}
        />
      </div>
      {draft.role === "staff" ? (
        <CheckboxGroup
          legend={text.townCodes}
          options={namedOptions(frame.data?.towns ?? [])}
          checked={draft.townCodes}
          onChange={(townCodes) => set({ townCodes })}
        />
      ) : null}
      {draft.role === "department" ? (
        <CheckboxGroup
          legend={text.domains}
          options={namedOptions(DOMAINS)}
          checked={draft.domains}
          onChange={(domains) => set({ domains })}
        />
      ) : null}
      {user ? (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.disabled}
            onChange={(event) => set({ disabled: event.target.checked })}
          />
          {text.disabledField}
        </label>
      ) : null}
    </Dialog>
  );
}
