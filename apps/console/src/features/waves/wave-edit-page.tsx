import { useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { ErrorNotice, Notice } from "../../shared/components/feedback";
import { Card, PageHeader } from "../../shared/components/page";
import { QueryState } from "../../shared/components/query-state";
import { strings } from "../../shared/strings";
import { AllocationPreview } from "./allocation-preview";
import { useCreateWave, useUpdateWave, useWave } from "./api";
import { wavesStrings } from "./strings";
import { TownQuotas } from "./town-quotas";
import { WaveActions } from "./wave-actions";
import { WaveForm } from "./wave-form";
import { WaveStatusBadge } from "./wave-status-badge";

const text = wavesStrings;

function NewWave() {
  const create = useCreateWave();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={text.newTitle}
        actions={
          <Link className="button" to="/waves">
            {strings.back}
          </Link>
        }
      />
      <Card>
        {create.error ? <ErrorNotice error={create.error} /> : null}
        <WaveForm
          wave={undefined}
          busy={create.isPending}
          onSubmit={(input) =>
            create.mutate(input, { onSuccess: (wave) => navigate(`/waves/${wave.id}`, { state: { created: true } }) })
          }
        />
      </Card>
    </>
  );
}

function ExistingWave({ waveId }: { waveId: number }) {
  const wave = useWave(waveId);
  const update = useUpdateWave(waveId);
  const location = useLocation();
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;
  const [message, setMessage] = useState<string | null>(justCreated ? text.created : null);
  const [trial, setTrial] = useState<{ townTarget?: number; communityCap?: number }>({});

  return (
    <QueryState query={wave}>
      {(current) => (
        <>
          <PageHeader
            title={current.title}
            intro={
              <>
                <WaveStatusBadge status={current.status} /> <code>{current.code}</code>
              </>
            }
            actions={
              <>
                <Link className="button" to="/waves">
                  {strings.back}
                </Link>
                <WaveActions
                  wave={current}
                  onChanged={(text) => {
                    setMessage(text);
                    wave.refetch();
                  }}
                />
              </>
            }
          />
          {message ? <Notice tone="success">{message}</Notice> : null}
          <Card title={text.editTitle} labelledBy="wave-settings-title">
            {current.status === "closed" ? <Notice tone="info">{text.closedReadOnly}</Notice> : null}
            {update.error ? <ErrorNotice error={update.error} /> : null}
            <WaveForm
              // A fresh form after every save shows what the server stored.
              key={`${current.id}:${wave.dataUpdatedAt}`}
              wave={current}
              busy={update.isPending}
              onTrialChange={setTrial}
              onSubmit={({ code: _code, townCodes: _towns, ...changes }) =>
                // A closed wave keeps its settings; only whether it takes part in trends still changes.
                update.mutate(current.status === "closed" ? { hiddenFromTrends: changes.hiddenFromTrends } : changes, {
                  onSuccess: () => {
                    setMessage(text.saved);
                    setTrial({});
                    wave.refetch();
                  },
                })
              }
            />
          </Card>
          <Card title={text.quotasTitle} labelledBy="town-quotas-title">
            <TownQuotas
              wave={current}
              onSaved={(saved) => {
                setMessage(saved);
                wave.refetch();
              }}
            />
          </Card>
          <Card title={text.allocationTitle} labelledBy="allocation-title">
            <AllocationPreview
              key={`${current.id}:${wave.dataUpdatedAt}`}
              waveId={current.id}
              initialPlan={current.allocation}
              trial={trial}
            />
          </Card>
        </>
      )}
    </QueryState>
  );
}

export function WaveEditPage() {
  const { waveId } = useParams();
  if (waveId === undefined) return <NewWave />;
  return <ExistingWave waveId={Number(waveId)} />;
}
