/**
 * `GET /api/admin/waves/:waveId/frequencies.xlsx`: a frequency table of every coded question (satisfaction
 * items, the overall question, policy awareness, demographics) over the counted responses — each answer's
 * unweighted count, its share of all respondents, its share of the valid answers and the design-weighted valid
 * share (weights N_h/n_h as in the results; STATISTICS §1–2). Satisfaction items count 不了解, 不适用 and
 * blank as missing; other questions only blank.
 */

import type { Database } from "@survey/db";
import { DONT_KNOW_CODE, NOT_APPLICABLE_CODE, SATISFACTION_LABELS } from "@survey/questionnaire";
import { newWorkbook } from "../../platform/workbook";
import { questionnaireOfWave } from "../questionnaires";
import { requireWave } from "../waves";
import {
  codedQuestions,
  countedResponses,
  designWeightsByTown,
  type MicrodataQuestion,
} from "./microdata-export-service";

const BLANK = "";

export interface FrequencyRow {
  code: string;
  label: string;
  n: number;
  /** Share of all respondents (0–1). */
  share: number;
  /** Share of the valid answers (0–1); null for a missing code. */
  validShare: number | null;
  /** Design-weighted share of the valid answers (0–1); null for a missing code or without weights. */
  weightedValidShare: number | null;
}

export interface FrequencyTable {
  name: string;
  title: string;
  rows: FrequencyRow[];
  respondents: number;
  valid: number;
}

function answerCodes(question: MicrodataQuestion): { code: string; label: string; missing: boolean }[] {
  if (question.kind === "scale") {
    return Object.entries(SATISFACTION_LABELS).map(([code, label]) => ({
      code,
      label,
      missing: Number(code) === DONT_KNOW_CODE || Number(code) === NOT_APPLICABLE_CODE,
    }));
  }
  return question.choices.map((choice) => ({ code: String(choice.value), label: choice.text, missing: false }));
}

/** The tables, computed from the counted responses page by page. */
export async function frequencyTables(db: Database, waveId: number) {
  const wave = await requireWave(db, waveId);
  const { scoring } = await questionnaireOfWave(db, wave);
  const questions = codedQuestions(scoring);
  const weights = await designWeightsByTown(db, wave.id);
  const tallies = questions.map(() => new Map<string, { n: number; weight: number }>());
  let respondents = 0;
  for await (const row of countedResponses(db, wave.id)) {
    respondents++;
    const weight = weights.get(row.townCode) ?? Number.NaN;
    questions.forEach((question, index) => {
      const value = row.answers[question.name];
      const code = typeof value === "number" || typeof value === "string" ? String(value) : BLANK;
      const tally = tallies[index] as Map<string, { n: number; weight: number }>;
      const cell = tally.get(code) ?? { n: 0, weight: 0 };
      cell.n++;
      cell.weight += weight;
      tally.set(code, cell);
    });
  }
  const tables: FrequencyTable[] = questions.map((question, index) => {
    const tally = tallies[index] as Map<string, { n: number; weight: number }>;
    const codes = answerCodes(question);
    const known = new Set(codes.map((code) => code.code));
    // Codes on file that the questionnaire does not list (an edited choice list) are shown, not dropped.
    for (const code of tally.keys()) {
      if (code !== BLANK && !known.has(code)) codes.push({ code, label: code, missing: false });
    }
    codes.push({ code: BLANK, label: "未回答", missing: true });
    const valid = codes.filter((code) => !code.missing);
    const validN = valid.reduce((sum, code) => sum + (tally.get(code.code)?.n ?? 0), 0);
    const validWeight = valid.reduce((sum, code) => sum + (tally.get(code.code)?.weight ?? 0), 0);
    const rows = codes.map((code): FrequencyRow => {
      const cell = tally.get(code.code) ?? { n: 0, weight: 0 };
      return {
        code: code.code,
        label: code.label,
        n: cell.n,
        share: respondents > 0 ? cell.n / respondents : 0,
        validShare: code.missing || validN === 0 ? null : cell.n / validN,
        weightedValidShare:
          code.missing || !(validWeight > 0) || !Number.isFinite(validWeight) ? null : cell.weight / validWeight,
      };
    });
    return { name: question.name, title: question.title, rows, respondents, valid: validN };
  });
  return { wave, tables };
}

const PERCENT = "0.0%";

export async function frequencyWorkbook(db: Database, waveId: number): Promise<{ fileName: string; content: Buffer }> {
  const { wave, tables } = await frequencyTables(db, waveId);
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet("频数表");
  for (const [index, width] of [10, 18, 10, 12, 12, 14].entries()) sheet.getColumn(index + 1).width = width;
  for (const column of [4, 5, 6]) sheet.getColumn(column).numFmt = PERCENT;
  for (const table of tables) {
    sheet.addRow([`${table.name}　${table.title}`]).font = { bold: true };
    sheet.addRow(["代码", "答案", "人数", "百分比", "有效百分比", "加权有效百分比"]).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow([row.code, row.label, row.n, row.share, row.validShare, row.weightedValidShare]);
    }
    sheet.addRow(["", "合计", table.respondents, table.respondents > 0 ? 1 : 0, table.valid > 0 ? 1 : null, null]);
    sheet.addRow([]);
  }
  const notes = workbook.addWorksheet("说明");
  notes.getColumn(1).width = 100;
  for (const line of [
    `${wave.title}：各题答案的频数分布（计入样本的有效答卷）。`,
    "百分比以全部答卷为分母；有效百分比不含缺失（满意度题的“不了解”“不适用”和未回答，其他题的未回答）。",
    "加权有效百分比按设计权数（街镇成年人口 / 街镇样本量）加权，与调查结果页的全区数字口径一致。",
  ]) {
    notes.addRow([line]);
  }
  return { fileName: `${wave.code}-频数表.xlsx`, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
