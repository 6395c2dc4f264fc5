/**
 * A town's report card for its leaders (2–4 pages): the town against the district per dimension and item, its
 * tier and change, strengths and weaknesses, priorities, what its residents wrote.
 */
import type { IndicatorWarning } from "@survey/contract";
import { Packer } from "docx";
import type { ReportData } from "../report-data";
import { barChart } from "./charts";
import { type Block, cardTitle, dataTable, figure, heading, note, para, reportDocument } from "./docx-kit";
import { BELOW_TARGET_NOTE, change, ci, dateText, importance, list, score, signed, TIER_LABELS } from "./format";
import { ReportContext } from "./report-context";
import { changeSentence } from "./summary-text";

export function townCardTitle(data: ReportData, townCode: string): string {
  const name = data.results.towns.find((town) => town.code === townCode)?.name ?? townCode;
  return `${name}${data.wave.year}年民生满意度报告卡`;
}

/** How many priorities a town's card lists (the district report lists them all). */
const CARD_PRIORITIES = 5;

function townBlocks(context: ReportContext, townCode: string): Block[] {
  const { data } = context;
  const town = data.results.towns.find((candidate) => candidate.code === townCode);
  const label = context.town(townCode);
  if (!town) {
    const excluded = data.results.excludedTowns.find((candidate) => candidate.code === townCode);
    return [para(`${label}本次没有可计算的结果：${excluded?.reason ?? "没有有效答卷"}。`)];
  }
  const district = data.results.district;
  const gaps = data.results.items
    .flatMap((item) => {
      const own = town.items[item.question];
      const all = district.items[item.question];
      return own && all ? [{ item, own, all, gap: own.mean - all.mean }] : [];
    })
    .sort((a, b) => b.gap - a.gap);
  const strengths = gaps.slice(0, 5).filter((entry) => entry.gap > 0);
  const weaknesses = gaps
    .slice(-5)
    .reverse()
    .filter((entry) => entry.gap < 0);
  const priorities = data.priorities.towns.find((candidate) => candidate.code === townCode);
  const allImprove = (priorities?.improve ?? []).flatMap((question) =>
    (priorities?.items ?? []).filter((item) => item.question === question),
  );
  // A card for a town's leaders stays within four pages: the most important few, with how many there are in all.
  const improve = allImprove.slice(0, CARD_PRIORITIES);
  const fieldwork = data.fieldwork.find((candidate) => candidate.code === townCode);
  const quadrant =
    "report" in data.objective
      ? data.objective.report.quadrants.find((entry) => entry.townCode === townCode)
      : undefined;
  return [
    heading("一、总体情况"),
    para(
      `${label}有效答卷${town.n}份（目标${fieldwork?.target ?? data.wave.townTarget}份）。总体满意度${score(town.overall.mean)}分，` +
        `95%置信区间${ci(town.overall)}；全区${score(district.overall.mean)}分，相差${signed(town.comparison.difference)}分，` +
        `列${TIER_LABELS[town.tier]}，在${data.results.towns.length}个街镇中排第${town.rank}位。` +
        changeSentence(context, "本街镇满意度", townCode) +
        (quadrant ? `主客观对比中属于“${quadrant.label}”。` : ""),
    ),
    ...(context.isBelowTarget(townCode) ? [note(BELOW_TARGET_NOTE)] : []),
    ...figure(
      context.numbering,
      `${label}与全区各方面得分`,
      barChart(
        data.results.dimensions.map((dimension) => dimension.name),
        [
          { name: town.name, values: data.results.dimensions.map((d) => town.dimensions[d.code]?.mean ?? null) },
          { name: "全区", values: data.results.dimensions.map((d) => district.dimensions[d.code]?.mean ?? null) },
        ],
      ),
      { widthShare: 0.6 },
    ),
    ...dataTable(
      context.numbering,
      `${label}与全区各方面得分`,
      [
        { header: "方面", width: 2.6 },
        { header: "本街镇", width: 1.4, align: "right" },
        { header: "95%置信区间", width: 2.2, align: "center" },
        { header: "全区", width: 1.4, align: "right" },
        { header: "差", width: 1.2, align: "right" },
        { header: "较上年", width: 2, align: "center" },
      ],
      [
        { code: "overall", name: "总体", own: town.overall, all: district.overall, kind: "overall" as const },
        ...data.results.dimensions.map((dimension) => ({
          code: dimension.code,
          name: dimension.name,
          own: town.dimensions[dimension.code],
          all: district.dimensions[dimension.code],
          kind: "dimension" as const,
        })),
      ].map((row) => [
        row.name,
        score(row.own?.mean),
        row.own ? ci(row.own) : "—",
        score(row.all?.mean),
        row.own && row.all ? signed(row.own.mean - row.all.mean) : "—",
        change(context.change(row.kind, row.code, townCode)),
      ]),
    ),
    heading("二、优势与短板"),
    para(`与全区相比得分高出最多的题目：${list(strengths.map((e) => `${e.item.title}（${signed(e.gap)}分）`))}。`),
    para(`与全区相比得分低出最多的题目：${list(weaknesses.map((e) => `${e.item.title}（${signed(e.gap)}分）`))}。`),
    heading("三、优先改进事项"),
    improve.length === 0
      ? para("本街镇没有重要性高于平均而得分低于平均的题目。")
      : para(
          allImprove.length > improve.length
            ? `居民看得重而评价偏低的方面共${allImprove.length}项，按重要性排列的前${improve.length}项：`
            : "居民看得重而评价偏低的方面，按重要性排列：",
        ),
    ...(improve.length === 0
      ? []
      : dataTable(
          context.numbering,
          `${label}优先改进事项`,
          [
            { header: "题目", width: 6 },
            { header: "重要性", width: 1.5, align: "right" },
            { header: "得分", width: 1.5, align: "right" },
          ],
          improve.map((item) => [item.title, importance(item.importance), score(item.performance)]),
        )),
    ...warningBlocks(context, townCode),
    ...voiceBlocks(context, townCode),
    heading("六、各题目得分"),
    ...dataTable(
      context.numbering,
      `${label}各题目得分与全区对比`,
      [
        { header: "题目", width: 6 },
        { header: "本街镇", width: 1.3, align: "right" },
        { header: "全区", width: 1.3, align: "right" },
        { header: "差", width: 1.2, align: "right" },
      ],
      data.results.items.map((item) => {
        const own = town.items[item.question];
        const all = district.items[item.question];
        return [item.title, score(own?.mean), score(all?.mean), own && all ? signed(own.mean - all.mean) : "—"];
      }),
      { compact: true },
    ),
  ];
}

