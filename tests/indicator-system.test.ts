import type { IndicatorForecast, IndicatorWarning } from "@survey/contract";
import { auditLog, towns } from "@survey/db";
import { inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv, XLSX_TYPE, xlsx } from "./fixtures/upload-files";
import { createTestApp, type SignedInUser, signIn, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

/**
 * Early warning, forecast, sibling districts, recommendations and submissions (issue 24, STATISTICS §8) on a
 * constructed case: towns A and B, four indicators.
 *
 *   pos   positive, town level, district target 100, town target 90     (区卫健委, health)
 *   neg   negative, town level, target 4                                (区教育局, education)
 *   band  interval [70, 90], thresholds 40 | 100                         (区民政局, social_security)
 *   dist  positive, district only, target 50                             (区统计局, employment_income)
 *
 *   2026 statuses (接近 = within 5 % of the target):
 *   pos   A 90 met (town target 90) · B 85.5 near (90·0.95) · district 87.4 missed (< 95)
 *   neg   A 3.9 met · B 4.3 missed (> 4.2) · district 4.2 near
 *   band  A 66.5 near (70 − 3.5) · B 95 missed (> 94.5)
 *   dist  district 50 met
 *   恶化: pos B 89 → 87 → 85.5 (shortfall 1 → 3 → 4.5); neg B 4.1 → 4.4 → 4.3 is not (it recovered in 2026).
 *
 * Forecast references, R 4.x (Debian r-base-core):
 *   predict(lm(value ~ year), data.frame(year = c(2027, 2030)), interval = "prediction")
 *   neg A: 2020–2026 4.8 4.6 4.7 4.3 4.1 4.2 3.9
 *     2027 3.7857142857143913 [3.3764590988862979, 4.1949694725424846]
 *     2030 3.346428571428703  [2.8147904887932045, 3.8780666540642015]
 *   pos district: 2021–2026 82.5 84.1 83.0 86.2 88.9 87.4
 *     2030 93.168571428570885 [86.015216688704342, 100.32192616843743]
 */
const R_NEG_A: Record<2027 | 2030, [number, number, number]> = {
  2027: [3.7857142857143913, 3.3764590988862979, 4.1949694725424846],
  2030: [3.346428571428703, 2.8147904887932045, 3.8780666540642015],
};
const R_POS_DISTRICT_2030: [number, number, number] = [93.168571428570885, 86.015216688704342, 100.32192616843743];

const VALUES: [string, string, number, number][] = [
  ...[82.5, 84.1, 83.0, 86.2, 88.9, 87.4].map((v, k): [string, string, number, number] => [
    "pos",
    "district",
    2021 + k,
    v,
  ]),
  ["pos", "A", 2026, 90],
  ["pos", "B", 2024, 89],
  ["pos", "B", 2025, 87],
  ["pos", "B", 2026, 85.5],
  ...[4.8, 4.6, 4.7, 4.3, 4.1, 4.2, 3.9].map((v, k): [string, string, number, number] => ["neg", "A", 2020 + k, v]),
  ["neg", "B", 2024, 4.1],
  ["neg", "B", 2025, 4.4],
  ["neg", "B", 2026, 4.3],
  ["neg", "district", 2026, 4.2],
  ["band", "A", 2026, 66.5],
  ["band", "B", 2026, 95],
];

describe(`indicator system: warnings, forecast, siblings, recommendations (${testDriver})`, () => {
  const clock = new TestClock(new Date("2026-11-20T02:00:00Z"));
  let t: TestApp;
  let admin: SignedInUser;
  let office: SignedInUser;
  let healthClerk: SignedInUser;
  let educationClerk: SignedInUser;
  let staffA: SignedInUser;
  let staffB: SignedInUser;

  const get = (url: string, user = office) => t.app.inject({ method: "GET", url, headers: user.headers });
  const send = (method: "POST" | "PUT", url: string, payload: unknown, user = office) =>
    t.app.inject({ method, url, payload: payload as Record<string, unknown>, headers: user.headers });
  const upload = (rows: (string | number)[][], user = admin) =>
    t.app.inject({
      method: "POST",
      url: "/api/admin/indicators/values",
      payload: csv([["indicator_code", "town_code", "year", "value"], ...rows]),
      headers: { ...user.headers, "content-type": "text/csv" },
    });

  beforeAll(async () => {
    t = await createTestApp({ now: clock.now });
    admin = await signIn(t.app, "admin");
    office = await signIn(t.app, "office");
    healthClerk = await signIn(t.app, "department", { domains: ["health"] });
    educationClerk = await signIn(t.app, "department", { domains: ["education"] });
    staffA = await signIn(t.app, "staff", { townCodes: ["A"] });
    staffB = await signIn(t.app, "staff", { townCodes: ["B"] });
    await t.database.handle.db.insert(towns).values([
      { code: "A", name: "甲镇", kind: "town", population: 1000 },
      { code: "B", name: "乙镇", kind: "town", population: 2000 },
    ]);
    const common = { level: "town", unit: "%" };
    for (const indicator of [
      {
        ...common,
        code: "pos",
        name: "正向指标",
        domain: "health",
        department: "区卫健委",
        direction: "positive",
        lower: 50,
        upper: 100,
        planTarget: 100,
        townPlanTarget: 90,
        planEndYear: 2030,
      },
      {
        ...common,
        code: "neg",
        name: "逆向指标",
        domain: "education",
        department: "区教育局",
        direction: "negative",
        lower: 10,
        upper: 2,
        planTarget: 4,
      },
      {
        ...common,
        code: "band",
        name: "区间指标",
        domain: "social_security",
        department: "区民政局",
        direction: "interval",
        lower: 40,
        intervalLow: 70,
        intervalHigh: 90,
        upper: 100,
      },
      {
        ...common,
        code: "dist",
        name: "全区指标",
        domain: "employment_income",
        department: "区统计局",
        direction: "positive",
        level: "district",
        lower: 0,
        upper: 100,
        planTarget: 50,
      },
    ]) {
      const created = await send("POST", "/api/admin/indicators", indicator);
      expect(created.statusCode, created.body).toBe(201);
    }
    // The district-only figure came in early (1 May), everything else later (20 November).
    clock.set(new Date("2026-05-01T02:00:00Z"));
    const early = await upload([["dist", "district", 2026, 50]]);
    expect(early.statusCode, early.body).toBe(200);
    clock.set(new Date("2026-11-20T02:00:00Z"));
    const loaded = await upload(VALUES.map(([code, unit, year, value]) => [code, unit, year, value]));
    expect(loaded.statusCode, loaded.body).toBe(200);
  });
  afterAll(() => t.close());

  const find = <T extends { indicatorCode: string; townCode: string | null }>(
    items: T[],
    code: string,
    town: string | null,
  ): T => {
    const item = items.find((candidate) => candidate.indicatorCode === code && candidate.townCode === town);
    if (!item) throw new Error(`no ${code} for ${town}`);
    return item;
  };

  it("gives each value its status against the plan target, direction-aware, and flags two years of worsening", async () => {
    const response = await get("/api/admin/indicators/warnings?year=2026");
    expect(response.statusCode, response.body).toBe(200);
    const items: IndicatorWarning[] = response.json();
    const status = (code: string, town: string | null) => find(items, code, town)?.status;
    expect([status("pos", "A"), status("pos", "B"), status("pos", null)]).toEqual(["met", "near", "missed"]);
    expect([status("neg", "A"), status("neg", "B"), status("neg", null)]).toEqual(["met", "missed", "near"]);
    expect([status("band", "A"), status("band", "B")]).toEqual(["near", "missed"]);
    expect(status("dist", null)).toBe("met");
    expect(find(items, "pos", "A")).toMatchObject({ target: 90, townName: "甲镇", department: "区卫健委" });
    expect(find(items, "pos", null)).toMatchObject({ target: 100, townName: "全区" });
    expect(find(items, "band", "B")).toMatchObject({ target: null, targetLow: 70, targetHigh: 90 });
    expect(items.filter((item) => item.worsening).map((item) => `${item.indicatorCode}:${item.townCode}`)).toEqual([
      "pos:B",
    ]);
    expect(find(items, "pos", "B")?.previous).toEqual([
      { year: 2024, value: 89 },
      { year: 2025, value: 87 },
    ]);
  });

  it("filters warnings by domain, department and town", async () => {
    const byDomain = (await get("/api/admin/indicators/warnings?year=2026&domain=education")).json();
    expect(new Set(byDomain.map((i: { indicatorCode: string }) => i.indicatorCode))).toEqual(new Set(["neg"]));
    const byDepartment = (
      await get(`/api/admin/indicators/warnings?year=2026&department=${encodeURIComponent("区民政局")}`)
    ).json();
    expect(byDepartment.map((i: { townCode: string }) => i.townCode)).toEqual(["A", "B"]);
    const byTown = (await get("/api/admin/indicators/warnings?year=2026&town=B")).json();
    expect(byTown.every((i: { townCode: string }) => i.townCode === "B")).toBe(true);
    expect(byTown).toHaveLength(3);
  });

  it("shows a department only its own indicators' warnings, and town staff only their towns", async () => {
    const health = (await get("/api/admin/indicators/warnings?year=2026", healthClerk)).json();
    expect(new Set(health.map((i: { indicatorCode: string }) => i.indicatorCode))).toEqual(new Set(["pos"]));
    const staff = (await get("/api/admin/indicators/warnings?year=2026", staffA)).json();
    expect(new Set(staff.map((i: { townCode: string | null }) => i.townCode))).toEqual(new Set(["A", null]));
  });

  it("shows a department the indices of its own domains only", async () => {
    const response = await get("/api/admin/indicators/index?year=2026", healthClerk);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.domains.map((domain: { code: string }) => domain.code)).toEqual(["health"]);
    expect(report.indicators.map((indicator: { code: string }) => indicator.code)).toEqual(["pos"]);
    const townA = report.towns.find((town: { townCode: string }) => town.townCode === "A");
    // pos A 90 on thresholds 50 → 100: 80 points.
    expect(townA.indicatorScores).toEqual({ pos: 80 });
    expect(Object.keys(townA.domainIndices)).toEqual(["health"]);
    const whole = (await get("/api/admin/indicators/index?year=2026")).json();
    expect(whole.domains.length).toBeGreaterThan(1);
    expect((await get("/api/admin/indicators/index?year=2026", staffA)).statusCode).toBe(403);
  });

  it("forecasts to the plan's end year with R's prediction interval, and says when the target is reached", async () => {
    const response = await get("/api/admin/indicators/forecast?year=2026");
    expect(response.statusCode, response.body).toBe(200);
    const items: IndicatorForecast[] = response.json();
    const negA = find(items, "neg", "A");
    expect(negA.endYear).toBe(2030);
    for (const [year, [fit, low, high]] of Object.entries(R_NEG_A)) {
      const point = negA.path.find((p) => p.year === Number(year));
      expect(Math.abs((point?.fit ?? Number.NaN) - fit)).toBeLessThan(1e-9);
      expect(Math.abs((point?.low ?? Number.NaN) - low)).toBeLessThan(1e-9);
      expect(Math.abs((point?.high ?? Number.NaN) - high)).toBeLessThan(1e-9);
    }
    expect(Math.abs((negA.projected ?? Number.NaN) - R_NEG_A[2030][0])).toBeLessThan(1e-9);
    // The trend is already below 4 in 2026.
    expect(negA.reachesTargetIn).toBe(2026);

    const posDistrict = find(items, "pos", null);
    const [fit, low, high] = R_POS_DISTRICT_2030;
    expect(Math.abs((posDistrict.projected ?? Number.NaN) - fit)).toBeLessThan(1e-9);
    expect(Math.abs((posDistrict.low ?? Number.NaN) - low)).toBeLessThan(1e-9);
    expect(Math.abs((posDistrict.high ?? Number.NaN) - high)).toBeLessThan(1e-9);
    expect(posDistrict.reachesTargetIn).toBeNull();
    expect(posDistrict.summary).toContain("到期末达不到目标");

    // Fewer than three years: no forecast, said so.
    const posA = find(items, "pos", "A");
    expect(posA).toMatchObject({ projected: null, reachesTargetIn: null, path: [] });
    expect(posA.summary).toContain("至少需要3年");

    // A later end year asked for: the same line projected further.
    const later = (
      await get("/api/admin/indicators/forecast?year=2026&endYear=2040&indicator=pos&town=district")
    ).json();
    expect(later).toHaveLength(1);
    expect(later[0].reachesTargetIn).toBe(2036);
  });

  it("imports sibling districts' values with row-level validation, all or nothing", async () => {
    const header = ["district_code", "district_name", "indicator_code", "year", "value"];
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/admin/benchmarks/import",
      payload: csv([
        header,
        ["minhang", "闵行区", "neg", 2026, 3], // 2: good
        ["minhang", "闵行区", "nope", 2026, 3], // 3: unknown indicator
        ["jiading", "嘉定区", "neg", 2026, "三"], // 4: not a number
        ["jiading", "嘉定区", "neg", "26", 5], // 5: bad year
        ["minhang", "闵行区", "neg", 2026, 3.5], // 6: duplicate of row 2
        ["minhang", "闵行", "pos", 2026, 80], // 7: another name for minhang
        ["district", "本区", "pos", 2026, 80], // 8: our own code
      ]),
      headers: { ...office.headers, "content-type": "text/csv" },
    });
    expect(bad.statusCode).toBe(422);
    const details = bad.json().details as { row: number; column: string }[];
    expect(details.map((d) => [d.row, d.column])).toEqual([
      [3, "indicator_code"],
      [4, "value"],
      [5, "year"],
      [6, "value"],
      [7, "district_name"],
      [8, "district_code"],
    ]);
    expect((await get("/api/admin/benchmarks?year=2026")).json().districts).toEqual([]);

    const good = await t.app.inject({
      method: "POST",
      url: "/api/admin/benchmarks/import",
      payload: await xlsx([
        header,
        ["minhang", "闵行区", "neg", 2026, 3],
        ["minhang", "闵行区", "pos", 2026, 95],
        ["minhang", "闵行区", "dist", 2026, 40],
        ["jiading", "嘉定区", "neg", 2026, 5],
        ["jiading", "嘉定区", "pos", 2026, 80],
        ["jiading", "嘉定区", "dist", 2026, 70],
      ]),
      headers: { ...office.headers, "content-type": XLSX_TYPE },
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ districts: 2, values: 6 });
    expect((await get("/api/admin/benchmarks/import", healthClerk)).statusCode).toBe(404);
    const forbidden = await t.app.inject({
      method: "POST",
      url: "/api/admin/benchmarks/import",
      payload: csv([header, ["x", "某区", "neg", 2026, 1]]),
      headers: { ...healthClerk.headers, "content-type": "text/csv" },
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it("ranks the district among its siblings by each indicator's direction, and by domain and composite", async () => {
    const report = (await get("/api/admin/benchmarks?year=2026")).json();
    expect(report.districts.map((d: { name: string }) => d.name)).toEqual(["嘉定区", "闵行区"]);
    const indicator = (code: string) => report.indicators.find((i: { code: string }) => i.code === code);
    // neg (less is better): minhang 3, ours 4.2, jiading 5 → 2nd; gap to their mean 4 is +0.2 (behind).
    expect(indicator("neg")).toMatchObject({ own: 4.2, rank: 2, of: 3, ahead: false });
    expect(indicator("neg").gap).toBeCloseTo(0.2, 12);
    // pos (more is better): minhang 95, ours 87.4, jiading 80 → 2nd; dist: 70, ours 50, 40 → 2nd.
    expect(indicator("pos")).toMatchObject({ own: 87.4, rank: 2, othersMean: 87.5 });
    expect(indicator("dist")).toMatchObject({ own: 50, rank: 2, othersMean: 55, gap: -5, ahead: false });
    // Domains on the district's own thresholds: education neg (10 → 0, 2 → 100): ours (10−4.2)/8 = 72.5.
    const education = report.domains.find((d: { code: string }) => d.code === "education");
    expect(education.scores.district).toBeCloseTo(72.5, 10);
    expect(education).toMatchObject({ rank: 2, of: 3 });
    expect(report.composite.rank).toEqual(expect.any(Number));
  });

  it("lets the office draft a recommendation from a warning, which only its department answers", async () => {
    const draft = {
      title: "提高乙镇正向指标",
      body: "乙镇连续两年下降，请区卫健委制定措施。",
      basis: { kind: "warning", indicatorCode: "pos", townCode: "B", year: 2026 },
      addressee: { department: "区卫健委" },
      dueDate: "2027-03-31",
    };
    const created = await send("POST", "/api/admin/recommendations", draft);
    expect(created.statusCode, created.body).toBe(201);
    const recommendation = created.json();
    expect(recommendation).toMatchObject({
      basisLabel: "2026年 乙镇 正向指标（预警）",
      addresseeName: "区卫健委",
      status: "open",
      overdue: false,
      nextYear: 2027,
      figures: [{ before: 85.5, after: null, improved: null }],
    });
    expect((await send("POST", "/api/admin/recommendations", draft, healthClerk)).statusCode).toBe(403);
    const bad = await send("POST", "/api/admin/recommendations", { ...draft, addressee: { department: "区外星局" } });
    expect(bad.statusCode).toBe(422);

    // The education clerk neither sees nor answers it; the health clerk does.
    expect((await get("/api/admin/recommendations", educationClerk)).json()).toEqual([]);
    const path = `/api/admin/recommendations/${recommendation.id}/response`;
    const answer = { status: "in_progress", measures: "新增家庭医生团队 12 个。" };
    expect((await send("PUT", path, answer, educationClerk)).statusCode).toBe(404);
    expect((await send("PUT", path, answer, office)).statusCode).toBe(403);
    const answered = await send("PUT", path, answer, healthClerk);
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({
      status: "in_progress",
      measures: "新增家庭医生团队 12 个。",
      canRespond: true,
    });

    const [audit] = await t.database.handle.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.action, ["recommendation.respond"]));
    expect(audit?.details).toMatchObject({ before: { status: "open" }, after: { status: "in_progress" } });
  });

  it("addresses a town's staff, marks overdue ones, and shows next year's figure of the basis", async () => {
    const created = await send("POST", "/api/admin/recommendations", {
      title: "乙镇区间指标回到合理区间",
      body: "请乙镇调整。",
      basis: { kind: "forecast", indicatorCode: "band", townCode: "B", year: 2026 },
      addressee: { townCode: "B" },
      dueDate: "2026-10-31",
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ overdue: true, addresseeName: "乙镇" });
    const path = `/api/admin/recommendations/${created.json().id}/response`;
    expect((await send("PUT", path, { status: "done", measures: "已调整" }, staffA)).statusCode).toBe(404);
    const done = await send("PUT", path, { status: "done", measures: "已调整" }, staffB);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().overdue).toBe(false);

    // 2027 figures arrive: pos B 88 (shortfall 4.5 → 2, improved), band B 97 (further outside, not improved).
    expect(
      (
        await upload([
          ["pos", "B", 2027, 88],
          ["band", "B", 2027, 97],
        ])
      ).statusCode,
    ).toBe(200);
    const list = (await get("/api/admin/recommendations")).json();
    const byTitle = (title: string) => list.find((r: { title: string }) => r.title === title);
    expect(byTitle("提高乙镇正向指标").figures[0]).toMatchObject({ before: 85.5, after: 88, improved: true });
    expect(byTitle("乙镇区间指标回到合理区间").figures[0]).toMatchObject({ before: 95, after: 97, improved: false });

    const workbook = await get("/api/admin/recommendations.xlsx");
    expect(workbook.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("整改建议");
    expect(sheet?.rowCount).toBe(3);
    const rowOf = (title: string) => sheet?.getRows(2, 2)?.find((row) => row.getCell(2).value === title);
    expect(rowOf("提高乙镇正向指标")?.getCell(12).value).toBe(88);
    expect(rowOf("提高乙镇正向指标")?.getCell(13).value).toBe("改善");
  });

  it("shows which departments have submitted the year's values, which are missing or late, and every change", async () => {
    const before = (await get("/api/admin/indicators/submissions?year=2026")).json();
    expect(before.dueDate).toBe("2027-03-31");
    const of = (report: { departments: { department: string }[] }, name: string) =>
      report.departments.find((d) => d.department === name);
    // band: A and B but no district figure → partial; the others complete (pos, neg: 2 towns + district).
    expect(of(before, "区民政局")).toMatchObject({ expected: 3, submitted: 2, status: "partial", late: false });
    expect(of(before, "区卫健委")).toMatchObject({ expected: 3, submitted: 3, status: "complete", late: false });
    expect(before.departments[0].department).toBe("区民政局");

    const moved = await send("PUT", "/api/admin/indicators/submissions/deadline", {
      year: 2026,
      dueDate: "2026-06-30",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = moved.json();
    expect(of(after, "区统计局")).toMatchObject({ status: "complete", late: false });
    expect(of(after, "区卫健委")).toMatchObject({ status: "complete", late: true });
    expect(of(after, "区民政局")).toMatchObject({ status: "partial", late: true });
    expect((await get("/api/admin/indicators/submissions?year=2026", healthClerk)).statusCode).toBe(403);

    // A correction by the health clerk: who, when, old → new.
    clock.set(new Date("2026-11-20T02:20:00Z"));
    expect((await upload([["pos", "A", 2026, 91]], healthClerk)).statusCode).toBe(200);
    const changes = (await get("/api/admin/indicators/submissions?year=2026")).json().changes;
    expect(changes).toEqual([
      {
        indicatorCode: "pos",
        indicatorName: "正向指标",
        department: "区卫健委",
        townCode: "A",
        townName: "甲镇",
        year: 2026,
        oldValue: 90,
        newValue: 91,
        changedAt: "2026-11-20T02:20:00.000Z",
        changedBy: "测试department",
      },
    ]);
  });
});
