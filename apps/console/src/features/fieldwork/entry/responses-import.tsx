import type { AdminWaveListItem } from "@survey/contract";
import { Notice } from "../../../shared/components/feedback";
import { UploadCard } from "../../../shared/components/file-upload";
import { useImportResponses } from "../api";
import { entryStrings } from "../strings";

const text = entryStrings;

/** Offline questionnaires in bulk; a refused file lists every problem by row and column. */
export function ResponsesImport({ wave }: { wave: AdminWaveListItem }) {
  return (
    <UploadCard
      title={text.importTitle}
      labelledBy="responses-import-title"
      help={text.importHelp}
      upload={useImportResponses(wave.id)}
      success={(result) => <Notice tone="success">{text.imported(result.imported, result.counted)}</Notice>}
    />
  );
}
