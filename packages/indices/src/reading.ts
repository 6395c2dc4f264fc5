import type { Comparison } from "./comparison";
import type { KendallPValueMethod } from "./kendall";
import type { SpearmanPValueMethod } from "./spearman";

export type AgreementLevel = "high" | "moderate" | "weak";

export interface AgreementReading {
  level: AgreementLevel;
  /** 高度一致 / 中度一致 / 较弱; for a clearly negative ρ 高度相反 / 中度相反, since "一致" would mislead. */
  label: string;
  opposite: boolean;
}

/** Plain-language strength of agreement (STATISTICS §5): |ρ| ≥ 0.7 high, 0.4–0.7 moderate, below 0.4 weak. */
export function readAgreement(rho: number): AgreementReading {
  const size = Math.abs(rho);
  const level: AgreementLevel = size >= 0.7 ? "high" : size >= 0.4 ? "moderate" : "weak";
  const opposite = rho < 0 && level !== "weak";
  const label = level === "weak" ? "较弱" : `${level === "high" ? "高度" : "中度"}${opposite ? "相反" : "一致"}`;
  return { level, label, opposite };
}

const SUPERSCRIPT: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

/**
 * Exact p for a footnote: four significant digits; below 0.0001 in scientific form (2.346×10⁻⁵). Below machine
 * precision (including the 0 that R's AS 89 returns for very strong agreement) as R prints it: p < 2.2×10⁻¹⁶.
 */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return "p 无法计算";
  if (p < Number.EPSILON) return "p < 2.2×10⁻¹⁶";
  if (p >= 1e-4) return `p = ${Number(p.toPrecision(4))}`;
  const [mantissa, exponent] = p.toExponential(3).split("e") as [string, string];
  const power = [...String(Number(exponent))].map((ch) => SUPERSCRIPT[ch] ?? ch).join("");
  return `p = ${mantissa}×10${power}`;
}

const SPEARMAN_METHOD_TEXT: Record<SpearmanPValueMethod, string> = {
  "exact-permutation": "精确置换分布",
  "as89-edgeworth": "AS 89 Edgeworth 级数近似，与 R cor.test 默认一致",
  "t-approximation": "t 分布近似",
};

const KENDALL_METHOD_TEXT: Record<KendallPValueMethod, string> = {
  exact: "精确分布",
  "normal-approximation": "正态近似，含并列校正",
};

const SIGNIFICANCE_LEVEL = 0.05;
const MAX_LISTED = 3;

/**
 * A short Chinese reading for officials, with the exact statistics in a footnote.
 * `domainName` names the domain (e.g. 医疗卫生); omit it for the overall comparison.
 */
export function summarizeComparison(input: {
  comparison: Comparison;
  domainName?: string;
  townNames?: Readonly<Record<string, string>>;
}): { sentence: string; footnote: string } {
  const { comparison: c, domainName } = input;
  const names = input.townNames ?? {};
  const rho = c.spearman.rho;
  const reading = readAgreement(rho);
  const significant = c.spearman.pValue !== null && c.spearman.pValue < SIGNIFICANCE_LEVEL;
  const scope = domainName ? `在“${domainName}”领域，` : "总体上，";
  const rhoText = `（ρ = ${rho.toFixed(2)}¹）`;
  const parts: string[] = [];

  if (reading.level === "weak") {
    parts.push(`${scope}${c.n}个街镇的居民满意度排名与客观指标排名关联较弱${rhoText}，看不出明显的一致关系。`);
  } else {
    const caution = significant ? "，统计上显著" : "，但统计上尚不显著，可能出于偶然";
    const relation = reading.opposite
      ? `呈${reading.label}关系${rhoText}，即满意度较高的街镇客观指标反而偏低${caution}${significant ? "，值得核查" : ""}`
      : `${reading.label}${rhoText}${caution}`;
    parts.push(`${scope}${c.n}个街镇的居民满意度排名与客观指标排名${relation}。`);
  }

  const o = c.bottomOverlap;
  if (o.overlap.length > 0) {
    const chance = `（若两者无关，至少出现这么多重合的概率为 ${(o.probability * 100).toFixed(1)}%）`;
    parts.push(
      `满意度与客观指标均排在后${o.k}位的有${o.overlap.length}个街镇（${o.overlap.map((code) => names[code] ?? code).join("、")}），是主客观一致认定的短板${chance}。`,
    );
  } else {
    parts.push(`两项排名的后${o.k}位没有重合的街镇。`);
  }

  const flagged = c.rankTable.filter((r) => r.flagged);
  if (flagged.length > 0) {
    const shown = flagged
      .slice(0, MAX_LISTED)
      .map((r) => `${names[r.townCode] ?? r.townCode}（满意度第${r.satisfactionRank}、客观第${r.objectiveRank}）`);
    const more = flagged.length > MAX_LISTED ? `等${flagged.length}个街镇` : "";
    parts.push(`两项排名相差较大的有：${shown.join("、")}${more}。`);
  }

  const s = c.spearman;
  const k = c.kendall;
  const spearmanP = s.pValue === null ? "p 无法计算" : formatPValue(s.pValue);
  const kendallP = k.pValue === null ? "p 无法计算" : formatPValue(k.pValue);
  const footnote =
    `¹ 斯皮尔曼等级相关系数 ρ = ${s.rho.toFixed(4)}，双侧 ${spearmanP}（n = ${s.n}，${SPEARMAN_METHOD_TEXT[s.pValueMethod]}）；` +
    `肯德尔 τ_b = ${k.tau.toFixed(4)}，双侧 ${kendallP}（${KENDALL_METHOD_TEXT[k.pValueMethod]}）。`;
  return { sentence: parts.join(""), footnote };
}
