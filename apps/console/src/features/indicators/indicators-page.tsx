import type { IndicatorDefinition, Role } from "@survey/contract";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { Card, PageHeader } from "../../shared/components/page";
import { QueryState } from "../../shared/components/query-state";
import { Tabs } from "../../shared/components/tabs";
import { useCurrentUser } from "../accounts/current-user";
import { useCatalogue } from "./api";
import "../analysis/analysis.css";
import "./indicators.css";
import { SelectField } from "../../shared/components/fields";
import { CatalogueTable } from "./catalogue-table";
import { IndexPanel } from "./index-panel";
import { IndicatorFormDialog } from "./indicator-form-dialog";
import { indicatorsStrings } from "./strings";
import { ValuesPanel } from "./values-panel";

const text = indicatorsStrings;

type Tab = "catalogue" | "values" | "index";

const EDITORS: Role[] = ["admin", "office"];
/** Departments see the indices of their own domains (the API leaves the others out). */
const ANALYSTS: Role[] = ["admin", "office", "department"];

/** The years offered: this year and the six before it (values are usually for the year just ended). */
function yearChoices(): number[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 7 }, (_, i) => now - i);
}

export function IndicatorsPage() {
  const user = useCurrentUser();
  const catalogue = useCatalogue();
  const [params, setParams] = useSearchParams();
  const years = yearChoices();
  const tabs: Tab[] = ANALYSTS.includes(user.role) ? ["catalogue", "values", "index"] : ["catalogue", "values"];
  const requested = params.get("tab") as Tab | null;
  const tab: Tab =
    requested && tabs.includes(requested) ? requested : user.role === "department" ? "values" : "catalogue";
  const year = Number(params.get("year")) || (years[0] ?? 2026);
  const setParam = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );
  const canEdit = EDITORS.includes(user.role);
  const [editing, setEditing] = useState<{ indicator: IndicatorDefinition | null } | null>(null);

  return (
    <>
      <PageHeader
        title={text.title}
        intro={text.intro}
        actions={
          tab === "catalogue" ? (
            canEdit ? (
              <button type="button" className="button button--primary" onClick={() => setEditing({ indicator: null })}>
                {text.create}
              </button>
            ) : null
          ) : (
            <SelectField
              inline
              label={text.year}
              value={String(year)}
              options={years.map((candidate) => ({ value: String(candidate), label: text.yearOption(candidate) }))}
              onChange={(value) => setParam("year", value)}
            />
          )
        }
      />
      <Tabs
        label={text.title}
        idPrefix="indicators"
        tabs={tabs.map((value) => ({ value, label: text.tabs[value] }))}
        value={tab}
        onChange={(value) => setParam("tab", value)}
      >
        <QueryState query={catalogue} keepDataOnError>
          {(data) =>
            tab === "catalogue" ? (
              <Card title={text.catalogueTitle} labelledBy="catalogue-title">
                <CatalogueTable catalogue={data} onEdit={canEdit ? (indicator) => setEditing({ indicator }) : null} />
              </Card>
            ) : tab === "values" ? (
              <ValuesPanel year={year} catalogue={data} />
            ) : null
          }
        </QueryState>
        {tab === "index" ? <IndexPanel key={year} year={year} years={years} /> : null}
      </Tabs>
      {canEdit && catalogue.data ? (
        <IndicatorFormDialog
          indicator={editing?.indicator ?? null}
          domains={catalogue.data.domains}
          open={editing !== null}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
