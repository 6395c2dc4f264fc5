import { AUDIT_ACTION_LABELS, type AuditEntry, consoleApiPaths } from "@survey/contract";
import { type FormEvent, useState } from "react";
import { DataTable } from "../../shared/components/data-table";
import { DownloadButton } from "../../shared/components/download-button";
import { SelectField, TextField } from "../../shared/components/fields";
import { Card, PageHeader } from "../../shared/components/page";
import { QueryState } from "../../shared/components/query-state";
import { formatDateTimeSeconds } from "../../shared/format";
import { strings } from "../../shared/strings";
import { type AuditFilter, useAuditLog, useUsers } from "./api";
import { auditStrings } from "./strings";

const text = auditStrings;

const actionOptions = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }));

function exportUrl(filter: AuditFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `${consoleApiPaths.auditXlsx}?${query}` : consoleApiPaths.auditXlsx;
}

export function AuditPage() {
  const [draft, setDraft] = useState({ action: "", user: "", from: "", to: "" });
  const [filter, setFilter] = useState<AuditFilter>({});
  const log = useAuditLog(filter);
  const users = useUsers();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter({
      action: draft.action || undefined,
      user: draft.user || undefined,
      from: draft.from || undefined,
      to: draft.to || undefined,
    });
  };

  return (
    <>
      <PageHeader
        title={text.title}
        intro={text.intro}
        actions={<DownloadButton href={exportUrl(filter)}>{text.export}</DownloadButton>}
      />
      <Card>
        <form className="toolbar" onSubmit={submit} aria-label={text.search}>
          <TextField
            inline
            label={text.from}
            type="date"
            value={draft.from}
            onChange={(from) => setDraft({ ...draft, from })}
          />
          <TextField
            inline
            label={text.to}
            type="date"
            value={draft.to}
            onChange={(to) => setDraft({ ...draft, to })}
          />
          <SelectField
            inline
            label={text.filterUser}
            value={draft.user}
            options={[
              { value: "", label: text.allUsers },
              ...(users.data ?? []).map((user) => ({
                value: user.username,
                label: `${user.displayName}（${user.username}）`,
              })),
            ]}
            onChange={(user) => setDraft({ ...draft, user })}
          />
          <SelectField
            inline
            label={text.filterAction}
            value={draft.action}
            options={[{ value: "", label: strings.all }, ...actionOptions]}
            onChange={(action) => setDraft({ ...draft, action })}
          />
          <button type="submit" className="button button--primary">
            {text.search}
          </button>
        </form>
        <QueryState query={log}>
          {(data) => (
            <DataTable<AuditEntry>
              label={text.title}
              className="table--compact"
              rows={data.pages.flatMap((page) => page.entries)}
              empty={text.empty}
              rowKey={(entry) => entry.id}
              columns={[
                {
                  key: "at",
                  header: text.at,
                  cellClassName: "nowrap",
                  cell: (entry) => formatDateTimeSeconds(entry.at),
                },
                {
                  key: "user",
                  header: text.user,
                  cell: (entry) =>
                    entry.username === null ? (
                      text.system
                    ) : (
                      <>
                        {entry.displayName ?? entry.username}
                        <div className="muted small">{entry.username}</div>
                      </>
                    ),
                },
                {
                  key: "action",
                  header: text.action,
                  cellClassName: "nowrap",
                  cell: (entry) => (
                    <span className={`audit-action${entry.action.endsWith("failed") ? " audit-action--failed" : ""}`}>
                      {entry.actionLabel}
                    </span>
                  ),
                },
                {
                  key: "description",
                  header: text.description,
                  cellClassName: "details-cell",
                  cell: (entry) => entry.description,
                },
                { key: "ip", header: text.ip, cell: (entry) => entry.ip ?? "—" },
              ]}
            />
          )}
        </QueryState>
        {log.hasNextPage ? (
          <div className="form-actions">
            <button
              type="button"
              className="button"
              onClick={() => log.fetchNextPage()}
              disabled={log.isFetchingNextPage}
            >
              {log.isFetchingNextPage ? strings.loading : text.more}
            </button>
          </div>
        ) : null}
      </Card>
    </>
  );
}
