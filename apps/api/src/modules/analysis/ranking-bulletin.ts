import { TOWN_TIER_LABELS, type TownResult, type TownTier } from "@survey/contract";
import type { Database } from "@survey/db";
import { competitionRanks } from "@survey/indices";
import {
  belowTargetTowns,
  type ComparisonQuery,
  compareDomain,
  domainLabel,
  loadComparisonSides,
  OVERALL,
} from "./comparison-service";

/**
 * The concise public ranking bulletin (SPEC §1: "the district head asked for a concise public ranking of
 * towns"), as one printable A4 HTML page: towns in tiers by their difference from the district (STATISTICS §2:
 * rankings are published as tiers with the CI, not as exact positions alone), each with its satisfaction score
 * and CI beside the objective composite index and its rank, then the weaknesses on which both agree.
 */

const TIER_ORDER: TownTier[] = ["above", "average", "below"];
const TIER_NAMES: Record<TownTier, string> = { above: "第一梯队", average: "第二梯队", below: "第三梯队" };
const WEIGHTING_TEXT = { equal: "等权", expert: "按专家权重", entropy: "按熵权" } as const;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char,
  );
}

/** Marks a town whose counted responses have not reached its sample target, wherever it is ranked. */
const BELOW_TARGET_MARK = "※";

/**
 * Whether fieldwork is still going on when the bulletin is issued, and which towns are below their sample
 * target — said before the rankings, in plain words, so nobody reads a provisional ranking as final.
 */
function fieldworkStatus(
  wave: { status: string; closesAt: Date | null },
  belowTarget: { townName: string; n: number; target: number }[],
  now: Date,
): string {
  const open = wave.status === "open";
  if (!open && belowTarget.length === 0) return "";
  const parts: string[] = [];
  if (open) {
    parts.push(
      `本公报依据截至${chineseDate(now)}已回收的问卷编制，调查仍在进行${
        wave.closesAt ? `（${chineseDate(wave.closesAt)}截止）` : ""
      }，最终结果可能有所变化。`,
    );
  }
  if (belowTarget.length > 0) {
    const list = belowTarget.map((town) => `${escapeHtml(town.townName)}（${town.n}/${town.target}份）`).join("、");
    parts.push(`以下${belowTarget.length}个街镇的有效问卷尚未达到计划份数，表中以${BELOW_TARGET_MARK}标出：${list}。`);
  }
  return `<p class="status" data-below-target="${belowTarget.length}">${parts.join("")}</p>`;
}

const one = (value: number | null | undefined) => (value === null || value === undefined ? "—" : value.toFixed(1));

function chineseDate(date: Date): string {
  return new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "long",
    day: "numeric",
  }).format(date);
}

/** The page's one style element, allowed by its hash in the page's CSP. */
export const BULLETIN_STYLE = `
@page { size: A4 portrait; margin: 16mm 15mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Serif CJK SC", "Songti SC", "SimSun", serif; color: #111; font-size: 10.5pt;
  line-height: 1.55; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 1mm; letter-spacing: 1pt; }
.subtitle { text-align: center; font-size: 13pt; margin: 0 0 2mm; }
.date { text-align: center; color: #444; margin: 0 0 5mm; }
.method { border-top: 1px solid #111; border-bottom: 1px solid #111; padding: 2mm 0; margin: 0 0 4mm; font-size: 9.5pt; }
h2 { font-size: 12pt; margin: 4mm 0 1.5mm; page-break-after: avoid; break-after: avoid; }
/* Tables stay whole on a page; one longer than a page repeats its header and never splits a row. */
table { width: 100%; border-collapse: collapse; page-break-inside: avoid; break-inside: avoid; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
th, td { border: 1px solid #777; padding: 1mm 2mm; text-align: center; }
/* Headers break between words, never inside one. */
th { background: #eee; font-weight: bold; word-break: keep-all; overflow-wrap: normal; }
.mark { color: #a00; font-weight: bold; }
.status { border: 1px solid #a00; padding: 2mm 3mm; margin: 0 0 4mm; font-size: 10pt; page-break-inside: avoid;
  break-inside: avoid; }
.technical { font-size: 8pt; color: #555; margin-top: 1.5mm; }
td.name { text-align: left; }
tr.district td { font-weight: bold; background: #f6f6f6; }
.weak { margin: 1mm 0; }
.footnote { margin-top: 5mm; font-size: 9pt; color: #222; border-top: 1px solid #999; padding-top: 1.5mm;
  page-break-inside: avoid; break-inside: avoid; }
.footnote p { margin: 0 0 1mm; }
.demo { color: #a00; text-align: center; font-size: 9pt; }
@media screen { body { background: #eee; } main { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 16mm 15mm;
  background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.2); } }
`;

