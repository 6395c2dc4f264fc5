import type { MeasureComparison, TrendSeries, WaveComparison } from "@survey/contract";
import { waves } from "@survey/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estimateChange } from "../apps/api/src/modules/analysis/wave-comparison-service";
import { createResultsFixture, type ResultsFixture } from "./support/results-fixture";
import { signIn } from "./support/test-app";
import { testDriver } from "./support/test-database";

/**
 * Expected values: `Rscript tests/reference/results.R` (R survey 4.1.1), section "wave 2 against wave 1": both
 * waves of tests/reference/results-respondents.csv in one design (strata wave × town, fpc N_h), totals by wave
 * (svyby(~y+v, ~wave, svytotal, covmat=TRUE)) and svycontrast of wave 2 minus wave 1 → [difference, SE];
 * "T02 …" on subset(design, town == "T02"). Wave-1 levels ("district q1" …) from the same script's first section.
 */
const R: Record<string, number[]> = {
  "district q1 change": [6.48442334861798, 9.47232609144248],
  "district q5 change": [-6.29378282460291, 8.83169596784294],
  "district overall_item change": [-0.37173109367037, 8.7344726087044],
  "district overall change": [3.38906501574245, 3.31409519253876],
  "district environment change": [4.71897444433019, 5.07190418799469],
  "T02 q1 change": [12.5, 14.0631423940683],
  "T02 q5 change": [-8.48214285714285, 11.8898146494602],
  "T02 overall_item change": [5.95238095238097, 12.9459655438743],
  "T02 overall change": [4.14434523809524, 4.83526178322252],
  "T02 environment change": [3.60119047619048, 7.57747545624905],
  "district q1": [56.7892503536068, 4.90775605577143, 1.20849636875102, 0.423856671381424, 0.116069659773683],
  "district score environment": [54.4661984998023, 3.42565096008557],
  "T02 q1": [50, 7.16920234594421, 0.987654320987654, 0.333333333333333, 0.165565636172231],
};

function close(actual: number | null | undefined, expected: number | undefined, label: string): void {
  if (expected === undefined) throw new Error(`no reference value for ${label}`);
  if (typeof actual !== "number" || !(Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)))) {
    throw new Error(`${label}: got ${actual}, R says ${expected}`);
  }
}

const MEASURES = [
  ["q1", "item", "q1"],
  ["q5", "item", "q5"],
  ["overall_item", "overall_item", "overall"],
  ["overall", "overall", "overall"],
  ["environment", "dimension", "environment"],
] as const;

