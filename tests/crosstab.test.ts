import type { CrosstabResult, CrosstabVariable } from "@survey/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResultsFixture, type ResultsFixture, readFixtureRows } from "./support/results-fixture";
import { signIn } from "./support/test-app";
import { testDriver } from "./support/test-database";

/**
 * Expected values: `Rscript tests/reference/results.R` (R survey 4.1.1), section "cross-tabs", on wave 1 of
 * tests/reference/results-respondents.csv with svydesign(ids=~1, strata=~town, weights=~N_h/n_h, fpc=~N_h):
 * "F" = svychisq(~a+b, design, statistic="F") → [F, ndf, ddf, p]; "rows"/"columns" = prop.table(svytable(~a+b),
 * 1 or 2), row-major in R's sorted category order; "pearson" = chisq.test(table(a, b), correct=FALSE) →
 * [X², p]; "residuals" = its $stdres, row-major. The filtered table uses subset(design, town != "T03"); the
 * post-stratified one postStratify(design, ~town|sex|age, cellpop).
 */
const R: Record<string, number[]> = {
  "education x sex F": [0.876109011330126, 1.98844909579568, 53.6881255864834, 0.421722288197065],
  "education x sex rows": [
    0.305944055944056, 0.694055944055944, 0.683734939759036, 0.316265060240964, 0.58294930875576, 0.41705069124424,
  ],
  "education x sex columns": [
    0.12848751835536, 0.369646182495345, 0.5, 0.293296089385475, 0.37151248164464, 0.337057728119181,
  ],
  "education x sex pearson": [1.32242757242757, 0.516224368045905],
  "education x sex residuals": [
    -1.0978875820671, 1.0978875820671, 0.787753714477794, -0.787753714477794, 0.101256629361969, -0.101256629361969,
  ],
  "q1 x registered F": [0.985810245399351, 3.8993934492214, 105.283623128978, 0.417282049412769],
  "q1 x registered rows": [
    0.688984881209503, 0.311015118790497, 0.333333333333333, 0.666666666666667, 0.184453227931489, 0.815546772068511,
    0.442857142857143, 0.557142857142857, 0.177142857142857, 0.822857142857143, 0, 1,
  ],
  "q1 x registered columns": [
    0.396273291925466, 0.0946123521681997, 0.314285714285714, 0.33245729303548, 0.173913043478261, 0.406701708278581,
    0.0770186335403727, 0.0512483574244415, 0.0385093167701863, 0.0946123521681997, 0, 0.0203679369250986,
  ],
  "q1 x registered pearson": [3.84027777777778, 0.572633709500805],
  "q1 x registered residuals": [
    1.40312152004023, -1.40312152004023, -0.700876644050462, 0.700876644050462, -0.700876644050462, 0.700876644050462,
    0.881917103688197, -0.881917103688197, 0.211829636434081, -0.211829636434081, -0.881917103688197, 0.881917103688197,
  ],
  "band x town F": [1.17248615735588, 2.92545305894746, 78.9872325915815, 0.325117680822726],
  "band x town rows": [
    0, 1, 0, 0.118271417740713, 0.764215314632297, 0.11751326762699, 0.316644113667118, 0.389715832205683,
    0.293640054127199,
  ],
  "band x town columns": [0, 0.1, 0, 0.4, 0.7, 0.416666666666667, 0.6, 0.2, 0.583333333333333],
  "band x town pearson": [4.84821428571429, 0.303229178906627],
  "band x town residuals": [
    -0.485812706723472, 1.32867776958321, -0.9114654303753, -0.587583819769354, 1.44749745035295, -0.947379265409304,
    0.775476393169796, -1.96049213509382, 1.29903810567666,
  ],
  "education x sex, T01+T02 F": [0.902113400063002, 1.99183005011662, 31.8692808018659, 0.415451798019076],
  "education x sex, T01+T02 rows": [
    0.282352941176471, 0.717647058823529, 0.725925925925926, 0.274074074074074, 0.596774193548387, 0.403225806451613,
  ],
  "education x sex, T01+T02 columns": [
    0.122448979591837, 0.412162162162162, 0.5, 0.25, 0.377551020408163, 0.337837837837838,
  ],
  "education x sex, T01+T02 pearson": [2.23392857142857, 0.327271791804907],
  "education x sex, T01+T02 residuals": [
    -1.39450452030205, 1.39450452030205, 1.08112495523467, -1.08112495523467, 0.108112495523467, -0.108112495523467,
  ],
  "education x sex, poststratified F": [1.43052896387574, 1.91812981217588, 51.7895049287487, 0.248441538448417],
  "education x sex, poststratified rows": [
    0.253184713375796, 0.746815286624204, 0.653846153846154, 0.346153846153846, 0.536643026004728, 0.463356973995272,
  ],
  "education x sex, poststratified columns": [
    0.128019323671498, 0.392797319932998, 0.506441223832528, 0.278894472361809, 0.365539452495974, 0.328308207705193,
  ],
  "education x sex, poststratified pearson": [1.32242757242757, 0.516224368045905],
  "education x sex, poststratified residuals": [
    -1.0978875820671, 1.0978875820671, 0.787753714477794, -0.787753714477794, 0.101256629361969, -0.101256629361969,
  ],
};