const STATUS_TEXT = { met: "达标", near: "接近", missed: "未达标" } as const;

function targetText(warning: IndicatorWarning): string {
  if (warning.target !== null) return `${warning.direction === "negative" ? "≤" : "≥"}${number(warning.target)}`;
  return `${number(warning.targetLow)}～${number(warning.targetHigh)}`;
}

const number = (value: number | null) => (value === null ? "—" : String(Number(value.toFixed(2))));

/** How many indicator warnings a card lists: the most serious first, with how many there are in all. */
export const CARD_WARNINGS = 8;

/** Missed before near before met (met ones are listed only when worsening); worsening first within each. */
const severity = (warning: IndicatorWarning) =>
  (warning.status === "missed" ? 0 : warning.status === "near" ? 2 : 4) + (warning.worsening ? 0 : 1);

/** 指标预警: the town's objective indicators that miss or near their plan target, or move away from it. */
function warningBlocks(context: ReportContext, townCode: string): Block[] {
  const { data } = context;
  const warnings = data.warnings[townCode] ?? [];
  const title = heading("四、客观指标预警");
  if (warnings.length === 0) {
    return [title, para(`${data.wave.year}年本街镇没有未达标、接近目标或连续恶化的客观指标。`)];
  }
  // A card for a town's leaders stays within four pages; the warnings page of the console lists them all.
  const shown = [...warnings].sort((a, b) => severity(a) - severity(b)).slice(0, CARD_WARNINGS);
  return [
    title,
    para(
      `${data.wave.year}年本街镇有${warnings.length}项客观指标需要关注（未达标、差距在目标值5%以内的“接近”，` +
        "或连续两年偏离目标更远的“恶化”）" +
        (shown.length < warnings.length ? `，最需要关注的${shown.length}项如下（全部见控制台“预警和预测”页）：` : "："),
    ),
    ...dataTable(
      context.numbering,
      `${context.town(townCode)}客观指标预警`,
      [
        { header: "指标", width: 5 },
        { header: "数值", width: 1.8, align: "right" },
        { header: "目标", width: 1.8, align: "right" },
        { header: "状态", width: 1.9, align: "center" },
      ],
      shown.map((warning) => [
        warning.indicatorName,
        `${number(warning.value)}${warning.unit}`,
        `${targetText(warning)}${warning.unit}`,
        `${STATUS_TEXT[warning.status]}${warning.worsening ? "、恶化" : ""}`,
      ]),
      { compact: true },
    ),
  ];
}

/** 居民意见: the town's comments per theme and a few of its own comments (masked when stored). */
function voiceBlocks(context: ReportContext, townCode: string): Block[] {
  const themes = context.data.comments.themes.filter((theme) => (theme.byTown[townCode] ?? 0) > 0);
  const total = context.data.comments.towns.find((town) => town.code === townCode)?.total ?? 0;
  if (total === 0) return [heading("五、居民意见"), para("本街镇居民本次没有在开放题中写下意见。")];
  return [
    heading("五、居民意见"),
    para(
      `本街镇居民共写下${total}条意见和建议，按主题：${list(
        themes.map((theme) => `${theme.label}${theme.byTown[townCode]}条`),
      )}。其中的身份证号、手机号等号码在保存时已经隐去。`,
    ),
    ...themes.flatMap((theme) =>
      (theme.townExamples[townCode] ?? []).map((example) =>
        para(`【${theme.label}】${example.text}${context.commentSource(example)}`),
      ),
    ),
  ];
}

export async function townCardDocx(data: ReportData, townCode: string): Promise<Buffer> {
  const context = new ReportContext(data);
  const title = townCardTitle(data, townCode);
  const document = reportDocument(
    title,
    [...cardTitle(title, `${data.wave.title} · ${dateText(data.generatedAt)}`), ...townBlocks(context, townCode)],
    { card: true },
  );
  return Packer.toBuffer(document);
}
