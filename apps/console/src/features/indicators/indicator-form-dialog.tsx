import type {
  IndicatorDefinition,
  IndicatorDirection,
  IndicatorDomainInfo,
  IndicatorLevel,
  IndicatorMethod,
  NewIndicator,
} from "@survey/contract";
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { ErrorNotice } from "../../shared/components/feedback";
import { strings } from "../../shared/strings";
import { useCreateIndicator, useUpdateIndicator } from "./api";
import { indicatorsStrings } from "./strings";

const text = indicatorsStrings;

const NUMBER_FIELDS = ["lower", "upper", "target", "intervalLow", "intervalHigh", "minValue", "maxValue"] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

interface Draft {
  code: string;
  name: string;
  domain: string;
  unit: string;
  direction: IndicatorDirection;
  level: IndicatorLevel;
  method: IndicatorMethod;
  weight: string;
  department: string;
  numbers: Record<NumberField, string>;
}

function draftOf(indicator: IndicatorDefinition | null, domains: IndicatorDomainInfo[]): Draft {
  const numbers = Object.fromEntries(
    NUMBER_FIELDS.map((field) => [field, indicator?.[field] === null || !indicator ? "" : String(indicator[field])]),
  ) as Record<NumberField, string>;
  return {
    code: indicator?.code ?? "",
    name: indicator?.name ?? "",
    domain: indicator?.domain ?? domains[0]?.code ?? "",
    unit: indicator?.unit ?? "",
    direction: indicator?.direction ?? "positive",
    level: indicator?.level ?? "town",
    method: indicator?.method ?? "threshold",
    weight: String(indicator?.weight ?? 1),
    department: indicator?.department ?? "",
    numbers,
  };
}

const toNumber = (value: string): number | null => (value.trim() === "" ? null : Number(value));

/** A labelled control; `children` gets the id the label points at. */
function Field({ label, help, children }: { label: string; help?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children(id)}
      {help ? <span className="field__help">{help}</span> : null}
    </div>
  );
}

