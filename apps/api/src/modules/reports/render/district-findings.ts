/**
 * Sections 6–10 of the district report: subjective against objective, priorities, policy awareness, what
 * residents wrote, appendix.
 */
import type { ComparisonReport, PriorityArea } from "@survey/contract";
import { PRIORITY_QUADRANT_LABELS } from "@survey/stats";
import { barChart, quadrantChart } from "./charts";
import { type Block, dataTable, figure, heading, note, para } from "./docx-kit";
import { BELOW_TARGET_NOTE, importance, list, percent, score, signed } from "./format";
import type { ReportContext } from "./report-context";

/** A town whose two ranks disagree, explained from its own figures (not one sentence for all). */
function disagreementText(context: ReportContext, row: ComparisonReport["disagreements"][number]): string {
  const town = context.data.results.towns.find((candidate) => candidate.code === row.townCode);
  const district = context.data.results.district;
  const gaps = context.data.results.domains
    .flatMap((domain) => {
      const own = town?.domains[domain.code];
      const all = district.domains[domain.code];
      return own && all ? [{ name: domain.name, gap: own.mean - all.mean }] : [];
    })
    .sort((a, b) => a.gap - b.gap);
  const describe = (entries: typeof gaps) => entries.map((gap) => `${gap.name}（${signed(gap.gap)}分）`);
  const lowest = describe(gaps.filter((gap) => gap.gap < 0).slice(0, 2));
  const highest = describe(
    gaps
      .filter((gap) => gap.gap > 0)
      .slice(-2)
      .reverse(),
  );
  const improve = context.data.priorities.towns
    .find((candidate) => candidate.code === row.townCode)
    ?.improve.slice(0, 2)
    .map((question) => `“${context.itemTitle(question)}”`);
  const head = `${context.town(row.townCode, row.townName)}：满意度第${row.satisfactionRank}位（${score(row.satisfaction)}分），客观指数第${row.objectiveRank}位（${score(row.objective)}）。`;
  return row.difference > 0
    ? `${head}客观条件较好而居民评价偏低，${lowest.length > 0 ? `低于全区最多的领域是${list(lowest)}` : "各领域得分虽不低于全区，但相对其客观条件仍显不足"}` +
        `${improve && improve.length > 0 ? `，本镇居民最需要改进的是${improve.join("、")}` : ""}，宜查找服务落实和宣传沟通上的原因。`
    : `${head}居民评价好于客观指标，${highest.length > 0 ? `高于全区最多的领域是${list(highest)}` : "各领域得分与全区相近"}；客观指标排名靠后，说明硬件和投入仍需补齐，不能因评价较好而放松。`;
}

export function objectiveSection(context: ReportContext): Block[] {
  const { objective } = context.data;
  if (!("report" in objective)) {
    return [heading("六、主客观对比"), para(`本次未做主客观对比：${objective.unavailable}`)];
  }
  const report = objective.report;
  const quadrantOf = new Map(report.quadrants.map((entry) => [entry.townCode, entry.label]));
  const groups = Object.values(report.quadrantLabels);
  return [
    heading("六、主客观对比"),
    para(
      `把各街镇居民的总体满意度与社会建设指标体系的综合指数（${report.year}年）分别独立计算后对照。${context.markTowns(report.summary.sentence)}`,
    ),
    note(context.markTowns(report.summary.footnote)),
    ...figure(
      context.numbering,
      "各街镇满意度与客观指数四象限图（虚线为街镇平均）",
      quadrantChart(
        report.quadrants.flatMap((entry) => {
          const town = report.towns.find((candidate) => candidate.townCode === entry.townCode);
          return town && town.satisfaction !== null && town.objective !== null
            ? [
                {
                  label: context.town(entry.townCode, entry.townName),
                  x: town.satisfaction,
                  y: town.objective,
                  group: entry.label,
                },
              ]
            : [];
        }),
        {
          xName: "居民满意度",
          yName: "客观指数",
          split: { x: report.means.satisfaction, y: report.means.objective },
          groups,
        },
      ),
    ),
    ...dataTable(
      context.numbering,
      "各街镇满意度排名与客观指数排名",
      [
        { header: "街镇", width: 2.6 },
        { header: "满意度", width: 1.3, align: "right" },
        { header: "满意度排名", width: 1.5, align: "center" },
        { header: "客观指数", width: 1.3, align: "right" },
        { header: "客观排名", width: 1.4, align: "center" },
        { header: "排名差", width: 1.2, align: "center" },
        { header: "象限", width: 2.6 },
      ],
      report.rankTable.map((row) => [
        context.town(row.townCode, row.townName),
        score(row.satisfaction),
        String(row.satisfactionRank),
        score(row.objective),
        String(row.objectiveRank),
        `${row.difference > 0 ? "+" : ""}${row.difference}${row.flagged ? "*" : ""}`,
        quadrantOf.get(row.townCode) ?? "",
      ]),
    ),
    note(`排名差＝满意度排名－客观指数排名，“*”表示相差5位及以上。${context.anyBelowTarget ? BELOW_TARGET_NOTE : ""}`),
    heading("（一）共同短板", 2),
    para(
      `满意度和客观指数都低于街镇平均的街镇：${list(report.consensusWeaknesses.bothLow.map((t) => context.town(t.townCode, t.townName)))}。` +
        `两项排名倒数${report.consensusWeaknesses.k}位中重合的街镇：${list(report.consensusWeaknesses.overlap.map((t) => context.town(t.townCode, t.townName)))}` +
        `（两个排名无关时出现这样多重合的概率为${report.consensusWeaknesses.probability.toFixed(3)}）。`,
    ),
    heading("（二）主客观不一致的街镇", 2),
    ...(report.disagreements.length === 0
      ? [para("没有两项排名相差5位及以上的街镇。")]
      : report.disagreements.map((row) => para(disagreementText(context, row)))),
  ];
}

