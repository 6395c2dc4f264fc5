import type { CrosstabResult, CrosstabVariable } from "@survey/contract";
import { readWithPspp } from "@survey/spss-sav/read-with-pspp";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResultsFixture, type ResultsFixture, readFixtureRows } from "./support/results-fixture";
import { signIn } from "./support/test-app";

let f: ResultsFixture;
beforeAll(async () => {
  f = await createResultsFixture();
});
afterAll(() => f.t.close());

async function sheetRows(content: Buffer, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.getWorksheet(name)?.eachRow({ includeEmpty: true }, (row) => {
    rows.push(((row.values ?? []) as unknown[]).slice(1));
  });
  return rows;
}

/** R survey 4.1.1 (tests/reference/results.R): the district 满意率 of q1, the weighted share of 4 and 5. */
const R_DISTRICT_Q1_RATE = 0.423856671381424;

describe("GET /api/admin/waves/:waveId/frequencies.xlsx", () => {
  it("counts every answer of every coded question, with valid and design-weighted shares", async () => {
    const response = await f.t.app.inject({
      url: `/api/admin/waves/${f.waveIds["1"]}/frequencies.xlsx`,
      headers: f.office.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toContain("frequencies.xlsx");
    const rows = await sheetRows(response.rawPayload, "频数表");
    const start = rows.findIndex((row) => row[0] === "q1　q1 满意吗？");
    expect(start).toBeGreaterThanOrEqual(0);
    expect(rows[start + 1]).toEqual(["代码", "答案", "人数", "百分比", "有效百分比", "加权有效百分比"]);
    const q1 = rows.slice(start + 2, start + 2 + 8);
    expect(q1.map((row) => row[1])).toEqual([
      "非常不满意",
      "不太满意",
      "一般",
      "比较满意",
      "非常满意",
      "不了解",
      "不适用",
      "未回答",
    ]);
    const counted = readFixtureRows().filter((row) => row.wave === "1" && row.counted);
    for (const row of q1) {
      const code = String(row[0]);
      const expected = counted.filter((fixture) => String(fixture.answers.q1 ?? "") === code).length;
      expect(row[2], `q1 = ${code}`).toBe(expected);
      expect(row[3] as number).toBeCloseTo(expected / counted.length, 12);
    }
    const valid = counted.filter((fixture) => [1, 2, 3, 4, 5].includes(Number(fixture.answers.q1))).length;
    expect(q1[3]?.[4] as number).toBeCloseTo(counted.filter((row) => row.answers.q1 === 4).length / valid, 12);
    expect(q1[5]?.[4] ?? null).toBeNull();
    expect((q1[3]?.[5] as number) + (q1[4]?.[5] as number)).toBeCloseTo(R_DISTRICT_Q1_RATE, 9);
    expect(rows[start + 10]).toEqual(["", "合计", counted.length, 1, 1]);
    // Coded questions beyond the satisfaction items: the policy question with its own answers.
    const policy = rows.findIndex((row) => row[0] === "policy　您知道这项政策吗？");
    expect(rows.slice(policy + 2, policy + 6).map((row) => row[1])).toEqual(["知道", "听说过", "不知道", "未回答"]);
  });
});

describe("GET /api/admin/waves/:waveId/crosstab.xlsx", () => {
  it("has the page's table, the margins and both tests", async () => {
    const variables = await f.t.app.inject({
      url: `/api/admin/waves/${f.waveIds["1"]}/crosstab/variables`,
      headers: f.office.headers,
    });
    const [row, column] = (variables.json() as CrosstabVariable[]).filter((variable) =>
      ["town", "sex"].includes(variable.name),
    );
    if (!row || !column) throw new Error("no town and sex variables");
    const request = { row: row.name, column: column.name, percent: "row" as const };
    const json = await f.t.app.inject({
      method: "POST",
      url: `/api/admin/waves/${f.waveIds["1"]}/crosstab`,
      headers: f.office.headers,
      payload: request,
    });
    const result = json.json() as CrosstabResult;
    const query = new URLSearchParams({ ...request, filters: JSON.stringify({ q1: ["4", "5"] }) });
    const filtered = await f.t.app.inject({
      url: `/api/admin/waves/${f.waveIds["1"]}/crosstab.xlsx?${query}`,
      headers: f.office.headers,
    });
    expect(filtered.statusCode, filtered.body).toBe(200);
    const response = await f.t.app.inject({
      url: `/api/admin/waves/${f.waveIds["1"]}/crosstab.xlsx?${new URLSearchParams(request)}`,
      headers: f.office.headers,
    });
    expect(response.statusCode).toBe(200);
    const rows = await sheetRows(response.rawPayload, "交叉表");
    expect(String(rows[0]?.[0])).toContain(`${result.row.label} × ${result.column.label}`);
    result.rows.forEach((margin, index) => {
      const sheetRow = rows[2 + index] ?? [];
      expect(sheetRow[0]).toBe(margin.label);
      result.cells[index]?.forEach((cell, j) => {
        expect(sheetRow[1 + j * 2] as number).toBeCloseTo(cell.percent / 100, 6);
        expect(String(sheetRow[2 + j * 2])).toBe(cell.marked ? `${cell.n}*` : String(cell.n));
      });
    });
    const flat = rows.map((sheetRow) => sheetRow.join("|")).join("\n");
    expect(flat).toContain(`Rao–Scott 校正 F|${result.raoScott?.f}`);
    expect(flat).toContain(`p 值|${result.raoScott?.pValue}`);
    expect(flat).toContain(`皮尔逊卡方（未加权）|${result.pearson?.chiSquare}`);
    expect(flat).toContain(result.footnote);

    const bad = await f.t.app.inject({
      url: `/api/admin/waves/${f.waveIds["1"]}/crosstab.xlsx?${new URLSearchParams({ ...request, filters: "{" })}`,
      headers: f.office.headers,
    });
    expect(bad.statusCode).toBe(400);
    const staff = await signIn(f.t.app, "staff");
    const refused = await f.t.app.inject({
      url: `/api/admin/waves/${f.waveIds["1"]}/frequencies.xlsx`,
      headers: staff.headers,
    });
    expect(refused.statusCode).toBe(403);
  });
});

/** The .sav export read back by PSPP (an independent reader), against the CSV export of the same wave. */
describe("GET /api/admin/waves/:waveId/microdata.sav", () => {
  const download = (format: "csv" | "sav") =>
    f.t.app.inject({ url: `/api/admin/waves/${f.waveIds["1"]}/microdata.${format}`, headers: f.office.headers });

  it("has the CSV's rows and values, with variable labels, value labels and user-missing codes", async () => {
    const [sav, csv] = await Promise.all([download("sav"), download("csv")]);
    expect(sav.statusCode).toBe(200);
    expect(sav.headers["content-type"]).toBe("application/x-spss-sav");
    expect(sav.headers["content-disposition"]).toContain(encodeURIComponent("R-2025-微观数据.sav"));
    const file = readWithPspp(sav.rawPayload);

    expect(file.header).toEqual([
      "row_number",
      "town_code",
      "town",
      "mode",
      "sex",
      "age_group",
      "registered",
      "weight",
      "q1",
      "q2",
      "q3",
      "q4",
      "q5",
      "overall",
      "policy",
      "education",
    ]);
    const labels = Object.fromEntries(file.variables.map((variable) => [variable.name, variable.label]));
    expect(labels).toMatchObject({ row_number: "序号", town: "街镇", sex: "性别", weight: "设计权数" });
    expect(labels.policy).toBe("您知道这项政策吗？");
    expect(labels.education).toBe("文化程度");
    const missing = Object.fromEntries(file.variables.map((variable) => [variable.name, variable.missing]));
    expect(missing.q1).toEqual(["8", "9"]);
    expect(missing.policy).toEqual([]);
    expect(Object.fromEntries(file.valueLabels.get("q1") ?? [])).toEqual({
      "1": "非常不满意",
      "2": "不太满意",
      "3": "一般",
      "4": "比较满意",
      "5": "非常满意",
      "8": "不了解",
      "9": "不适用",
    });
    expect(Object.fromEntries(file.valueLabels.get("education") ?? [])).toEqual({
      "1": "初中及以下",
      "2": "高中",
      "3": "大学及以上",
    });
    expect(Object.fromEntries(file.valueLabels.get("sex") ?? [])).toEqual({ "1": "男", "2": "女" });
    expect(Object.fromEntries(file.valueLabels.get("mode") ?? [])).toEqual({
      "1": "网上填写",
      "2": "入户访问",
      "3": "批量导入",
    });

    // The same rows as the CSV (each file shuffles on its own): compare as sorted lists of labelled rows.
    const csvRows = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(","));
    const codeLabel = (variable: string, code: string) =>
      code ? (file.valueLabels.get(variable)?.get(code) ?? "?") : "";
    const savAsCsv = file.rows.map((row) => {
      const value = (index: number) => (row[index] ?? "").trim();
      return [
        value(1),
        value(2),
        codeLabel("mode", value(3)),
        codeLabel("sex", value(4)),
        value(5),
        codeLabel("registered", value(6)),
        value(7),
        ...row.slice(8).map((cell) => cell.trim()),
      ].join(",");
    });
    const csvWithoutNumber = csvRows.map((row) => row.slice(1).join(","));
    expect(savAsCsv.length).toBe(30);
    expect(savAsCsv.sort()).toEqual(csvWithoutNumber.sort());
    expect(file.rows.map((row) => row[0]?.trim())).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
    // No free text, no community.
    const text = sav.rawPayload.toString("utf8");
    expect(text).not.toContain("请联系我");
    expect(text).not.toContain("T01C1");
  });

  it("is for the office, not for survey staff", async () => {
    const staff = await signIn(f.t.app, "staff");
    const response = await f.t.app.inject({
      url: `/api/admin/waves/${f.waveIds["1"]}/microdata.sav`,
      headers: staff.headers,
    });
    expect(response.statusCode).toBe(403);
  });
});
