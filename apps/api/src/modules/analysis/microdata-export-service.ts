/**
 * `GET /api/admin/waves/:waveId/microdata.csv`: anonymised microdata of the counted responses for analysts
 * (SPEC §4 Exports). One row per response with a running number — never the response id, ID-number or phone
 * hashes, receipt codes, submission times or free-text answers (a comment may name a person or a phone) —
 * then the design weight and every coded answer by question name. UTF-8 with BOM so that Excel reads it.
 * Rows are read in pages, so a large wave streams without being held in memory.
 */
import { Readable } from "node:stream";
import type { Database } from "@survey/db";
import { NoResultsError } from "../../platform/errors";
import { questionnaireOfWave } from "../questionnaires";
import type { WaveRow } from "../waves";
import { requireWave } from "../waves";
import { microdataPage, PAGE_SIZE } from "./data/microdata";
import { loadResultsDesign } from "./results-design";

const MODE_LABELS: Record<string, string> = { online: "网上填写", interviewer: "入户访问", import: "批量导入" };
const SEX_LABELS: Record<string, string> = { male: "男", female: "女" };

const FIXED_COLUMNS = [
  "序号",
  "街镇编码",
  "街镇",
  "社区编码",
  "社区",
  "调查方式",
  "性别",
  "年龄组",
  "户籍",
  "设计权数",
];

/** RFC 4180 quoting; a leading = + - @ is defused so that a spreadsheet never runs it as a formula. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (values: readonly unknown[]) => `${values.map(csvField).join(",")}\r\n`;

/** Coded questions in questionnaire order: satisfaction items, the overall question, policies, demographics. */
async function codedQuestions(db: Database, wave: WaveRow): Promise<string[]> {
  const { scoring } = await questionnaireOfWave(db, wave);
  return [
    ...scoring.items.map((item) => item.name),
    ...(scoring.overall ? [scoring.overall.name] : []),
    ...scoring.policyItems.map((item) => item.name),
    ...scoring.demographicItems.map((item) => item.name),
  ];
}

export async function microdataCsv(db: Database, waveId: number): Promise<{ fileName: string; stream: Readable }> {
  const wave = await requireWave(db, waveId);
  const questions = await codedQuestions(db, wave);
  const weights = new Map<string, number>();
  try {
    const design = await loadResultsDesign(db, wave.id, { poststratify: false });
    for (const cell of design.cells) weights.set(cell.stratum, cell.weight);
  } catch (error) {
    // A wave without estimable towns still exports its rows, without weights.
    if (!(error instanceof NoResultsError)) throw error;
  }
  async function* lines() {
    yield `\uFEFF${csvLine([...FIXED_COLUMNS, ...questions])}`;
    let number = 0;
    let after: { submittedAt: string; id: string } | null = null;
    for (;;) {
      const rows = await microdataPage(db, wave.id, after);
      let chunk = "";
      for (const row of rows) {
        number += 1;
        chunk += csvLine([
          number,
          row.townCode,
          row.townName,
          row.communityCode,
          row.communityName,
          MODE_LABELS[row.mode] ?? row.mode,
          row.sex ? (SEX_LABELS[row.sex] ?? row.sex) : "",
          row.ageGroup,
          row.registered === null ? "" : row.registered ? "户籍" : "非户籍",
          weights.get(row.townCode),
          ...questions.map((question) => {
            const value = row.answers[question];
            return typeof value === "number" || typeof value === "string" ? value : "";
          }),
        ]);
      }
      if (chunk) yield chunk;
      const last = rows.at(-1);
      if (!last || rows.length < PAGE_SIZE) return;
      after = { submittedAt: last.submittedAt, id: last.id };
    }
  }
  return { fileName: `${wave.code}-微观数据.csv`, stream: Readable.from(lines()) };
}
