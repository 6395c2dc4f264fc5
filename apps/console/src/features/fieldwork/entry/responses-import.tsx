import { ApiRequestError } from "../../../shared/api/http";
import { rowProblemsOf } from "../../../shared/api/upload";
import { ErrorNotice, Notice } from "../../../shared/components/feedback";
import { FileUploadForm } from "../../../shared/components/file-upload-form";
import { Card } from "../../../shared/components/page";
import { RowReport } from "../../../shared/components/row-report";
import { strings } from "../../../shared/strings";
import type { AdminWaveListItem } from "../../waves/api";
import { useImportResponses } from "../api";
import { entryStrings } from "../strings";

const text = entryStrings;

/** Offline questionnaires in bulk; a refused file lists every problem by row and column. */
export function ResponsesImport({ wave }: { wave: AdminWaveListItem }) {
  const upload = useImportResponses(wave.id);
  const error = upload.error;
  const problems =
    error instanceof ApiRequestError && error.code === "invalid_file" ? rowProblemsOf(error.body.details) : [];
  return (
    <Card title={text.importTitle} labelledBy="responses-import-title">
      <FileUploadForm
        label={strings.fileUpload.label}
        help={text.importHelp}
        submitLabel={strings.fileUpload.submit}
        busyLabel={strings.fileUpload.submitting}
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
