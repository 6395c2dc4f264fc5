/**
 * `GET /api/admin/waves/:waveId/microdata.sav`: the anonymised microdata of the CSV export (same rows, same
 * coarsening — built once by `anonymisedMicrodata`) as an SPSS system file an analyst opens with labels:
 * variable labels are the question wording, satisfaction items carry 非常不满意 … 非常满意, 不了解 and 不适用 as
 * value labels with 8 and 9 declared user-missing (STATISTICS §1 leaves both out of every figure), and the
 * fixed columns are coded with their labels (调查方式, 性别, 户籍).
 */

import type { Database } from "@survey/db";
import { SATISFACTION_LABELS } from "@survey/questionnaire";
import { type SavValue, type SavVariable, stringWidthFor, writeSav } from "@survey/spss-sav";
import {
  anonymisedMicrodata,
  type MicrodataQuestion,
  type MicrodataRow,
  MODE_LABELS,
  SEX_LABELS,
} from "./microdata-export-service";

const SCALE_MISSING = [8, 9];

/** Code → label of a coded fixed column, from the label → code the rows hold. */
const codesOf = (labels: Record<string, string>) =>
  Object.values(labels).map((label, index) => [index + 1, label] as const);

interface Column {
  variable: SavVariable;
  valueOf(row: MicrodataRow, rowNumber: number): SavValue;
}

/** A coded column whose rows hold labels (blank when coarsened away). */
function labelledColumn(
  name: string,
  label: string,
  codes: readonly (readonly [number, string])[],
  header: string,
): Column {
  const codeOfLabel = new Map(codes.map(([code, text]) => [text, code]));
  return {
    variable: { kind: "numeric", name, label, valueLabels: new Map(codes), measure: "nominal" },
    valueOf: (row) => codeOfLabel.get(row[header] ?? "") ?? null,
  };
}

function textColumn(name: string, label: string, header: string, rows: readonly MicrodataRow[]): Column {
  return {
    variable: { kind: "string", name, label, width: stringWidthFor(rows.map((row) => row[header])) },
    valueOf: (row) => row[header] ?? "",
  };
}

const numberOrMissing = (text: string | undefined) => (text === undefined || text === "" ? null : Number(text));

/** An SPSS name from a question name: letters, digits and _, starting with a letter, unique. */
function savNameOf(name: string, used: Set<string>): string {
  let candidate = name.replace(/[^A-Za-z0-9_]/g, "_").slice(0, 60);
  if (!/^[A-Za-z]/.test(candidate)) candidate = `q${candidate}`;
  let unique = candidate;
  for (let suffix = 2; used.has(unique.toUpperCase()); suffix++) unique = `${candidate}_${suffix}`;
  used.add(unique.toUpperCase());
  return unique;
}

function questionColumn(question: MicrodataQuestion, name: string, rows: readonly MicrodataRow[]): Column {
  const header = `q:${question.name}`;
  if (question.kind === "scale") {
    return {
      variable: {
        kind: "numeric",
        name,
        label: question.title,
        valueLabels: SATISFACTION_LABELS,
        missing: SCALE_MISSING,
        measure: "ordinal",
      },
      valueOf: (row) => numberOrMissing(row[header]),
    };
  }
  const numericChoices = question.choices.every((choice) => typeof choice.value === "number");
  if (!numericChoices) return textColumn(name, question.title, header, rows);
  return {
    variable: {
      kind: "numeric",
      name,
      label: question.title,
      valueLabels: new Map(question.choices.map((choice) => [choice.value as number, choice.text])),
      measure: "nominal",
    },
    valueOf: (row) => numberOrMissing(row[header]),
  };
}

export async function microdataSav(
  db: Database,
  waveId: number,
  now: Date,
): Promise<{ fileName: string; content: Buffer }> {
  const { wave, questions, rows } = await anonymisedMicrodata(db, waveId);
  const used = new Set(["ROW_NUMBER", "TOWN_CODE", "TOWN", "MODE", "SEX", "AGE_GROUP", "REGISTERED", "WEIGHT"]);
  const columns: Column[] = [
    {
      variable: { kind: "numeric", name: "row_number", label: "序号" },
      valueOf: (_row, rowNumber) => rowNumber,
    },
    textColumn("town_code", "街镇编码", "街镇编码", rows),
    textColumn("town", "街镇", "街镇", rows),
    labelledColumn("mode", "调查方式", codesOf(MODE_LABELS), "调查方式"),
    labelledColumn("sex", "性别", codesOf(SEX_LABELS), "性别"),
    textColumn("age_group", "年龄组", "年龄组", rows),
    labelledColumn(
      "registered",
      "户籍",
      [
        [1, "户籍"],
        [0, "非户籍"],
      ],
      "户籍",
    ),
    {
      variable: { kind: "numeric", name: "weight", label: "设计权数", decimals: 4 },
      valueOf: (row) => numberOrMissing(row.设计权数),
    },
    ...questions.map((question) => questionColumn(question, savNameOf(question.name, used), rows)),
  ];
  const content = writeSav(
    columns.map((column) => column.variable),
    rows.map((row, index) => columns.map((column) => column.valueOf(row, index + 1))),
    { fileLabel: `${wave.title} 匿名微观数据`, createdAt: now },
  );
  return { fileName: `${wave.code}-微观数据.sav`, content };
}
