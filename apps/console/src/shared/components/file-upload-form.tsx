import { type FormEvent, useId, useRef, useState } from "react";
import { uploadBody } from "../api/upload";
import { strings } from "../strings";
import { Notice } from "./feedback";
import { Icon } from "./icon";

/** Pick a .csv or .xlsx file and hand it to `onUpload`; refuses other files before sending. */
export function FileUploadForm({
  label,
  help,
  submitLabel,
  busyLabel,
  busy,
  onUpload,
}: {
  label: string;
  help: string;
  submitLabel: string;
  busyLabel: string;
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
            {strings.fileUpload.choose}
          </span>
          <span className="file-picker__name">{file ? file.name : strings.fileUpload.noFile}</span>
        </label>
        <button type="submit" className="button button--primary" disabled={!file || busy}>
          <Icon name="upload" size={16} />
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
    </form>
  );
}
