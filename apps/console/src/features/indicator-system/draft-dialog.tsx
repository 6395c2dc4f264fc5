import type { IndicatorCatalogue, NewRecommendation } from "@survey/contract";
import { DOMAINS } from "@survey/indices";
import { type FormEvent, useState } from "react";
import { Dialog } from "../../shared/components/dialog";
import { ErrorNotice } from "../../shared/components/feedback";
import { namedOptions, optionsOf, SelectField, TextField } from "../../shared/components/fields";
import { useCreateRecommendation } from "./api";
import { indicatorSystemStrings } from "./strings";
import { TextAreaField } from "./text-area-field";

const text = indicatorSystemStrings;
const DISTRICT = "district";

type BasisKind = "warning" | "forecast" | "weakness";

export interface DraftSeed {
  kind: BasisKind;
  indicator: string;
  unit: string;
  year: number;
}

interface Draft {
  title: string;
  body: string;
  kind: BasisKind;
  indicator: string;
  unit: string;
  domain: string;
  year: string;
  addresseeKind: "department" | "town";
  department: string;
  town: string;
  dueDate: string;
}

function initial(seed: DraftSeed, catalogue: IndicatorCatalogue, towns: { code: string }[]): Draft {
  const indicator = catalogue.indicators.find((row) => row.code === seed.indicator) ?? catalogue.indicators[0];
  return {
    title: "",
    body: "",
    kind: seed.kind,
    indicator: indicator?.code ?? "",
    unit: seed.unit,
    domain: indicator?.domain ?? DOMAINS[0].code,
    year: String(seed.year),
    addresseeKind: "department",
    department: indicator?.department ?? "",
    town: seed.unit !== DISTRICT ? seed.unit : (towns[0]?.code ?? ""),
    dueDate: `${seed.year + 1}-06-30`,
  };
}

/** The office drafts a 整改建议 on a basis (a warning, a forecast or a shared weakness) for a department or a town. */
export function DraftDialog({
  open,
  seed,
  catalogue,
  towns,
  onClose,
}: {
  open: boolean;
  seed: DraftSeed;
  catalogue: IndicatorCatalogue;
  towns: { code: string; name: string }[];
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => initial(seed, catalogue, towns));
  const create = useCreateRecommendation();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const departments = [...new Set(catalogue.indicators.map((row) => row.department))].sort((a, b) =>
    a.localeCompare(b, "zh-CN"),
  );
  const units = [{ code: DISTRICT, name: text.district }, ...towns];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const year = Number(draft.year);
    const body: NewRecommendation = {
      title: draft.title.trim(),
      body: draft.body.trim(),
      basis:
        draft.kind === "weakness"
          ? { kind: "weakness", townCode: draft.town, domain: draft.domain, year }
          : {
              kind: draft.kind,
              indicatorCode: draft.indicator,
              townCode: draft.unit === DISTRICT ? null : draft.unit,
              year,
            },
      addressee: draft.addresseeKind === "department" ? { department: draft.department } : { townCode: draft.town },
      dueDate: draft.dueDate,
    };
    create.mutate(body, { onSuccess: onClose });
  };

  return (
    <Dialog
      open={open}
      wide
      title={text.newRecommendation}
      confirmLabel={text.newRecommendation}
      busy={create.isPending}
      onOpen={() => {
        setDraft(initial(seed, catalogue, towns));
        create.reset();
      }}
      onSubmit={submit}
      onCancel={onClose}
    >
      {create.error ? <ErrorNotice error={create.error} /> : null}
      <div className="form-grid">
        <TextField
          label={text.titleField}
          required
          maxLength={120}
          className="field--wide"
          value={draft.title}
          onChange={(value) => set("title", value)}
        />
        <TextAreaField
          label={text.bodyField}
          required
          maxLength={4000}
          value={draft.body}
          onChange={(value) => set("body", value)}
        />
        <SelectField
          label={text.basisField}
          value={draft.kind}
          options={optionsOf(text.basisKind)}
          onChange={(value) => set("kind", value as BasisKind)}
        />
        <TextField
          label={text.basisYear}
          type="number"
          min={2000}
          max={2100}
          required
          value={draft.year}
          onChange={(value) => set("year", value)}
        />
        {draft.kind === "weakness" ? (
          <>
            <SelectField
              label={text.addresseeTown}
              value={draft.town}
              options={namedOptions(towns)}
              onChange={(value) => set("town", value)}
            />
            <SelectField
              label={text.basisDomain}
              value={draft.domain}
              options={namedOptions(DOMAINS)}
              onChange={(value) => set("domain", value)}
            />
          </>
        ) : (
          <>
            <SelectField
              label={text.basisIndicator}
              value={draft.indicator}
              options={namedOptions(catalogue.indicators)}
              onChange={(value) => set("indicator", value)}
            />
            <SelectField
              label={text.basisTown}
              value={draft.unit}
              options={namedOptions(units)}
              onChange={(value) => set("unit", value)}
            />
          </>
        )}
        <SelectField
          label={text.addresseeKind}
          value={draft.addresseeKind}
          options={optionsOf(text.addresseeKinds)}
          onChange={(value) => set("addresseeKind", value as Draft["addresseeKind"])}
        />
        {draft.addresseeKind === "department" ? (
          <SelectField
            label={text.addresseeDepartment}
            value={draft.department}
            options={departments.map((name) => ({ value: name, label: name }))}
            onChange={(value) => set("department", value)}
          />
        ) : (
          <SelectField
            label={text.addresseeTown}
            value={draft.town}
            options={namedOptions(towns)}
            onChange={(value) => set("town", value)}
          />
        )}
        <TextField
          label={text.dueDate}
          type="date"
          required
          value={draft.dueDate}
          onChange={(value) => set("dueDate", value)}
        />
      </div>
    </Dialog>
  );
}
