import type {
  AdminWaveListItem,
  QualityFlagName,
  ResponseListItem,
  ResponseMode,
  ResponseStatus,
} from "@survey/contract";
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { Badge } from "../../shared/components/badge";
import { DataTable } from "../../shared/components/data-table";
import { namedOptions, optionsOf, SelectField, TextField } from "../../shared/components/fields";
import { Card } from "../../shared/components/page";
import { QueryState } from "../../shared/components/query-state";
import { formatDateTime } from "../../shared/format";
import { useTownQuotas } from "../waves/api";
import { SelectedWaveState, useSelectedWave, WavePageHeader } from "../waves/selected-wave";
import {
  RESPONSES_PAGE_SIZE,
  type ResponseFilters,
  useResponseQuality,
  useResponses,
  useSetQualityThreshold,
} from "./api";
import { flagLabels, modeLabels, responsesStrings, statusLabels } from "./strings";
import "./responses.css";

const text = responsesStrings;
/** The filters whose values are codes with labels: the query key, the field's label, the codes' labels. */
const codedFilters: [key: "mode" | "status" | "flag", label: string, labels: Record<string, string>][] = [
  ["mode", text.mode, modeLabels],
  ["status", text.status, statusLabels],
  ["flag", text.flag, flagLabels],
];
const withAll = (options: { value: string; label: string }[]) => [{ value: "", label: text.all }, ...options];

export function FlagBadges({ flags }: { flags: readonly QualityFlagName[] }) {
  return (
    <span className="flag-badges">
      {flags.map((flag) => (
        <Badge key={flag} tone="warn">
          {flagLabels[flag]}
        </Badge>
      ))}
    </span>
  );
}

export function StatusBadge({ status }: { status: ResponseStatus }) {
  const tone = status === "counted" ? "ok" : status === "void" ? "danger" : "muted";
  return <Badge tone={tone}>{statusLabels[status]}</Badge>;
}

/** The filters live in the address, so that the monitor can link to "the too-fast ones" and a reload keeps them. */
function useFilters(): [ResponseFilters, (change: Partial<ResponseFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters: ResponseFilters = {
    town: params.get("town") || undefined,
    mode: (params.get("mode") || undefined) as ResponseMode | undefined,
    status: (params.get("status") || undefined) as ResponseStatus | undefined,
    flag: (params.get("flag") || undefined) as QualityFlagName | undefined,
    page: Number(params.get("page")) || 1,
  };
  const change = (next: Partial<ResponseFilters>) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        for (const [key, value] of Object.entries({ page: 1, ...next })) {
          if (value === undefined || value === "" || (key === "page" && value === 1)) updated.delete(key);
          else updated.set(key, String(value));
        }
        return updated;
      },
      { replace: true },
    );
  return [filters, change];
}

function ThresholdForm({ waveId }: { waveId: number }) {
  const quality = useResponseQuality(waveId);
  const save = useSetQualityThreshold(waveId);
  const [draft, setDraft] = useState<string | null>(null);
  const current = quality.data ? String(quality.data.minSecondsPerQuestion) : "";
  const value = draft ?? current;
  const valid = value !== "" && Number(value) >= 0 && Number(value) <= 120;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) save.mutate(Number(value), { onSuccess: () => setDraft(null) });
  };
  return (
    <form className="toolbar" onSubmit={submit} aria-label={text.thresholdTitle}>
      <TextField
        inline
        label={text.thresholdLabel}
        type="number"
        min={0}
        max={120}
        step={0.5}
        value={value}
        className="threshold-field"
        onChange={setDraft}
      />
      <button type="submit" className="button" disabled={!valid || save.isPending}>
        {text.thresholdSave}
      </button>
      <span className="muted small">{save.isSuccess && draft === null ? text.thresholdSaved : text.thresholdHint}</span>
    </form>
  );
}

