import { ApiRequestError } from "../../api/http";
import { useImportResponses } from "../../api/responses-import";
import { rowProblemsOf } from "../../api/upload";
import type { Wave } from "../../api/waves";
import { ErrorNotice, Notice } from "../../components/feedback";
import { FileUploadForm } from "../../components/file-upload-form";
import { Card } from "../../components/page";
import { RowReport } from "../../components/row-report";
import { strings } from "../../strings";

const text = strings.entry;

/** Offline questionnaires in bulk; a refused file lists every problem by row and column. */
export function ResponsesImport({ wave }: { wave: Wave }) {
  const upload = useImportResponses(wave.id);
  const error = upload.error;
  const problems =
    error instanceof ApiRequestError && error.code === "invalid_file" ? rowProblemsOf(error.body.details) : [];
  return (
    <Card title={text.importTitle} labelledBy="responses-import-title">
      <FileUploadForm
        label={strings.frame.fileLabel}
        help={text.importHelp}
        submitLabel={strings.frame.upload}
        busyLabel={strings.frame.uploading}
        busy={upload.isPending}
        onUpload={(file) => upload.mutate(file)}
      />
      {problems.length > 0 ? (
        <RowReport problems={problems} />
      ) : error ? (
        <ErrorNotice error={error} />
      ) : upload.data ? (
        <Notice tone="success">{text.imported(upload.data.imported, upload.data.counted)}</Notice>
      ) : null}
    </Card>
  );
}
