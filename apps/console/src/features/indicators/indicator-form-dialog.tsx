import type {
  IndicatorDefinition,
  IndicatorDirection,
  IndicatorDomainInfo,
  IndicatorLevel,
  IndicatorMethod,
  NewIndicator,
} from "@survey/contract";
import { INDICATOR_NUMBER_FIELDS } from "@survey/contract";
import { type FormEvent, useState } from "react";
import { Dialog } from "../../shared/components/dialog";
import { ErrorNotice } from "../../shared/components/feedback";
import { namedOptions, optionsOf, SelectField, TextField } from "../../shared/components/fields";
import { strings } from "../../shared/strings";
import { useCreateIndicator, useUpdateIndicator } from "./api";
import { indicatorsStrings } from "./strings";

const text = indicatorsStrings;

const NUMBER_FIELDS = INDICATOR_NUMBER_FIELDS;
type NumberField = (typeof NUMBER_FIELDS)[number];

/** The form as typed: the indicator's text fields, and its numbers as the text in their inputs. */
type Draft = Pick<
  IndicatorDefinition,
  "code" | "name" | "domain" | "unit" | "direction" | "level" | "method" | "department"
> & {
  weight: string;
  numbers: Record<NumberField, string>;
};

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
  const [draft, setDraft] = useState<Draft>(() => draftOf(indicator, domains));
  const create = useCreateIndicator();
  const update = useUpdateIndicator();
  const mutation = indicator ? update : create;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const numberField = (field: NumberField, label: string, hint?: string) => (
    <TextField
      label={label}
      hint={hint}
      type="number"
      step="any"
      inputMode="decimal"
      value={draft.numbers[field]}
      onChange={(value) => setDraft((current) => ({ ...current, numbers: { ...current.numbers, [field]: value } }))}
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
    <Dialog
      open={open}
      wide
      title={indicator ? text.editIndicator(indicator.name) : text.createTitle}
      confirmLabel={strings.save}
      busy={mutation.isPending}
      onOpen={() => {
        setDraft(draftOf(indicator, domains));
        create.reset();
        update.reset();
      }}
      onSubmit={submit}
      onCancel={onClose}
    >
      {mutation.error ? <ErrorNotice error={mutation.error} /> : null}
      <h3 className="form-section">{text.basicsSection}</h3>
      <div className="form-grid">
        <TextField
          label={text.code}
          hint={indicator ? undefined : text.codeHelp}
          required
          disabled={indicator !== null}
          pattern="[a-z][a-z0-9_]{1,59}"
          value={draft.code}
          onChange={(value) => set("code", value)}
        />
        <TextField
          label={text.name}
          required
          maxLength={100}
          value={draft.name}
          onChange={(value) => set("name", value)}
        />
        <SelectField
          label={text.domain}
          value={draft.domain}
          options={namedOptions(domains)}
          onChange={(value) => set("domain", value)}
        />
        <TextField
          label={text.unit}
          required
          maxLength={20}
          value={draft.unit}
          onChange={(value) => set("unit", value)}
        />
        <SelectField
          label={text.level}
          value={draft.level}
          options={optionsOf(text.levels)}
          onChange={(value) => set("level", value as IndicatorLevel)}
        />
        <TextField
          label={text.department}
          required
          maxLength={60}
          value={draft.department}
          onChange={(value) => set("department", value)}
        />
      </div>
      <h3 className="form-section">{text.normalisationSection}</h3>
      <div className="form-grid">
        <SelectField
          label={text.direction}
          value={draft.direction}
          options={optionsOf(text.directions)}
          onChange={(value) => set("direction", value as IndicatorDirection)}
        />
        <SelectField
          label={text.method}
          value={draft.method}
          options={optionsOf(text.methods)}
          onChange={(value) => set("method", value as IndicatorMethod)}
        />
        <TextField
          label={text.weight}
          hint={text.weightHelp}
          type="number"
          min={0}
          max={1000}
          step="any"
          required
          value={draft.weight}
          onChange={(value) => set("weight", value)}
        />
        {draft.method === "threshold" ? (
          <>
            {numberField("lower", text.lower, text.lowerHelp)}
            {numberField("upper", text.upper, text.upperHelp)}
          </>
        ) : null}
        {draft.method === "target" ? numberField("target", text.target) : null}
        {draft.direction === "interval" ? (
          <>
            {numberField("intervalLow", text.intervalLow)}
            {numberField("intervalHigh", text.intervalHigh)}
          </>
        ) : null}
        {numberField("minValue", text.minValue, text.rangeHelp)}
        {numberField("maxValue", text.maxValue)}
      </div>
      <h3 className="form-section">{text.planSection}</h3>
      <div className="form-grid">
        {draft.direction === "interval" ? (
          <p className="muted">{text.planIntervalHelp}</p>
        ) : (
          <>
            {numberField("planTarget", text.planTarget)}
            {numberField("townPlanTarget", text.townPlanTarget, text.townPlanTargetHelp)}
          </>
        )}
        {numberField("planEndYear", text.planEndYear, text.planEndYearHelp)}
      </div>
    </Dialog>
  );
}
