/**
 * `GET /api/admin/waves/:waveId/microdata.csv`: anonymised microdata of the counted responses for analysts
 * (SPEC §4 Exports). One row per response with a running number — never the response id, ID-number or phone
 * hashes, receipt codes, submission times or free-text answers (a comment may name a person or a phone) —
 * then the design weight and every coded answer by question name. UTF-8 with BOM so that Excel reads it.
 * Against re-identification: rows in random order, the town but no community, and the demographics (sex, age
 * group, 户籍 and the questionnaire's demographic questions) coarsened wherever a combination within a town has
 * fewer than MICRODATA_K rows (age group to a wider band, then each to blank) — see MICRODATA_NOTE.
 */
import { randomInt } from "node:crypto";
import { Readable } from "node:stream";
import type { Database } from "@survey/db";
import type { CodedItem, ScoringMap } from "@survey/questionnaire";
import { coarsenToK, type QuasiIdentifier } from "@survey/stats";
import { NoResultsError } from "../../platform/errors";
import { questionnaireOfWave } from "../questionnaires";
import type { WaveRow } from "../waves";
import { requireWave } from "../waves";
import { microdataPage, PAGE_SIZE } from "./data/microdata";
import { loadResultsDesign } from "./results-design";

export const MODE_LABELS: Record<string, string> = { online: "网上填写", interviewer: "入户访问", import: "批量导入" };
export const SEX_LABELS: Record<string, string> = { male: "男", female: "女" };

export const FIXED_COLUMNS = ["序号", "街镇编码", "街镇", "调查方式", "性别", "年龄组", "户籍", "设计权数"];

/** Every combination of town and demographics in the export is shared by at least this many rows, or coarsened. */
export const MICRODATA_K = 5;

/** What the export does against re-identification, for the README and the API docs. */
export const MICRODATA_NOTE =
  `行顺序已随机打乱（与提交顺序无关）；只给出街镇，不给出社区；性别、年龄组、户籍和问卷中的人口学问题，` +
  `在同一街镇内组合少于 ${MICRODATA_K} 行时逐级粗化：年龄组先合并为更宽的年龄段，仍不足时依次置空（空白表示已隐去）。`;

/** An age group such as "30-39" as a wider band: under 40, 40–59, 60 and over. */
export function widerAgeBand(ageGroup: string): string {
  const lower = Number(/^(\d+)/.exec(ageGroup)?.[1]);
  if (!Number.isFinite(lower)) return ageGroup;
  if (lower < 40) return "18-39";
  return lower < 60 ? "40-59" : "60+";
}

const suppress = () => "";

/** RFC 4180 quoting; a leading = + - @ is defused so that a spreadsheet never runs it as a formula. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (values: readonly unknown[]) => `${values.map(csvField).join(",")}\r\n`;

/** A coded question of the export: a 1–5 item (satisfaction, overall) or one with its own coded choices. */
export type MicrodataQuestion =
  | { name: string; title: string; kind: "scale" }
  | { name: string; title: string; kind: "coded"; choices: readonly { value: unknown; text: string }[] };

/** Coded questions in questionnaire order: satisfaction items, the overall question, policies, demographics. */
export function codedQuestions(scoring: ScoringMap): MicrodataQuestion[] {
  const scale = (item: { name: string; title: string }) => ({
    name: item.name,
    title: item.title,
    kind: "scale" as const,
  });
  const coded = (item: CodedItem) => ({ ...item, kind: "coded" as const });
  return [
    ...scoring.items.map(scale),
    ...(scoring.overall ? [scale(scoring.overall)] : []),
    ...scoring.policyItems.map(coded),
    ...scoring.demographicItems.map(coded),
  ];
}

/** One anonymised row: the fixed columns by their Chinese header, answers under `q:<name>`, all as text. */
export type MicrodataRow = Record<string, string>;

/** Numbers were held as text for the coarsening; written back as numbers they are not defused as formulas. */
const asWritten = (value: string | undefined) => (value && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value);