export async function rankingBulletinHtml(
  db: Database,
  waveId: number,
  query: ComparisonQuery,
  now: Date,
): Promise<string> {
  const sides = await loadComparisonSides(db, waveId, query);
  const { wave, results, objective, year } = sides;

  const composites = objective.towns.filter((t) => t.composite !== null);
  const ranks = competitionRanks(composites.map((t) => t.composite as number));
  const objectiveOf = new Map(composites.map((t, k) => [t.townCode, { index: t.composite, rank: ranks[k] }]));

  const belowTarget = belowTargetTowns(sides);
  const row = (town: TownResult) => {
    const o = objectiveOf.get(town.code);
    const mark = town.belowTarget ? `<span class="mark" title="问卷数未达目标">${BELOW_TARGET_MARK}</span>` : "";
    return `<tr><td class="name">${escapeHtml(town.name)}${mark}</td><td>${one(town.overall.mean)}</td>
<td>${one(town.overall.ciLow)}～${one(town.overall.ciHigh)}</td><td>${town.rank}</td>
<td>${one(o?.index)}</td><td>${o?.rank ?? "—"}</td></tr>`;
  };
  const header = `<thead><tr><th>街镇</th><th>满意度得分</th><th>95%置信区间</th><th>满意度排名</th>
<th>客观综合指数</th><th>客观指数排名</th></tr></thead>`;
  const tiers = TIER_ORDER.map((tier) => {
    const towns = results.towns
      .filter((town) => town.tier === tier)
      .sort((a, b) => b.overall.mean - a.overall.mean || a.code.localeCompare(b.code));
    if (towns.length === 0) return "";
    return `<h2>${TIER_NAMES[tier]}：${TOWN_TIER_LABELS[tier]}（${towns.length}个）</h2>
<table>${header}<tbody>${towns.map(row).join("")}</tbody></table>`;
  }).join("\n");
  const district = results.district;
  // The district comes first, as the reference every town is read against: it can never be left alone on a page.
  const districtTable = `<h2>全区</h2><table>${header}<tbody><tr class="district"><td class="name">全区</td>
<td>${one(district.overall.mean)}</td><td>${one(district.overall.ciLow)}～${one(district.overall.ciHigh)}</td>
<td>—</td><td>—</td><td>—</td></tr></tbody></table>`;
  const excluded =
    results.excludedTowns.length === 0
      ? ""
      : `<p class="weak">有效问卷不足、未参加排名：${results.excludedTowns.map((t) => escapeHtml(t.name)).join("、")}。</p>`;

  const overall = compareDomain(sides, OVERALL);
  const weaknessLines: string[] = [];
  if (overall.ok && overall.report.consensusWeaknesses.overlap.length > 0) {
    const names = overall.report.consensusWeaknesses.overlap.map((t) => t.townName).join("、");
    weaknessLines.push(`<p class="weak"><b>总体：</b>${escapeHtml(names)}</p>`);
  }
  for (const domain of objective.towns[0] ? Object.keys(objective.towns[0].domainIndices) : []) {
    const result = compareDomain(sides, domain);
    if (!result.ok || result.report.consensusWeaknesses.overlap.length === 0) continue;
    const names = result.report.consensusWeaknesses.overlap.map((t) => t.townName).join("、");
    weaknessLines.push(`<p class="weak"><b>${escapeHtml(domainLabel(domain))}：</b>${escapeHtml(names)}</p>`);
  }
  const k = overall.ok ? overall.report.consensusWeaknesses.k : 5;
  const weaknesses =
    weaknessLines.length > 0
      ? weaknessLines.join("\n")
      : `<p class="weak">满意度与客观指数的后${k}位没有重合的街镇。</p>`;

  const indicatorCount = Object.keys(objective.indicatorWeights).filter((code) =>
    objective.towns.some((town) => town.indicatorScores[code] !== null),
  ).length;
  const method =
    `本次调查在各街镇分层抽样，共回收有效问卷${district.n}份，满意度按0～100分计分（非常不满意0分、非常满意100分），` +
    "全区得分按各街镇人口加权，梯队依据与全区平均的差异是否显著划分，同一梯队内的差异多在抽样误差范围内，名次仅供参考。" +
    `客观综合指数由职能部门报送的${indicatorCount}项街镇指标的${year}年数值按固定阈值或目标值标准化后${WEIGHTING_TEXT[sides.weighting]}合成（0～100分），与满意度分别独立计算，两者均排在后${k}位的街镇列为主客观一致的短板。`;
  const status = fieldworkStatus(wave, belowTarget, now);
  const footnote = `<div class="footnote">
<p><b>怎么读这份公报：</b>满意度得分是受访居民评价的平均分，0分为非常不满意，100分为非常满意。得分来自抽样调查，会有一定误差：括号里的“置信区间”表示有95%的把握真实得分落在这个范围内。区间相互重叠的街镇之间差别不大，所以按梯队公布，同一梯队里的名次先后仅供参考。客观综合指数来自职能部门报送的统计数据，与居民评价分开计算。${
    belowTarget.length > 0 ? `标${BELOW_TARGET_MARK}的街镇回收的问卷还没有达到计划份数，结果误差更大，仅供参考。` : ""
  }</p>
${overall.ok ? `<p>${escapeHtml(overall.report.summary.sentence)}</p><p class="technical">技术说明：${escapeHtml(overall.report.summary.footnote)}</p>` : ""}
</div>`;
  const demo = wave.demo ? '<p class="demo">（演示数据，非正式统计结果）</p>' : "";

  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>${escapeHtml(wave.title)} 街镇排名公报</title><style>${BULLETIN_STYLE}</style></head>
<body><main>
<h1>${escapeHtml(wave.title)}</h1>
<p class="subtitle">街镇满意度与客观指数排名公报</p>
<p class="date">${chineseDate(now)}</p>
${demo}
<p class="method">${escapeHtml(method)}</p>
${status}
${districtTable}
${tiers}
${excluded}
<h2>主客观一致的短板（共同短板）</h2>
${weaknesses}
${footnote}
</main></body>
</html>
`;
}
