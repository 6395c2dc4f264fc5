import { ageGroups } from "@survey/identity";
import { DOMAINS } from "@survey/indices";
import {
  DIMENSIONS,
  EDITOR_ITEM_KIND_LABELS,
  IMPORT_META_COLUMNS,
  listQuestionnaireItems,
  type QuestionnaireItem,
} from "@survey/questionnaire";
import type ExcelJS from "exceljs";
import { newWorkbook } from "../../platform/workbook";
import type { StoredQuestionnaire } from "./questionnaire-service";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };

function styleHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

/** A sheet of `rows` under a bold, frozen header: each column is [key, header, width]. */
function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly [key: string, header: string, width: number][],
  rows: readonly Record<string, unknown>[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map(([key, header, width]) => ({ key, header, width }));
  for (const row of rows) sheet.addRow(row);
  styleHeader(sheet);
  return sheet;
}

const domainName = (code: string | null) => DOMAINS.find((domain) => domain.code === code)?.name ?? "";
const dimensionName = (code: string | null) => DIMENSIONS.find((dimension) => dimension.code === code)?.name ?? "";

function kindLabel(item: QuestionnaireItem): string {
  if (item.kind) return EDITOR_ITEM_KIND_LABELS[item.kind];
  if (item.form === "multiple") return EDITOR_ITEM_KIND_LABELS.multiple;
  if (item.form === "single") return EDITOR_ITEM_KIND_LABELS.single;
  if (item.form === "text") return EDITOR_ITEM_KIND_LABELS.text;
  return "其他";
}

const codesText = (item: QuestionnaireItem) => item.codes.map((code) => `${code.code}=${code.label}`).join("；");

/**
 * `codebook.xlsx`: one row per question (name, wording, area, kind, dimension, domain, whether required, its codes)
 * and a long sheet of every code with its label, for analysts reading the microdata.
 */
export async function codebookWorkbook(questionnaire: StoredQuestionnaire): Promise<Buffer> {
  const items = listQuestionnaireItems(questionnaire.definition);
  const workbook = await newWorkbook();
  addTableSheet(
    workbook,
    "题目",
    [
      ["number", "题号", 6],
      ["name", "题目名称", 26],
      ["title", "题目", 60],
      ["area", "部分", 18],
      ["kind", "类型", 22],
      ["dimension", "方面", 12],
      ["domain", "客观指标领域", 16],
      ["required", "必答", 6],
      ["codes", "代码和标签", 70],
      ["condition", "回答条件", 40],
    ],
    items.map((item) => ({
      number: item.number,
      name: item.name,
      title: item.title,
      area: item.area.title || item.area.name,
      kind: kindLabel(item),
      dimension: dimensionName(item.dimension),
      domain: domainName(item.domain),
      required: item.required ? "是" : "否",
      codes: item.form === "multiple" ? `${codesText(item)}（多选：代码用逗号分隔）` : codesText(item),
      condition: item.condition ?? "",
    })),
  );
  addTableSheet(
    workbook,
    "代码",
    [
      ["name", "题目名称", 26],
      ["code", "代码", 8],
      ["label", "标签", 30],
    ],
    items.flatMap((item) => item.codes.map((code) => ({ name: item.name, code: code.code, label: code.label }))),
  );
  workbook.title = `${questionnaire.title} 第${questionnaire.version}版 代码本`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Rows of the template that carry the drop-down lists: enough for a town's paper questionnaires. */
const TEMPLATE_ROWS = 1000;

export interface TemplateWave {
  code: string;
  title: string;
  communities: readonly { code: string; name: string; townName: string }[];
}

const SEX_CHOICES = ["男", "女"];

function listValidation(formula: string, prompt: string): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: "error",
    errorTitle: "代码不对",
    error: prompt,
    showInputMessage: true,
    promptTitle: "请填代码",
    prompt: prompt.slice(0, 250),
  };
}

/** exceljs keeps a sheet's validations by address or range; its typings only show the per-cell setter. */
type SheetValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

