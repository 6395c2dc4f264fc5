import { type FormEvent, useState } from "react";
import { strings } from "../../shared/strings";
import { useFrame } from "../frame/api";
import type { AdminWaveDetail, AllocationPlan, CreateWaveBody } from "./api";
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
  };
}

function wholeNumber(text: string): number | undefined {
  return /^\d{1,6}$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
}

function NumberField({
  label,
  value,
  min,
  max,
  onChange,
  disabled,
}: {
  label: string;
  value: string;
  min: number;
  max: number;
  onChange: (value: string) => void;
  disabled: boolean;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        className="input"
        type="number"
        inputMode="numeric"
        required
        min={min}
        max={max}
        step={1}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
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
    });
  };

  return (
    <form onSubmit={submit} aria-label={wave ? text.editTitle : text.newTitle}>
      <h3 className="form-section">{text.basicsTitle}</h3>
      <div className="form-grid">
        <label className="field">
          <span className="field__label">{text.code}</span>
          <input
            className="input"
            required
            maxLength={40}
            pattern="[A-Za-z0-9_\-]+"
            disabled={wave !== undefined}
            value={draft.code}
            onChange={(event) => set({ code: event.target.value })}
          />
        </label>
        <label className="field field--wide">
          <span className="field__label">{text.titleField}</span>
          <input
            className="input"
            required
            maxLength={120}
            disabled={readOnly}
            value={draft.title}
            onChange={(event) => set({ title: event.target.value })}
          />
        </label>
        <NumberField
          label={text.year}
          value={draft.year}
          min={2000}
          max={2100}
          disabled={readOnly}
          onChange={(year) => set({ year })}
        />
        <label className="field field--wide">
          <span className="field__label">{text.questionnaire}</span>
          <select
            className="select"
            required
            value={draft.questionnaireId}
            disabled={readOnly}
            onChange={(event) => set({ questionnaireId: event.target.value })}
          >
            <option value="" disabled>
              {text.questionnaireNone}
            </option>
            {(questionnaires.data ?? []).map((questionnaire) => (
              <option key={questionnaire.id} value={questionnaire.id}>
                {text.questionnaireOption(questionnaire.title, questionnaire.version)}
              </option>
            ))}
            {/* Keep the wave's own questionnaire selectable even if the list could not be loaded. */}
            {wave?.questionnaireId && !questionnaires.data?.some((item) => item.id === wave.questionnaireId) ? (
              <option value={wave.questionnaireId}>{text.questionnaireById(wave.questionnaireId)}</option>
            ) : null}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{text.closesAt}</span>
          <input
            className="input"
            type="date"
            value={draft.closesAt}
            disabled={readOnly}
            onChange={(event) => set({ closesAt: event.target.value })}
          />
          <span className="field__help">{text.closesAtHelp}</span>
        </label>
      </div>

      <h3 className="form-section">{text.targetsTitle}</h3>
      <div className="form-grid">
        <NumberField
          label={text.townTarget}
          value={draft.townTarget}
          min={1}
          max={100000}
          disabled={readOnly}
          onChange={(townTarget) => set({ townTarget })}
        />
        <NumberField
          label={text.communityCap}
          value={draft.communityCap}
          min={1}
          max={10000}
          disabled={readOnly}
          onChange={(communityCap) => set({ communityCap })}
        />
        <label className="field">
          <span className="field__label">{text.allocation}</span>
          <select
            className="select"
            value={draft.allocation}
            disabled={readOnly}
            onChange={(event) => set({ allocation: event.target.value as AllocationPlan })}
          >
            <option value="cap">{text.allocationCap}</option>
            <option value="proportional">{text.allocationProportional}</option>
          </select>
        </label>
      </div>

      <h3 className="form-section">{text.rulesTitle}</h3>
      <div className="form-grid">
        <NumberField
          label={text.minAge}
          value={draft.minAge}
          min={14}
          max={100}
          disabled={readOnly}
          onChange={(minAge) => set({ minAge })}
        />
        <NumberField
          label={text.reservationMinutes}
          value={draft.reservationMinutes}
          min={5}
          max={1440}
          disabled={readOnly}
          onChange={(reservationMinutes) => set({ reservationMinutes })}
        />
      </div>

      <fieldset className="checkbox-grid" disabled={wave !== undefined}>
        <legend>
          {text.towns}（{text.townsCount(chosenTowns.length)}）
        </legend>
        {wave !== undefined ? <p className="field__help checkbox-grid__note">{text.townsFixed}</p> : null}
        {frameTowns.map((town) => (
          <label key={town.code} className="checkbox">
            <input
              type="checkbox"
              checked={chosenTowns.includes(town.code)}
              onChange={() =>
                set({
                  townCodes: chosenTowns.includes(town.code)
                    ? chosenTowns.filter((code) => code !== town.code)
                    : [...chosenTowns, town.code],
                })
              }
            />
            {town.name}
          </label>
        ))}
      </fieldset>

      {readOnly ? null : (
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy || chosenTowns.length === 0}>
            {wave ? strings.save : text.create}
          </button>
        </div>
      )}
    </form>
  );
}