/** Add an indicator (`indicator` null) or change one: normalisation, thresholds or target, weight, department. */
export function IndicatorFormDialog({
  indicator,
  domains,
  open,
  onClose,
}: {
  indicator: IndicatorDefinition | null;
  domains: IndicatorDomainInfo[];
  open: boolean;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(indicator, domains));
  const create = useCreateIndicator();
  const update = useUpdateIndicator();
  const mutation = indicator ? update : create;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setDraft(draftOf(indicator, domains));
      create.reset();
      update.reset();
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open, indicator, domains, create.reset, update.reset]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const setNumber = (field: NumberField, value: string) =>
    setDraft((current) => ({ ...current, numbers: { ...current.numbers, [field]: value } }));
  const numberInput = (field: NumberField) => (id: string) => (
    <input
      id={id}
      className="input"
      type="number"
      step="any"
      inputMode="decimal"
      value={draft.numbers[field]}
      onChange={(event) => setNumber(field, event.target.value)}
    />
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const numbers = Object.fromEntries(NUMBER_FIELDS.map((field) => [field, toNumber(draft.numbers[field])])) as Record<
      NumberField,
      number | null
    >;
    const body = {
      name: draft.name.trim(),
      domain: draft.domain,
      unit: draft.unit.trim(),
      direction: draft.direction,
      level: draft.level,
      method: draft.method,
      weight: Number(draft.weight),
      department: draft.department.trim(),
      ...numbers,
    };
    if (indicator) update.mutate({ code: indicator.code, update: body }, { onSuccess: onClose });
    else create.mutate({ ...body, code: draft.code.trim() } satisfies NewIndicator, { onSuccess: onClose });
  };

  return (
    <dialog
      ref={ref}
      className="dialog dialog--wide"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={submit}>
        <h2 className="dialog__title" id={titleId}>
          {indicator ? text.editTitle(indicator.name) : text.createTitle}
        </h2>
        <div className="dialog__body">
          {mutation.error ? <ErrorNotice error={mutation.error} /> : null}
          <h3 className="form-section">{text.basicsSection}</h3>
          <div className="form-grid">
            <Field label={text.code} help={indicator ? undefined : text.codeHelp}>
              {(id) => (
                <input
                  id={id}
                  className="input"
                  required
                  disabled={indicator !== null}
                  pattern="[a-z][a-z0-9_]{1,59}"
                  value={draft.code}
                  onChange={(event) => set("code", event.target.value)}
                />
              )}
            </Field>
            <Field label={text.name}>
              {(id) => (
                <input
                  id={id}
                  className="input"
                  required
                  maxLength={100}
                  value={draft.name}
                  onChange={(event) => set("name", event.target.value)}
                />
              )}
            </Field>
            <Field label={text.domain}>
              {(id) => (
                <select
                  id={id}
                  className="select"
                  value={draft.domain}
                  onChange={(event) => set("domain", event.target.value)}
                >
                  {domains.map((domain) => (
                    <option key={domain.code} value={domain.code}>
                      {domain.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={text.unit}>
              {(id) => (
                <input
                  id={id}
                  className="input"
                  required
                  maxLength={20}
                  value={draft.unit}
                  onChange={(event) => set("unit", event.target.value)}
                />
              )}
            </Field>
            <Field label={text.level}>
              {(id) => (
                <select
                  id={id}
                  className="select"
                  value={draft.level}
                  onChange={(event) => set("level", event.target.value as IndicatorLevel)}
                >
                  <option value="town">{text.levels.town}</option>
                  <option value="district">{text.levels.district}</option>
                </select>
              )}
            </Field>
            <Field label={text.department}>
              {(id) => (
                <input
                  id={id}
                  className="input"
                  required
                  maxLength={60}
                  value={draft.department}
                  onChange={(event) => set("department", event.target.value)}
                />
              )}
            </Field>
          </div>
          <h3 className="form-section">{text.normalisationSection}</h3>
          <div className="form-grid">
            <Field label={text.direction}>
              {(id) => (
                <select
                  id={id}
                  className="select"
                  value={draft.direction}
                  onChange={(event) => set("direction", event.target.value as IndicatorDirection)}
                >
                  <option value="positive">{text.directions.positive}</option>
                  <option value="negative">{text.directions.negative}</option>
                  <option value="interval">{text.directions.interval}</option>
                </select>
              )}
            </Field>
            <Field label={text.method}>
              {(id) => (
                <select
                  id={id}
                  className="select"
                  value={draft.method}
                  onChange={(event) => set("method", event.target.value as IndicatorMethod)}
                >
                  <option value="threshold">{text.methods.threshold}</option>
                  <option value="target">{text.methods.target}</option>
                  <option value="minmax">{text.methods.minmax}</option>
                </select>
              )}
            </Field>
            <Field label={text.weight} help={text.weightHelp}>
              {(id) => (
                <input
                  id={id}
                  className="input"
                  type="number"
                  min={0}
                  max={1000}
                  step="any"
                  required
                  value={draft.weight}
                  onChange={(event) => set("weight", event.target.value)}
                />
              )}
            </Field>
            {draft.method === "threshold" ? (
              <>
                <Field label={text.lower} help={text.lowerHelp}>
                  {numberInput("lower")}
                </Field>
                <Field label={text.upper} help={text.upperHelp}>
                  {numberInput("upper")}
                </Field>
              </>
            ) : null}
            {draft.method === "target" ? <Field label={text.target}>{numberInput("target")}</Field> : null}
            {draft.direction === "interval" ? (
              <>
                <Field label={text.intervalLow}>{numberInput("intervalLow")}</Field>
                <Field label={text.intervalHigh}>{numberInput("intervalHigh")}</Field>
              </>
            ) : null}
            <Field label={text.minValue} help={text.rangeHelp}>
              {numberInput("minValue")}
            </Field>
            <Field label={text.maxValue}>{numberInput("maxValue")}</Field>
          </div>
        </div>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} disabled={mutation.isPending}>
            {strings.cancel}
          </button>
          <button type="submit" className="button button--primary" disabled={mutation.isPending}>
            {strings.save}
          </button>
        </div>
      </form>
    </dialog>
  );
}