function close(actual: number | null | undefined, expected: number | undefined, label: string): void {
  if (expected === undefined) throw new Error(`no reference value for ${label}`);
  if (typeof actual !== "number" || !(Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)))) {
    throw new Error(`${label}: got ${actual}, R says ${expected}`);
  }
}

/**
 * Checks a table against the R rows tagged `tag`; `rValues` / `cValues` list the API's category values in
 * R's (sorted) row and column order.
 */
function checkAgainstR(
  table: CrosstabResult,
  other: CrosstabResult,
  tag: string,
  rValues: string[],
  cValues: string[],
) {
  const [f, ndf, ddf, p] = R[`${tag} F`] ?? [];
  close(table.raoScott?.f, f, `${tag} F`);
  close(table.raoScott?.numeratorDf, ndf, `${tag} ndf`);
  close(table.raoScott?.denominatorDf, ddf, `${tag} ddf`);
  close(table.raoScott?.pValue, p, `${tag} p`);
  const [chiSquare, pearsonP] = R[`${tag} pearson`] ?? [];
  close(table.pearson?.chiSquare, chiSquare, `${tag} pearson`);
  close(table.pearson?.pValue, pearsonP, `${tag} pearson p`);
  const rowIndex = rValues.map((value) => table.rows.findIndex((row) => row.value === value));
  const columnIndex = cValues.map((value) => table.columns.findIndex((column) => column.value === value));
  expect(rowIndex.every((i) => i >= 0) && columnIndex.every((j) => j >= 0), `${tag} categories`).toBe(true);
  rowIndex.forEach((i, ri) => {
    columnIndex.forEach((j, ci) => {
      const k = ri * cValues.length + ci;
      const cell = table.cells[i]?.[j];
      const otherCell = other.cells[i]?.[j];
      const [rowShare, columnShare] = [R[`${tag} rows`]?.[k], R[`${tag} columns`]?.[k]];
      const percents = table.percent === "row" ? [cell, otherCell] : [otherCell, cell];
      close(percents[0]?.percent, 100 * (rowShare as number), `${tag} row % [${ri},${ci}]`);
      close(percents[1]?.percent, 100 * (columnShare as number), `${tag} column % [${ri},${ci}]`);
      close(cell?.residual, R[`${tag} residuals`]?.[k], `${tag} residual [${ri},${ci}]`);
      expect(cell?.marked).toBe(Math.abs(cell?.residual ?? 0) > 1.96);
    });
  });
}

