import type { ResponseDetail } from "@survey/contract";
import { type FormEvent, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { Dialog } from "../../shared/components/dialog";
import { ErrorNotice, Notice } from "../../shared/components/feedback";
import { TextField } from "../../shared/components/fields";
import { Card, PageHeader } from "../../shared/components/page";
import { QueryState } from "../../shared/components/query-state";
import { formatDateTime } from "../../shared/format";
import { CodeEntryForm } from "../fieldwork/code-entry/code-entry-form";
import { AnswerView } from "./answer-view";
import { useCorrectAnswers, useResponse, useVoidResponse } from "./api";
import { FlagBadges, StatusBadge } from "./responses-page";
import { modeLabels, responsesStrings } from "./strings";
import "./responses.css";

const text = responsesStrings;
const MIN_REASON = 2;

function Facts({ response }: { response: ResponseDetail }) {
  const sex = response.sex ? text[response.sex] : text.unknown;
  const registered =
    response.registered === null ? text.unknown : response.registered ? text.registeredYes : text.registeredNo;
  const facts: [string, React.ReactNode][] = [
    [text.where, `${response.townName} · ${response.communityName}`],
    [text.mode, modeLabels[response.mode]],
    [text.status, <StatusBadge key="status" status={response.status} />],
    [text.submittedAt, formatDateTime(response.submittedAt)],
    [text.duration, response.durationSeconds === null ? "—" : text.minutes(response.durationSeconds)],
    [text.sex, sex],
    [text.birthYear, response.birthYear ?? text.unknown],
    [text.ageGroup, response.ageGroup ?? text.unknown],
    [text.registered, registered],
    [text.enteredBy, response.enteredBy ?? "—"],
  ];
  return (
    <dl className="response-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      {response.flags.length > 0 ? (
        <div>
          <dt>{text.flags}</dt>
          <dd>
            <FlagBadges flags={response.flags} />
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function VoidDialog({ response, open, onClose }: { response: ResponseDetail; open: boolean; onClose: () => void }) {
  const voiding = useVoidResponse(response.id);
  const [reason, setReason] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < MIN_REASON) return;
    voiding.mutate(reason.trim(), { onSuccess: onClose });
  };
  return (
    <Dialog
      open={open}
      title={text.voidTitle}
      danger
      confirmLabel={text.voidConfirm}
      busy={voiding.isPending || reason.trim().length < MIN_REASON}
      cancelDisabled={voiding.isPending}
      onOpen={() => {
        setReason("");
        voiding.reset();
      }}
      onSubmit={submit}
      onCancel={onClose}
    >
      <p>{text.voidExplain}</p>
      <TextField label={text.reason} hint={text.reasonHint} value={reason} maxLength={500} onChange={setReason} />
      {voiding.error ? <ErrorNotice error={voiding.error} /> : null}
    </Dialog>
  );
}

function Correction({ response, onDone }: { response: ResponseDetail; onDone: () => void }) {
  const correcting = useCorrectAnswers(response.id);
  const [reason, setReason] = useState("");
  const reasonError =
    correcting.isError || reason === "" || reason.trim().length >= MIN_REASON ? undefined : text.reasonHint;
  return (
    <Card title={text.correctTitle} labelledBy="correct-title">
      <p className="muted">{text.correctExplain}</p>
      {correcting.error ? <ErrorNotice error={correcting.error} /> : null}
      <CodeEntryForm
        definition={response.definition}
        initialAnswers={response.answers}
        submitLabel={text.correctSave}
        busy={correcting.isPending || reason.trim().length < MIN_REASON}
        before={
          <TextField
            label={text.reason}
            hint={text.reasonHint}
            error={reasonError}
            value={reason}
            maxLength={500}
            onChange={setReason}
          />
        }
        onSubmit={(answers) => correcting.mutate({ answers, reason: reason.trim() }, { onSuccess: onDone })}
      />
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          {text.correctCancel}
        </button>
      </div>
    </Card>
  );
}

function ResponseBody({ response }: { response: ResponseDetail }) {
  const [voidOpen, setVoidOpen] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const [corrected, setCorrected] = useState(false);
  return (
    <>
      {response.voided ? (
        <Notice tone="warning">
          {text.voidedNotice(formatDateTime(response.voided.at), response.voided.by ?? "—", response.voided.reason)}
        </Notice>
      ) : null}
      {corrected ? <Notice tone="success">{text.correctedNotice}</Notice> : null}
      <Card title={text.facts} labelledBy="facts-title">
        <Facts response={response} />
        {response.status !== "void" ? (
          <div className="form-actions">
            {response.correctable && !correcting ? (
              <button type="button" className="button" onClick={() => setCorrecting(true)}>
                {text.correctAction}
              </button>
            ) : null}
            {response.mode === "online" ? <span className="muted small">{text.onlineLocked}</span> : null}
            <button type="button" className="button button--danger" onClick={() => setVoidOpen(true)}>
              {text.voidAction}
            </button>
          </div>
        ) : null}
      </Card>
      {correcting ? (
        <Correction
          response={response}
          onDone={() => {
            setCorrecting(false);
            setCorrected(true);
          }}
        />
      ) : (
        <Card title={text.answersTitle} labelledBy="answers-title">
          <AnswerView definition={response.definition} answers={response.answers} />
        </Card>
      )}
      <VoidDialog response={response} open={voidOpen} onClose={() => setVoidOpen(false)} />
    </>
  );
}

export function ResponsePage() {
  const { responseId = "" } = useParams();
  const [params] = useSearchParams();
  const response = useResponse(responseId);
  const wave = params.get("wave");
  return (
    <>
      <PageHeader
        title={response.data ? text.responseTitle(response.data.receiptCode) : text.title}
        actions={
          <Link className="button" to={wave ? `/responses?wave=${wave}` : "/responses"}>
            {text.back}
          </Link>
        }
      />
      <QueryState query={response}>{(data) => <ResponseBody response={data} />}</QueryState>
    </>
  );
}
