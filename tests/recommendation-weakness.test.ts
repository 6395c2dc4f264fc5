import type { Recommendation, WaveResults } from "@survey/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResultsFixture, type ResultsFixture } from "./support/results-fixture";
import { testDriver } from "./support/test-database";

/**
 * A recommendation on a shared weakness shows the town's satisfaction with the domain in the basis year's wave
 * and in the next year's, each with its 95 % CI, as the results page computes them (tests/reference/results.R).
 */
describe(`a recommendation on a shared weakness (${testDriver})`, () => {
  let fixture: ResultsFixture;

  beforeAll(async () => {
    fixture = await createResultsFixture();
  });
  afterAll(() => fixture.t.close());

  const get = <T>(url: string) =>
    fixture.t.app.inject({ method: "GET", url, headers: fixture.office.headers }).then((r) => r.json() as T);

  it("shows satisfaction in the basis year and the next, with confidence intervals", async () => {
    const created = await fixture.t.app.inject({
      method: "POST",
      url: "/api/admin/recommendations",
      headers: fixture.office.headers,
      payload: {
        title: "乙镇居住环境短板",
        body: "主客观都显示居住环境偏弱，请乙镇整改。",
        basis: { kind: "weakness", townCode: "T02", domain: "living_environment", year: 2025 },
        addressee: { townCode: "T02" },
        dueDate: "2026-06-30",
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const [first, second] = await Promise.all([
      get<WaveResults>(`/api/admin/waves/${fixture.waveIds["1"]}/results`),
      get<WaveResults>(`/api/admin/waves/${fixture.waveIds["2"]}/results`),
    ]);
    const estimate = (results: WaveResults) =>
      results.towns.find((town) => town.code === "T02")?.domains.living_environment;
    const before = estimate(first);
    const after = estimate(second);
    if (!before || !after) throw new Error("the fixture has no living-environment estimate for T02");

    const [recommendation] = await get<Recommendation[]>("/api/admin/recommendations");
    expect(recommendation?.basisLabel).toBe("2025年 乙镇“居住环境”主客观共同短板");
    const satisfaction = recommendation?.figures.find((figure) => figure.label === "“居住环境”满意度");
    expect(satisfaction).toEqual({
      label: "“居住环境”满意度",
      unit: "分",
      before: before.mean,
      after: after.mean,
      beforeCi: { low: before.ciLow, high: before.ciHigh },
      afterCi: { low: after.ciLow, high: after.ciHigh },
      improved: after.mean > before.mean,
    });
    // The objective side: no indicator values in this fixture, so its figure waits for data.
    expect(recommendation?.figures.find((figure) => figure.label === "“居住环境”客观指数")).toMatchObject({
      before: null,
      after: null,
      improved: null,
    });
  });
});
