import type { AuditEntry } from "@survey/contract";
import { type FormEvent, useId, useState } from "react";
import { EmptyState, ErrorNotice, Loading } from "../../shared/components/feedback";
import { Card, PageHeader } from "../../shared/components/page";
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

function AuditRows({ entries }: { entries: AuditEntry[] }) {
  return (
    <tbody>
      {entries.map((entry) => (
        <tr key={entry.id}>
          <td className="nowrap">{formatDateTimeSeconds(entry.at)}</td>
          <td>{entry.username ?? text.system}</td>
          <td>
            <span className={`audit-action${entry.action.endsWith("failed") ? " audit-action--failed" : ""}`}>
              {auditActionLabel(entry.action)}
            </span>
            <div className="muted small">
              <code>{entry.action}</code>
            </div>
          </td>
          <td>{entry.target ? <code>{entry.target}</code> : "—"}</td>
          <td className="details-cell">{describeDetails(entry.details) || "—"}</td>
          <td>{entry.ip ?? "—"}</td>
        </tr>
      ))}
    </tbody>
  );
}

export function AuditPage() {
  const actionId = useId();
  const userId = useId();
  const [draft, setDraft] = useState({ action: "", user: "" });
  const [filter, setFilter] = useState<{ action?: string; user?: string }>({});
  const log = useAuditLog(filter);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ action: draft.action || undefined, user: draft.user.trim() || undefined });
  };

  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <>
      <PageHeader title={text.title} intro={text.intro} />
      <Card>
        <form className="toolbar" onSubmit={submit} aria-label={text.search}>
          <div className="inline-field">
            <label htmlFor={actionId} className="inline-field__label">
              {text.filterAction}
            </label>
            <select
              id={actionId}
              className="select"
              value={draft.action}
              onChange={(event) => setDraft({ ...draft, action: event.target.value })}
            >
              <option value="">{strings.all}</option>
              {Object.entries(text.actions).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="inline-field">
            <label htmlFor={userId} className="inline-field__label">
              {text.filterUser}
            </label>
            <input
              id={userId}
              className="input"
              value={draft.user}
              onChange={(event) => setDraft({ ...draft, user: event.target.value })}
            />
          </div>
          <button type="submit" className="button button--primary">
            {text.search}
          </button>
        </form>
        {log.isPending ? (
          <Loading />
        ) : log.isError ? (
          <ErrorNotice error={log.error} onRetry={() => log.refetch()} />
        ) : entries.length === 0 ? (
          <EmptyState>{text.empty}</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table table--compact" aria-label={text.title}>
              <thead>
                <tr>
                  <th scope="col">{text.at}</th>
                  <th scope="col">{text.user}</th>
                  <th scope="col">{text.action}</th>
                  <th scope="col">{text.target}</th>
                  <th scope="col">{text.details}</th>
                  <th scope="col">{text.ip}</th>
                </tr>
              </thead>
              <AuditRows entries={entries} />
            </table>
          </div>
        )}
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
