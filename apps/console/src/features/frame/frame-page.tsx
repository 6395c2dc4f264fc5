import type { ReactNode } from "react";
import { ApiRequestError } from "../../shared/api/http";
import { rowProblemsOf } from "../../shared/api/upload";
import { Badge } from "../../shared/components/badge";
import { EmptyState, ErrorNotice, Loading, Notice } from "../../shared/components/feedback";
import { FileUploadForm } from "../../shared/components/file-upload-form";
import { Card, PageHeader } from "../../shared/components/page";
import { RowReport } from "../../shared/components/row-report";
import { strings } from "../../shared/strings";
import { useFrame, useImportFrame, useImportPopulation } from "./api";
import { frameStrings } from "./strings";

const text = frameStrings;

/** Success, a row-level report for a refused file, or the server's message for anything else. */
function UploadOutcome({ error, success }: { error: unknown; success: ReactNode }) {
  if (error instanceof ApiRequestError && error.code === "invalid_file") {
    const problems = rowProblemsOf(error.body.details);
    if (problems.length > 0) return <RowReport problems={problems} />;
  }
  if (error) return <ErrorNotice error={error} />;
  return success;
}

function FrameImport() {
  const upload = useImportFrame();
  const result = upload.data;
  return (
    <Card title={text.importTitle} labelledBy="frame-import-title">
      <FileUploadForm
        label={strings.fileUpload.label}
        help={text.importHelp}
        submitLabel={strings.fileUpload.submit}
        busyLabel={strings.fileUpload.submitting}
        busy={upload.isPending}
        onUpload={(file) => upload.mutate(file)}
      />
      <UploadOutcome
        error={upload.error}
        success={
          result ? (
            <Notice tone="success" title={text.imported(result.towns, result.communities)}>
              {result.removedCommunities.length > 0 ? <div>{text.removed(result.removedCommunities)}</div> : null}
              {result.retainedCommunities.length > 0 ? <div>{text.retained(result.retainedCommunities)}</div> : null}
            </Notice>
          ) : null
        }
      />
    </Card>
  );
}

function PopulationImport() {
  const upload = useImportPopulation();
  return (
    <Card title={text.populationTitle} labelledBy="population-import-title">
      <FileUploadForm
        label={strings.fileUpload.label}
        help={text.populationHelp}
        submitLabel={strings.fileUpload.submit}
        busyLabel={strings.fileUpload.submitting}
        busy={upload.isPending}
        onUpload={(file) => upload.mutate(file)}
      />
      <UploadOutcome
        error={upload.error}
        success={
          upload.data ? (
            <Notice tone="success">{text.populationImported(upload.data.towns, upload.data.cells)}</Notice>
          ) : null
        }
      />
    </Card>
  );
}

function CurrentFrame() {
  const frame = useFrame();
  if (frame.isPending) return <Loading />;
  if (frame.isError) return <ErrorNotice error={frame.error} onRetry={() => frame.refetch()} />;
  const { towns, totals } = frame.data;
  if (towns.length === 0) return <EmptyState>{strings.none}</EmptyState>;
  return (
    <>
      <p className="summary-line">{text.totals(totals.towns, totals.communities, totals.population)}</p>
      <div className="table-wrap">
        <table className="table" aria-label={text.currentTitle}>
          <thead>
            <tr>
              <th scope="col">{text.townCode}</th>
              <th scope="col">{text.townName}</th>
              <th scope="col">{text.townKind}</th>
              <th scope="col" className="num">
                {text.population}
              </th>
              <th scope="col" className="num">
                {text.communityCount}
              </th>
              <th scope="col" className="num">
                {text.residential}
              </th>
              <th scope="col" className="num">
                {text.village}
              </th>
              <th scope="col" className="num">
                {text.populationCells}
              </th>
            </tr>
          </thead>
          <tbody>
            {towns.map((town) => (
              <tr key={town.code}>
                <td>
                  <code>{town.code}</code>
                </td>
                <th scope="row">
                  {town.name} {town.demo ? <Badge tone="muted">{text.demo}</Badge> : null}
                </th>
                <td>{text.kinds[town.kind] ?? town.kind}</td>
                <td className="num">{town.population.toLocaleString("zh-CN")}</td>
                <td className="num">{town.communityCount}</td>
                <td className="num">{town.residentialCount}</td>
                <td className="num">{town.villageCount}</td>
                <td className="num">{text.populationCellsCount(town.populationCells)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function FramePage() {
  return (
    <>
      <PageHeader title={text.title} intro={text.intro} />
      <FrameImport />
      <Card title={text.currentTitle} labelledBy="frame-current-title">
        <CurrentFrame />
      </Card>
      <PopulationImport />
    </>
  );
}
