import { describe, expect, it } from "vitest";
import { DEFAULT_INDICATORS } from "./catalogue";
import { demoIndicatorValues } from "./demo-values";
import { DOMAIN_CODES, DOMAINS, domainName, isDomainCode } from "./domains";
import { DISTRICT_UNIT_CODE, indicatorDefinitionProblems, indicatorValueProblem } from "./indicator";
import { spearman } from "./spearman";
import { computeTownIndices } from "./town-indices";

describe("domains", () => {
  it("the 12 objective domains with Chinese names", () => {
    expect(DOMAINS).toHaveLength(12);
    expect(new Set(DOMAIN_CODES).size).toBe(12);
    expect(domainName("public_safety")).toBe("公共安全与稳定");
    expect(isDomainCode("fiscal_input")).toBe(true);
    expect(isDomainCode("weather")).toBe(false);
  });
});

describe("default catalogue", () => {
  it("the 55 indicators of the Songjiang system, 22 of them per town, every domain covered at town level", () => {
    expect(DEFAULT_INDICATORS).toHaveLength(55);
    expect(DEFAULT_INDICATORS.filter((i) => i.level === "town")).toHaveLength(22);
    expect(new Set(DEFAULT_INDICATORS.map((i) => i.code)).size).toBe(DEFAULT_INDICATORS.length);
    for (const indicator of DEFAULT_INDICATORS) {
      expect(indicatorDefinitionProblems(indicator)).toEqual([]);
      expect(indicator.department).not.toBe("");
    }
    for (const domain of DOMAIN_CODES) {
      expect(DEFAULT_INDICATORS.some((i) => i.domain === domain && i.level === "town")).toBe(true);
    }
    expect(DEFAULT_INDICATORS.some((i) => i.level === "district")).toBe(true);
    expect(DEFAULT_INDICATORS.filter((i) => i.direction === "interval").length).toBeGreaterThanOrEqual(2);
    expect(DEFAULT_INDICATORS.filter((i) => i.direction === "negative").length).toBeGreaterThanOrEqual(2);
  });
});

describe("indicator definition and value checks", () => {
  const [first] = DEFAULT_INDICATORS;
  if (!first) throw new Error("empty catalogue");
  it("flags inconsistent definitions in Chinese", () => {
    expect(indicatorDefinitionProblems({ ...first, direction: "negative", lower: 1, upper: 5 })[0]).toContain(
      "逆向指标",
    );
    expect(indicatorDefinitionProblems({ ...first, direction: "positive", lower: 5, upper: 1 })[0]).toContain(
      "正向指标",
    );
    expect(indicatorDefinitionProblems({ ...first, method: "target", target: 0 })[0]).toContain("目标值");
    expect(indicatorDefinitionProblems({ ...first, direction: "interval", method: "target", target: 3 })[0]).toContain(
      "区间型",
    );
    expect(
      indicatorDefinitionProblems({
        ...first,
        direction: "interval",
        lower: 1,
        intervalLow: 5,
        intervalHigh: 4,
        upper: 9,
      })[0],
    ).toContain("区间设置");
    expect(indicatorDefinitionProblems({ ...first, minValue: 5, maxValue: 5 })[0]).toContain("合理取值范围");
    expect(indicatorDefinitionProblems({ ...first, weight: -1 })[0]).toContain("权重");
  });
  it("checks uploaded values against the plausible range", () => {
    // 城镇登记失业率: 0–20 %
    expect(indicatorValueProblem(first, 3.2)).toBeNull();
    expect(indicatorValueProblem(first, 32)).toContain("超出合理范围 0～20");
    expect(indicatorValueProblem(first, Number.NaN)).toContain("必须为数字");
    expect(indicatorValueProblem({ ...first, minValue: null, maxValue: null }, 1e9)).toBeNull();
  });
});

describe("demoIndicatorValues", () => {
  const towns = Array.from({ length: 17 }, (_, i) => ({ code: `T${i + 1}`, population: 40_000 + i * 20_000 }));
  const values = demoIndicatorValues(towns, [2023, 2024], 7);
  const townLevel = DEFAULT_INDICATORS.filter((i) => i.level === "town");
  const districtLevel = DEFAULT_INDICATORS.filter((i) => i.level === "district");

  it("one value per town × town-level indicator × year, plus district values", () => {
    expect(values).toHaveLength(2 * (17 * townLevel.length + districtLevel.length));
    const district = values.filter((v) => v.townCode === DISTRICT_UNIT_CODE);
    expect(new Set(district.map((v) => v.indicatorCode))).toEqual(new Set(districtLevel.map((i) => i.code)));
  });

  it("is deterministic per seed and differs between seeds", () => {
    expect(demoIndicatorValues(towns, [2023, 2024], 7)).toEqual(values);
    expect(demoIndicatorValues(towns, [2023, 2024], 8)).not.toEqual(values);
  });

  it("passes upload validation", () => {
    for (const v of values) {
      const indicator = DEFAULT_INDICATORS.find((i) => i.code === v.indicatorCode);
      if (!indicator) throw new Error(v.indicatorCode);
      expect(indicatorValueProblem(indicator, v.value)).toBeNull();
    }
  });

  it("the later year is better on average and town standings persist", () => {
    const first = computeTownIndices({ indicators: DEFAULT_INDICATORS, values, year: 2023 });
    const second = computeTownIndices({ indicators: DEFAULT_INDICATORS, values, year: 2024 });
    const a = first.towns.map((t) => t.composite as number);
    const b = second.towns.map((t) => t.composite as number);
    const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
    expect(mean(b) - mean(a)).toBeGreaterThan(1);
    expect(mean(b) - mean(a)).toBeLessThan(8);
    expect(spearman(a, b).rho).toBeGreaterThan(0.8);
    // spread between towns, not all at the ceiling
    expect(Math.max(...a) - Math.min(...a)).toBeGreaterThan(15);
    expect(Math.max(...b)).toBeLessThan(100);
  });
});
