import type { AdminUser } from "@survey/contract";
import { DOMAINS } from "@survey/indices";
import { useState } from "react";
import { Badge } from "../../shared/components/badge";
import { DataTable } from "../../shared/components/data-table";
import { Card, PageHeader } from "../../shared/components/page";
import { QueryState } from "../../shared/components/query-state";
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
        <QueryState query={users}>
          {(list) => (
            <DataTable
              label={text.title}
              rows={list}
              rowKey={(user) => user.id}
              columns={[
                { key: "username", header: text.username, cell: (user) => <code>{user.username}</code> },
                {
                  key: "name",
                  header: text.displayName,
                  rowHeader: true,
                  cell: (user) => (
                    <>
                      {user.displayName}
                      {user.id === me.id ? <span className="muted">{text.you}</span> : null}
                    </>
                  ),
                },
                { key: "role", header: text.role, cell: (user) => roleLabel(user.role) },
                { key: "scope", header: text.scope, cell: scopeOf },
                { key: "status", header: text.status, cell: (user) => <UserStatus user={user} /> },
                {
                  key: "created",
                  header: text.createdAt,
                  cellClassName: "nowrap",
                  cell: (user) => formatDateTime(user.createdAt),
                },
                {
                  key: "actions",
                  header: text.actions,
                  hiddenHeader: true,
                  cell: (user) => (
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
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <UserFormDialog user={editing} open={dialogOpen} onClose={() => setDialogOpen(false)} />
    </>
  );
}
