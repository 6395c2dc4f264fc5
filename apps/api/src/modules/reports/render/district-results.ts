/**
 * Sections 1–5 of the district report: summary, method, district results, towns, items.
 */
import type { Estimate } from "@survey/contract";
import { intervalChart } from "./charts";
import { type Block, dataTable, figure, heading, note, para } from "./docx-kit";
import { BELOW_TARGET_NOTE, change, ci, percent, score, signed, TIER_LABELS, TIER_SHORT } from "./format";
import type { ReportContext } from "./report-context";
import { summaryParagraphs } from "./summary-text";

export function summarySection(context: ReportContext): Block[] {
  return [heading("一、摘要"), ...summaryParagraphs(context).map((text) => para(text))];
}

export function methodSection(context: ReportContext): Block[] {
  const { data } = context;
  const total = (pick: (town: (typeof data.fieldwork)[number]) => number) =>
    data.fieldwork.reduce((sum, town) => sum + pick(town), 0);
  const rows = data.fieldwork.map((town) => [
    context.town(town.code),
    String(town.target),
    String(town.completed),
    String(town.online),
    String(town.interviewer),
    String(town.imported),
    String(town.attempts),
    `${town.communitiesReached}/${town.communities}`,
  ]);
  rows.push([
    "合计",
    String(total((t) => t.target)),
    String(total((t) => t.completed)),
    String(total((t) => t.online)),
    String(total((t) => t.interviewer)),
    String(total((t) => t.imported)),
    String(total((t) => t.attempts)),
    `${total((t) => t.communitiesReached)}/${total((t) => t.communities)}`,
  ]);
  return [
    heading("二、调查方法"),
    heading("（一）抽样设计", 2),
    para(
      `调查按街镇分层：每个街镇完成${data.wave.townTarget}份有效问卷，每个社区（居委会、村委会）最多${data.wave.communityCap}份，` +
        "先到先得，使样本分散到各个社区，避免集中在少数社区。",
    ),
    heading("（二）身份核验与调查方式", 2),
    para(
      "居民通过区社建办微信公众号的链接或社区海报上的二维码在手机上作答，作答前须通过身份证号码和手机短信验证码的双重核验，" +
        "每个身份证号码和每个手机号码在一次调查中只能作答一次；身份证号码和手机号码只以加密摘要保存，不出现在任何报表中。" +
        "调查员同时上门入户访问，并录入纸质问卷（与网上作答执行同样的配额和去重规则）。表中“核验次数”为开始身份核验的次数。",
    ),
    ...dataTable(
      context.numbering,
      "各街镇样本量与调查方式",
      [
        { header: "街镇", width: 3 },
        { header: "目标", width: 1.4, align: "right" },
        { header: "有效答卷", width: 1.6, align: "right" },
        { header: "网上", width: 1.4, align: "right" },
        { header: "调查员录入", width: 1.8, align: "right" },
        { header: "批量导入", width: 1.6, align: "right" },
        { header: "核验次数", width: 1.6, align: "right" },
        { header: "覆盖社区", width: 1.7, align: "right" },
      ],
      rows,
    ),
    ...(context.anyBelowTarget ? [note(BELOW_TARGET_NOTE)] : []),
    heading("（三）加权与误差", 2),
    para(
      "各街镇样本量相同而人口不同，全区结果按各街镇成年人口加权（设计权重＝街镇人口÷有效答卷数），使人口多的街镇占相应的比重；" +
        "各街镇自身的结果不加权。每项得分把“非常不满意”到“非常满意”换算为0到100分，“不了解”“不适用”和未答不计入。",
    ),
    para(
      "得分的95%置信区间表示抽样误差的范围：如果重复抽样，大约95%的区间会包含真实值。每个街镇约200份问卷时，" +
        "总体得分的误差约为正负4分，因此相差一两分的街镇不能说有高低之分。街镇分档看的是该街镇与全区之差的置信区间：" +
        "区间整体在0以上为“显著高于全区”，整体在0以下为“显著低于全区”，其余为“与全区无显著差异”。",
    ),
  ];
}

const scoreRow = (label: string, estimate: Estimate | undefined, changeText: string) => [
  label,
  score(estimate?.mean),
  estimate ? ci(estimate) : "—",
  String(estimate?.n ?? "—"),
  changeText,
];

const SCORE_COLUMNS = [
  { header: "方面", width: 3.2 },
  { header: "得分", width: 1.3, align: "right" as const },
  { header: "95%置信区间", width: 2.2, align: "center" as const },
  { header: "样本数", width: 1.3, align: "right" as const },
  { header: "较上年变化", width: 2.2, align: "center" as const },
];

