import type { AdminWaveDetail, CreateWaveBody } from "@survey/contract";
import { type FormEvent, useState } from "react";
import { CheckboxGroup, namedOptions, optionsOf, SelectField, TextField } from "../../shared/components/fields";
import { strings } from "../../shared/strings";
import { useFrame } from "../frame/api";
import type { AllocationPlan } from "./api";
import { useQuestionnaires } from "./api";
import { wavesStrings } from "./strings";
import { closingInstant, shanghaiDay } from "./wave-dates";

const text = wavesStrings;

interface Draft {
  code: string;
  title: string;
  year: string;
  questionnaireId: string;
  townTarget: string;
  communityCap: string;
  minAge: string;
  reservationMinutes: string;
  allocation: AllocationPlan;
  closesAt: string;
  townCodes: string[] | null;
  hiddenFromTrends: boolean;
}

function draftOf(wave: AdminWaveDetail | undefined): Draft {
  const year = new Date().getFullYear();
  return {
    code: wave?.code ?? "",
    title: wave?.title ?? "",
    year: String(wave?.year ?? year),
    questionnaireId: wave?.questionnaireId ? String(wave.questionnaireId) : "",
    townTarget: String(wave?.townTarget ?? 200),
    communityCap: String(wave?.communityCap ?? 20),
    minAge: String(wave?.minAge ?? 18),
    reservationMinutes: String(wave?.reservationMinutes ?? 30),
    allocation: wave?.allocation ?? "cap",
    closesAt: shanghaiDay(wave?.closesAt ?? null),
    // null = every town in the frame (the server's default).
    townCodes: wave ? wave.towns.map((town) => town.code) : null,
    hiddenFromTrends: wave?.hiddenFromTrends ?? false,
  };
}

function wholeNumber(text: string): number | undefined {
  return /^\d{1,6}$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
}

/** The wave's settings. On a new wave the towns taking part are chosen too (fixed afterwards). */
export function WaveForm({
  wave,
  busy,
  onSubmit,
  onTrialChange,
}: {
  wave: AdminWaveDetail | undefined;
  busy: boolean;
  onSubmit: (input: CreateWaveBody) => void;
  /** The target and cap being typed, for a live allocation preview. */
  onTrialChange?: (trial: { townTarget?: number; communityCap?: number }) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(wave));
  const frame = useFrame();
  const questionnaires = useQuestionnaires();
  const readOnly = wave?.status === "closed";
  const frameTowns = frame.data?.towns ?? [];
  const chosenTowns = draft.townCodes ?? frameTowns.map((town) => town.code);
  const set = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (onTrialChange && ("townTarget" in patch || "communityCap" in patch)) {
      onTrialChange({ townTarget: wholeNumber(next.townTarget), communityCap: wholeNumber(next.communityCap) });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      code: draft.code.trim(),
      title: draft.title.trim(),
      year: Number(draft.year),
      questionnaireId: Number(draft.questionnaireId),
      townTarget: Number(draft.townTarget),
      communityCap: Number(draft.communityCap),
      minAge: Number(draft.minAge),
      reservationMinutes: Number(draft.reservationMinutes),
      allocation: draft.allocation,
      closesAt: closingInstant(draft.closesAt),
      townCodes: chosenTowns,
      hiddenFromTrends: draft.hiddenFromTrends,
    });
  };

  const numberField = (
    key: "year" | "townTarget" | "communityCap" | "minAge" | "reservationMinutes",
    label: string,
    min: number,
    max: number,
  ) => (
    <TextField
      label={label}
      type="number"
      inputMode="numeric"
      required
      min={min}
      max={max}
      step={1}
      value={draft[key]}
      disabled={readOnly}
      onChange={(value) => set({ [key]: value })}
    />
  );

  return (
    <form onSubmit={submit} aria-label={wave ? text.editTitle : text.newTitle}>
      <h3 className="form-section">{text.basicsTitle}</h3>
      <div className="form-grid">
        <TextField
          label={text.code}
          required
          maxLength={40}
          pattern="[A-Za-z0-9_\-]+"
          disabled={wave !== undefined}
          value={draft.code}
          onChange={(code) => set({ code })}
        />
        <TextField
          label={text.titleField}
          className="field--wide"
          required
          maxLength={120}
          disabled={readOnly}
          value={draft.title}
          onChange={(title) => set({ title })}
        />
        {numberField("year", text.year, 2000, 2100)}
        <SelectField
          label={text.questionnaire}
          className="field--wide"
          required
          hint={wave && wave.status !== "draft" ? text.questionnaireFixed : text.questionnaireHint}
          value={draft.questionnaireId}
          disabled={readOnly || (wave !== undefined && wave.status !== "draft")}
          options={[
            { value: "", label: text.questionnaireNone, disabled: true },
            ...(questionnaires.data ?? []).map((questionnaire) => ({
              value: String(questionnaire.id),
              label: text.questionnaireOption(questionnaire.title, questionnaire.version),
            })),
            // Keep the wave's own questionnaire selectable even if the list could not be loaded.
            ...(wave?.questionnaireId && !questionnaires.data?.some((item) => item.id === wave.questionnaireId)
              ? [{ value: String(wave.questionnaireId), label: text.questionnaireById(wave.questionnaireId) }]
              : []),
          ]}
          onChange={(questionnaireId) => set({ questionnaireId })}
        />
        <TextField
          label={text.closesAt}
          hint={text.closesAtHelp}
          type="date"
          value={draft.closesAt}
          disabled={readOnly}
          onChange={(closesAt) => set({ closesAt })}
        />
      </div>

      <h3 className="form-section">{text.targetsTitle}</h3>
      <div className="form-grid">
        {numberField("townTarget", text.townTarget, 1, 100000)}
        {numberField("communityCap", text.communityCap, 1, 10000)}
        <SelectField
          label={text.allocation}
          value={draft.allocation}
          disabled={readOnly}
          options={optionsOf(text.plans)}
          onChange={(allocation) => set({ allocation: allocation as AllocationPlan })}
        />
      </div>

      <h3 className="form-section">{text.rulesTitle}</h3>
      <div className="form-grid">
        {numberField("minAge", text.minAge, 14, 100)}
        {numberField("reservationMinutes", text.reservationMinutes, 5, 1440)}
      </div>

      <CheckboxGroup
        legend={
          <>
            {text.towns}（{text.townsCount(chosenTowns.length)}）
          </>
        }
        note={wave !== undefined ? <p className="field__help checkbox-grid__note">{text.townsFixed}</p> : null}
        disabled={wave !== undefined}
        options={namedOptions(frameTowns)}
        checked={chosenTowns}
        onChange={(townCodes) => set({ townCodes })}
      />

      {/* Left editable on a closed wave: a test or aborted round is taken out of trends after the fact. */}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.hiddenFromTrends}
          onChange={(event) => set({ hiddenFromTrends: event.target.checked })}
        />
        {text.hiddenFromTrends}
      </label>

      {readOnly && wave?.hiddenFromTrends === draft.hiddenFromTrends ? null : (
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy || chosenTowns.length === 0}>
            {wave ? strings.save : text.create}
          </button>
        </div>
      )}
    </form>
  );
}
