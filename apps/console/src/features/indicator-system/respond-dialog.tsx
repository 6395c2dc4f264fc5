import type { Recommendation, RecommendationStatus } from "@survey/contract";
import { type FormEvent, useState } from "react";
import { Dialog } from "../../shared/components/dialog";
import { ErrorNotice } from "../../shared/components/feedback";
import { optionsOf, SelectField } from "../../shared/components/fields";
import { strings } from "../../shared/strings";
import { useRespondToRecommendation } from "./api";
import { indicatorSystemStrings } from "./strings";
import { TextAreaField } from "./text-area-field";

const text = indicatorSystemStrings;

/** The addressed department or town answers: the measures taken and where the work stands. */
export function RespondDialog({
  recommendation,
  onClose,
}: {
  recommendation: Recommendation | null;
  onClose: () => void;
}) {
  const [status, setStatus] = useState<RecommendationStatus>("in_progress");
  const [measures, setMeasures] = useState("");
  const respond = useRespondToRecommendation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!recommendation) return;
    respond.mutate({ id: recommendation.id, response: { status, measures: measures.trim() } }, { onSuccess: onClose });
  };
  return (
    <Dialog
      open={recommendation !== null}
      title={recommendation ? text.respondTitle(recommendation.title) : text.respond}
      confirmLabel={strings.save}
      busy={respond.isPending}
      onOpen={() => {
        setStatus(recommendation?.status === "open" ? "in_progress" : (recommendation?.status ?? "in_progress"));
        setMeasures(recommendation?.measures ?? "");
        respond.reset();
      }}
      onSubmit={submit}
      onCancel={onClose}
    >
      {respond.error ? <ErrorNotice error={respond.error} /> : null}
      <SelectField
        label={text.statusLabel}
        value={status}
        options={optionsOf(text.recommendationStatus)}
        onChange={(value) => setStatus(value as RecommendationStatus)}
      />
      <TextAreaField label={text.measures} required maxLength={4000} value={measures} onChange={setMeasures} />
    </Dialog>
  );
}
