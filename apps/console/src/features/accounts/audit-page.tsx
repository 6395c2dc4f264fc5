import type { AuditEntry } from "@survey/contract";
import { type FormEvent, useState } from "react";
import { DataTable } from "../../shared/components/data-table";
import { optionsOf, SelectField, TextField } from "../../shared/components/fields";
import { Card, PageHeader } from "../../shared/components/page";
import { QueryState } from "../../shared/components/query-state";
import { formatDateTimeSeconds } from "../../shared/format";
import { strings } from "../../shared/strings";
import { useAuditLog } from "./api";
import { auditActionLabel, auditStrings } from "./strings";

const text = auditStrings;

/** Details as `key: value` pairs (nested values stay JSON); a known flag as its sentence. */
function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => {
      const flag = value === true ? text.flags[key] : undefined;
      return flag ?? `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`;
    })
    .join("；");
}

export function AuditPage() {
  const [draft, setDraft] = useState({ action: "", user: "" });
  const [filter, setFilter] = useState<{ action?: string; user?: string }>({});
  const log = useAuditLog(filter);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ action: draft.action || undefined, user: draft.user.trim() || undefined });
  };

  return (
    <>
      <PageHeader title={text.title} intro={text.intro} />
      <Card>
        <form className="toolbar" onSubmit={submit} aria-label={text.search}>
          <SelectField
            inline
            label={text.filterAction}
            value={draft.action}
            options={[{ value: "", label: strings.all }, ...optionsOf(text.actions)]}
            onChange={(action) => setDraft({ ...draft, action })}
          />
          <TextField
            inline
            label={text.filterUser}
            value={draft.user}
            onChange={(user) => setDraft({ ...draft, user })}
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
                { key: "user", header: text.user, cell: (entry) => entry.username ?? text.system },
                {
                  key: "action",
                  header: text.action,
                  cell: (entry) => (
                    <>
                      <span className={`audit-action${entry.action.endsWith("failed") ? " audit-action--failed" : ""}`}>
                        {auditActionLabel(entry.action)}
                      </span>
                      <div className="muted small">
                        <code>{entry.action}</code>
                      </div>
                    </>
                  ),
                },
                {
                  key: "target",
                  header: text.target,
                  cell: (entry) => (entry.target ? <code>{entry.target}</code> : "—"),
                },
                {
                  key: "details",
                  header: text.details,
                  cellClassName: "details-cell",
                  cell: (entry) => describeDetails(entry.details) || "—",
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
