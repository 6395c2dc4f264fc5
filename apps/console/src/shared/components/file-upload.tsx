import { type FormEvent, type ReactNode, useId, useRef, useState } from "react";
import { ApiRequestError } from "../api/http";
import { type RowProblem, rowProblemsOf, uploadBody } from "../api/upload";
import { strings } from "../strings";
import { DataTable } from "./data-table";
import { ErrorNotice, Notice } from "./feedback";
import { Icon } from "./icon";
import { Card } from "./page";

const text = strings.fileUpload;

/** Pick a .csv or .xlsx file and hand it to `onUpload`; refuses other files before sending. */
export function FileUploadForm({
  label = text.label,
  help,
  busy,
  onUpload,
}: {
  label?: string;
  help: string;
  busy: boolean;
  onUpload: (file: File) => void;
}) {
  const inputId = useId();
  const helpId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const prepared = uploadBody(file);
    if ("problem" in prepared) {
      setProblem(prepared.problem);
      return;
    }
    setProblem(null);
    onUpload(file);
  };

  return (
    <form className="upload-form" onSubmit={submit}>
      <label htmlFor={inputId} className="field__label">
        {label}
      </label>
      <p id={helpId} className="field__help">
        {help}
      </p>
      <div className="upload-form__row">
        <label className="file-picker">
          <input
            ref={input}
            id={inputId}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={helpId}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setProblem(null);
            }}
          />
          <span className="button button--small file-picker__button" aria-hidden="true">
            {text.choose}
          </span>
          <span className="file-picker__name">{file ? file.name : text.noFile}</span>
        </label>
        <button type="submit" className="button button--primary" disabled={!file || busy}>
          <Icon name="upload" size={16} />
          {busy ? text.submitting : text.submit}
        </button>
      </div>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
    </form>
  );
}

/** One problem of a refused file; `sheet` where the file was a workbook of several sheets. */
export type FileProblem = RowProblem & { sheet?: string | null };

/** Every problem of a refused file as a table the user can work through, by (sheet,) row and column. */
export function ProblemReport({
  problems,
  title = text.reportTitle,
  className = "row-report",
  testId,
  wrapClassName,
  rowClassName = "num row-report__row",
  noColumn = <code>—</code>,
}: {
  problems: FileProblem[];
  title?: string;
  className?: string;
  testId?: string;
  wrapClassName?: string;
  /** Classes of the row number's header. */
  rowClassName?: string;
  /** What stands in the column cell of a problem of the whole row or file. */
  noColumn?: ReactNode;
}) {
  const withSheet = problems.some((problem) => (problem.sheet ?? null) !== null);
  return (
    <div className={className} data-testid={testId}>
      <Notice tone="error" title={title}>
        {text.reportIntro(problems.length)}
      </Notice>
      <DataTable
        label={title}
        className="table--compact"
        wrapClassName={wrapClassName}
        rows={problems}
        // Several problems can share a row and column; the position keeps keys unique (never reordered).
        rowKey={(_, index) => index}
        columns={[
          ...(withSheet
            ? [
                {
                  key: "sheet",
                  header: text.sheetColumn,
                  cellClassName: "nowrap",
                  cell: (problem: FileProblem) => problem.sheet ?? "—",
                },
              ]
            : []),
          {
            key: "row",
            header: text.rowColumn,
            headerClassName: rowClassName,
            cellClassName: "num",
            cell: (problem) => problem.row ?? "—",
          },
          {
            key: "column",
            header: text.columnColumn,
            cell: (problem) => (problem.column === null ? noColumn : <code>{problem.column}</code>),
          },
          { key: "message", header: text.messageColumn, cell: (problem) => problem.message },
        ]}
      />
    </div>
  );
}

/** What the upload card reads of a mutation that sends one file. */
interface FileUpload<T> {
  isPending: boolean;
  error: unknown;
  data: T | undefined;
  mutate: (file: File) => void;
}

/**
 * A card to upload a table file, and what became of it: the row-level report of a refused file, the
 * server's message for any other failure, else `success` of the result.
 */
export function UploadCard<T>({
  title,
  labelledBy,
  help,
  upload,
  success,
}: {
  title: string;
  labelledBy: string;
  help: string;
  upload: FileUpload<T>;
  success: (result: T) => ReactNode;
}) {
  const { error } = upload;
  const problems =
    error instanceof ApiRequestError && error.code === "invalid_file" ? rowProblemsOf(error.body.details) : [];
  return (
    <Card title={title} labelledBy={labelledBy}>
      <FileUploadForm help={help} busy={upload.isPending} onUpload={(file) => upload.mutate(file)} />
      {problems.length > 0 ? (
        <ProblemReport problems={problems} />
      ) : error ? (
        <ErrorNotice error={error} />
      ) : upload.data ? (
        success(upload.data)
      ) : null}
    </Card>
  );
}