/** Fisher–Yates with a cryptographic generator: the order tells nothing about when a resident answered. */
function shuffle<T>(items: T[]): T[] {
  for (let index = items.length - 1; index > 0; index--) {
    const other = randomInt(index + 1);
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items;
}

export interface AnonymisedMicrodata {
  wave: WaveRow;
  questions: MicrodataQuestion[];
  /** Shuffled and coarsened to MICRODATA_K (see the file's note). */
  rows: MicrodataRow[];
}

/** Design weight N_h/n_h per town code; empty for a wave without estimable towns (its rows go out unweighted). */
export async function designWeightsByTown(db: Database, waveId: number): Promise<Map<string, number>> {
  const weights = new Map<string, number>();
  try {
    const design = await loadResultsDesign(db, waveId, { poststratify: false });
    for (const cell of design.cells) weights.set(cell.stratum, cell.weight);
  } catch (error) {
    if (!(error instanceof NoResultsError)) throw error;
  }
  return weights;
}

/** Every counted response of a wave in submission order, read a page at a time. */
export async function* countedResponses(db: Database, waveId: number) {
  let after: { submittedAt: string; id: string } | null = null;
  for (;;) {
    const page = await microdataPage(db, waveId, after);
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < PAGE_SIZE) return;
    after = { submittedAt: last.submittedAt, id: last.id };
  }
}

/** The counted responses as the exports give them, whatever the file format (CSV, SPSS). */
export async function anonymisedMicrodata(db: Database, waveId: number): Promise<AnonymisedMicrodata> {
  const wave = await requireWave(db, waveId);
  const { scoring } = await questionnaireOfWave(db, wave);
  const questions = codedQuestions(scoring).map((question) => question.name);
  const demographicQuestions = scoring.demographicItems.map((item) => item.name);
  const weights = await designWeightsByTown(db, wave.id);
  // Shuffling and k-anonymity need every row: read in pages, then held (text only, no answers objects).
  const rows: MicrodataRow[] = [];
  for await (const row of countedResponses(db, wave.id)) {
    const record: MicrodataRow = {
      街镇编码: row.townCode,
      街镇: row.townName ?? "",
      调查方式: MODE_LABELS[row.mode] ?? row.mode,
      性别: row.sex ? (SEX_LABELS[row.sex] ?? row.sex) : "",
      年龄组: row.ageGroup ?? "",
      户籍: row.registered === null ? "" : row.registered ? "户籍" : "非户籍",
      设计权数: String(weights.get(row.townCode) ?? ""),
    };
    for (const question of questions) {
      const value = row.answers[question];
      record[`q:${question}`] = typeof value === "number" || typeof value === "string" ? String(value) : "";
    }
    rows.push(record);
  }
  const identifiers: QuasiIdentifier[] = [
    { name: "街镇编码", steps: [] },
    { name: "年龄组", steps: [widerAgeBand, suppress] },
    ...demographicQuestions.map((question) => ({ name: `q:${question}`, steps: [suppress] })),
    { name: "户籍", steps: [suppress] },
    { name: "性别", steps: [suppress] },
  ];
  return { wave, questions: codedQuestions(scoring), rows: shuffle(coarsenToK(rows, identifiers, MICRODATA_K).rows) };
}

export async function microdataCsv(db: Database, waveId: number): Promise<{ fileName: string; stream: Readable }> {
  const { wave, rows: anonymised, questions: coded } = await anonymisedMicrodata(db, waveId);
  const questions = coded.map((question) => question.name);
  async function* lines() {
    yield `\uFEFF${csvLine([...FIXED_COLUMNS, ...questions])}`;
    for (let start = 0; start < anonymised.length; start += PAGE_SIZE) {
      yield anonymised
        .slice(start, start + PAGE_SIZE)
        .map((row, offset) =>
          csvLine([
            start + offset + 1,
            ...FIXED_COLUMNS.slice(1).map((column) => asWritten(row[column])),
            ...questions.map((question) => asWritten(row[`q:${question}`])),
          ]),
        )
        .join("");
    }
  }
  return { fileName: `${wave.code}-微观数据.csv`, stream: Readable.from(lines()) };
}
