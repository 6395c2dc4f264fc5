import { Link } from "react-router-dom";
import { EmptyState, ErrorNotice, Loading } from "../../shared/components/feedback";
import { Card, PageHeader } from "../../shared/components/page";
import { ProgressBar } from "../../shared/components/progress-bar";
import { formatDate } from "../../shared/format";
import { useQuestionnaires, useWaves } from "./api";
import { wavesStrings } from "./strings";
import { WaveStatusBadge } from "./wave-status-badge";

const text = wavesStrings;

export function WavesPage() {
  const waves = useWaves();
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
      <Card>
        {waves.isPending ? (
          <Loading />
        ) : waves.isError ? (
          <ErrorNotice error={waves.error} onRetry={() => waves.refetch()} />
        ) : waves.data.length === 0 ? (
          <EmptyState>{text.listEmpty}</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label={text.title}>
              <thead>
                <tr>
                  <th scope="col">{text.code}</th>
                  <th scope="col">{text.titleField}</th>
                  <th scope="col" className="num">
                    {text.year}
                  </th>
                  <th scope="col">{text.status}</th>
                  <th scope="col">{text.questionnaire}</th>
                  <th scope="col" className="num">
                    {text.townTarget}
                  </th>
                  <th scope="col" className="num">
                    {text.communityCap}
                  </th>
                  <th scope="col" className="waves__progress-col">
                    {text.progress}
                  </th>
                  <th scope="col">{text.closesAt}</th>
                  <th scope="col">
                    <span className="visually-hidden">{text.actions}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {waves.data.map((wave) => (
                  <tr key={wave.id}>
                    <td>
                      <code>{wave.code}</code>
                    </td>
                    <th scope="row">{wave.title}</th>
                    <td className="num">{wave.year}</td>
                    <td>
                      <WaveStatusBadge status={wave.status} />
                    </td>
                    <td>{questionnaireTitle(wave.questionnaireId)}</td>
                    <td className="num">{wave.townTarget}</td>
                    <td className="num">{wave.communityCap}</td>
                    <td>
                      <div className="town-progress__cell">
                        <ProgressBar
                          completed={wave.totals.completed}
                          reserved={wave.totals.reserved}
                          target={wave.totals.target}
                          label={`${wave.title} ${wave.totals.completed} / ${wave.totals.target}`}
                        />
                        <span className="town-progress__count">
                          {wave.totals.completed} / {wave.totals.target}
                        </span>
                      </div>
                    </td>
                    <td className="nowrap">{formatDate(wave.closesAt)}</td>
                    <td>
                      <div className="table-actions">
                        <Link
                          className="button button--small"
                          to={`/waves/${wave.id}`}
                          aria-label={`${text.detail} ${wave.title}`}
                        >
                          {text.detail}
                        </Link>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
