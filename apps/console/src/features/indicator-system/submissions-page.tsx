import { type FormEvent, useState } from "react";
import { Badge } from "../../shared/components/badge";
import { DataTable } from "../../shared/components/data-table";
import { ErrorNotice } from "../../shared/components/feedback";
import { TextField } from "../../shared/components/fields";
import { Card, PageHeader } from "../../shared/components/page";
import { QueryState } from "../../shared/components/query-state";
import { formatDateTime } from "../../shared/format";
import { useSetDeadline, useSubmissions } from "./api";
import "./indicator-system.css";
import { indicatorSystemStrings } from "./strings";
import { useSearchSettings } from "./year-choices";
import { YearPicker } from "./year-picker";

const text = indicatorSystemStrings;
const number = (value: number | null) => (value === null ? "—" : String(value));

function DeadlineForm({ year, dueDate }: { year: number; dueDate: string }) {
  const [value, setValue] = useState(dueDate);
  const save = useSetDeadline();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ year, dueDate: value });
  };
  return (
    <form className="toolbar" onSubmit={submit}>
      <TextField inline label={text.deadline} type="date" required value={value} onChange={setValue} />
      <button type="submit" className="button" disabled={save.isPending || value === dueDate}>
        {text.saveDeadline}
      </button>
      {save.error ? <ErrorNotice error={save.error} /> : null}
    </form>
  );
}

/** 部门报送: which departments have supplied the year's values, which are missing or late, and every change. */
export function SubmissionsPage() {
  const { set, years, year } = useSearchSettings();
  const report = useSubmissions(year);
  return (
    <>
      <PageHeader
        title={text.submissionsTitle}
        intro={text.submissionsIntro}
        actions={<YearPicker year={year} years={years} onChange={(value) => set("year", value)} />}
      />
      <QueryState query={report}>
        {(data) => (
          <>
            <Card title={text.departmentsTable(year)} labelledBy="submissions-title">
              <DeadlineForm key={`${year}|${data.dueDate}`} year={year} dueDate={data.dueDate} />
              <DataTable
                label={text.departmentsTable(year)}
                className="table--compact"
                rows={data.departments}
                rowKey={(row) => row.department}
                rowProps={(row) => ({ "data-testid": `submission-${row.department}` })}
                columns={[
                  { key: "department", header: text.department, rowHeader: true, cell: (row) => row.department },
                  { key: "indicators", header: text.indicatorCount, className: "num", cell: (row) => row.indicators },
                  {
                    key: "progress",
                    header: text.progress,
                    className: "num",
                    cell: (row) => `${row.submitted} / ${row.expected}`,
                  },
                  {
                    key: "status",
                    header: text.statusLabel,
                    cell: (row) => (
                      <span className="badges">
                        <Badge tone={text.submissionTone[row.status]}>{text.submissionStatus[row.status]}</Badge>
                        {row.late ? <Badge tone="danger">{text.late}</Badge> : null}
                      </span>
                    ),
                  },
                  { key: "last", header: text.lastSubmitted, cell: (row) => formatDateTime(row.lastSubmittedAt) },
                ]}
              />
            </Card>
            <Card title={text.changesTitle} labelledBy="changes-title">
              <DataTable
                label={text.changesTable(year)}
                className="table--compact"
                rows={data.changes}
                empty={text.noChanges}
                rowKey={(row, index) => `${row.changedAt}|${row.indicatorCode}|${row.townCode}|${index}`}
                columns={[
                  { key: "at", header: text.changedAt, cell: (row) => formatDateTime(row.changedAt) },
                  { key: "by", header: text.changedBy, cell: (row) => row.changedBy ?? "—" },
                  { key: "indicator", header: text.indicator, rowHeader: true, cell: (row) => row.indicatorName },
                  { key: "department", header: text.department, cell: (row) => row.department },
                  { key: "unit", header: text.unit, cell: (row) => row.townName },
                  {
                    key: "change",
                    header: text.change,
                    className: "num",
                    cell: (row) => `${number(row.oldValue)} → ${number(row.newValue)}`,
                  },
                ]}
              />
            </Card>
          </>
        )}
      </QueryState>
    </>
  );
}
