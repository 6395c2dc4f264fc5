import { auditLog, indicatorValues } from "@survey/db";
import { DEFAULT_INDICATORS, DOMAINS } from "@survey/indices";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv, multipart, XLSX_TYPE, xlsx } from "./fixtures/upload-files";
import { createTestApp, type SignedInUser, signIn, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

const YUEYANG = "310117001";
const JIUTING = "310117106";
const HEADER = ["indicator_code", "town_code", "year", "value"];
const TOWN_LEVEL = DEFAULT_INDICATORS.filter((indicator) => indicator.level === "town").length;
/** 17 demo towns × the town-level indicators, plus the district figure of every indicator. */
const FULL_YEAR = 17 * TOWN_LEVEL + DEFAULT_INDICATORS.length;

interface Problem {
  sheet: string | null;
  row: number | null;
  column: string | null;
  message: string;
}

interface ValuesTable {
  year: number;
  indicators: { code: string; domain: string; level: string }[];
  rows: { unitCode: string; unitName: string; values: Record<string, number | null> }[];
  count: number;
}

describe(`indicator values: template, upload and validation (${testDriver})`, () => {
  let t: TestApp;
  let admin: SignedInUser;
  let healthClerk: SignedInUser;

  const template = async (year: number, user = admin) => {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/admin/indicators/template.xlsx?year=${year}`,
      headers: user.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    return { response, workbook };
  };
  const upload = (payload: string | Buffer, contentType: string, query = "", user = admin) =>
    t.app.inject({
      method: "POST",
      url: `/api/admin/indicators/values${query}`,
      payload,
      headers: { ...user.headers, "content-type": contentType },
    });
  const uploadWorkbook = async (workbook: ExcelJS.Workbook, query = "", user = admin) =>
    upload(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX_TYPE, query, user);
  const values = async (year: number, user = admin): Promise<ValuesTable> => {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/admin/indicators/values?year=${year}`,
      headers: user.headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const storedCount = async (year: number) =>
    (await t.database.handle.db.select().from(indicatorValues).where(eq(indicatorValues.year, year))).length;
  const problemsOf = (response: { statusCode: number; json(): { error: string; details: Problem[] } }) => {
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toBe("invalid_file");
    return response.json().details;
  };

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await signIn(t.app, "admin");
    healthClerk = await signIn(t.app, "department", { domains: ["health"] });
  });
  afterAll(() => t.close());

  it("seeds the default catalogue (55 indicators, 22 per town) as demo data, with values for 2021 to 2026", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/admin/indicators", headers: admin.headers });
    const indicators = response.json().indicators as { demo: boolean; domain: string }[];
    expect(indicators).toHaveLength(55);
    expect(indicators.filter((indicator) => (indicator as { level?: string }).level === "town")).toHaveLength(22);
    expect(indicators.every((indicator) => indicator.demo)).toBe(true);
    expect(new Set(indicators.map((indicator) => indicator.domain)).size).toBe(12);
    expect(await storedCount(2025)).toBe(FULL_YEAR);
    expect(await storedCount(2026)).toBe(FULL_YEAR);
    expect(await storedCount(2021)).toBe(FULL_YEAR);
  });

  it("gives a template with one sheet per domain, towns as rows and this year's values filled in", async () => {
    const { response, workbook } = await template(2026);
    expect(response.headers["content-type"]).toBe(XLSX_TYPE);
    expect(response.headers["content-disposition"]).toContain("attachment");
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(DOMAINS.map((domain) => domain.name));

    const table = await values(2026);
    const health = workbook.getWorksheet("医疗卫生");
    if (!health) throw new Error("no health sheet");
    expect(String(health.getCell("A1").value)).toMatch(/^2026年“医疗卫生”指标数据填报表/);
    expect([health.getCell("A2").value, health.getCell("B2").value]).toEqual(["街镇代码", "街镇名称"]);
    const codes = [3, 4, 5].map((column) => health.getCell(2, column).value);
    expect(codes).toEqual(
      table.indicators.filter((indicator) => indicator.domain === "health").map((indicator) => indicator.code),
    );
    // Indicators in code order within the domain.
    expect(codes).toEqual(["family_doctor_contract_rate", "health_workers_per_1k", "life_expectancy"]);
    expect(health.getCell(3, 3).value).toBe("家庭医生签约覆盖率（%）");
    expect(health.getCell(3, 5).value).toBe("户籍人口平均期望寿命（岁）［仅全区］");
    expect(health.getCell(4, 1).value).toBe(YUEYANG);
    expect(health.getCell(4, 2).value).toBe("岳阳街道");
    expect(health.getCell(21, 1).value).toBe("district");
    expect(health.getCell(21, 2).value).toBe("全区");
    expect(health.rowCount).toBe(21);

    // Every cell of every sheet holds the stored value (blank where none is stored).
    let filled = 0;
    for (const sheet of workbook.worksheets) {
      const row2 = sheet.getRow(2);
      for (let row = 4; row <= sheet.rowCount; row++) {
        const unit = String(sheet.getCell(row, 1).value);
        const expected = table.rows.find((r) => r.unitCode === unit);
        for (let column = 3; column <= row2.cellCount; column++) {
          const code = String(sheet.getCell(2, column).value);
          const cell = sheet.getCell(row, column).value;
          expect(cell ?? null, `${sheet.name} ${unit} ${code}`).toBe(expected?.values[code] ?? null);
          if (cell !== null) filled += 1;
        }
      }
    }
    expect(filled).toBe(table.count);
    expect(filled).toBe(FULL_YEAR);
  });

  it("gives a department user only the sheets and values of its own domains", async () => {
    const clerk = await signIn(t.app, "department", { domains: ["education", "health"] });
    const { workbook } = await template(2026, clerk);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["医疗卫生", "教育"]);
    const table = await values(2026, healthClerk);
    expect(new Set(table.indicators.map((indicator) => indicator.domain))).toEqual(new Set(["health"]));
    const staff = await signIn(t.app, "staff");
    const refused = await t.app.inject({
      method: "GET",
      url: "/api/admin/indicators/template.xlsx?year=2026",
      headers: staff.headers,
    });
    expect(refused.statusCode).toBe(403);
    const noYear = await t.app.inject({
      method: "GET",
      url: "/api/admin/indicators/template.xlsx",
      headers: admin.headers,
    });
    expect(noYear.statusCode).toBe(400);
  });

  it("imports a filled-in template (raw .xlsx, and multipart) and keeps blank cells' stored values", async () => {
    const { workbook } = await template(2027);
    expect(await storedCount(2027)).toBe(0);
    const health = workbook.getWorksheet("医疗卫生");
    const education = workbook.getWorksheet("教育");
    if (!health || !education) throw new Error("missing sheets");
    health.getCell(4, 3).value = "38.5"; // 岳阳街道 family_doctor_contract_rate, as text
    health.getCell(4, 4).value = 6.4; // 岳阳街道 health_workers_per_1k
    health.getCell(21, 5).value = { formula: "80+3.2", result: 83.2 }; // district life expectancy
    education.getCell(15, 3).value = 4.2; // 九亭镇 childcare places
    const response = await uploadWorkbook(workbook, "?year=2027");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ imported: 4, years: [2027], indicators: 4, units: 3 });

    const table = await values(2027);
    const row = (unit: string) => table.rows.find((r) => r.unitCode === unit)?.values ?? {};
    expect(row(YUEYANG).health_workers_per_1k).toBe(6.4);
    expect(row(YUEYANG).family_doctor_contract_rate).toBe(38.5);
    expect(row("district").life_expectancy).toBe(83.2);
    expect(row(JIUTING).childcare_places_per_1k).toBe(4.2);

    // The year comes from the title when the query has none; a changed value replaces the stored one.
    const again = await template(2027);
    const sheet = again.workbook.getWorksheet("医疗卫生");
    if (!sheet) throw new Error("missing sheet");
    expect(sheet.getCell(4, 4).value).toBe(6.4);
    sheet.getCell(4, 4).value = 7.1;
    const form = multipart({
      name: "指标.xlsx",
      contentType: XLSX_TYPE,
      content: Buffer.from(await again.workbook.xlsx.writeBuffer()),
    });
    const second = await t.app.inject({
      method: "POST",
      url: "/api/admin/indicators/values",
      payload: form.payload,
      headers: { ...admin.headers, ...form.headers },
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().imported).toBe(4);
    expect((await values(2027)).rows.find((r) => r.unitCode === YUEYANG)?.values.health_workers_per_1k).toBe(7.1);
    expect(await storedCount(2027)).toBe(4);

    // A cleared cell is "not supplied": the stored value stays.
    const third = await template(2027);
    const cleared = third.workbook.getWorksheet("教育")?.getCell(15, 3);
    if (!cleared) throw new Error("missing sheet");
    cleared.value = null;
    const partial = await uploadWorkbook(third.workbook);
    expect(partial.json().imported).toBe(3);
    expect((await values(2027)).rows.find((r) => r.unitCode === JIUTING)?.values.childcare_places_per_1k).toBe(4.2);
    expect(await storedCount(2027)).toBe(4);

    const [entry] = await t.database.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "indicator.values_import"));
    expect(entry).toMatchObject({ username: admin.username, details: { format: "template", imported: 4 } });
  });

  it("imports a CSV in long format, including district figures", async () => {
    const response = await upload(
      csv([
        HEADER,
        ["registered_unemployment_rate", YUEYANG, 2028, "3.1"],
        ["new_jobs_per_10k", YUEYANG, 2028, "1,250"],
        ["disposable_income_per_capita", "district", 2028, "91234"],
      ]),
      "text/csv",
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ imported: 3, years: [2028], indicators: 3, units: 2 });
    const row = (await values(2028)).rows.find((r) => r.unitCode === YUEYANG)?.values;
    expect(row?.new_jobs_per_10k).toBe(1250);

    // The same long format as a flat .xlsx sheet (Chinese headers), sent as a multipart form.
    const flat = await xlsx([
      ["指标代码", "街镇代码", "年份", "数值"],
      ["registered_unemployment_rate", JIUTING, 2028, 4.25],
    ]);
    const form = multipart({ name: "values.xlsx", contentType: XLSX_TYPE, content: flat });
    const sheet = await t.app.inject({
      method: "POST",
      url: "/api/admin/indicators/values?year=2028",
      payload: form.payload,
      headers: { ...admin.headers, ...form.headers },
    });
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect(sheet.json().imported).toBe(1);
    expect((await values(2028)).rows.find((r) => r.unitCode === JIUTING)?.values.registered_unemployment_rate).toBe(
      4.25,
    );
  });

  it("rejects the whole CSV and lists every bad row: unknown indicator or town, non-numeric, range, duplicate …", async () => {
    const body = csv([
      HEADER,
      ["family_doctor_contract_rate", YUEYANG, 2029, "45"], // 2: good
      ["no_such_indicator", YUEYANG, 2029, "1"], // 3
      ["family_doctor_contract_rate", "999999", 2029, "45"], // 4
      ["health_workers_per_1k", YUEYANG, 2029, "六点五"], // 5
      ["registered_unemployment_rate", YUEYANG, 2029, "25"], // 6: range 0–20
      ["family_doctor_contract_rate", YUEYANG, 2029, "46"], // 7: duplicate of row 2
      ["life_expectancy", YUEYANG, 2029, "82"], // 8: district only
      ["pension_insurance_coverage", YUEYANG, 2028, "95"], // 9: not the chosen year
      ["pension_insurance_coverage", JIUTING, "20x9", "95"], // 10
      ["sports_area_per_capita", JIUTING, 2029, ""], // 11
      ["life_expectancy", "district", 2029, "83.5"], // 12: good
    ]);
    const details = problemsOf(await upload(body, "text/csv; charset=utf-8", "?year=2029"));
    const at = (row: number) => details.filter((problem) => problem.row === row);
    expect(at(2)).toEqual([]);
    expect(at(12)).toEqual([]);
    expect(at(3)).toEqual([
      { sheet: null, row: 3, column: "indicator_code", message: "未知的指标代码“no_such_indicator”。" },
    ]);
    expect(at(4)).toEqual([{ sheet: null, row: 4, column: "town_code", message: "未知的街镇代码“999999”。" }]);
    expect(at(5)).toMatchObject([{ column: "value", message: expect.stringMatching(/“六点五”不是数字/) }]);
    expect(at(6)).toMatchObject([{ column: "value", message: expect.stringMatching(/25 超出合理范围 0～20/) }]);
    expect(at(7)).toMatchObject([{ column: "value", message: expect.stringMatching(/^重复：岳阳街道2029年.*第2行/) }]);
    expect(at(8)).toMatchObject([{ column: "value", message: expect.stringMatching(/只统计全区数据/) }]);
    expect(at(9)).toMatchObject([
      { column: "year", message: expect.stringMatching(/2028 与上传时选择的 2029 年不一致/) },
    ]);
    expect(at(10)).toMatchObject([{ column: "year", message: expect.stringMatching(/年份“20x9”不正确/) }]);
    expect(at(11)).toMatchObject([{ column: "value", message: expect.stringMatching(/缺少/) }]);
    expect(details).toHaveLength(9);
    // All or nothing: the good rows were not written either.
    expect(await storedCount(2029)).toBe(0);
  });

  it("points at sheet, row and column for bad cells in a template", async () => {
    const { workbook } = await template(2030);
    const health = workbook.getWorksheet("医疗卫生");
    const safety = workbook.getWorksheet("公共安全与稳定");
    if (!health || !safety) throw new Error("missing sheets");
    health.getCell(4, 3).value = "n/a"; // C4
    health.getCell(5, 4).value = 150; // D5: health workers per 1,000 > 40
    health.getCell(6, 5).value = 81; // E6: life expectancy on a town row (grey cell)
    health.getCell(7, 4).value = 0.45; // D7: typed as 45%
    health.getCell(7, 4).numFmt = "0%";
    health.getCell(8, 1).value = "310117999"; // unknown town …
    health.getCell(8, 3).value = 5; // … with a value
    health.getCell(9, 1).value = null; // a value without a town code
    health.getCell(9, 3).value = 5;
    safety.getCell(2, 4).value = "renamed_code"; // D2 header
    safety.getCell(4, 4).value = 3;
    safety.getCell(5, 4).value = 4;
    safety.getCell(4, 3).value = 20; // a good value elsewhere
    const details = problemsOf(await uploadWorkbook(workbook, "?year=2030"));
    const find = (sheet: string, cell: string) =>
      details.filter((problem) => `${problem.sheet}!${problem.column}${problem.row}` === `${sheet}!${cell}`);
    expect(find("医疗卫生", "C4")[0]?.message).toMatch(/“n\/a”不是数字/);
    expect(find("医疗卫生", "D5")[0]?.message).toMatch(/150 超出合理范围 0～40/);
    expect(find("医疗卫生", "E6")[0]?.message).toMatch(/只统计全区数据/);
    expect(find("医疗卫生", "D7")[0]?.message).toMatch(/百分比格式/);
    expect(find("医疗卫生", "A8")[0]?.message).toBe("未知的街镇代码“310117999”。");
    expect(find("医疗卫生", "A9")[0]?.message).toBe("这一行填了数值，但没有街镇代码。");
    // An unknown header code is reported once, not once per cell below it.
    expect(find("公共安全与稳定", "D2")).toEqual([
      { sheet: "公共安全与稳定", row: 2, column: "D", message: "未知的指标代码“renamed_code”。" },
    ]);
    expect(details).toHaveLength(7);
    expect(await storedCount(2030)).toBe(0);

    const wrongYear = problemsOf(await uploadWorkbook(workbook, "?year=2031"));
    expect(wrongYear.every((problem) => problem.row === 1 && problem.column === "A")).toBe(true);
    expect(wrongYear[0]?.message).toMatch(/2030年的模板，与上传时选择的2031年不一致/);
  });

  it("lets a department user upload only its own domains' indicators", async () => {
    const own = await upload(
      csv([HEADER, ["family_doctor_contract_rate", JIUTING, 2032, "41"]]),
      "text/csv",
      "?year=2032",
      healthClerk,
    );
    expect(own.statusCode, own.body).toBe(200);

    const mixed = problemsOf(
      await upload(
        csv([
          HEADER,
          ["family_doctor_contract_rate", YUEYANG, 2032, "40"],
          ["childcare_places_per_1k", YUEYANG, 2032, "4"],
        ]),
        "text/csv",
        "?year=2032",
        healthClerk,
      ),
    );
    expect(mixed).toEqual([
      {
        sheet: null,
        row: 3,
        column: "indicator_code",
        message: "您的账号只能填报本部门负责领域的指标，“每千常住人口托位数”属于“教育”领域。",
      },
    ]);
    const stored = await t.database.handle.db
      .select()
      .from(indicatorValues)
      .where(and(eq(indicatorValues.year, 2032), eq(indicatorValues.townCode, YUEYANG)));
    expect(stored).toEqual([]);

    // The full template of an administrator: one problem per other-domain column that has values.
    const { workbook } = await template(2026);
    const refused = problemsOf(await uploadWorkbook(workbook, "", healthClerk));
    expect(refused.every((problem) => problem.row === 2 && problem.sheet !== "医疗卫生")).toBe(true);
    const healthIndicators = DEFAULT_INDICATORS.filter((indicator) => indicator.domain === "health").length;
    expect(refused).toHaveLength(DEFAULT_INDICATORS.length - healthIndicators);
  });

  it("refuses files it cannot read", async () => {
    const json = await t.app.inject({
      method: "POST",
      url: "/api/admin/indicators/values",
      payload: { value: 1 },
      headers: admin.headers,
    });
    expect(json.statusCode).toBe(415);
    const empty = problemsOf(await upload("", "text/csv"));
    expect(empty[0]?.message).toMatch(/空/);
    const columns = problemsOf(
      await upload(
        csv([
          ["indicator_code", "town", "value"],
          ["a", "b", "1"],
        ]),
        "text/csv",
      ),
    );
    expect(columns.map((problem) => problem.column)).toEqual(["town_code", "year"]);
    const nothing = problemsOf(await uploadWorkbook((await template(2033)).workbook));
    expect(nothing[0]?.message).toBe("文件中没有任何指标数值，没有导入。");
    const broken = problemsOf(await upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), XLSX_TYPE));
    expect(broken[0]?.message).toMatch(/已损坏/);
  });
});
