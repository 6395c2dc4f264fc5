/**
 * Cross-tabs (STATISTICS.md §3): any two catalogue variables with filters → weighted row or column percent,
 * unweighted n, the Rao–Scott corrected F (R svychisq), the unweighted Pearson χ² and adjusted residuals.
 * SQL groups respondents by town (weighting cell) and the two categories; @survey/stats does the rest.
 */
import type { CrosstabMargin, CrosstabRequest, CrosstabResult, CrosstabVariable } from "@survey/contract";
import type { Database, Executor } from "@survey/db";
import { type CrossTabGroup, crossTabFromGroups } from "@survey/stats";
import { sql } from "drizzle-orm";
import { InvalidRequestError, UnknownVariableError } from "../../platform/errors";
import { questionnaireOfWave } from "../questionnaires";
import type { WaveRow } from "../waves";
import { requireWave } from "../waves";
import { crosstabVariables, publicVariable, type VariableDefinition } from "./crosstab-variables";
import { crosstabGroups, waveTownNames } from "./data/results-sql";
import { loadResultsDesign } from "./results-design";

const CROSSTAB_FOOTNOTE =
  "加“*”的格子：调整后标准化残差的绝对值大于1.96，表示该格的人数比两个变量相互独立时的期望明显偏多（残差为正）或偏少（残差为负），" +
  "按未加权人数计算。百分比按街镇人口加权；n 为未加权人数。独立性检验采用 Rao–Scott 二阶校正 F 检验（考虑分层抽样设计和权重），" +
  "皮尔逊卡方检验（未加权）仅供参考。";

async function waveVariables(db: Executor, wave: WaveRow) {
  const { scoring } = await questionnaireOfWave(db, wave);
  const towns = await waveTownNames(db, wave.id);
  return { scoring, variables: crosstabVariables(scoring, towns) };
}

export async function listCrosstabVariables(db: Database, waveId: number): Promise<CrosstabVariable[]> {
  const wave = await requireWave(db, waveId);
  return (await waveVariables(db, wave)).variables.map(publicVariable);
}

function findVariable(variables: readonly VariableDefinition[], name: string): VariableDefinition {
  const variable = variables.find((candidate) => candidate.name === name);
  if (!variable) throw new UnknownVariableError({ variable: name }, `交叉表中没有“${name}”这个变量。`);
  return variable;
}

/** Margins and cells in the catalogue's category order (stats sorts them as strings). */
function ordered(values: readonly string[], variable: VariableDefinition): number[] {
  const position = (value: string) => {
    const index = variable.categories.findIndex((category) => category.value === value);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return values.map((_, i) => i).sort((a, b) => position(values[a] as string) - position(values[b] as string));
}

const labelOf = (variable: VariableDefinition, value: string) =>
  variable.categories.find((category) => category.value === value)?.label ?? value;

export async function crosstab(db: Database, waveId: number, request: CrosstabRequest): Promise<CrosstabResult> {
  const wave = await requireWave(db, waveId);
  if (request.row === request.column) {
    throw new InvalidRequestError({ field: "column" }, "行变量和列变量不能是同一个变量。");
  }
  const { scoring, variables } = await waveVariables(db, wave);
  const row = findVariable(variables, request.row);
  const column = findVariable(variables, request.column);
  const filters = Object.entries(request.filters ?? {}).map(([name, values]) => {
    const variable = findVariable(variables, name);
    const unknown = values.filter((value) => !variable.categories.some((category) => category.value === value));
    if (unknown.length > 0) {
      throw new UnknownVariableError(
        { variable: name, values: unknown },
        `“${variable.label}”没有这些分类：${unknown.join("、")}。`,
      );
    }
    return { variable, values };
  });
  const design = await loadResultsDesign(db, wave.id, { poststratify: request.poststratify ?? false });
  const usesScore = [row, column, ...filters.map((filter) => filter.variable)].some((variable) => variable.usesScore);
  const groups = await crosstabGroups(db, wave.id, {
    row: row.expression,
    column: column.expression,
    filters: filters.map(
      ({ variable, values }) =>
        sql`${variable.expression} in (${sql.join(
          values.map((value) => sql`${value}`),
          sql`, `,
        )})`,
    ),
    scores: usesScore ? { itemCount: scoring.items.length } : null,
    byCell: design.byCell,
  });

  const weights = new Map(design.cells.map((cell) => [`${cell.stratum}\u0000${cell.cell}`, cell.weight]));
  const domainRespondents: Record<string, number> = {};
  const tableGroups: CrossTabGroup[] = [];
  for (const group of groups) {
    const cell = design.cellOf(group.townCode, group.cell);
    const weight = weights.get(`${group.townCode}\u0000${cell}`);
    if (weight === undefined) continue; // a town without figures (fewer than two responses)
    domainRespondents[group.townCode] = (domainRespondents[group.townCode] ?? 0) + group.count;
    if (group.row === null || group.column === null) continue;
    tableGroups.push({
      stratum: group.townCode,
      cell,
      weight,
      row: group.row,
      column: group.column,
      count: group.count,
    });
  }
  if (tableGroups.length === 0) {
    throw new InvalidRequestError({}, "按这些条件没有同时回答了两个变量的受访者，无法生成交叉表。");
  }
  const table = crossTabFromGroups(design.design, tableGroups, domainRespondents);
  const rowOrder = ordered(table.rows, row);
  const columnOrder = ordered(table.columns, column);
  const margin = (
    variable: VariableDefinition,
    value: string,
    cells: { weightedCount: number; unweightedCount: number }[],
  ) => {
    const weightedCount = cells.reduce((total, cell) => total + cell.weightedCount, 0);
    return {
      value,
      label: labelOf(variable, value),
      percent: (100 * weightedCount) / table.weightedTotal,
      weightedCount,
      n: cells.reduce((total, cell) => total + cell.unweightedCount, 0),
    } satisfies CrosstabMargin;
  };
  return {
    row: { name: row.name, label: row.label },
    column: { name: column.name, label: column.label },
    percent: request.percent,
    weighting: design.weighting,
    rows: rowOrder.map((i) => margin(row, table.rows[i] as string, table.cells[i] ?? [])),
    columns: columnOrder.map((j) =>
      margin(
        column,
        table.columns[j] as string,
        table.cells.map((cells) => cells[j]).filter((cell) => cell !== undefined),
      ),
    ),
    cells: rowOrder.map((i) =>
      columnOrder.map((j) => {
        const cell = table.cells[i]?.[j];
        if (!cell) throw new Error("cross-tab cell missing");
        return {
          percent: 100 * (request.percent === "row" ? cell.rowShare : cell.columnShare),
          weightedCount: cell.weightedCount,
          n: cell.unweightedCount,
          residual: cell.adjustedResidual,
          marked: cell.marked,
        };
      }),
    ),
    total: { weightedCount: table.weightedTotal, n: table.unweightedTotal },
    raoScott: table.raoScott
      ? {
          f: table.raoScott.f,
          numeratorDf: table.raoScott.numeratorDf,
          denominatorDf: table.raoScott.denominatorDf,
          pValue: table.raoScott.pValue,
        }
      : null,
    pearson: table.pearson,
    footnote: CROSSTAB_FOOTNOTE,
  };
}
