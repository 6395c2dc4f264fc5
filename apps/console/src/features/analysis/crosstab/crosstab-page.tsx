import type { CrosstabRequest, CrosstabResult, CrosstabVariable, Weighting } from "@survey/contract";
import { useMemo, useState } from "react";
import { DownloadButton } from "../../../shared/components/download-button";
import { EmptyState } from "../../../shared/components/feedback";
import { Card } from "../../../shared/components/page";
import { QueryState } from "../../../shared/components/query-state";
import { SelectedWaveState, useSelectedWave, WavePageHeader } from "../../waves/selected-wave";
import { crosstabXlsxUrl, useCrosstab, useCrosstabVariables } from "../api";
import { WeightingSwitch } from "../weighting-switch";
import "../analysis.css";
import "../print.css";
import "./crosstab.css";
import { optionsOf, Segmented } from "../../../shared/components/fields";
import { crosstabStrings, resultsStrings } from "../strings";
import { CrosstabChart, stackColours } from "./crosstab-chart";
import { CrosstabTable } from "./crosstab-table";
import { FilterEditor, type Filters, requestFilters } from "./filter-editor";
import { VariableSelect } from "./variable-select";

const text = crosstabStrings;

/** A sensible first table: respondents' town (or sex) against the overall satisfaction band. */
function defaultPair(variables: CrosstabVariable[]): { row: string; column: string } {
  const first = (group: CrosstabVariable["group"]) => variables.find((variable) => variable.group === group)?.name;
  const row = first("respondent") ?? first("demographic") ?? variables[0]?.name ?? "";
  const column = first("score") ?? variables.find((variable) => variable.name !== row)?.name ?? "";
  return { row, column };
}

/** Colours of the stacked variable (columns for row %, rows for column %). */
function chartColours(result: CrosstabResult, variables: CrosstabVariable[]): string[] {
  const byRow = result.percent === "row";
  const stacked = byRow ? result.column.name : result.row.name;
  const group = variables.find((variable) => variable.name === stacked)?.group;
  const kind = group === "score" ? "bands" : group === "satisfaction" ? "codes" : "other";
  return stackColours(byRow ? result.columns : result.rows, kind);
}

function Builder({ waveId, variables }: { waveId: number; variables: CrosstabVariable[] }) {
  const initial = useMemo(() => defaultPair(variables), [variables]);
  const [row, setRow] = useState(initial.row);
  const [column, setColumn] = useState(initial.column);
  const [percent, setPercent] = useState<CrosstabRequest["percent"]>("row");
  const [weighting, setWeighting] = useState<Weighting>("design");
  const [filters, setFilters] = useState<Filters>({});

  const apiFilters = requestFilters(filters, variables);
  const request: CrosstabRequest | null =
    row && column && row !== column && apiFilters
      ? { row, column, percent, filters: apiFilters, poststratify: weighting === "poststratified" }
      : null;
  const table = useCrosstab(waveId, request);
  const colours = useMemo(() => (table.data ? chartColours(table.data, variables) : []), [table.data, variables]);

  const result = request ? (
    <QueryState query={table} loadingLabel={text.computing}>
      {(data) => (
        <div className={table.isPlaceholderData ? "is-refreshing" : undefined}>
          <CrosstabTable result={data} />
        </div>
      )}
    </QueryState>
  ) : (
    <EmptyState>{apiFilters ? text.chooseTwo : text.fixFilters}</EmptyState>
  );

  return (
    <div className="xtab-layout">
      <Card title={text.builderTitle} labelledBy="xtab-builder-title" className="xtab-builder">
        <VariableSelect label={text.rowVariable} variables={variables} value={row} onChange={setRow} exclude={column} />
        <div className="xtab-builder__swap">
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setRow(column);
              setColumn(row);
            }}
          >
            ⇅ {text.swap}
          </button>
        </div>
        <VariableSelect
          label={text.columnVariable}
          variables={variables}
          value={column}
          onChange={setColumn}
          exclude={row}
        />
        <div className="field">
          <span className="field__label">{text.percentLabel}</span>
          <Segmented
            label={text.percentLabel}
            value={percent}
            options={optionsOf({ row: text.rowPercent, column: text.columnPercent })}
            onChange={setPercent}
          />
        </div>
        <div className="field">
          <span className="field__label">{text.weightingLabel}</span>
          <WeightingSwitch label={text.weightingLabel} showLabel={false} value={weighting} onChange={setWeighting} />
        </div>
        <h3 className="form-section">{text.filtersTitle}</h3>
        <FilterEditor variables={variables} filters={filters} onChange={setFilters} exclude={[row, column]} />
      </Card>
      <div className="xtab-result">
        <Card
          title={
            table.data && request
              ? text.resultTitle(table.data.row.label, table.data.column.label)
              : text.resultTitleEmpty
          }
          labelledBy="xtab-result-title"
          actions={
            request && table.data ? (
              <DownloadButton className="button button--small" href={crosstabXlsxUrl(waveId, request)}>
                {text.exportXlsx}
              </DownloadButton>
            ) : null
          }
        >
          {result}
        </Card>
        {request && table.data ? (
          <Card title={text.chartTitle} labelledBy="xtab-chart-title">
            <CrosstabChart result={table.data} colours={colours} />
          </Card>
        ) : null}
      </div>
    </div>
  );
}

export function CrosstabPage() {
  const selection = useSelectedWave();
  const variables = useCrosstabVariables(selection.selected?.id);

  // A new wave has its own questionnaire and variables: the builder starts afresh (keyed by the wave).
  return (
    <>
      <WavePageHeader title={text.title} intro={text.intro} selection={selection} />
      <SelectedWaveState selection={selection} noWave={resultsStrings.noWave}>
        {(wave) => (
          <QueryState query={variables} empty={(list) => list.length < 2 && text.noVariables}>
            {(list) => <Builder key={wave.id} waveId={wave.id} variables={list} />}
          </QueryState>
        )}
      </SelectedWaveState>
    </>
  );
}
