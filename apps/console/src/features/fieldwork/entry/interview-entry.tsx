import type { AdminWaveListItem, InterviewReply } from "@survey/contract";
import { useCallback, useEffect, useRef, useState } from "react";
import { EmptyState, ErrorNotice, Notice } from "../../../shared/components/feedback";
import { Segmented } from "../../../shared/components/fields";
import { Card } from "../../../shared/components/page";
import { QueryState } from "../../../shared/components/query-state";
import { useQuestionnaire } from "../../waves/api";
import { useSubmitInterview } from "../api";
import { CodeEntryForm } from "../code-entry/code-entry-form";
import { codeEntryStrings, entryStrings } from "../strings";
import { QuestionnaireForm } from "./questionnaire-form";
import { type Respondent, RespondentForm } from "./respondent-form";

const text = entryStrings;

/** One paper questionnaire: where and who, then the answers, then the receipt. */
export function InterviewEntry({ wave }: { wave: AdminWaveListItem }) {
  const questionnaire = useQuestionnaire(wave.questionnaireId);
  const submit = useSubmitInterview(wave.id);
  const [respondent, setRespondent] = useState<Respondent | null>(null);
  const [editingRespondent, setEditingRespondent] = useState(true);
  const [result, setResult] = useState<InterviewReply | null>(null);
  // Each questionnaire gets a fresh SurveyJS model.
  const [formKey, setFormKey] = useState(0);
  // Typing the answer codes is the clerks' way; the questionnaire's own look stays for reading along.
  const [entryMode, setEntryMode] = useState<"codes" | "form">("codes");
  const errorRef = useRef<HTMLDivElement>(null);

  // A refusal (quota full, already responded, invalid answers) is shown where the interviewer looks.
  useEffect(() => {
    if (submit.error) errorRef.current?.scrollIntoView({ block: "center" });
  }, [submit.error]);

  const send = useCallback(
    async (answers: Record<string, unknown>) => {
      if (!respondent) return;
      const stored = await submit.mutateAsync({
        communityCode: respondent.communityCode,
        answers,
        ...(respondent.idNumber ? { idNumber: respondent.idNumber } : {}),
        ...(respondent.phone ? { phone: respondent.phone } : {}),
        ...(respondent.sex ? { sex: respondent.sex } : {}),
        ...(respondent.ageGroup ? { ageGroup: respondent.ageGroup } : {}),
      });
      setResult(stored);
      window.scrollTo({ top: 0 });
    },
    [respondent, submit.mutateAsync],
  );

  const next = () => {
    setResult(null);
    submit.reset();
    // The interviewer usually stays in the same community; the person changes.
    setRespondent((current) => (current ? { ...current, idNumber: "", phone: "", sex: "", ageGroup: "" } : null));
    setEditingRespondent(true);
    setFormKey((key) => key + 1);
  };

  if (wave.questionnaireId === null) return <EmptyState>{text.noQuestionnaire}</EmptyState>;

  if (result) {
    return (
      <Card>
        <Notice tone="success" title={text.submitted(result.receiptCode)}>
          {result.counted ? text.counted(respondent?.communityName ?? "") : text.notCounted}
        </Notice>
        <div className="form-actions">
          <button type="button" className="button button--primary" onClick={next}>
            {text.nextOne}
          </button>
        </div>
      </Card>
    );
  }

  return (
    <>
      <Card title={text.respondentTitle} labelledBy="respondent-title">
        {editingRespondent || !respondent ? (
          <RespondentForm
            wave={wave}
            initial={respondent}
            onDone={(chosen) => {
              setRespondent(chosen);
              setEditingRespondent(false);
              submit.reset();
            }}
          />
        ) : (
          <div className="respondent-summary">
            <span>
              {text.respondentSummary(respondent.communityName, respondent.idNumber !== "", respondent.phone !== "")}
            </span>
            <button type="button" className="button button--small" onClick={() => setEditingRespondent(true)}>
              {text.changeRespondent}
            </button>
          </div>
        )}
      </Card>
      {respondent && !editingRespondent ? (
        <Card title={text.formTitle} labelledBy="questionnaire-title">
          <div ref={errorRef} className="entry-error">
            {submit.error ? <ErrorNotice error={submit.error} /> : null}
          </div>
          <Segmented
            label={codeEntryStrings.modeLabel}
            showLabel
            value={entryMode}
            options={[
              { value: "codes", label: codeEntryStrings.modeCodes },
              { value: "form", label: codeEntryStrings.modeForm },
            ]}
            onChange={setEntryMode}
          />
          <QueryState query={questionnaire}>
            {({ definition }) =>
              entryMode === "codes" ? (
                <CodeEntryForm
                  key={formKey}
                  definition={definition}
                  submitLabel={text.submit}
                  busy={submit.isPending}
                  onSubmit={(answers) => send(answers).catch(() => undefined)}
                />
              ) : (
                <QuestionnaireForm key={formKey} definition={definition} onSubmit={send} />
              )
            }
          </QueryState>
        </Card>
      ) : null}
    </>
  );
}
