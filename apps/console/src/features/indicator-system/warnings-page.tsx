import type { IndicatorWarning } from "@survey/contract";
import { DOMAINS } from "@survey/indices";
import { useMemo } from "react";
import { Link } from "react-router-dom";
import { Badge } from "../../shared/components/badge";
import { DataTable } from "../../shared/components/data-table";
import { EmptyState } from "../../shared/components/feedback";
import { SelectField } from "../../shared/components/fields";
import { Card, PageHeader } from "../../shared/components/page";
import { QueryState } from "../../shared/components/query-state";
import { useCurrentUser } from "../accounts/current-user";
import { useWarnings } from "./api";
import { draftLink } from "./draft-link";
import { ForecastPanel } from "./forecast-panel";
import { indicatorSystemStrings } from "./strings";
import "./indicator-system.css";
import { useSearchSettings } from "./year-choices";
import { YearPicker } from "./year-picker";

const text = indicatorSystemStrings;
const DISTRICT = "district";

const unitKey = (item: IndicatorWarning) => item.townCode ?? DISTRICT;
const formatValue = (value: number | null) => (value === null ? "—" : String(Number(value.toFixed(3))));

function targetText(item: IndicatorWarning): string {
  if (item.target !== null) return `${item.direction === "negative" ? "≤" : "≥"} ${item.target}`;
  return `${item.targetLow}～${item.targetHigh}`;
}

/** Distinct options from the rows, in first-seen order. */
function optionsFrom(items: IndicatorWarning[], pick: (item: IndicatorWarning) => [string, string]) {
  const seen = new Map<string, string>();
  for (const item of items) {
    const [value, label] = pick(item);
    if (!seen.has(value)) seen.set(value, label);
  }
  return [{ value: "", label: text.all }, ...[...seen].map(([value, label]) => ({ value, label }))];
}

/** 预警: every value of the year against its plan target, filterable, with the trend of the one picked. */
export function WarningsPage() {
  const user = useCurrentUser();
  const { params, set, setAll, years, year } = useSearchSettings();
  const warnings = useWarnings(year, {});
  const domain = params.get("domain") ?? "";
  const department = params.get("department") ?? "";
  const town = params.get("town") ?? "";
  // What needs attention first; the office ticks the box off to see every value.
  const onlyProblems = params.get("all") !== "1";
  const picked = params.get("indicator");
  const pickedTown = params.get("at");
  const canDraft = user.role === "admin" || user.role === "office";

  const all = warnings.data ?? [];
  const selected = useMemo(
    () =>
      all.filter(
        (item) =>
          (domain === "" || item.domain === domain) &&
          (department === "" || item.department === department) &&
          (town === "" || unitKey(item) === town),
      ),
    [all, domain, department, town],
  );
  const rows = onlyProblems ? selected.filter((item) => item.status !== "met" || item.worsening) : selected;
  // The counts are of every selected value, whether or not the table shows only those that need attention.
  const count = (status: IndicatorWarning["status"]) => selected.filter((item) => item.status === status).length;

  return (
    <>
      <PageHeader
        title={text.warningsTitle}
        intro={text.warningsIntro}
        actions={<YearPicker year={year} years={years} onChange={(value) => set("year", value)} />}
      />
      <div className="toolbar">
        <SelectField
          inline
          label={text.domainFilter}
          value={domain}
          options={optionsFrom(all, (item) => [item.domain, domainNames.get(item.domain) ?? item.domain])}
          onChange={(value) => set("domain", value)}
        />
        <SelectField
          inline
          label={text.departmentFilter}
          value={department}
          options={optionsFrom(all, (item) => [item.department, item.department])}
          onChange={(value) => set("department", value)}
        />
        <SelectField
          inline
          label={text.townFilter}
          value={town}
          options={optionsFrom(all, (item) => [unitKey(item), item.townName])}
          onChange={(value) => set("town", value)}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={onlyProblems}
            onChange={(event) => set("all", event.target.checked ? "" : "1")}
          />
          {text.onlyProblems}
        </label>
      </div>
      {picked && pickedTown ? (
        <ForecastPanel
          year={year}
          indicator={picked}
          town={pickedTown}
          canDraft={canDraft}
          onClose={() => setAll({ indicator: "", at: "" })}
        />
      ) : null}
      <Card>
        <QueryState query={warnings}>
          {() =>
            rows.length === 0 ? (
              <EmptyState>{text.noWarnings}</EmptyState>
            ) : (
              <>
                <p className="muted small" data-testid="warning-counts">
                  {text.counts(
                    count("met"),
                    count("near"),
                    count("missed"),
                    rows.filter((item) => item.worsening).length,
                  )}
                </p>
                <DataTable
                  label={text.warningsTable(year)}
                  className="table--compact warnings-table"
                  rows={rows}
                  rowKey={(item) => `${item.indicatorCode}|${unitKey(item)}`}
                  rowProps={(item) => ({ "data-testid": `warning-${item.indicatorCode}-${unitKey(item)}` })}
                  columns={[
                    {
                      key: "indicator",
                      header: text.indicator,
                      rowHeader: true,
                      cell: (item) => (
                        <>
                          {item.indicatorName}
                          <span className="muted small warnings-table__department">{item.department}</span>
                        </>
                      ),
                    },
                    { key: "unit", header: text.unit, cell: (item) => item.townName },
                    {
                      key: "value",
                      header: text.value,
                      className: "num",
                      cell: (item) => `${formatValue(item.value)} ${item.unit}`,
                    },
                    { key: "target", header: text.target, className: "num", cell: targetText },
                    {
                      key: "previous",
                      header: text.previous,
                      className: "num",
                      cell: (item) => item.previous.map((point) => formatValue(point.value)).join(" → "),
                    },
                    {
                      key: "status",
                      header: text.statusLabel,
                      cell: (item) => (
                        <span className="badges">
                          <Badge tone={text.statusTone[item.status]}>{text.status[item.status]}</Badge>
                          {item.worsening ? <Badge tone="danger">{text.worsening}</Badge> : null}
                        </span>
                      ),
                    },
                    {
                      key: "actions",
                      header: text.trend,
                      hiddenHeader: true,
                      cell: (item) => (
                        <span className="row-actions">
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={text.showTrend(item.indicatorName, item.townName)}
                            onClick={() => setAll({ indicator: item.indicatorCode, at: unitKey(item) })}
                          >
                            {text.trend}
                          </button>
                          {canDraft ? (
                            <Link
                              className="button button--small"
                              to={draftLink("warning", item.indicatorCode, unitKey(item), year)}
                            >
                              {text.draft}
                            </Link>
                          ) : null}
                        </span>
                      ),
                    },
                  ]}
                />
              </>
            )
          }
        </QueryState>
      </Card>
    </>
  );
}

const domainNames = new Map<string, string>(DOMAINS.map((domain) => [domain.code, domain.name]));