/** One validation for the column's data rows (a range, not a validation per cell). */
function validateColumn(sheet: ExcelJS.Worksheet, column: number, validation: ExcelJS.DataValidation): void {
  const letter = sheet.getColumn(column).letter;
  (sheet as unknown as SheetValidations).dataValidations.add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, validation);
}

/**
 * The response import template of a wave (`GET /api/admin/waves/:waveId/responses/template.xlsx`): its first
 * sheet's header is exactly the columns the import reads (`community_code`, `id_number`, `phone`, `sex`,
 * `age_group`, then every question's name), each cell of a coded column offers its codes as a drop-down list,
 * and a header note gives the wording. Further sheets list the wave's communities and every code's label.
 */
export async function responseTemplateWorkbook(questionnaire: StoredQuestionnaire, wave: TemplateWave) {
  const items = listQuestionnaireItems(questionnaire.definition);
  const workbook = await newWorkbook();
  // The import reads the first sheet: the answers come first, the lists after.
  const answers = workbook.addWorksheet("回答");
  const metaNotes: Record<(typeof IMPORT_META_COLUMNS)[number], string> = {
    community_code: "社区编码（必填），见“社区”表",
    id_number: "身份证号码（可不填；填了用于核对重复参加，只保存加密的核对值）",
    phone: "手机号码（可不填；用途同上）",
    sex: "性别：男/女（填了身份证号码时不用填）",
    age_group: `年龄段：${ageGroups.filter((group) => group !== "under-18").join("、")}（填了身份证号码时不用填）`,
  };
  const columns = [...IMPORT_META_COLUMNS, ...items.map((item) => item.name)];
  answers.columns = columns.map((name) => ({ header: name, key: name, width: Math.max(12, name.length + 2) }));
  IMPORT_META_COLUMNS.forEach((name, index) => {
    answers.getCell(1, index + 1).note = metaNotes[name];
    // Text cells: Excel would turn an 18-digit ID number or a 12-digit community code into a rounded number.
    answers.getColumn(index + 1).numFmt = "@";
  });
  const lastCommunityRow = wave.communities.length + 1;
  if (wave.communities.length > 0) {
    validateColumn(answers, 1, listValidation(`社区!$A$2:$A$${lastCommunityRow}`, "请从“社区”表中选择社区编码"));
  }
  validateColumn(answers, 4, listValidation(`"${SEX_CHOICES.join(",")}"`, "性别请填 男 或 女"));
  const adultGroups = ageGroups.filter((group) => group !== "under-18");
  validateColumn(answers, 5, listValidation(`"${adultGroups.join(",")}"`, `年龄段请填 ${adultGroups.join("、")}`));
  items.forEach((item, index) => {
    const column = IMPORT_META_COLUMNS.length + index + 1;
    const codes = codesText(item);
    const how = item.form === "multiple" ? "多选：填所选代码，用逗号分隔" : item.codes.length > 0 ? "填代码" : "填文字";
    answers.getCell(1, column).note = `${item.number}. ${item.title}\n${how}${codes ? `：${codes}` : ""}`;
    if (item.form !== "multiple" && item.codes.length > 0) {
      const list = item.codes.map((code) => String(code.code)).join(",");
      validateColumn(answers, column, listValidation(`"${list}"`, `本题代码：${codes}；不答请留空`));
    }
  });
  styleHeader(answers);

  addTableSheet(
    workbook,
    "社区",
    [
      ["code", "社区编码", 16],
      ["name", "社区", 24],
      ["town", "街镇", 14],
    ],
    wave.communities.map((community) => ({ code: community.code, name: community.name, town: community.townName })),
  );
  addTableSheet(
    workbook,
    "代码说明",
    [
      ["name", "列名", 26],
      ["title", "题目", 60],
      ["codes", "代码和标签", 70],
    ],
    items.map((item) => ({ name: item.name, title: item.title, codes: codesText(item) })),
  );
  workbook.title = `${wave.title} 回答导入模板`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
