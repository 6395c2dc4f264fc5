import type { AdminWaveDetail } from "@survey/contract";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router-dom";
import { Dialog } from "../../shared/components/dialog";
import { ErrorNotice, Notice } from "../../shared/components/feedback";
import { TextField } from "../../shared/components/fields";
import { useChangeWaveStatus, useDeleteWave, useReopenWave, useWaves } from "./api";
import { wavesStrings } from "./strings";
import { closingInstant, shanghaiDay } from "./wave-dates";

const text = wavesStrings;

/** The titles of the other open waves, joined for a sentence ("" when none). */
function useOtherOpenTitles(waveId: number): string {
  const waves = useWaves();
  return (waves.data ?? [])
    .filter((other) => other.status === "open" && other.id !== waveId)
    .map((other) => other.title)
    .join("”“");
}

/** Open (with a second confirmation while another wave is open) or close a wave. */
function OpenCloseAction({ wave, onChanged }: { wave: AdminWaveDetail; onChanged: (message: string) => void }) {
  const change = useChangeWaveStatus(wave.id);
  const others = useOtherOpenTitles(wave.id);
  const [asking, setAsking] = useState<"open" | "close" | null>(null);
  const action = wave.status === "open" ? "close" : "open";
  // Confirming here is the confirmation the API asks for; the dialog named the open wave.
  const secondOpen = asking === "open" && others !== "";
  return (
    <>
      <button
        type="button"
        className={`button ${action === "open" ? "button--primary" : "button--danger"}`}
        onClick={() => setAsking(action)}
      >
        {action === "open" ? text.open : text.close}
      </button>
      <Dialog
        open={asking !== null}
        title={asking === "close" ? text.closeConfirmTitle : secondOpen ? text.anotherOpenTitle : text.openConfirmTitle}
        confirmLabel={asking === "close" ? text.close : secondOpen ? text.openAnyway : text.open}
        danger={asking === "close" || secondOpen}
        busy={change.isPending}
        onCancel={() => {
          setAsking(null);
          change.reset();
        }}
        onConfirm={() =>
          asking &&
          change.mutate(
            { action: asking, confirmAnotherOpen: secondOpen },
            {
              onSuccess: () => {
                setAsking(null);
                onChanged(asking === "open" ? text.opened : text.closed);
              },
            },
          )
        }
      >
        {change.error ? <ErrorNotice error={change.error} /> : null}
        <p>
          {asking === "close"
            ? text.closeConfirmBody(wave.title)
            : secondOpen
              ? text.anotherOpenBody(wave.title, others)
              : text.openConfirmBody(wave.title)}
        </p>
      </Dialog>
    </>
  );
}

/** A closed wave takes responses again until a new closing day, with a reason for the audit log. */
function ReopenAction({ wave, onChanged }: { wave: AdminWaveDetail; onChanged: (message: string) => void }) {
  const reopen = useReopenWave(wave.id);
  const others = useOtherOpenTitles(wave.id);
  const [asking, setAsking] = useState(false);
  const [closesOn, setClosesOn] = useState("");
  const [reason, setReason] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const closesAt = closingInstant(closesOn);
    if (!closesAt) return;
    reopen.mutate(
      { reason: reason.trim(), closesAt, confirmAnotherOpen: others !== "" },
      {
        onSuccess: () => {
          setAsking(false);
          onChanged(text.reopened);
        },
      },
    );
  };
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setAsking(true)}>
        {text.reopen}
      </button>
      <Dialog
        open={asking}
        title={text.reopenTitle}
        confirmLabel={text.reopen}
        busy={reopen.isPending}
        onOpen={() => {
          reopen.reset();
          setReason("");
          setClosesOn(shanghaiDay(new Date(Date.now() + 7 * 86_400_000).toISOString()));
        }}
        onCancel={() => setAsking(false)}
        onSubmit={submit}
      >
        {reopen.error ? <ErrorNotice error={reopen.error} /> : null}
        <p>{text.reopenBody(wave.title)}</p>
        {others ? <Notice tone="warning">{text.reopenAnotherOpen(others)}</Notice> : null}
        <TextField label={text.reopenClosesAt} type="date" required value={closesOn} onChange={setClosesOn} />
        <TextField label={text.reason} required minLength={2} maxLength={500} value={reason} onChange={setReason} />
      </Dialog>
    </>
  );
}

/** A draft without responses can be deleted (a wave created by mistake or for a test). */
function DeleteAction({ wave }: { wave: AdminWaveDetail }) {
  const remove = useDeleteWave(wave.id);
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className="button button--danger" onClick={() => setAsking(true)}>
        {text.deleteWave}
      </button>
      <Dialog
        open={asking}
        title={text.deleteTitle}
        confirmLabel={text.deleteWave}
        danger
        busy={remove.isPending}
        onCancel={() => {
          setAsking(false);
          remove.reset();
        }}
        onConfirm={() =>
          remove.mutate(undefined, { onSuccess: () => navigate("/waves", { state: { message: text.deleted } }) })
        }
      >
        {remove.error ? <ErrorNotice error={remove.error} /> : null}
        <p>{text.deleteBody(wave.title)}</p>
      </Dialog>
    </>
  );
}

/** What can happen to a wave next: a draft opens or is deleted, an open wave closes, a closed one reopens. */
export function WaveActions({ wave, onChanged }: { wave: AdminWaveDetail; onChanged: (message: string) => void }) {
  if (wave.status === "closed") return <ReopenAction wave={wave} onChanged={onChanged} />;
  return (
    <>
      {wave.status === "draft" && wave.totals.completed === 0 ? <DeleteAction wave={wave} /> : null}
      <OpenCloseAction wave={wave} onChanged={onChanged} />
    </>
  );
}