describe(`cross-tabs against R svychisq (${testDriver})`, () => {
  let f: ResultsFixture;
  const post = (payload: object, headers = f.office.headers) =>
    f.t.app.inject({ method: "POST", url: `/api/admin/waves/${f.waveIds["1"]}/crosstab`, headers, payload });
  const both = async (payload: object) => {
    const rowPercent = await post({ ...payload, percent: "row" });
    const columnPercent = await post({ ...payload, percent: "column" });
    expect(rowPercent.statusCode, rowPercent.body).toBe(200);
    expect(columnPercent.statusCode, columnPercent.body).toBe(200);
    return [rowPercent.json() as CrosstabResult, columnPercent.json() as CrosstabResult] as const;
  };

  beforeAll(async () => {
    f = await createResultsFixture();
  });
  afterAll(() => f.t.close());

  it("lists the variables with Chinese labels and categories", async () => {
    const response = await f.t.app.inject({
      url: `/api/admin/waves/${f.waveIds["1"]}/crosstab/variables`,
      headers: f.office.headers,
    });
    expect(response.statusCode).toBe(200);
    const variables: CrosstabVariable[] = response.json();
    expect(variables.map((variable) => variable.name)).toEqual([
      "satisfaction_band",
      "town",
      "sex",
      "age_group",
      "registered",
      "mode",
      "education",
      "policy",
      "q1",
      "q2",
      "q3",
      "q4",
      "q5",
      "overall",
    ]);
    const byName = Object.fromEntries(variables.map((variable) => [variable.name, variable]));
    expect(byName.town?.categories).toEqual([
      { value: "T01", label: "甲街道" },
      { value: "T02", label: "乙镇" },
      { value: "T03", label: "丙镇" },
    ]);
    expect(byName.sex?.label).toBe("性别");
    expect(byName.q1?.categories.map((category) => category.value)).toEqual(["1", "2", "3", "4", "5", "8", "9"]);
    expect(byName.q1?.categories.at(-2)?.label).toBe("不了解");
    expect(byName.overall?.categories).toHaveLength(5);
    expect(byName.education?.categories[0]).toEqual({ value: "1", label: "初中及以下" });
    expect(byName.policy?.group).toBe("policy");
  });

  it("education × sex: weighted row and column %, unweighted n, Rao–Scott F and Pearson χ² as R", async () => {
    const [rows, columns] = await both({ row: "education", column: "sex" });
    checkAgainstR(rows, columns, "education x sex", ["1", "2", "3"], ["female", "male"]);
    expect(rows.columns.map((column) => column.label)).toEqual(["男", "女"]);
    expect(rows.total.n).toBe(30);
    const counted = readFixtureRows().filter((row) => row.wave === "1" && row.counted);
    const women = counted.filter((row) => row.sex === "female" && row.answers.education === 1).length;
    expect(rows.cells[0]?.[1]?.n).toBe(women);
    expect(rows.footnote).toContain("1.96");
  });

  it("a satisfaction item (blank answers left out, don't know and n.a. as categories) × registered", async () => {
    const [rows, columns] = await both({ row: "q1", column: "registered" });
    checkAgainstR(rows, columns, "q1 x registered", ["2", "3", "4", "5", "8", "9"], ["no", "yes"]);
    expect(rows.rows.map((row) => row.label)).toEqual(["不太满意", "一般", "比较满意", "非常满意", "不了解", "不适用"]);
  });

  it("respondent score bands × town, with a cell marked by its adjusted residual", async () => {
    const [rows, columns] = await both({ row: "satisfaction_band", column: "town" });
    checkAgainstR(rows, columns, "band x town", ["0-40", "40-60", "60-80"], ["T01", "T02", "T03"]);
    expect(rows.cells.flat().filter((cell) => cell.marked)).toHaveLength(1);
  });

  it("filters like R's subset(design, …): n_h stays the town's sample, ν counts the filtered respondents", async () => {
    const [rows, columns] = await both({ row: "education", column: "sex", filters: { town: ["T01", "T02"] } });
    checkAgainstR(rows, columns, "education x sex, T01+T02", ["1", "2", "3"], ["female", "male"]);
    expect(rows.total.n).toBe(18);
  });

  it("post-stratified on request, as R's svychisq on postStratify(design, …)", async () => {
    const [rows, columns] = await both({ row: "education", column: "sex", poststratify: true });
    expect(rows.weighting).toBe("poststratified");
    checkAgainstR(rows, columns, "education x sex, poststratified", ["1", "2", "3"], ["female", "male"]);
  });

  it("refuses unknown variables and categories, and the same variable twice", async () => {
    const unknown = await post({ row: "shoe_size", column: "sex", percent: "row" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toBe("unknown_variable");
    const category = await post({ row: "education", column: "sex", percent: "row", filters: { town: ["T99"] } });
    expect(category.json().error).toBe("unknown_variable");
    expect((await post({ row: "sex", column: "sex", percent: "row" })).statusCode).toBe(400);
    expect((await post({ row: "sex", column: "town", percent: "cell" })).statusCode).toBe(400);
    const staff = await signIn(f.t.app, "staff");
    expect((await post({ row: "sex", column: "town", percent: "row" }, staff.headers)).statusCode).toBe(403);
  });
});