function priorityTable(context: ReportContext, area: PriorityArea, title: string): Block[] {
  const improve = area.improve.flatMap((question) => area.items.filter((item) => item.question === question));
  return dataTable(
    context.numbering,
    title,
    [
      { header: "题目", width: 5 },
      { header: "方面", width: 1.6 },
      { header: "重要性", width: 1.4, align: "right" },
      { header: "得分", width: 1.2, align: "right" },
    ],
    improve.map((item) => [
      item.title,
      context.dimensionName(item.dimension),
      importance(item.importance),
      score(item.performance),
    ]),
  );
}

export function prioritySection(context: ReportContext): Block[] {
  const { priorities } = context.data;
  const district = priorities.district;
  const labels = Object.values(PRIORITY_QUADRANT_LABELS);
  return [
    heading("七、改进优先事项"),
    para(
      "每道题目的“重要性”是居民对该题的评分与其对其余各题平均评分的加权相关系数：相关越高，说明这方面的感受越能左右居民的整体评价。" +
        "以各题重要性和得分的平均值为界分为四类：重要性高而得分低的为“优先改进”，两者都高的为“继续保持”，" +
        "两者都低的为“次要改进”，重要性低而得分高的为“维持即可”。",
    ),
    ...(district.means
      ? figure(
          context.numbering,
          "全区各题目重要性与得分（虚线为平均值）",
          quadrantChart(
            district.items.flatMap((item) =>
              item.importance !== null && item.performance !== null && item.quadrant
                ? [
                    {
                      label: item.title.slice(0, 8),
                      x: item.performance,
                      y: item.importance,
                      group: PRIORITY_QUADRANT_LABELS[item.quadrant],
                    },
                  ]
                : [],
            ),
            {
              xName: "得分",
              yName: "重要性",
              split: { x: district.means.performance, y: district.means.importance },
              groups: labels,
            },
          ),
        )
      : []),
    ...priorityTable(context, district, "全区优先改进事项"),
    ...dataTable(
      context.numbering,
      "各街镇优先改进事项（按重要性排列，最多三项）",
      [
        { header: "街镇", width: 2 },
        { header: "优先改进事项", width: 8 },
      ],
      priorities.towns.map((town) => [
        context.town(town.code, town.name),
        town.improve
          .slice(0, 3)
          .map((question) => {
            const item = town.items.find((candidate) => candidate.question === question);
            return `${context.itemTitle(question)}（重要性${importance(item?.importance ?? null)}，得分${score(item?.performance)}）`;
          })
          .join("；") || "无",
      ]),
    ),
  ];
}

