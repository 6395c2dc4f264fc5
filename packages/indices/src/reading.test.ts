import { describe, expect, it } from "vitest";
import { compareSubjectiveObjective } from "./comparison";
import { OBJECTIVE, OBJECTIVE_MODERATE, SATISFACTION, WEAK_A, WEAK_B } from "./rank-test-data";
import { formatPValue, readAgreement, summarizeComparison } from "./reading";

describe("readAgreement", () => {
  it("|ρ| ≥ 0.7 高度一致, 0.4–0.7 中度一致, < 0.4 较弱", () => {
    expect(readAgreement(0.7).label).toBe("高度一致");
    expect(readAgreement(0.69).label).toBe("中度一致");
    expect(readAgreement(0.4).label).toBe("中度一致");
    expect(readAgreement(0.39).label).toBe("较弱");
    expect(readAgreement(-0.2)).toEqual({ level: "weak", label: "较弱", opposite: false });
  });
  it("a clearly negative ρ reads as 相反, not 一致", () => {
    expect(readAgreement(-0.75)).toEqual({ level: "high", label: "高度相反", opposite: true });
    expect(readAgreement(-0.5).label).toBe("中度相反");
  });
});

describe("formatPValue", () => {
  it("four significant digits, scientific below 10⁻⁴, R's floor for 0", () => {
    expect(formatPValue(0.03760093004041222)).toBe("p = 0.0376");
    expect(formatPValue(0.5)).toBe("p = 0.5");
    expect(formatPValue(0.00012346)).toBe("p = 0.0001235");
    expect(formatPValue(2.3891646531097106e-6)).toBe("p = 2.389×10⁻⁶");
    expect(formatPValue(0)).toBe("p < 2.2×10⁻¹⁶");
    expect(formatPValue(Number.NaN)).toBe("p 无法计算");
  });
});

const towns = (sat: number[], obj: number[]) =>
  sat.map((s, i) => ({ townCode: `T${i + 1}`, satisfaction: s, objective: obj[i] as number }));
const NAMES = Object.fromEntries(SATISFACTION.map((_, i) => [`T${i + 1}`, `第${i + 1}镇`]));

describe("summarizeComparison", () => {
  it("moderate, significant agreement: names the domain, the reading and the shared weaknesses", () => {
    const comparison = compareSubjectiveObjective(towns(SATISFACTION, OBJECTIVE_MODERATE));
    const { sentence, footnote } = summarizeComparison({ comparison, domainName: "医疗卫生", townNames: NAMES });
    expect(sentence).toContain("在“医疗卫生”领域，17个街镇");
    expect(sentence).toContain("中度一致（ρ = 0.51¹），统计上显著");
    const shared = comparison.bottomOverlap.overlap;
    expect(sentence).toContain(`均排在后5位的有${shared.length}个街镇`);
    expect(sentence).toContain(NAMES[shared[0] as string] as string);
    // R: cor.test(SATISFACTION, OBJECTIVE_MODERATE, method="spearman")$p.value = 0.03760093004041222
    expect(footnote).toContain("ρ = 0.5123，双侧 p = 0.0376（n = 17，AS 89 Edgeworth");
    // R: cor.test(..., method="kendall")$p.value = 0.051753249459077555
    expect(footnote).toContain("τ_b = 0.3529，双侧 p = 0.05175（精确分布）");
  });

  it("strong agreement with the R p-value floor in the footnote", () => {
    const comparison = compareSubjectiveObjective(towns(SATISFACTION, OBJECTIVE));
    const { sentence, footnote } = summarizeComparison({ comparison });
    expect(sentence.startsWith("总体上，17个街镇")).toBe(true);
    expect(sentence).toContain("高度一致");
    expect(footnote).toContain("p < 2.2×10⁻¹⁶");
  });

  it("negative relation is called out, not called agreement", () => {
    const comparison = compareSubjectiveObjective(towns(WEAK_A, WEAK_B));
    const { sentence } = summarizeComparison({ comparison, domainName: "居住环境" });
    // R: cor.test(WEAK_A, WEAK_B, method="spearman") → rho −0.603, p 0.0120 (significant)
    expect(sentence).toContain(
      "呈中度相反关系（ρ = -0.60¹），即满意度较高的街镇客观指标反而偏低，统计上显著，值得核查。",
    );
    expect(sentence).not.toContain("中度一致");
  });

  it("weak, no overlap, and flagged rank differences", () => {
    const comparison = compareSubjectiveObjective(
      towns([1, 2, 3, 4, 5], [3, 5, 1, 2, 4]), // ρ = 1 − 6·22/120 = −0.1
      { bottomK: 2 },
    );
    expect(comparison.spearman.rho).toBeCloseTo(-0.1, 14);
    const { sentence } = summarizeComparison({ comparison });
    expect(sentence).toContain("关联较弱");
    expect(sentence).toContain("两项排名的后2位没有重合的街镇");
    const flaggedSentence = summarizeComparison({
      comparison: compareSubjectiveObjective(towns(SATISFACTION, OBJECTIVE_MODERATE)),
      townNames: NAMES,
    }).sentence;
    expect(flaggedSentence).toMatch(/排名相差较大的有：.*（满意度第\d+、客观第\d+）/);
  });
});
