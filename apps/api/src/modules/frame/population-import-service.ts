import type { PopulationImportResult } from "@survey/contract";
import type { Database } from "@survey/db";
import { ageGroups } from "@survey/identity";
import type { TableProblem, UploadedTable } from "../../platform/uploads/table";
import { existingTownCodes, lockFrame, type PopulationCellRecord, replacePopulationCells } from "./data/frame";
import { type ColumnSpec, RowReader, rejectIfProblems, requireRows, resolveColumns } from "./frame-table";

/** The towns' population by sex × age group (for post-stratification), imported all or nothing like the frame. */

const CELL_COLUMNS = {
  townCode: { name: "town_code", label: "街镇代码" },
  sex: { name: "sex", label: "性别" },
  ageGroup: { name: "age_group", label: "年龄组" },
  population: { name: "population", label: "人口" },
} satisfies Record<string, ColumnSpec>;

const SEXES: Record<string, PopulationCellRecord["sex"]> = { male: "male", 男: "male", female: "female", 女: "female" };

const AGE_GROUP_LIST = ageGroups.join("、");

/** Replaces the post-stratification cells of every town in the file; all or nothing like the frame. */
export async function importPopulationCells(db: Database, table: UploadedTable): Promise<PopulationImportResult> {
  const problems: TableProblem[] = [];
  const headers = resolveColumns(table, CELL_COLUMNS, problems);
  requireRows(table, problems);
  const cells: (PopulationCellRecord & { rowNumber: number })[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const read = new RowReader(row, CELL_COLUMNS, headers, problems);
    const townCode = read.code("townCode");
    const sex = read.oneOf("sex", SEXES, "male/男 或 female/女");
    const ageGroup = read.oneOf(
      "ageGroup",
      Object.fromEntries(ageGroups.map((group) => [group, group])),
      AGE_GROUP_LIST,
    );
    const population = read.count("population");
    if (townCode === undefined || sex === undefined || ageGroup === undefined || population === undefined) continue;
    const key = `${townCode}|${sex}|${ageGroup}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        row: row.rowNumber,
        column: "age_group",
        message: `街镇“${townCode}”的${sex === "male" ? "男性" : "女性"}${ageGroup}组重复，第${first}行已经有这一格。`,
      });
      continue;
    }
    seen.set(key, row.rowNumber);
    cells.push({ townCode, sex, ageGroup, population, rowNumber: row.rowNumber });
  }
  return db.transaction(async (tx) => {
    await lockFrame(tx);
    const known = await existingTownCodes(tx, [...new Set(cells.map((cell) => cell.townCode))]);
    for (const cell of cells) {
      if (!known.has(cell.townCode)) {
        problems.push({
          row: cell.rowNumber,
          column: "town_code",
          message: `街镇代码“${cell.townCode}”不在抽样框中，请先导入街镇和社区。`,
        });
      }
    }
    rejectIfProblems(problems);
    await replacePopulationCells(
      tx,
      cells.map(({ rowNumber: _, ...cell }) => cell),
    );
    return { towns: new Set(cells.map((cell) => cell.townCode)).size, cells: cells.length };
  });
}
