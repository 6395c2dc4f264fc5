/**
 * The findings in sentences generated from the data (section 1 摘要, and the town card's opening): district
 * score and change, tiers, shared weaknesses, top priorities, the strongest and weakest dimensions.
 */
import type { TownResult } from "@survey/contract";
import { ci, list, score, signed } from "./format";
import type { ReportContext } from "./report-context";

export function changeSentence(context: ReportContext, subject: string, townCode?: string): string {
  const { data } = context;
  if (!("comparison" in data.previous)) return `${data.previous.unavailable}`;
  const change = context.change("overall", "overall", townCode);
  if (!change) return "与上年的问卷不可比，未计算变化。";
  const base = data.previous.comparison.baseWave;
  const direction = change.difference > 0 ? "上升" : change.difference < 0 ? "下降" : "持平";
  return change.significant
    ? `与${base.year}年（${score(change.base.mean)}分）相比${direction}${Math.abs(change.difference).toFixed(1)}分，变化在95%置信水平上显著。`
    : `与${base.year}年（${score(change.base.mean)}分）相比变化${signed(change.difference)}分，在抽样误差范围内，不能认为${subject}有实质变化。`;
}

function tierSentence(context: ReportContext): string {
  const towns = context.data.results.towns;
  const names = (tier: TownResult["tier"]) =>
    towns.filter((town) => town.tier === tier).map((town) => context.town(town.code, town.name));
  const above = names("above");
  const below = names("below");
  return (
    `按总体得分与全区之差的95%置信区间，${towns.length}个街镇分为三档：显著高于全区的${above.length}个（${list(above)}），` +
    `显著低于全区的${below.length}个（${list(below)}），其余${towns.length - above.length - below.length}个与全区无显著差异。`
  );
}

function dimensionSentence(context: ReportContext): string {
  const { district, dimensions } = context.data.results;
  const rated = dimensions
    .map((dimension) => ({ name: dimension.name, estimate: district.dimensions[dimension.code] }))
    .filter((entry) => entry.estimate)
    .sort((a, b) => (b.estimate?.mean ?? 0) - (a.estimate?.mean ?? 0));
  const best = rated[0];
  const worst = rated[rated.length - 1];
  if (!best || !worst || best === worst) return "";
  return `四个方面中，${best.name}得分最高（${score(best.estimate?.mean)}分），${worst.name}得分最低（${score(worst.estimate?.mean)}分）。`;
}

function weaknessSentence(context: ReportContext): string {
  const { objective } = context.data;
  if (!("report" in objective)) return `主客观对比：${objective.unavailable}`;
  const weak = objective.report.consensusWeaknesses.bothLow.map((town) => context.town(town.townCode, town.townName));
  return weak.length > 0
    ? `居民满意度和客观指标都低于街镇平均的共同短板街镇有${weak.length}个：${list(weak)}；${context.markTowns(objective.report.summary.sentence)}`
    : `没有满意度和客观指标同时低于平均的街镇；${context.markTowns(objective.report.summary.sentence)}`;
}

function prioritySentence(context: ReportContext): string {
  const top = context.data.priorities.district.improve
    .slice(0, 3)
    .map((question) => `“${context.itemTitle(question)}”`);
  return top.length > 0
    ? `按重要性与表现分析，全区最需要优先改进的是${top.join("、")}：居民对这些方面看得重，评价却低于平均。`
    : "按重要性与表现分析，全区没有重要性高于平均而得分低于平均的题目。";
}

export function summaryParagraphs(context: ReportContext): string[] {
  const { data } = context;
  const overall = data.results.district.overall;
  const counted = data.fieldwork.reduce((sum, town) => sum + town.completed, 0);
  const below = data.fieldwork.filter((town) => context.isBelowTarget(town.code));
  return [
    `本次调查共回收有效问卷${counted}份，覆盖${data.fieldwork.length}个街镇。` +
      `全区民生满意度总体得分为${score(overall.mean)}分（满分100分，95%置信区间${ci(overall)}），` +
      changeSentence(context, "全区满意度"),
    tierSentence(context) + dimensionSentence(context),
    weaknessSentence(context),
    prioritySentence(context),
    below.length > 0
      ? `${list(below.map((town) => context.town(town.code)))}的有效答卷未达到目标样本量（每个街镇${data.wave.townTarget}份），其结果误差较大，文中均以“†”标出。`
      : `各街镇有效答卷均达到目标样本量（每个街镇${data.wave.townTarget}份）。`,
  ];
}
