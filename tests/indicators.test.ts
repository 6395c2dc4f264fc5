import { auditLog, towns } from "@survey/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv } from "./fixtures/upload-files";
import { createTestApp, type SignedInUser, signIn, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

/**
 * Catalogue editing and the index endpoint on a tiny hand-worked case: three towns (A, B, C), two domains.
 *
 *   health:    h1 positive threshold L=0 U=50;  h2 negative threshold L=20 U=10;  d1 district-only target T=100
 *   education: e1 positive target T=8;        e2 interval 0 | [40, 60] | 100
 *
 *   2026   h1  h2  e1  e2      scores: h1  h2  e1  e2    health  education  composite
 *   A      25  12   4  50              50  80  50  100     65       75        70
 *   B      60  25  10  20             100   0 100   50     50       75        62.5
 *   C      10  15   6  –               20  50  75   –      35       75        55
 *
 *   A: h2 = (12−20)/(10−20) = 0.8 → 80;  e2 = 50 inside [40, 60] → 100.
 *   B: h1 = 60/50 clamped → 100; h2 = (25−20)/(10−20) < 0 → 0; e1 = 10/8 capped → 100; e2 = (20−0)/(40−0) → 50.
 *   C: h2 = (15−20)/(10−20) = 0.5 → 50; e1 = 6/8 → 75; education is e1 alone (weights renormalised).
 *
 *   Expert weights h1=3, others 1: A health (3·50+80)/4 = 57.5 → composite 66.25;
 *   B health (3·100+0)/4 = 75 → composite 75; C health (3·20+50)/4 = 27.5 → composite 51.25.
 *
 *   2025 (base): A h1=20 h2=14 e1=4 e2=50 → 40, 60, 50, 100 → health 50, education 75, composite 62.5;
 *   B as in 2026; C none. Progress A: (70/62.5 − 1)·100 = 12, +7.5 points; B: 0; C: null.
 *
 *   District 2026: h1 = 30 → 60, d1 = 80 → 80: health 70, education none → composite 70.
 *   District 2025: h1 = 25 → 50, d1 = 80 → 80: health 65 → progress (70/65 − 1)·100 = 7.6923…
 *
 * Entropy weights (p_ij on min–max shares, e_j = −Σ p ln p / ln m), shares by hand, logs with /usr/bin/python3
 * (numpy): h1 r = ((25−10)/50, 1, 0) → e = 0.491715; h2 (negative) r = (1, 0, (25−15)/13) → e = 0.6231646;
 * e1 r = (0, 1, (6−4)/6) → e = 0.5118595; e2 (interval: shares of its scores 100, 50; m = 2) r = (1, 0) → e = 0.
 * Σ(1−e) = 2.3732609 → w = (0.2141716, 0.1587838, 0.2056835, 0.4213612).
 */
describe(`indicator catalogue and index (${testDriver})`, () => {
  let t: TestApp;
  let admin: SignedInUser;
  let office: SignedInUser;
  let staff: SignedInUser;

  const post = (payload: Record<string, unknown>, user = office) =>
    t.app.inject({ method: "POST", url: "/api/admin/indicators", payload, headers: user.headers });
  const patch = (code: string, payload: Record<string, unknown>, user = office) =>
    t.app.inject({ method: "PATCH", url: `/api/admin/indicators/${code}`, payload, headers: user.headers });
  const index = (query: string) =>
    t.app.inject({ method: "GET", url: `/api/admin/indicators/index?${query}`, headers: office.headers });
  const upload = (rows: (string | number)[][]) =>
    t.app.inject({
      method: "POST",
      url: "/api/admin/indicators/values",
      payload: csv([["indicator_code", "town_code", "year", "value"], ...rows]),
      headers: { ...admin.headers, "content-type": "text/csv" },
    });

  const base = { department: "区卫健委", level: "town", unit: "%" };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, "admin");
    office = await signIn(t.app, "office");
    staff = await signIn(t.app, "staff");
    await t.database.handle.db.insert(towns).values([
      { code: "A", name: "甲镇", kind: "town", population: 1000 },
      { code: "B", name: "乙镇", kind: "town", population: 2000 },
      { code: "C", name: "丙街道", kind: "street", population: 3000 },
    ]);
  });
  afterAll(() => t.close());

  it("starts with the domains and no indicators, readable by every role", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/admin/indicators", headers: staff.headers });
    expect(response.statusCode).toBe(200);
    expect(response.json().indicators).toEqual([]);
    expect(response.json().domains).toHaveLength(12);
    expect(response.json().domains[2]).toEqual({ code: "health", name: "医疗卫生" });
  });

  it("creates indicators, with defaults and an audit entry", async () => {
    const created = await post({
      ...base,
      code: "h1",
      name: "指标h1",
      domain: "health",
      direction: "positive",
      lower: 0,
      upper: 50,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({
      code: "h1",
      name: "指标h1",
      domain: "health",
      unit: "%",
      direction: "positive",
      level: "town",
      method: "threshold",
      lower: 0,
      upper: 50,
      target: null,
      intervalLow: null,
      intervalHigh: null,
      minValue: null,
      maxValue: null,
      weight: 1,
      department: "区卫健委",
      planTarget: null,
      townPlanTarget: null,
      planEndYear: null,
      demo: false,
    });
    for (const payload of [
      { code: "h2", domain: "health", direction: "negative", lower: 20, upper: 10 },
      { code: "d1", domain: "health", direction: "positive", method: "target", target: 100, level: "district" },
      {
        code: "e1",
        domain: "education",
        direction: "positive",
        method: "target",
        target: 8,
        minValue: 0,
        maxValue: 50,
      },
      {
        code: "e2",
        domain: "education",
        direction: "interval",
        lower: 0,
        intervalLow: 40,
        intervalHigh: 60,
        upper: 100,
      },
    ]) {
      const response = await post({ ...base, name: `指标${payload.code}`, ...payload });
      expect(response.statusCode, response.body).toBe(201);
    }
    const entries = await t.database.handle.db.select().from(auditLog).where(eq(auditLog.action, "indicator.create"));
    expect(entries.map((entry) => entry.target).sort()).toEqual([
      "indicator:d1",
      "indicator:e1",
      "indicator:e2",
      "indicator:h1",
      "indicator:h2",
    ]);
    const list = await t.app.inject({ method: "GET", url: "/api/admin/indicators", headers: office.headers });
    // Domain order of SPEC §1 (health before education), then code.
    expect(list.json().indicators.map((i: { code: string }) => i.code)).toEqual(["d1", "h1", "h2", "e1", "e2"]);
  });

  it("refuses inconsistent definitions with the reason in Chinese", async () => {
    const cases: [Record<string, unknown>, number, string, RegExp][] = [
      [
        { code: "x1", direction: "positive", lower: 50, upper: 0 },
        422,
        "invalid_indicator",
        /正向指标.*下阈值.*应小于上阈值/,
      ],
      [{ code: "x2", direction: "negative", lower: 0, upper: 50 }, 422, "invalid_indicator", /逆向指标.*应大于/],
      [{ code: "x3", direction: "positive", lower: 0 }, 422, "invalid_indicator", /须设置下阈值和上阈值/],
      [
        { code: "x4", direction: "positive", method: "target", target: 0 },
        422,
        "invalid_indicator",
        /目标值必须为正数/,
      ],
      [{ code: "x5", direction: "interval", method: "target", target: 5 }, 422, "invalid_indicator", /只能使用阈值法/],
      [
        { code: "x6", direction: "positive", lower: 0, upper: 1, minValue: 10, maxValue: 5 },
        422,
        "invalid_indicator",
        /合理取值范围下限应小于上限/,
      ],
      [{ code: "x7", direction: "positive", lower: 0, upper: 1, domain: "happiness" }, 400, "invalid_request", /./],
      [{ code: "X 8", direction: "positive", lower: 0, upper: 1 }, 400, "invalid_request", /./],
      [{ code: "h1", direction: "positive", lower: 0, upper: 1 }, 409, "duplicate_code", /h1/],
    ];
    for (const [payload, status, error, message] of cases) {
      const response = await post({ ...base, name: "坏指标", domain: "health", ...payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.json().error).toBe(error);
      expect(response.json().message).toMatch(message);
    }
    const list = await t.app.inject({ method: "GET", url: "/api/admin/indicators", headers: office.headers });
    expect(list.json().indicators).toHaveLength(5);
  });

  it("edits an indicator and checks the whole definition again", async () => {
    const weight = await patch("h1", { weight: 3, name: "  每千人口医生数  " });
    expect(weight.statusCode).toBe(200);
    expect(weight.json()).toMatchObject({ code: "h1", weight: 3, name: "每千人口医生数", lower: 0, upper: 50 });

    const cleared = await patch("h1", { upper: null });
    expect(cleared.statusCode).toBe(422);
    expect(cleared.json().message).toMatch(/阈值/);
    const flipped = await patch("h2", { direction: "positive" });
    expect(flipped.statusCode).toBe(422);

    expect((await patch("nope", { weight: 2 })).json()).toMatchObject({ error: "unknown_indicator" });
    expect((await patch("nope", { weight: 2 })).statusCode).toBe(404);
    expect((await patch("h1", {})).statusCode).toBe(400);
    expect((await patch("h1", { weight: -1 })).statusCode).toBe(400);
    expect((await patch("h1", { weight: 2 }, staff)).statusCode).toBe(403);
    expect(
      (await post({ ...base, code: "s1", name: "s", domain: "health", direction: "positive" }, staff)).statusCode,
    ).toBe(403);

    const unchanged = await t.app.inject({ method: "GET", url: "/api/admin/indicators", headers: office.headers });
    expect(unchanged.json().indicators.find((i: { code: string }) => i.code === "h1")).toMatchObject({
      weight: 3,
      upper: 50,
    });
  });

  it("uploads the hand-worked values", async () => {
    const response = await upload([
      ["h1", "A", 2026, 25],
      ["h2", "A", 2026, 12],
      ["e1", "A", 2026, 4],
      ["e2", "A", 2026, 50],
      ["h1", "B", 2026, 60],
      ["h2", "B", 2026, 25],
      ["e1", "B", 2026, 10],
      ["e2", "B", 2026, 20],
      ["h1", "C", 2026, 10],
      ["h2", "C", 2026, 15],
      ["e1", "C", 2026, 6],
      ["h1", "district", 2026, 30],
      ["d1", "district", 2026, 80],
      ["h1", "A", 2025, 20],
      ["h2", "A", 2025, 14],
      ["e1", "A", 2025, 4],
      ["e2", "A", 2025, 50],
      ["h1", "B", 2025, 60],
      ["h2", "B", 2025, 25],
      ["e1", "B", 2025, 10],
      ["e2", "B", 2025, 20],
      ["h1", "district", 2025, 25],
      ["d1", "district", 2025, 80],
    ]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ imported: 23, years: [2025, 2026], indicators: 5, units: 4 });
  });

  it("computes scores, domain indices, composite and rank with equal weights", async () => {
    const response = await index("year=2026");
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ year: 2026, weighting: "equal", baseYear: null, comparableAcrossYears: true });
    const [a, b, c] = report.towns;
    expect([a.townCode, b.townCode, c.townCode]).toEqual(["A", "B", "C"]);
    expect(a.townName).toBe("甲镇");
    // Town index: town-level indicators only.
    expect(Object.keys(a.indicatorScores).sort()).toEqual(["e1", "e2", "h1", "h2"]);
    expect(a.indicatorScores.h1).toBeCloseTo(50, 10);
    expect(a.indicatorScores.h2).toBeCloseTo(80, 10);
    expect(a.indicatorScores.e1).toBeCloseTo(50, 10);
    expect(a.indicatorScores.e2).toBeCloseTo(100, 10);
    expect(b.indicatorScores).toEqual({ h1: 100, h2: 0, e1: 100, e2: 50 });
    expect(c.indicatorScores.e2).toBeNull();
    expect(c.missingIndicators).toEqual(["e2"]);
    expect(a.domainIndices.health).toBeCloseTo(65, 10);
    expect(a.domainIndices.education).toBeCloseTo(75, 10);
    expect(b.domainIndices).toEqual({ health: 50, education: 75 });
    expect(c.domainIndices.health).toBeCloseTo(35, 10);
    expect(c.domainIndices.education).toBeCloseTo(75, 10);
    expect([a.composite, b.composite, c.composite].map((v: number) => Number(v.toFixed(10)))).toEqual([70, 62.5, 55]);
    expect([a.rank, b.rank, c.rank]).toEqual([1, 2, 3]);
    expect(a.progress).toBeNull();

    expect(report.district.indicatorScores.h1).toBeCloseTo(60, 10);
    expect(report.district.indicatorScores.d1).toBeCloseTo(80, 10);
    expect(report.district.domainIndices.health).toBeCloseTo(70, 10);
    expect(report.district.domainIndices.education).toBeNull();
    expect(report.district.composite).toBeCloseTo(70, 10);
    expect(report.notes.join("")).toMatch(/全区指数基于已填报全区数值的2项指标/);
  });

  it("uses the catalogue's expert weights", async () => {
    const report = (await index("year=2026&weighting=expert")).json();
    const composites = report.towns.map((town: { composite: number }) => Number(town.composite.toFixed(10)));
    expect(composites).toEqual([66.25, 75, 51.25]);
    expect(report.towns.map((town: { rank: number }) => town.rank)).toEqual([2, 1, 3]);
    expect(report.towns[1].domainIndices.health).toBeCloseTo(75, 10);
    expect(report.indicators.find((i: { code: string }) => i.code === "h1").weight).toBe(3);
  });

  it("computes entropy weights as a sensitivity check, without a district index", async () => {
    const report = (await index("year=2026&weighting=entropy")).json();
    expect(report.comparableAcrossYears).toBe(false);
    const weight = (code: string) => report.indicators.find((i: { code: string }) => i.code === code).weight;
    const entropy = (code: string) => report.indicators.find((i: { code: string }) => i.code === code).entropy;
    expect(entropy("h1")).toBeCloseTo(0.491715, 6);
    expect(entropy("h2")).toBeCloseTo(0.6231646, 6);
    expect(entropy("e1")).toBeCloseTo(0.5118595, 6);
    expect(entropy("e2")).toBeCloseTo(0, 10);
    expect(weight("h1")).toBeCloseTo(0.2141716, 6);
    expect(weight("h2")).toBeCloseTo(0.1587838, 6);
    expect(weight("e1")).toBeCloseTo(0.2056835, 6);
    expect(weight("e2")).toBeCloseTo(0.4213612, 6);
    expect(report.district).toBeNull();
    expect(report.notes.join("")).toMatch(/熵权/);
  });

  it("computes progress and point change against a base year", async () => {
    const report = (await index("year=2026&baseYear=2025")).json();
    expect(report.baseYear).toBe(2025);
    const [a, b, c] = report.towns;
    expect(a.progress.composite.base).toBeCloseTo(62.5, 10);
    expect(a.progress.composite.current).toBeCloseTo(70, 10);
    expect(a.progress.composite.progressIndex).toBeCloseTo(12, 10);
    expect(a.progress.composite.pointChange).toBeCloseTo(7.5, 10);
    expect(a.progress.domains.health.progressIndex).toBeCloseTo(30, 10);
    expect(a.progress.domains.education.pointChange).toBeCloseTo(0, 10);
    expect(b.progress.composite.progressIndex).toBeCloseTo(0, 10);
    expect(c.progress.composite).toEqual({ base: null, current: 55, progressIndex: null, pointChange: null });
    expect(c.progress.indicatorSetChanged.sort()).toEqual(["e1", "h1", "h2"]);
    expect(report.district.progress.progressIndex).toBeCloseTo((70 / 65 - 1) * 100, 10);
  });

  it("refuses progress with entropy weights or min–max indicators, and says why", async () => {
    const entropy = await index("year=2026&weighting=entropy&baseYear=2025");
    expect(entropy.statusCode).toBe(422);
    expect(entropy.json()).toMatchObject({ error: "progress_not_comparable" });
    expect(entropy.json().message).toMatch(/熵权/);

    const created = await post({
      ...base,
      code: "m1",
      name: "相对指标",
      domain: "education",
      direction: "positive",
      method: "minmax",
    });
    expect(created.statusCode).toBe(201);
    const minmax = await index("year=2026&baseYear=2025");
    expect(minmax.statusCode).toBe(422);
    expect(minmax.json().message).toMatch(/极差.*相对指标/);
    // Without a base year the index is still given, marked as not comparable across years.
    const plain = (await index("year=2026")).json();
    expect(plain.comparableAcrossYears).toBe(false);
    expect(plain.towns[0].composite).toBeCloseTo(70, 10);
  });

  it("validates the query and limits the index to analysts", async () => {
    expect((await index("year=26")).statusCode).toBe(400);
    expect((await index("year=2026&weighting=magic")).statusCode).toBe(400);
    const asStaff = await t.app.inject({
      method: "GET",
      url: "/api/admin/indicators/index?year=2026",
      headers: staff.headers,
    });
    expect(asStaff.statusCode).toBe(403);
    const empty = (await index("year=2019")).json();
    expect(
      empty.towns.every((town: { composite: null; rank: null }) => town.composite === null && town.rank === null),
    ).toBe(true);
    expect(empty.notes.join("")).toMatch(/2019年还没有任何街镇的指标数值/);
  });
});