export function districtSection(context: ReportContext): Block[] {
  const { results } = context.data;
  const dimensions = results.dimensions.map((dimension) => ({
    label: dimension.name,
    estimate: results.district.dimensions[dimension.code],
    change: change(context.change("dimension", dimension.code)),
  }));
  const domains = results.domains.map((domain) => ({
    label: domain.name,
    estimate: results.district.domains[domain.code],
    change: change(context.change("domain", domain.code)),
  }));
  const intervalRows = (rows: typeof dimensions) =>
    rows.flatMap(({ label, estimate }) =>
      estimate ? [{ label, mean: estimate.mean, low: estimate.ciLow, high: estimate.ciHigh }] : [],
    );
  const overall = results.district.overall;
  return [
    heading("三、全区满意度"),
    para(
      `全区总体得分${score(overall.mean)}分，95%置信区间${ci(overall)}，较上年变化${change(context.change("overall", "overall"))}。` +
        "下表列出四个方面和各领域的得分。",
    ),
    ...dataTable(context.numbering, "全区各方面满意度得分", SCORE_COLUMNS, [
      scoreRow("总体", overall, change(context.change("overall", "overall"))),
      ...dimensions.map((row) => scoreRow(row.label, row.estimate, row.change)),
    ]),
    ...figure(
      context.numbering,
      "全区各方面满意度得分及95%置信区间",
      intervalChart(intervalRows(dimensions), {
        reference: { value: overall.mean, label: `总体 ${score(overall.mean)}` },
      }),
    ),
    ...dataTable(
      context.numbering,
      "全区各领域满意度得分",
      [{ ...SCORE_COLUMNS[0], header: "领域" }, ...SCORE_COLUMNS.slice(1)] as typeof SCORE_COLUMNS,
      domains.map((row) => scoreRow(row.label, row.estimate, row.change)),
    ),
    ...figure(
      context.numbering,
      "全区各领域满意度得分及95%置信区间",
      intervalChart(intervalRows(domains), {
        reference: { value: overall.mean, label: `总体 ${score(overall.mean)}` },
      }),
    ),
  ];
}

export function townsSection(context: ReportContext): Block[] {
  const { results } = context.data;
  const towns = [...results.towns].sort((a, b) => a.rank - b.rank);
  const tierParagraphs = (["above", "average", "below"] as const).map((tier) => {
    const members = towns.filter((town) => town.tier === tier);
    return para(
      `${TIER_LABELS[tier]}：${members.length === 0 ? "无" : members.map((town) => `${context.town(town.code, town.name)}（${score(town.overall.mean)}分）`).join("、")}。`,
    );
  });
  return [
    heading("四、各街镇满意度"),
    para(
      "各街镇按总体得分排序，并按与全区之差的95%置信区间分为三档。由于每个街镇的抽样误差约为正负4分，" +
        "同一档内的名次先后不代表有实质差别，公布时以分档为准。",
    ),
    ...tierParagraphs,
    ...dataTable(
      context.numbering,
      "各街镇总体满意度、排名与分档",
      [
        { header: "排名", width: 1, align: "center" },
        { header: "街镇", width: 2.6 },
        { header: "样本数", width: 1.2, align: "right" },
        { header: "得分", width: 1.2, align: "right" },
        { header: "95%置信区间", width: 2.1, align: "center" },
        { header: "与全区之差", width: 1.6, align: "right" },
        { header: "较上年", width: 1.8, align: "center" },
        { header: "分档", width: 1.6, align: "center" },
      ],
      towns.map((town) => [
        String(town.rank),
        context.town(town.code, town.name),
        String(town.n),
        score(town.overall.mean),
        ci(town.overall),
        signed(town.comparison.difference),
        change(context.change("overall", "overall", town.code)),
        TIER_SHORT[town.tier],
      ]),
    ),
    ...(context.anyBelowTarget ? [note(BELOW_TARGET_NOTE)] : []),
    ...figure(
      context.numbering,
      "各街镇总体满意度得分及95%置信区间（按分档标记）",
      intervalChart(
        towns.map((town) => ({
          label: context.town(town.code, town.name),
          mean: town.overall.mean,
          low: town.overall.ciLow,
          high: town.overall.ciHigh,
          group: town.tier,
        })),
        { reference: { value: results.district.overall.mean, label: `全区 ${score(results.district.overall.mean)}` } },
      ),
    ),
  ];
}

export function itemsSection(context: ReportContext): Block[] {
  const { results } = context.data;
  const flagged = results.items.filter((item) => item.flagged);
  return [
    heading("五、各题目满意度"),
    para(
      "下表列出每道满意度题目的全区得分、95%置信区间、满意率（回答“比较满意”或“非常满意”的加权比例）和缺失比例" +
        `（回答“不了解”“不适用”或未答的比例）。${flagged.length > 0 ? `缺失比例超过20%的题目有${flagged.length}道，已标“*”，其得分只代表了解情况的居民。` : "没有缺失比例超过20%的题目。"}`,
    ),
    ...dataTable(
      context.numbering,
      "各题目全区得分、满意率与缺失比例",
      [
        { header: "题目", width: 5 },
        { header: "方面", width: 1.6 },
        { header: "得分", width: 1.1, align: "right" },
        { header: "95%置信区间", width: 2, align: "center" },
        { header: "满意率", width: 1.3, align: "right" },
        { header: "缺失", width: 1.2, align: "right" },
      ],
      results.items.map((item) => {
        const estimate = results.district.items[item.question];
        return [
          item.title,
          context.dimensionName(item.dimension),
          score(estimate?.mean),
          estimate ? ci(estimate) : "—",
          percent(item.satisfactionRate?.mean),
          `${percent(item.missingShare * 100)}${item.flagged ? "*" : ""}`,
        ];
      }),
    ),
  ];
}