function ResponseList({ wave }: { wave: AdminWaveListItem }) {
  const [filters, setFilters] = useFilters();
  const towns = useTownQuotas(wave.id);
  const list = useResponses(wave.id, filters);

  return (
    <>
      <Card title={text.thresholdTitle} labelledBy="threshold-title">
        <ThresholdForm waveId={wave.id} />
      </Card>
      <Card>
        <form className="toolbar" aria-label={text.filters} onSubmit={(event) => event.preventDefault()}>
          <SelectField
            inline
            label={text.town}
            value={filters.town ?? ""}
            options={withAll(namedOptions(towns.data ?? []))}
            onChange={(town) => setFilters({ town: town || undefined })}
          />
          {codedFilters.map(([key, label, labels]) => (
            <SelectField
              key={key}
              inline
              label={label}
              value={filters[key] ?? ""}
              options={withAll(optionsOf(labels))}
              onChange={(value) => setFilters({ [key]: value || undefined })}
            />
          ))}
        </form>
        <QueryState query={list}>
          {(page) => {
            const pages = Math.max(1, Math.ceil(page.total / RESPONSES_PAGE_SIZE));
            return (
              <>
                <p className="muted" role="status">
                  {text.total(page.total)}
                </p>
                <DataTable<ResponseListItem>
                  label={text.title}
                  className="table--compact"
                  rows={page.items}
                  empty={text.empty}
                  rowKey={(row) => row.id}
                  rowProps={(row) => ({ "data-testid": `response-${row.receiptCode}` })}
                  columns={[
                    {
                      key: "receipt",
                      header: text.receipt,
                      rowHeader: true,
                      cell: (row) => <code>{row.receiptCode}</code>,
                    },
                    { key: "where", header: text.where, cell: (row) => `${row.townName} · ${row.communityName}` },
                    { key: "mode", header: text.mode, cellClassName: "nowrap", cell: (row) => modeLabels[row.mode] },
                    {
                      key: "status",
                      header: text.status,
                      cell: (row) => (
                        <>
                          <StatusBadge status={row.status} />
                          {row.corrected ? <span className="muted small"> {text.corrected}</span> : null}
                        </>
                      ),
                    },
                    {
                      key: "submitted",
                      header: text.submittedAt,
                      cellClassName: "nowrap",
                      cell: (row) => formatDateTime(row.submittedAt),
                    },
                    {
                      key: "duration",
                      header: text.duration,
                      className: "num nowrap",
                      cell: (row) => (row.durationSeconds === null ? "—" : text.minutes(row.durationSeconds)),
                    },
                    { key: "flags", header: text.flags, cell: (row) => <FlagBadges flags={row.flags} /> },
                    {
                      key: "open",
                      header: text.actions,
                      hiddenHeader: true,
                      cell: (row) => (
                        <Link
                          className="button button--small"
                          to={`/responses/${row.id}?wave=${wave.id}`}
                          aria-label={text.openLabel(row.receiptCode)}
                        >
                          {text.open}
                        </Link>
                      ),
                    },
                  ]}
                />
                {pages > 1 ? (
                  <div className="pager">
                    <button
                      type="button"
                      className="button button--small"
                      disabled={page.page <= 1}
                      onClick={() => setFilters({ ...filters, page: page.page - 1 })}
                    >
                      {text.previous}
                    </button>
                    <span>{text.pageOf(page.page, pages)}</span>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={page.page >= pages}
                      onClick={() => setFilters({ ...filters, page: page.page + 1 })}
                    >
                      {text.next}
                    </button>
                  </div>
                ) : null}
              </>
            );
          }}
        </QueryState>
      </Card>
    </>
  );
}

export function ResponsesPage() {
  const selection = useSelectedWave();
  return (
    <>
      <WavePageHeader title={text.title} intro={text.intro} selection={selection} />
      <SelectedWaveState selection={selection} noWave={text.noWave}>
        {(wave) => <ResponseList key={wave.id} wave={wave} />}
      </SelectedWaveState>
    </>
  );
}
