import type { QuestionnaireVersion } from "@survey/contract";
import { Link, useNavigate } from "react-router-dom";
import { errorMessage } from "../../shared/api/http";
import { Badge } from "../../shared/components/badge";
import { DataTable } from "../../shared/components/data-table";
import { Notice } from "../../shared/components/feedback";
import { Card, PageHeader } from "../../shared/components/page";
import { QueryState } from "../../shared/components/query-state";
import { questionnairePaths, useCreateVersion, useQuestionnaireVersions } from "./api";
import { studioStrings as text } from "./strings";
import "./studio.css";

function WaveUses({ version }: { version: QuestionnaireVersion }) {
  if (version.waves.length === 0) return <span className="muted">{text.noWaves}</span>;
  return (
    <ul className="studio-waves">
      {version.waves.map((wave) => (
        <li key={wave.id}>
          <Link to={`/waves/${wave.id}`}>{wave.title}</Link>{" "}
          <span className="muted">
            （{text.waveStatus[wave.status]}
            {wave.hasResponses ? `，${text.withResponses}` : ""}）
          </span>
        </li>
      ))}
    </ul>
  );
}

/** 问卷设计: every questionnaire version, which waves use it, whether it can still be edited. */
export function QuestionnairesPage() {
  const versions = useQuestionnaireVersions();
  const createVersion = useCreateVersion();
  const navigate = useNavigate();
  const versionOf = (id: number | null) => versions.data?.find((version) => version.id === id)?.version;

  const newVersion = (source: QuestionnaireVersion) =>
    createVersion.mutate(source.id, {
      onSuccess: (created) =>
        navigate(`/questionnaires/${created.id}`, { state: { message: text.created(created.version) } }),
    });

  return (
    <>
      <PageHeader title={text.title} intro={text.intro} />
      {createVersion.isError ? <Notice tone="error">{errorMessage(createVersion.error)}</Notice> : null}
      <Card className="studio-list">
        <QueryState query={versions}>
          {(list) => (
            <DataTable
              label={text.listLabel}
              rows={list}
              rowKey={(version) => version.id}
              rowProps={(version) => ({ "data-testid": `questionnaire-${version.id}` })}
              columns={[
                {
                  key: "version",
                  header: text.columns.version,
                  cellClassName: "nowrap",
                  cell: (v) => text.version(v.version),
                },
                { key: "title", header: text.columns.title, rowHeader: true, cell: (v) => v.title },
                { key: "questions", header: text.columns.questions, className: "num", cell: (v) => v.questionCount },
                {
                  key: "source",
                  header: text.columns.source,
                  cell: (v) => {
                    const source = versionOf(v.sourceId);
                    return source ? text.copiedFrom(source) : "—";
                  },
                },
                { key: "waves", header: text.columns.waves, cell: (v) => <WaveUses version={v} /> },
                {
                  key: "state",
                  header: text.columns.state,
                  cell: (v) =>
                    v.frozen ? <Badge tone="muted">{text.frozen}</Badge> : <Badge tone="ok">{text.editable}</Badge>,
                },
                {
                  key: "actions",
                  header: text.columns.actions,
                  hiddenHeader: true,
                  cell: (v) => (
                    <div className="table-actions">
                      <Link
                        className="button button--small"
                        to={`/questionnaires/${v.id}`}
                        aria-label={`${v.frozen ? text.view : text.edit} ${v.title} ${text.version(v.version)}`}
                      >
                        {v.frozen ? text.view : text.edit}
                      </Link>
                      <button
                        type="button"
                        className="button button--small"
                        disabled={createVersion.isPending}
                        aria-label={text.newVersionOf(v.title, v.version)}
                        onClick={() => newVersion(v)}
                      >
                        {text.newVersion}
                      </button>
                      <a
                        className="button button--small"
                        href={questionnairePaths.paper(v.id)}
                        aria-label={text.paperOf(v.title, v.version)}
                        target="_blank"
                        rel="noreferrer"
                      >
                        {text.paper}
                      </a>
                      <a
                        className="button button--small"
                        href={questionnairePaths.codebook(v.id)}
                        aria-label={text.codebookOf(v.title, v.version)}
                        download
                      >
                        {text.codebook}
                      </a>
                    </div>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}
