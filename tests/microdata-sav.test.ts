import { readWithPspp } from "@survey/spss-sav/read-with-pspp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResultsFixture, type ResultsFixture } from "./support/results-fixture";
import { signIn } from "./support/test-app";

/** The .sav export read back by PSPP (an independent reader), against the CSV export of the same wave. */
describe("GET /api/admin/waves/:waveId/microdata.sav", () => {
  let f: ResultsFixture;
  beforeAll(async () => {
    f = await createResultsFixture();
  });
  afterAll(() => f.t.close());

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