export function policySection(context: ReportContext): Block[] {
  const { policies, results } = context.data;
  if (policies.length === 0) return [heading("八、政策知晓"), para("本次问卷没有政策知晓题，或无人作答。")];
  const towns = results.towns.length > 0 ? results.towns : [];
  return [
    heading("八、政策知晓"),
    para(
      `问卷向居民介绍了${policies.length}项民生政策并询问是否知道。知晓率为回答“${policies[0]?.awareLabel}”的加权比例。` +
        policies.map((policy) => `${policy.title} ${percent(policy.district)}`).join("；") +
        "。",
    ),
    ...figure(
      context.numbering,
      "全区各项政策知晓率",
      barChart(
        policies.map((policy) => policy.title),
        [{ name: "全区", values: policies.map((policy) => policy.district) }],
        { unit: "%" },
      ),
    ),
    ...dataTable(
      context.numbering,
      "各街镇政策知晓率",
      [
        { header: "街镇", width: 2.4 },
        ...policies.map((policy) => ({ header: policy.title, width: 2, align: "right" as const })),
      ],
      [
        ["全区", ...policies.map((policy) => percent(policy.district))],
        ...towns.map((town) => [
          context.town(town.code, town.name),
          ...policies.map((policy) => percent(policy.towns[town.code])),
        ]),
      ],
    ),
  ];
}

/** 居民意见: each theme's comments per town (every town that wrote any), then a few comments per theme. */
export function voicesSection(context: ReportContext): Block[] {
  const { comments } = context.data;
  if (comments.total === 0) return [heading("九、居民意见"), para("本次调查没有居民在开放题中写下意见。")];
  return [
    heading("九、居民意见"),
    para(
      `居民在开放题中共写下${comments.total}条意见和建议，按主题归类（一条意见可属于几个主题）如下。` +
        "意见原文中的身份证号、手机号等号码在保存时已经隐去。",
    ),
    ...dataTable(
      context.numbering,
      "各主题居民意见条数及所在街镇",
      [
        { header: "主题", width: 2.6 },
        { header: "条数", width: 1.1, align: "right" },
        { header: "各街镇条数", width: 7 },
      ],
      comments.themes.map((theme) => [
        theme.label,
        String(theme.total),
        Object.entries(theme.byTown)
          .filter(([, count]) => count > 0)
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .map(([code, count]) => `${context.town(code)} ${count}`)
          .join("、"),
      ]),
    ),
    heading("代表性意见", 2),
    ...comments.themes.flatMap((theme) =>
      theme.examples.map((example) =>
        para(
          `【${theme.label}】${example.text}（${context.town(example.townCode)}${context.commentSource(example, "，")}）`,
        ),
      ),
    ),
  ];
}

export function appendixSection(context: ReportContext): Block[] {
  const { data } = context;
  const excluded = data.results.excludedTowns;
  const below = data.fieldwork.filter((town) => context.isBelowTarget(town.code));
  return [
    heading("附录"),
    heading("（一）调查问卷", 2),
    para(`问卷：${data.wave.questionnaireTitle}。各题的答案代码与纸质问卷、数据导入模板一致。`),
    ...data.questionnaire.pages.flatMap((page) =>
      page.questions.length === 0
        ? []
        : dataTable(
            context.numbering,
            `问卷：${page.title}`,
            [
              { header: "编号", width: 2.2 },
              { header: "题目", width: 5 },
              { header: "类型", width: 1.4 },
              { header: "答案代码", width: 3 },
            ],
            page.questions.map((question) => [question.name, question.title, question.kind, question.codes.join("；")]),
          ),
    ),
    heading("（二）名词解释", 2),
    ...[
      "得分：把“非常不满意、不太满意、一般、比较满意、非常满意”分别换算为0、25、50、75、100分后的加权平均；“不了解”“不适用”和未答不计入。",
      "满意率：有效回答中回答“比较满意”或“非常满意”的加权比例。",
      "95%置信区间：得分±1.96倍标准误，反映抽样误差；标准误按分层抽样设计（泰勒线性化）计算。",
      "分档：街镇得分与全区得分之差的95%置信区间全部在0以上为高于全区，全部在0以下为低于全区，否则为与全区无显著差异。",
      "重要性：居民对某题的评分与其对其余各题平均评分的加权皮尔逊相关系数。",
      "共同短板：满意度与客观指数都低于街镇平均的街镇。",
    ].map((text) => para(text)),
    heading("（三）数据说明", 2),
    para(
      `本报告的数字与管理系统“结果”“主客观比较”“改进优先事项”页面一致，由系统于报告生成时计算；全区结果按街镇人口加权（${data.results.weighting === "design" ? "设计权重" : "事后分层权重"}）。`,
    ),
    para(
      below.length > 0
        ? `有效答卷未达到目标样本量的街镇：${below.map((town) => `${context.town(town.code)}（${town.completed}/${town.target}）`).join("、")}。`
        : "各街镇有效答卷均达到目标样本量。",
    ),
    ...(excluded.length > 0
      ? [
          para(
            `未计算结果的街镇：${excluded.map((town) => `${context.town(town.code, town.name)}（${town.reason}）`).join("、")}。`,
          ),
        ]
      : []),
  ];
}
