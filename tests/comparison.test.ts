import { communities, questionnaires, responseItems, responses, waves } from "@survey/db";
import { buildScoringMap } from "@survey/questionnaire";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildResponseCodes } from "../apps/api/src/modules/analysis/data/response-codes";
import { DEMO_TOWNS } from "../apps/api/src/seed/demo-frame";
import { csv } from "./fixtures/upload-files";
import { createTestApp, type SignedInUser, signIn, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

/**
 * A constructed data set for 2030 (no demo values that year) on the first nine demo towns T1…T9 (by code).
 *
 * Satisfaction: T1…T8 get two respondents each; every health item carries the respondent's health code, every
 * other item code 3. Health satisfaction per town = mean of (code − 1)·25 over the two:
 *   T1 (4,5) 87.5  T2 (4,4) 75  T3 (3,4) 62.5  T4 (3,4) 62.5  T5 (3,3) 50  T6 (2,3) 37.5  T7 (2,2) 25  T8 (1,2) 12.5
 * T9 has no responses. Objective: only health_workers_per_1k (threshold 3 → 0, 8 → 100) is supplied, so the health
 * index is its score (v − 3)·20:
 *   T1 6.5 → 70  T2 7.5 → 90  T3 4.5 → 30  T4 6 → 60  T5 4 → 20  T6 5.5 → 50  T7 7 → 80  T8 3.5 → 10  T9 7 → 80
 *
 * Reference (ties in satisfaction, so R and scipy both use the t / normal approximations):
 *   /usr/bin/python3 -c "from scipy.stats import spearmanr, kendalltau, hypergeom;
 *     s=[87.5,75,62.5,62.5,50,37.5,25,12.5]; o=[70,90,30,60,20,50,80,10];
 *     print(spearmanr(s,o)); print(kendalltau(s,o)); print(hypergeom.sf(4,8,6,5))"
 *   → ρ = 0.5030030300035688, p = 0.203876682008432; τ_b = 0.40006613209931935, p = 0.17023995462900499;
 *     P(overlap ≥ 5) = 0.10714285714285714 (scipy 1.10.1)
 *
 * By hand: means 412.5/8 = 51.5625 and 410/8 = 51.25; satisfaction ranks 1 2 3 3 5 6 7 8, objective ranks
 * 3 1 6 4 7 5 2 8 → T7 differs by 5 places (flagged). Bottom 5 by satisfaction (ties at 62.5 included):
 * T3–T8; by objective: T8 T5 T3 T6 T4 → overlap T3 T4 T5 T6 T8.
 */
const HEALTH_CODES: [number, number][] = [
  [4, 5],
  [4, 4],
  [3, 4],
  [3, 4],
  [3, 3],
  [2, 3],
  [2, 2],
  [1, 2],
];
const WORKERS_PER_1K = [6.5, 7.5, 4.5, 6, 4, 5.5, 7, 3.5, 7];
const TOWNS = [...DEMO_TOWNS].sort((a, b) => a.code.localeCompare(b.code)).slice(0, 9);
const code = (k: number) => TOWNS[k]?.code as string;
const name = (k: number) => TOWNS[k]?.name as string;

describe(`subjective against objective (${testDriver})`, () => {
  let t: TestApp;
  let office: SignedInUser;
  let waveId: number;

  const get = (path: string, user = office) =>
    t.app.inject({ method: "GET", url: `/api/admin/waves/${waveId}${path}`, headers: user.headers });

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true, now: new TestClock(new Date("2026-11-20T02:00:00Z")).now });
    office = await signIn(t.app, "office");
    const db = t.database.handle.db;
    const [wave] = await db.select().from(waves).where(eq(waves.code, "SJ-2026"));
    if (!wave?.questionnaireId) throw new Error("demo wave missing");
    waveId = wave.id;
    expect((await get("/comparison?domain=health")).json()).toMatchObject({ error: "no_results" });

    const [questionnaire] = await db.select().from(questionnaires).where(eq(questionnaires.id, wave.questionnaireId));
    const scoring = buildScoringMap(questionnaire?.definition);
    expect(scoring.items.filter((item) => item.domain === "health").length).toBeGreaterThan(1);
    let receipt = 0;
    for (const [k, codes] of HEALTH_CODES.entries()) {
      const [community] = await db
        .select()
        .from(communities)
        .where(eq(communities.townCode, code(k)))
        .orderBy(asc(communities.code));
      for (const healthCode of codes) {
        receipt += 1;
        const [response] = await db
          .insert(responses)
          .values({
            waveId,
            questionnaireId: wave.questionnaireId,
            communityCode: community?.code as string,
            townCode: code(k),
            mode: "online",
            counted: true,
            receiptCode: `CMP-${receipt}`,
            answers: {},
            submittedAt: new Date("2026-10-01T02:00:00Z"),
          })
          .returning({ id: responses.id });
        await db.insert(responseItems).values(
          scoring.items.map((item) => {
            const answer = item.domain === "health" ? healthCode : 3;
            return {
              responseId: response?.id as string,
              waveId,
              townCode: code(k),
              question: item.name,
              dimension: item.dimension,
              domain: item.domain,
              code: answer,
              score: (answer - 1) * 25,
              counted: true,
            };
          }),
        );
      }
    }
    // Items written straight into response_items: their per-response code rows follow.
    await rebuildResponseCodes(db, waveId);
    const upload = await t.app.inject({
      method: "POST",
      url: "/api/admin/indicators/values?year=2030",
      payload: csv([
        ["indicator_code", "town_code", "year", "value"],
        ...WORKERS_PER_1K.map((value, k) => ["health_workers_per_1k", code(k), 2030, value]),
      ]),
      headers: { ...office.headers, "content-type": "text/csv" },
    });
    expect(upload.statusCode, upload.body).toBe(200);
  });
  afterAll(() => t.close());

  it("puts each town's health satisfaction (with CI) beside its objective health index", async () => {
    const response = await get("/comparison?domain=health&year=2030");
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({
      wave: { id: waveId, code: "SJ-2026" },
      year: 2030,
      domain: { code: "health", name: "医疗卫生" },
      satisfactionWeighting: "design",
      objectiveWeighting: "equal",
      n: 8,
    });
    const town = (k: number) => report.towns.find((row: { townCode: string }) => row.townCode === code(k));
    HEALTH_CODES.forEach(([a, b], k) => {
      expect(town(k).satisfaction).toBeCloseTo(((a - 1) * 25 + (b - 1) * 25) / 2, 8);
      expect(town(k).objective).toBeCloseTo((WORKERS_PER_1K[k] as number) * 20 - 60, 8);
      expect(town(k).satisfactionCi[0]).toBeLessThanOrEqual(town(k).satisfaction);
      expect(town(k).satisfactionCi[1]).toBeGreaterThanOrEqual(town(k).satisfaction);
      expect(town(k).townName).toBe(name(k));
    });
    expect(town(8)).toMatchObject({ satisfaction: null, satisfactionCi: null });
    expect(town(8).objective).toBeCloseTo(80, 8);
    expect(report.excluded).toContain(code(8));
    expect(report.excluded).toHaveLength(17 - 8);
  });

  it("gives Spearman ρ and Kendall τ_b with the p-values of scipy", async () => {
    const report = (await get("/comparison?domain=health&year=2030")).json();
    expect(report.spearman.value).toBeCloseTo(0.5030030300035688, 12);
    expect(report.spearman.pValue).toBeCloseTo(0.203876682008432, 10);
    expect(report.spearman).toMatchObject({ n: 8, ties: true, pValueMethod: "t-approximation" });
    expect(report.kendall.value).toBeCloseTo(0.40006613209931935, 12);
    expect(report.kendall.pValue).toBeCloseTo(0.17023995462900499, 10);
    expect(report.kendall.pValueMethod).toBe("normal-approximation");
    expect(report.reading).toEqual({ level: "moderate", label: "中度一致", opposite: false });
  });

  it("builds the rank table, quadrants, shared weaknesses and disagreements", async () => {
    const report = (await get("/comparison?domain=health&year=2030")).json();
    expect(report.means.satisfaction).toBeCloseTo(51.5625, 10);
    expect(report.means.objective).toBeCloseTo(51.25, 10);
    const ranks = Object.fromEntries(
      report.rankTable.map((row: { townCode: string; satisfactionRank: number; objectiveRank: number }) => [
        row.townCode,
        [row.satisfactionRank, row.objectiveRank],
      ]),
    );
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((k) => ranks[code(k)])).toEqual([
      [1, 3],
      [2, 1],
      [3, 6],
      [3, 4],
      [5, 7],
      [6, 5],
      [7, 2],
      [8, 8],
    ]);
    expect(
      report.rankTable
        .filter((row: { flagged: boolean }) => row.flagged)
        .map((row: { townCode: string }) => row.townCode),
    ).toEqual([code(6)]);
    expect(report.disagreements).toHaveLength(1);
    expect(report.disagreements[0]).toMatchObject({ townCode: code(6), townName: name(6), difference: 5 });
    expect(report.disagreements[0].explanation).toMatch(/明显低于客观指标/);

    const quadrant = Object.fromEntries(
      report.quadrants.map((row: { townCode: string; quadrant: string }) => [row.townCode, row.quadrant]),
    );
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((k) => quadrant[code(k)])).toEqual([
      "strength",
      "strength",
      "satisfaction_high_objective_low",
      "strength",
      "shared_weakness",
      "shared_weakness",
      "objective_high_satisfaction_low",
      "shared_weakness",
    ]);
    expect(report.quadrantLabels.shared_weakness).toMatch(/^共同短板/);

    const weak = report.consensusWeaknesses;
    expect(weak.k).toBe(5);
    expect(weak.satisfactionBottom.sort()).toEqual([2, 3, 4, 5, 6, 7].map(code).sort());
    expect(weak.objectiveBottom.sort()).toEqual([2, 3, 4, 5, 7].map(code).sort());
    expect(weak.overlap.map((row: { townCode: string }) => row.townCode).sort()).toEqual(
      [2, 3, 4, 5, 7].map(code).sort(),
    );
    expect(weak.probability).toBeCloseTo(0.10714285714285714, 12);
    expect(weak.expectedByChance).toBeCloseTo((6 * 5) / 8, 12);
    expect(weak.bothLow.map((row: { townCode: string }) => row.townCode).sort()).toEqual([4, 5, 7].map(code).sort());
  });

  it("reads the result in plain Chinese with the exact p in a footnote", async () => {
    const { summary } = (await get("/comparison?domain=health&year=2030")).json();
    expect(summary.sentence).toMatch(
      /^在“医疗卫生”领域，8个街镇的居民满意度排名与客观指标排名中度一致（ρ = 0\.50¹），但统计上尚不显著/,
    );
    expect(summary.sentence).toContain(`满意度与客观指标均排在后5位的有5个街镇（`);
    for (const k of [2, 3, 4, 5, 7]) expect(summary.sentence).toContain(name(k));
    expect(summary.sentence).toContain(`${name(6)}（满意度第7、客观第2）`);
    expect(summary.footnote).toContain("ρ = 0.5030");
    expect(summary.footnote).toContain("p = 0.2039");
    expect(summary.footnote).toContain("τ_b = 0.4001");
    expect(summary.footnote).toContain("p = 0.1702");
  });

  it("gives every domain's ρ and reading in the overview, or why there is none", async () => {
    const response = await get("/comparison/overview?year=2030");
    expect(response.statusCode, response.body).toBe(200);
    const overview = response.json();
    expect(overview.domains).toHaveLength(13);
    const health = overview.domains.find((d: { code: string }) => d.code === "health");
    expect(health.rho).toBeCloseTo(0.5030030300035688, 12);
    expect(health).toMatchObject({ name: "医疗卫生", n: 8, reading: "中度一致", reason: null });
    expect(health.sharedWeaknesses.sort()).toEqual([2, 3, 4, 5, 7].map(name).sort());
    const education = overview.domains.find((d: { code: string }) => d.code === "education");
    expect(education).toMatchObject({
      rho: null,
      reading: null,
      reason: "2030年没有“教育”领域的街镇指标数值，无法比较。",
    });
    // Overall: the overall score against the composite (here the health index alone), on the same 8 towns.
    const overall = overview.domains.at(-1);
    expect(overall).toMatchObject({ code: "overall", name: "总体", n: 8, reason: null });

    const unavailable = await get("/comparison?domain=education&year=2030");
    expect(unavailable.statusCode).toBe(422);
    expect(unavailable.json()).toMatchObject({ error: "comparison_unavailable", domain: "education" });
    expect((await get("/comparison?domain=happiness")).statusCode).toBe(400);
    // Default year: the wave's (2026), where the demo values cover every town.
    const current = (await get("/comparison")).json();
    expect(current).toMatchObject({ year: 2026, domain: { code: "overall", name: "总体" }, n: 8 });
  });

  it("prints an A4 ranking bulletin with every town, in tiers, and the shared weaknesses", async () => {
    const response = await get("/bulletin?year=2030");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    const html = response.body;
    expect(html).toContain("@page { size: A4 portrait");
    expect(html).toContain("2026年松江区民生满意度调查");
    expect(html).toContain("2026年11月20日");
    for (const town of DEMO_TOWNS) expect(html, town.name).toContain(town.name);
    expect(html).toMatch(/第.梯队/);
    expect(html).toContain("主客观一致的短板");
    expect(html).toMatch(new RegExp(`<b>医疗卫生：</b>[^<]*${name(7)}`));
    expect(html).toContain("有效问卷不足、未参加排名");
    expect(html).toContain("职能部门报送的1项街镇指标的2030年数值");
    expect(html).toContain("（演示数据，非正式统计结果）");
  });

  it("says in the bulletin, the results and the comparison which towns are still below their sample target", async () => {
    // T1 is given a target of 2, which its two responses meet; T2…T8 have 2 of 200.
    const admin = await signIn(t.app, "admin");
    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/waves/${waveId}`,
      headers: admin.headers,
      payload: { townTargets: { [code(0)]: 2 }, reason: "测试：T1 只需 2 份" },
    });
    expect(patched.statusCode, patched.body).toBe(200);

    const results = (await get("/results")).json() as {
      towns: { code: string; belowTarget: boolean; target: number }[];
    };
    expect(results.towns.find((town) => town.code === code(0))).toMatchObject({ belowTarget: false, target: 2 });
    expect(results.towns.find((town) => town.code === code(1))).toMatchObject({ belowTarget: true, target: 200 });
    const report = (await get("/comparison?domain=health&year=2030")).json();
    expect(report.belowTarget).toHaveLength(7);
    expect(report.belowTarget).toContainEqual({ townCode: code(1), townName: name(1), n: 2, target: 200 });
    expect(report.belowTarget.some((town: { townCode: string }) => town.townCode === code(0))).toBe(false);

    const html = (await get("/bulletin?year=2030")).body;
    // Before the rankings: fieldwork is still open, and which towns are below target, with their counts.
    const status = /<p class="status" data-below-target="7">([^<]*)<\/p>/.exec(html)?.[1] ?? "";
    expect(status).toContain("调查仍在进行");
    expect(status).toContain(`${name(1)}（2/200份）`);
    expect(status).not.toContain(name(0));
    expect(html.indexOf('class="status"')).toBeLessThan(html.search(/<h2>第.梯队/));
    // Every below-target town carries the mark in its table row; the town that met its target does not.
    expect(html).toMatch(new RegExp(`${name(1)}<span class="mark"[^>]*>※</span>`));
    expect(html).not.toMatch(new RegExp(`${name(0)}<span class="mark"`));
    // A plain-language footnote for the public, with the statistics kept apart as a technical note.
    expect(html).toContain("怎么读这份公报");
    expect(html).toContain("标※的街镇回收的问卷还没有达到计划份数");
    expect(html).toMatch(/<p class="technical">技术说明：¹ 斯皮尔曼/);
    // Print: the district row comes first, headers repeat, rows and tables are not split across pages.
    expect(html.indexOf("<h2>全区</h2>")).toBeLessThan(html.search(/<h2>第.梯队/));
    expect(html).toContain("thead { display: table-header-group; }");
    expect(html).toContain("break-inside: avoid");
    expect(html).toContain("word-break: keep-all");
  });

  it("is for the office and administrators", async () => {
    for (const role of ["staff", "department"] as const) {
      const user = await signIn(t.app, role);
      expect((await get("/comparison?domain=health", user)).statusCode).toBe(403);
      expect((await get("/comparison/overview", user)).statusCode).toBe(403);
      expect((await get("/bulletin", user)).statusCode).toBe(403);
    }
  });
});
