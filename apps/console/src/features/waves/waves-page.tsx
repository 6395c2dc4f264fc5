import { Link, useLocation } from "react-router-dom";
import { Badge } from "../../shared/components/badge";
import { DataTable } from "../../shared/components/data-table";
import { Notice } from "../../shared/components/feedback";
import { Card, PageHeader } from "../../shared/components/page";
import { ProgressBar } from "../../shared/components/progress-bar";
import { QueryState } from "../../shared/components/query-state";
import { formatDate } from "../../shared/format";
import { useQuestionnaires, useWaves } from "./api";
import { wavesStrings } from "./strings";
import { WaveStatusBadge } from "./wave-status-badge";

const text = wavesStrings;

export function WavesPage() {
  const waves = useWaves();
  // A message handed over by the page we came from (a deleted draft).
  const message = (useLocation().state as { message?: string } | null)?.message;
  const questionnaires = useQuestionnaires();
  const questionnaireTitle = (id: number | null) => {
    const found = questionnaires.data?.find((item) => item.id === id);
    return found ? text.questionnaireOption(found.title, found.version) : text.questionnaireNone;
  };

  return (
    <>
      <PageHeader
        title={text.title}
        actions={
          <Link className="button button--primary" to="/waves/new">
            {text.create}
          </Link>
        }
      />
      {message ? <Notice tone="success">{message}</Notice> : null}
      <Card>
        <QueryState query={waves}>
          {(list) => (
            <DataTable
              label={text.title}
              rows={list}
              empty={text.listEmpty}
              rowKey={(wave) => wave.id}
              columns={[
                { key: "code", header: text.code, cell: (wave) => <code>{wave.code}</code> },
                { key: "title", header: text.titleField, rowHeader: true, cell: (wave) => wave.title },
                { key: "year", header: text.year, className: "num", cell: (wave) => wave.year },
                {
                  key: "status",
                  header: text.status,
                  cell: (wave) => (
                    <>
                      <WaveStatusBadge status={wave.status} />
                      {wave.hiddenFromTrends ? (
                        <>
                          {" "}
                          <Badge tone="muted">{text.hiddenBadge}</Badge>
                        </>
                      ) : null}
                    </>
                  ),
                },
                {
                  key: "questionnaire",
                  header: text.questionnaire,
                  cell: (wave) => questionnaireTitle(wave.questionnaireId),
                },
                { key: "target", header: text.townTarget, className: "num", cell: (wave) => wave.townTarget },
                { key: "cap", header: text.communityCap, className: "num", cell: (wave) => wave.communityCap },
                {
                  key: "progress",
                  header: text.progress,
                  headerClassName: "waves__progress-col",
                  cell: ({ title, totals }) => (
                    <div className="town-progress__cell">
                      <ProgressBar
                        completed={totals.completed}
                        reserved={totals.reserved}
                        target={totals.target}
                        label={`${title} ${totals.completed} / ${totals.target}`}
                      />
                      <span className="town-progress__count">
                        {totals.completed} / {totals.target}
                      </span>
                    </div>
                  ),
                },
                {
                  key: "closes",
                  header: text.closesAt,
                  cellClassName: "nowrap",
                  cell: (wave) => formatDate(wave.closesAt),
                },
                {
                  key: "actions",
                  header: text.actions,
                  hiddenHeader: true,
                  cell: (wave) => (
                    <div className="table-actions">
                      <Link
                        className="button button--small"
                        to={`/waves/${wave.id}`}
                        aria-label={`${text.detail} ${wave.title}`}
                      >
                        {text.detail}
                      </Link>
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