describe(`waves over the years (${testDriver})`, () => {
  let f: ResultsFixture;
  let comparison: WaveComparison;
  const get = (url: string) => f.t.app.inject({ url, headers: f.office.headers });
  const find = (kind: string, key: string) =>
    comparison.measures.find((measure) => measure.kind === kind && measure.key === key) as MeasureComparison;

  beforeAll(async () => {
    f = await createResultsFixture();
    const response = await get(`/api/admin/waves/${f.waveIds["2"]}/compare/${f.waveIds["1"]}`);
    expect(response.statusCode, response.body).toBe(200);
    comparison = response.json();
  });
  afterAll(() => f.t.close());

  it("compares every shared measure: difference and SE of independent samples as R, CI and significance", () => {
    expect(comparison.wave.year).toBe(2026);
    expect(comparison.baseWave.year).toBe(2025);
    for (const [tag, kind, key] of MEASURES) {
      const measure = find(kind, key);
      expect(measure, `${kind} ${key}`).toBeDefined();
      const [difference, se] = R[`district ${tag} change`] ?? [];
      close(measure.district.difference, difference, `district ${tag} change`);
      close(measure.district.se, se, `district ${tag} change se`);
      close(measure.district.ciLow, (difference as number) - 1.96 * (se as number), `district ${tag} ciLow`);
      close(measure.district.current.mean - measure.district.base.mean, difference, `district ${tag} means`);
      const t02 = measure.towns.find((town) => town.code === "T02");
      const [townDifference, townSe] = R[`T02 ${tag} change`] ?? [];
      close(t02?.change.difference, townDifference, `T02 ${tag} change`);
      close(t02?.change.se, townSe, `T02 ${tag} change se`);
    }
    const q1 = find("item", "q1");
    close(q1.district.base.mean, R["district q1"]?.[0], "wave 1 q1 level");
    close(find("dimension", "environment").district.base.se, R["district score environment"]?.[1], "wave 1 se");
    for (const measure of comparison.measures) {
      expect(measure.district.significant).toBe(Math.abs(measure.district.difference) > 1.96 * measure.district.se);
      expect(measure.sameItems).toBe(true);
      expect(measure.towns.map((town) => town.code)).toEqual(["T01", "T02", "T03"]);
    }
    expect(comparison.measures.filter((measure) => measure.kind === "item")).toHaveLength(5);
    expect(comparison.measures.filter((measure) => measure.kind === "domain")).toHaveLength(4);
  });

  it("marks a change significant exactly when its 95 % CI leaves out zero", () => {
    const estimate = (mean: number, se: number) => ({
      mean,
      se,
      ciLow: mean - 1.96 * se,
      ciHigh: mean + 1.96 * se,
      n: 200,
    });
    const up = estimateChange(estimate(70, 1.5), estimate(65, 1.2));
    expect(up.se).toBeCloseTo(Math.sqrt(1.5 ** 2 + 1.2 ** 2), 12);
    expect(up.significant).toBe(true);
    expect(up.ciLow).toBeGreaterThan(0);
    const flat = estimateChange(estimate(66, 1.5), estimate(65, 1.2));
    expect(flat.significant).toBe(false);
    expect(flat.ciLow).toBeLessThan(0);
  });

  it("refuses a wave compared with itself and unknown waves", async () => {
    expect((await get(`/api/admin/waves/${f.waveIds["1"]}/compare/${f.waveIds["1"]}`)).statusCode).toBe(400);
    expect((await get(`/api/admin/waves/${f.waveIds["1"]}/compare/999999`)).json().error).toBe("unknown_wave");
  });

  it("gives a per-town trend of an item across every wave that has results for it, oldest first", async () => {
    // A later wave without responses has no point on the chart.
    await f.t.app.database.db
      .insert(waves)
      .values({ code: "R-2027", title: "2027年", year: 2027, questionnaireId: f.questionnaireId });
    const response = await get("/api/admin/trends?question=q1");
    expect(response.statusCode, response.body).toBe(200);
    const trend: TrendSeries = response.json();
    expect(trend.measure).toEqual({ kind: "item", key: "q1", label: "q1 满意吗？" });
    expect(trend.waves.map((wave) => wave.year)).toEqual([2025, 2026]);
    close(trend.district[0]?.estimate.mean, R["district q1"]?.[0], "2025 q1");
    close(trend.district[0]?.estimate.se, R["district q1"]?.[1], "2025 q1 se");
    close(
      (trend.district[1]?.estimate.mean ?? 0) - (trend.district[0]?.estimate.mean ?? 0),
      R["district q1 change"]?.[0],
      "q1 change",
    );
    const t02 = trend.towns.find((town) => town.code === "T02");
    expect(t02?.points.map((point) => point.waveId)).toEqual([f.waveIds["1"], f.waveIds["2"]]);
    close(t02?.points[0]?.estimate.mean, R["T02 q1"]?.[0], "T02 2025 q1");
    expect(trend.towns.map((town) => town.code)).toEqual(["T01", "T02", "T03"]);
  });

  it("trends dimensions, domains, the overall score and the overall question too", async () => {
    const dimension: TrendSeries = (await get("/api/admin/trends?dimension=environment")).json();
    close(dimension.district[0]?.estimate.mean, R["district score environment"]?.[0], "environment 2025");
    expect(dimension.measure.label).toBe("综合环境");
    const overall: TrendSeries = (await get("/api/admin/trends?overall=true")).json();
    close(
      (overall.district[1]?.estimate.mean ?? 0) - (overall.district[0]?.estimate.mean ?? 0),
      R["district overall change"]?.[0],
      "overall change",
    );
    const question: TrendSeries = (await get("/api/admin/trends?question=overall")).json();
    expect(question.measure.kind).toBe("overall_item");
    const domain = await get("/api/admin/trends?domain=public_safety");
    expect(domain.json().district).toHaveLength(2);
  });

  it("leaves a wave hidden from trends out of the chart and its base year; a draft with responses is not deleted", async () => {
    const admin = await signIn(f.t.app, "admin");
    const patch = (hiddenFromTrends: boolean) =>
      f.t.app.inject({
        method: "PATCH",
        url: `/api/admin/waves/${f.waveIds["1"]}`,
        payload: { hiddenFromTrends },
        headers: admin.headers,
      });
    expect((await patch(true)).statusCode).toBe(200);
    const trend: TrendSeries = (await get("/api/admin/trends?question=q1")).json();
    expect(trend.waves.map((wave) => wave.year)).toEqual([2026]);
    expect(trend.towns.every((town) => town.points.every((point) => point.waveId === f.waveIds["2"]))).toBe(true);
    expect((await patch(false)).statusCode).toBe(200);
    expect((await get("/api/admin/trends?question=q1")).json().waves).toHaveLength(2);

    // Both fixture waves are drafts holding imported responses.
    const refused = await f.t.app.inject({
      method: "DELETE",
      url: `/api/admin/waves/${f.waveIds["1"]}`,
      headers: admin.headers,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe("wave_has_responses");
  });

  it("needs exactly one measure and answers 404 for one no wave has", async () => {
    expect((await get("/api/admin/trends")).statusCode).toBe(400);
    expect((await get("/api/admin/trends?question=q1&dimension=living")).statusCode).toBe(400);
    const unknown = await get("/api/admin/trends?question=q99");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe("unknown_measure");
  });
});
