import type { AdminUser } from "@survey/contract";
import { DOMAINS } from "@survey/indices";
import { useState } from "react";
import { Badge } from "../../shared/components/badge";
import { ErrorNotice, Loading } from "../../shared/components/feedback";
import { Card, PageHeader } from "../../shared/components/page";
import { formatDateTime } from "../../shared/format";
import { roleLabel, strings } from "../../shared/strings";
import { useFrame } from "../frame/api";
import { useUsers } from "./api";
import { useCurrentUser } from "./current-user";
import { usersStrings } from "./strings";
import { UserFormDialog } from "./user-form-dialog";

const text = usersStrings;

function UserStatus({ user }: { user: AdminUser }) {
  if (user.disabled) return <Badge tone="muted">{text.disabled}</Badge>;
  if (user.lockedUntil) return <Badge tone="danger">{text.lockedUntil(formatDateTime(user.lockedUntil))}</Badge>;
  return <Badge tone="ok">{text.active}</Badge>;
}

export function UsersPage() {
  const me = useCurrentUser();
  const users = useUsers();
  const frame = useFrame();
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const townNames = new Map((frame.data?.towns ?? []).map((town) => [town.code, town.name]));
  const domainNames = new Map<string, string>(DOMAINS.map((domain) => [domain.code, domain.name]));

  const scopeOf = (user: AdminUser) => {
    if (user.role === "staff")
      return user.townCodes.length === 0
        ? text.scopeAllTowns
        : user.townCodes.map((code) => townNames.get(code) ?? code).join("、");
    if (user.role === "department")
      return user.domains.length === 0
        ? text.scopeAllDomains
        : user.domains.map((code) => domainNames.get(code) ?? code).join("、");
    return "—";
  };

  const openDialog = (user: AdminUser | null) => {
    setEditing(user);
    setDialogOpen(true);
  };

  return (
    <>
      <PageHeader
        title={text.title}
        actions={
          <button type="button" className="button button--primary" onClick={() => openDialog(null)}>
            {text.create}
          </button>
        }
      />
      <Card>
        {users.isPending ? (
          <Loading />
        ) : users.isError ? (
          <ErrorNotice error={users.error} onRetry={() => users.refetch()} />
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label={text.title}>
              <thead>
                <tr>
                  <th scope="col">{text.username}</th>
                  <th scope="col">{text.displayName}</th>
                  <th scope="col">{text.role}</th>
                  <th scope="col">{text.scope}</th>
                  <th scope="col">{text.status}</th>
                  <th scope="col">{text.createdAt}</th>
                  <th scope="col">
                    <span className="visually-hidden">{text.actions}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((user) => (
                  <tr key={user.id}>
                    <td>
                      <code>{user.username}</code>
                    </td>
                    <th scope="row">
                      {user.displayName}
                      {user.id === me.id ? <span className="muted">{text.you}</span> : null}
                    </th>
                    <td>{roleLabel(user.role)}</td>
                    <td>{scopeOf(user)}</td>
                    <td>
                      <UserStatus user={user} />
                    </td>
                    <td className="nowrap">{formatDateTime(user.createdAt)}</td>
                    <td>
                      <div className="table-actions">
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => openDialog(user)}
                          aria-label={`${strings.edit} ${user.displayName}`}
                        >
                          {strings.edit}
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <UserFormDialog user={editing} open={dialogOpen} onClose={() => setDialogOpen(false)} />
    </>
  );
}
