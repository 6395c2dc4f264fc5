/**
 * `GET /api/admin/waves/:waveId/results.xlsx`: every results table as an Excel sheet with Chinese headers —
 * 街镇×维度, 街镇×领域, 街镇×题目, 题目, 排名 and 说明 (how the figures were computed).
 */
import { type Estimate, TOWN_TIER_LABELS, type WaveResults } from "@survey/contract";
import type { Database } from "@survey/db";
import type ExcelJS from "exceljs";
import { newWorkbook } from "../../platform/workbook";
import { type ResultsOptions, waveResults } from "./results-service";

const SCORE_FORMAT = "0.0";
const SHARE_FORMAT = "0.0%";

type Row = (string | number | null)[];

/** Mean, lower and upper CI bound of an estimate (blank cells when there is none). */
const withCi = (estimate: Estimate | undefined): Row =>
  estimate ? [estimate.mean, estimate.ciLow, estimate.ciHigh] : [null, null, null];

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  header: string[],
  rows: Row[],
  formats: Record<number, string>,
) {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1, xSplit: 2 }];
  header.forEach((title, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = Math.min(40, Math.max(10, title.length * 2 + 2));
    const format = formats[index];
    if (format) column.numFmt = format;
  });
  return sheet;
}

/** Columns from `first` on get the score format. */
const scoreColumns = (count: number, first: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [first + i, SCORE_FORMAT]));

function areaSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  results: WaveResults,
  groups: { code: string; name: string }[],
  pickGroup: (area: WaveResults["district"], code: string) => Estimate | undefined,
) {
  const header = [
    "编码",
    "街镇",
    "样本量",
    "总体得分",
    "总体下限",
    "总体上限",
    ...groups.flatMap((group) => [group.name, `${group.name}下限`, `${group.name}上限`]),
  ];
  const rowOf = (code: string, label: string, area: WaveResults["district"]): Row => [
    code,
    label,
    area.n,
    ...withCi(area.overall),
    ...groups.flatMap((group) => withCi(pickGroup(area, group.code))),
  ];
  const rows = [
    rowOf("", "全区（按人口加权）", results.district),
    ...results.towns.map((town) => rowOf(town.code, town.name, town)),
  ];
  addSheet(workbook, name, header, rows, scoreColumns(header.length - 3, 3));
}

export async function resultsWorkbook(
  db: Database,
  waveId: number,
  options: ResultsOptions,
  now: Date,
): Promise<{ fileName: string; content: Buffer }> {
  const results = await waveResults(db, waveId, options);
  const workbook = await newWorkbook();
  workbook.created = now;

  areaSheet(workbook, "街镇×维度", results, results.dimensions, (area, code) => area.dimensions[code]);
  areaSheet(workbook, "街镇×领域", results, results.domains, (area, code) => area.domains[code]);
  const items = results.items.map((item) => ({ code: item.question, name: item.title }));
  areaSheet(workbook, "街镇×题目", results, items, (area, code) => area.items[code]);

  const dimensionNames = new Map(results.dimensions.map((dimension) => [dimension.code, dimension.name]));
  const domainNames = new Map(results.domains.map((domain) => [domain.code, domain.name]));
  const itemRows: Row[] = results.items.map((item) => {
    const estimate = results.district.items[item.question];
    return [
      item.question,
      item.title,
      dimensionNames.get(item.dimension) ?? item.dimension,
      domainNames.get(item.domain) ?? item.domain,
      ...withCi(estimate),
      estimate?.se ?? null,
      estimate?.n ?? null,
      ...withCi(item.satisfactionRate ?? undefined),
      item.missingShare,
      item.flagged ? "是" : "否",
      item.designEffect,
      item.effectiveSampleSize,
    ];
  });
  const overall = results.overallItem;
  if (overall) {
    itemRows.push([
      overall.question,
      overall.title,
      "总体评价（不计入维度）",
      "",
      ...withCi(overall.district),
      overall.district.se,
      overall.district.n,
      ...withCi(overall.satisfactionRate ?? undefined),
      overall.missingShare,
      overall.flagged ? "是" : "否",
      overall.designEffect,
      overall.effectiveSampleSize,
    ]);
  }
  addSheet(
    workbook,
    "题目",
    [
      "题目编码",
      "题目",
      "维度",
      "领域",
      "全区得分",
      "下限",
      "上限",
      "标准误",
      "有效回答数",
      "满意率(%)",
      "满意率下限",
      "满意率上限",
      "缺失比例",
      "缺失超过20%",
      "设计效应",
      "有效样本量",
    ],
    itemRows,
    {
      ...scoreColumns(4, 4),
      9: SCORE_FORMAT,
      10: SCORE_FORMAT,
      11: SCORE_FORMAT,
      12: SHARE_FORMAT,
      14: "0.00",
      15: "0",
    },
  );

  const ranked = [...results.towns].sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
  addSheet(
    workbook,
    "排名",
    ["名次", "街镇", "总体得分", "下限", "上限", "与全区之差", "差值下限", "差值上限", "档次", "样本量"],
    ranked.map((town) => [
      town.rank,
      town.name,
      ...withCi(town.overall),
      town.comparison.difference,
      town.comparison.ciLow,
      town.comparison.ciHigh,
      TOWN_TIER_LABELS[town.tier],
      town.n,
    ]),
    scoreColumns(6, 2),
  );

  const notes = [
    ["调查", `${results.wave.title}（${results.wave.code}）`],
    [
      "加权",
      results.weighting === "poststratified"
        ? "设计权数，按街镇×性别×年龄组事后分层"
        : "设计权数 N_h/n_h（按街镇人口）",
    ],
    ["得分", "各题按 0–100 分计；“不了解”“不适用”和未答不计入分子和分母"],
    ["维度与总体", "维度得分为所含题目得分的平均，总体得分为各维度得分的平均"],
    ["置信区间", "95%置信区间 = 得分 ± 1.96 × 标准误（泰勒线性化，含有限总体校正）"],
    ["排名档次", "按与全区之差的95%置信区间分为显著高于全区、与全区无显著差异、显著低于全区三档"],
    ...results.excludedTowns.map((town) => ["未计算的街镇", `${town.name}（${town.n}份）：${town.reason}`]),
  ];
  const sheet = workbook.addWorksheet("说明");
  for (const note of notes) sheet.addRow(note);
  sheet.getColumn(1).width = 14;
  sheet.getColumn(2).width = 80;

  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${results.wave.code}-满意度结果.xlsx`, content };
}
