import type {
  CommentCounts,
  ComparisonReport,
  CrosstabResult,
  IndicatorWarning,
  WaveComparison,
  WavePriorities,
  WaveResults,
} from "@survey/contract";
import { queryRows, questionnaires, waves } from "@survey/db";
import { buildScoringMap } from "@survey/questionnaire";
import { eq, sql } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARD_WARNINGS } from "../apps/api/src/modules/reports/render/town-card";
import { createWave } from "../apps/api/src/modules/waves";
import { csv } from "./fixtures/upload-files";
import { enterPaperComment } from "./support/resident";
import { loadSyntheticResponses } from "./support/synthetic-responses";
import { createTestApp, type SignedInUser, signIn, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

/**
 * The annual report read as a user's Word would read it: the documents are unzipped and their XML's text and
 * tables compared with the results, wave comparison, subjective–objective comparison, priorities and cross-tab
 * endpoints, each figure rounded as the report shows it. Data: the demo frame (17 towns) and questionnaire,
 * 12 synthetic respondents per town this year and last; ten towns' targets are lowered to 12, so the other
 * seven are below target. Five paper questionnaires carry comments in two of those towns (entered as data-entry
 * staff do), one with the resident's ID number and phone typed in. One town-level indicator of the card's town is
 * set far below its plan target for the wave's year.
 */
const PER_TOWN = 12;
const TYPED_ID = "11010519491231002X";
const TYPED_PHONE = "13800138000";

const f1 = (value: number) => value.toFixed(1);
const ciText = (estimate: { ciLow: number; ciHigh: number }) => `[${f1(estimate.ciLow)}, ${f1(estimate.ciHigh)}]`;
const signedText = (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : "±"}${Math.abs(value).toFixed(1)}`;
const percentText = (value: number) => `${value.toFixed(1)}%`;

/** What residents wrote on paper, per town (the first two below-target towns). */
const COMMENTS: [0 | 1, string][] = [
  [0, `小区停车位太少，晚上停车难。我的身份证${TYPED_ID}，电话${TYPED_PHONE}`],
  [0, "看病难，医院排队时间长"],
  [1, "垃圾没人清理，河道有臭味"],
  [1, "希望增加公交线路，地铁站太远"],
  [1, "总体还可以，谢谢"],
];

interface ReadDocument {
  text: string;
  xml: string;
  /** Every table: rows of cell texts. */
  tables: string[][][];
}

/** Text of each paragraph, paragraphs on their own lines (so that neighbouring cells never run together). */
const textOf = (xml: string) =>
  xml
    .split("</w:p>")
    .map((paragraph) =>
      [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1] ?? "").join(""),
    )
    .join("\n")
    .replaceAll("&amp;", "&")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"');

async function readDocx(bytes: Buffer | Uint8Array): Promise<ReadDocument> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")?.async("string");
  if (!xml) throw new Error("no word/document.xml");
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...(table[1] ?? "").matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...(row[1] ?? "").matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => textOf(cell[1] ?? "").trim()),
    ),
  );
  const parts = await Promise.all(
    Object.values(zip.files)
      .filter((entry) => entry.name.endsWith(".xml"))
      .map((entry) => entry.async("string")),
  );
  return { text: textOf(xml), xml: parts.join("\n"), tables };
}

const tableWithHeader = (document: ReadDocument, header: readonly string[]) => {
  const table = document.tables.find((candidate) => header.every((cell, i) => candidate[0]?.[i]?.trim() === cell));
  if (!table) throw new Error(`no table with header ${header.join(" | ")}`);
  return table.slice(1);
};

describe(`annual report (${testDriver})`, () => {
  let t: TestApp;
  let office: SignedInUser;
  let waveId: number;
  /** A pilot wave in three towns, for the zip of every town's card. */
  let pilotId: number;
  let results: WaveResults;
  let priorities: WavePriorities;
  let change: WaveComparison;
  let objective: ComparisonReport;
  let district: ReadDocument;
  let counts: CommentCounts;
  /** The card's town: below target, with comments, and one indicator far below its plan target. */
  let cardTown: string;
  let otherTown: string;
  let missedIndicator: { code: string; name: string };
  const belowTarget = new Set<string>();

  const get = (path: string, user = office) => t.app.inject({ method: "GET", url: path, headers: user.headers });
  const json = async <T>(path: string): Promise<T> => {
    const response = await get(path);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    office = await signIn(t.app, "office");
    const db = t.database.handle.db;
    const [wave] = await db.select().from(waves).where(eq(waves.code, "SJ-2026"));
    if (!wave?.questionnaireId) throw new Error("demo wave missing");
    waveId = wave.id;
    const [questionnaire] = await db.select().from(questionnaires).where(eq(questionnaires.id, wave.questionnaireId));
    const scoring = buildScoringMap(questionnaire?.definition);
    const last = await createWave(db, {
      code: "SJ-2025",
      title: "2025年松江区民生满意度调查",
      year: 2025,
      questionnaireId: wave.questionnaireId,
    });
    const pilot = await createWave(db, {
      code: "SJ-2026-PILOT",
      title: "2026年试点调查",
      year: 2026,
      questionnaireId: wave.questionnaireId,
      townCodes: ["310117001", "310117002", "310117003"],
    });
    pilotId = pilot.id;
    for (const id of [last.id, waveId, pilotId]) {
      await loadSyntheticResponses(db, {
        waveId: id,
        questionnaireId: wave.questionnaireId,
        scoring,
        perTown: PER_TOWN,
      });
    }
    const towns = await queryRows<{ code: string }>(
      db,
      sql`select town_code as code from wave_towns where wave_id = ${waveId} order by town_code`,
    );
    const met = towns.slice(0, 10).map((town) => town.code);
    for (const town of towns.slice(10)) belowTarget.add(town.code);
    await db.execute(
      sql`update wave_towns set target = ${PER_TOWN} where wave_id = ${waveId} and town_code in (${sql.join(
        met.map((code) => sql`${code}`),
        sql`, `,
      )})`,
    );
    [cardTown, otherTown] = [...belowTarget] as [string, string];
    const admin = await signIn(t.app, "admin");
    for (const [k, comment] of COMMENTS) {
      await enterPaperComment(t.app, admin.headers, waveId, k === 0 ? cardTown : otherTown, comment);
    }
    // Three indicators far below their plan target: with the demo's own, more warnings than a card lists.
    const missing = await queryRows<{ code: string; name: string; target: number }>(
      db,
      sql`select code, name, coalesce(town_plan_target, plan_target) as target from indicators
          where level = 'town' and direction = 'positive' and coalesce(town_plan_target, plan_target) > 0
          order by code limit 3`,
    );
    const [indicator] = missing;
    if (!indicator) throw new Error("no town-level indicator with a plan target");
    missedIndicator = indicator;
    const upload = await t.app.inject({
      method: "POST",
      url: "/api/admin/indicators/values",
      payload: csv([
        ["indicator_code", "town_code", "year", "value"],
        ...missing.map((row) => [row.code, cardTown, wave.year, row.target / 2]),
      ]),
      headers: { ...admin.headers, "content-type": "text/csv" },
    });
    expect(upload.statusCode, upload.body).toBeLessThan(300);

    results = await json(`/api/admin/waves/${waveId}/results`);
    priorities = await json(`/api/admin/waves/${waveId}/priorities`);
    change = await json(`/api/admin/waves/${waveId}/compare/${last.id}`);
    objective = await json(`/api/admin/waves/${waveId}/comparison?domain=overall`);
    counts = await json(`/api/admin/waves/${waveId}/comments/counts`);
    const response = await get(`/api/admin/waves/${waveId}/report.docx`);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    expect(response.headers["content-type"]).toContain("wordprocessingml");
    expect(response.headers["content-disposition"]).toContain(encodeURIComponent("报告.docx"));
    district = await readDocx(response.rawPayload);
  }, 240_000);
  afterAll(() => t.close());

  const name = (code: string) => {
    const town = results.towns.find((candidate) => candidate.code === code);
    return `${town?.name}${belowTarget.has(code) ? "†" : ""}`;
  };

  /** The text after the table of contents (which lists the same headings). */
  const body = () => district.text.slice(district.text.lastIndexOf("一、摘要"));

  it("has the ten sections, a table of contents field, A4 pages and Chinese fonts", () => {
    const headings = [
      "一、摘要",
      "二、调查方法",
      "三、全区满意度",
      "四、各街镇满意度",
      "五、各题目满意度",
      "六、主客观对比",
      "七、改进优先事项",
      "八、政策知晓",
      "九、居民意见",
      "附录",
    ];
    let position = -1;
    for (const heading of headings) {
      const found = body().indexOf(`${heading}\n`, position);
      expect(found, heading).toBeGreaterThan(position);
      position = found;
    }
    expect(district.xml).toContain("TOC \\h \\o &quot;1-2&quot;");
    expect(district.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(district.xml).toContain('w:eastAsia="仿宋"');
    expect(district.xml).toContain('w:eastAsia="黑体"');
    expect(district.text).toMatch(/表1 各街镇样本量与调查方式/);
    expect(district.text).toMatch(/图1 全区各方面满意度得分及95%置信区间/);
    expect((district.xml.match(/<pic:pic/g) ?? []).length).toBeGreaterThanOrEqual(6);
  });

  it("states the district score, its CI and the change since last year in the summary", () => {
    const overall = results.district.overall;
    const overallChange = change.measures.find((m) => m.kind === "overall")?.district;
    const summary = body().slice(0, body().indexOf("二、调查方法"));
    expect(summary).toContain(`总体得分为${f1(overall.mean)}分`);
    expect(summary).toContain(`95%置信区间${ciText(overall)}`);
    expect(summary).toContain(`与2025年（${f1(overallChange?.base.mean ?? Number.NaN)}分）`);
    expect(summary).toContain(overallChange?.significant ? "显著" : "在抽样误差范围内");
  });

  it("shows every town's rank, score, CI, difference, change and tier as the results and comparison endpoints", () => {
    const rows = tableWithHeader(district, [
      "排名",
      "街镇",
      "样本数",
      "得分",
      "95%置信区间",
      "与全区之差",
      "较上年",
      "分档",
    ]);
    expect(rows).toHaveLength(results.towns.length);
    const changes = change.measures.find((m) => m.kind === "overall");
    const tiers = { above: "高于全区", average: "持平", below: "低于全区" };
    for (const town of results.towns) {
      const row = rows.find((candidate) => candidate[1] === name(town.code));
      const townChange = changes?.towns.find((candidate) => candidate.code === town.code)?.change;
      expect(row, town.name).toEqual([
        String(town.rank),
        name(town.code),
        String(town.n),
        f1(town.overall.mean),
        ciText(town.overall),
        signedText(town.comparison.difference),
        `${signedText(townChange?.difference ?? Number.NaN)}${townChange?.significant ? "（显著）" : "（不显著）"}`,
        tiers[town.tier],
      ]);
    }
  });

  it("shows the district's dimensions and every item with score, CI, 满意率 and missing share", () => {
    const dimensions = tableWithHeader(district, ["方面", "得分", "95%置信区间", "样本数", "较上年变化"]);
    for (const dimension of results.dimensions) {
      const estimate = results.district.dimensions[dimension.code];
      if (!estimate) throw new Error(dimension.code);
      const row = dimensions.find((candidate) => candidate[0] === dimension.name);
      expect(row?.slice(0, 4)).toEqual([dimension.name, f1(estimate.mean), ciText(estimate), String(estimate.n)]);
    }
    const items = tableWithHeader(district, ["题目", "方面", "得分", "95%置信区间", "满意率", "缺失"]);
    expect(items).toHaveLength(results.items.length);
    for (const [k, item] of results.items.entries()) {
      const estimate = results.district.items[item.question];
      if (!estimate || !item.satisfactionRate) throw new Error(item.question);
      expect(items[k]?.slice(2)).toEqual([
        f1(estimate.mean),
        ciText(estimate),
        percentText(item.satisfactionRate.mean),
        `${percentText(item.missingShare * 100)}${item.flagged ? "*" : ""}`,
      ]);
    }
  });

  it("shows the subjective–objective rank table and explains each disagreement with the town's own figures", () => {
    const rows = tableWithHeader(district, ["街镇", "满意度", "满意度排名", "客观指数", "客观排名", "排名差", "象限"]);
    expect(rows).toHaveLength(objective.rankTable.length);
    for (const rank of objective.rankTable) {
      const row = rows.find((candidate) => candidate[0] === name(rank.townCode));
      expect(row?.slice(1, 5)).toEqual([
        f1(rank.satisfaction),
        String(rank.satisfactionRank),
        f1(rank.objective),
        String(rank.objectiveRank),
      ]);
    }
    const explanations = objective.disagreements.map((row) => {
      const start = district.text.indexOf(`${name(row.townCode)}：满意度第${row.satisfactionRank}位`);
      expect(start, row.townName).toBeGreaterThan(0);
      return district.text.slice(start + name(row.townCode).length, district.text.indexOf("。", start + 40));
    });
    expect(new Set(explanations).size).toBe(explanations.length);
  });

  it("lists the district's 优先改进 items with the priorities endpoint's importance and performance", () => {
    const rows = tableWithHeader(district, ["题目", "方面", "重要性", "得分"]);
    const expected = priorities.district.improve.map((question) => {
      const item = priorities.district.items.find((candidate) => candidate.question === question);
      return [item?.title, item?.importance?.toFixed(3), f1(item?.performance ?? Number.NaN)];
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((row) => [row[0], row[2], row[3]])).toEqual(expected);
    for (const item of priorities.district.items) {
      expect(item.performance).toBe(results.district.items[item.question]?.mean);
    }
  });

  it("computes importance as the design-weighted correlation with the other items (STATISTICS §6) to 1e-9", async () => {
    const rows = await queryRows<{ id: string; town: string; question: string; code: number }>(
      t.database.handle.db,
      sql`select r.id::text as id, r.town_code as town, i.question, i.code
          from responses r join response_items i on i.response_id = r.id
          where r.wave_id = ${waveId} and r.counted and i.code between 1 and 5 and i.question <> 'overall'`,
    );
    const questions = results.items.map((item) => item.question);
    const weight = new Map(results.towns.map((town) => [town.code, town.population / town.n]));
    const people = new Map<string, { town: string; scores: Map<string, number> }>();
    for (const row of rows) {
      const person = people.get(row.id) ?? { town: row.town, scores: new Map() };
      person.scores.set(row.question, (row.code - 1) * 25);
      people.set(row.id, person);
    }
    const importance = (question: string, town?: string) => {
      const pairs: [number, number, number][] = [];
      for (const person of people.values()) {
        if (town && person.town !== town) continue;
        const x = person.scores.get(question);
        if (x === undefined || person.scores.size * 2 < questions.length) continue;
        const others = [...person.scores].filter(([name]) => name !== question).map(([, value]) => value);
        pairs.push([weight.get(person.town) ?? Number.NaN, x, others.reduce((a, b) => a + b, 0) / others.length]);
      }
      // cov.wt(cbind(x, y), wt, cor = TRUE): weights normalised to 1.
      const total = pairs.reduce((sum, [w]) => sum + w, 0);
      const mean = (i: 1 | 2) => pairs.reduce((sum, p) => sum + (p[0] / total) * p[i], 0);
      const [mx, my] = [mean(1), mean(2)];
      const moment = (f: (p: [number, number, number]) => number) =>
        pairs.reduce((sum, p) => sum + (p[0] / total) * f(p), 0);
      return (
        moment((p) => (p[1] - mx) * (p[2] - my)) /
        Math.sqrt(moment((p) => (p[1] - mx) ** 2) * moment((p) => (p[2] - my) ** 2))
      );
    };
    for (const item of priorities.district.items) {
      expect(Math.abs((item.importance ?? Number.NaN) - importance(item.question)), item.question).toBeLessThan(1e-9);
    }
    const town = priorities.towns[0];
    for (const item of town?.items ?? []) {
      const expected = importance(item.question, town?.code);
      expect(Math.abs((item.importance ?? Number.NaN) - expected), item.question).toBeLessThan(1e-9);
    }
  });

  it("shows policy awareness per town as the cross-tab endpoint", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: `/api/admin/waves/${waveId}/crosstab`,
      headers: office.headers,
      payload: { row: "policy_family_doctor", column: "town", percent: "column" },
    });
    const table = response.json() as CrosstabResult;
    const header = tableWithHeader(district, ["街镇", "长期护理保险", "家庭医生签约服务"]);
    const district0 = header.find((row) => row[0] === "全区");
    expect(district0?.[2]).toBe(percentText(table.rows[0]?.percent ?? Number.NaN));
    for (const [j, column] of table.columns.entries()) {
      const row = header.find((candidate) => candidate[0] === name(column.value));
      expect(row?.[2], column.label).toBe(percentText(table.cells[0]?.[j]?.percent ?? Number.NaN));
    }
  });

  it("flags every town below target wherever its name appears, and no other", () => {
    for (const town of results.towns) {
      const unmarked = district.text
        .split(town.name)
        .slice(1)
        .filter((after) => !after.startsWith("†"));
      if (belowTarget.has(town.code)) expect(unmarked, town.name).toEqual([]);
      else expect(district.text.includes(`${town.name}†`), town.name).toBe(false);
    }
    expect(district.text).toContain("† 该街镇有效答卷未达到目标样本量");
  });

  it("never carries an ID number or a phone, even one a resident typed into a comment", () => {
    expect(district.xml).not.toContain(TYPED_ID);
    expect(district.xml).not.toContain(TYPED_PHONE);
    expect(district.text).not.toMatch(/\d{17}[\dXx]|1[3-9]\d{9}/);
  });

  it("shows each theme's comments per town as the comments endpoint counts them, with masked examples", () => {
    const rows = tableWithHeader(district, ["主题", "条数", "各街镇条数"]);
    const themes = counts.themes.filter((theme) => (counts.counts[theme.code] ?? 0) > 0);
    expect(themes.length).toBeGreaterThanOrEqual(3);
    expect(rows.map((row) => row[0])).toEqual(themes.map((theme) => theme.label));
    for (const theme of themes) {
      const row = rows.find((candidate) => candidate[0] === theme.label);
      const perTown = counts.towns
        .filter((town) => (town.counts[theme.code] ?? 0) > 0)
        .map((town) => `${name(town.code)} ${town.counts[theme.code]}`);
      expect(row?.[1], theme.label).toBe(String(counts.counts[theme.code]));
      expect(row?.[2]?.split("、").sort(), theme.label).toEqual(perTown.sort());
    }
    const section = body().slice(body().indexOf("九、居民意见\n"), body().indexOf("附录\n"));
    expect(section).toContain(`居民在开放题中共写下${counts.total}条意见`);
    expect(section).toContain("小区停车位太少，晚上停车难。我的身份证[身份证号已隐去]，电话[手机号已隐去]");
    expect(section).toContain(`垃圾没人清理，河道有臭味（${name(otherTown)}）`);
  });

  it("shows on a town's card its own residents' themes and comments and its indicator warnings", async () => {
    const response = await get(`/api/admin/waves/${waveId}/towns/${cardTown}/report.docx`);
    expect(response.statusCode).toBe(200);
    const card = await readDocx(response.rawPayload);
    const own = counts.towns.find((town) => town.code === cardTown);
    const themes = counts.themes.filter((theme) => (own?.counts[theme.code] ?? 0) > 0);
    expect(card.text).toContain(
      `本街镇居民共写下${own?.total}条意见和建议，按主题：${themes.map((theme) => `${theme.label}${own?.counts[theme.code]}条`).join("、")}。`,
    );
    expect(card.text).toContain("小区停车位太少，晚上停车难。我的身份证[身份证号已隐去]，电话[手机号已隐去]");
    expect(card.text).not.toContain("垃圾没人清理");
    expect(card.xml).not.toContain(TYPED_ID);
    expect(card.xml).not.toContain(TYPED_PHONE);

    const warnings = (
      await json<IndicatorWarning[]>(`/api/admin/indicators/warnings?year=2026&town=${cardTown}`)
    ).filter((warning) => warning.status !== "met" || warning.worsening);
    const rows = tableWithHeader(card, ["指标", "数值", "目标", "状态"]);
    // The most serious first (a card stays within four pages): every missed one before any that is only near.
    expect(warnings.length).toBeGreaterThan(CARD_WARNINGS);
    expect(rows).toHaveLength(CARD_WARNINGS);
    expect(card.text).toContain(`最需要关注的${CARD_WARNINGS}项如下`);
    const statusOf = (name: string) => warnings.find((warning) => warning.indicatorName === name)?.status;
    const statuses = rows.map((row) => statusOf(row[0] ?? ""));
    expect(statuses).not.toContain(undefined);
    const firstNear = statuses.indexOf("near");
    if (firstNear >= 0) expect(statuses.slice(firstNear)).not.toContain("missed");
    const missed = warnings.find((warning) => warning.indicatorCode === missedIndicator.code);
    expect(missed?.status).toBe("missed");
    const number = (value: number) => String(Number(value.toFixed(2)));
    // Uploaded at half its target: missed, so among the first shown.
    expect(rows.find((row) => row[0] === missedIndicator.name)).toEqual([
      missedIndicator.name,
      `${number(missed?.value ?? Number.NaN)}${missed?.unit}`,
      `≥${number(missed?.target ?? Number.NaN)}${missed?.unit}`,
      `未达标${missed?.worsening ? "、恶化" : ""}`,
    ]);
    expect(card.text).toContain(`${results.wave.year}年本街镇有${warnings.length}项客观指标需要关注`);
  }, 60_000);

  it("writes a town's card with its figures against the district, and streams all towns' cards as a zip", async () => {
    const town = results.towns.find((candidate) => candidate.code === cardTown);
    if (!town) throw new Error("no town");
    const response = await get(`/api/admin/waves/${waveId}/towns/${town.code}/report.docx`);
    expect(response.statusCode).toBe(200);
    const card = await readDocx(response.rawPayload);
    expect(card.text).toContain(`${town.name}${town.n > 0 ? "" : ""}`);
    expect(card.text).toContain(`总体满意度${f1(town.overall.mean)}分，95%置信区间${ciText(town.overall)}`);
    expect(card.text).toContain("† 该街镇有效答卷未达到目标样本量");
    const rows = tableWithHeader(card, ["题目", "本街镇", "全区", "差"]);
    for (const [k, item] of results.items.entries()) {
      const own = town.items[item.question];
      const all = results.district.items[item.question];
      if (!own || !all) continue;
      expect(rows[k]).toEqual([item.title, f1(own.mean), f1(all.mean), signedText(own.mean - all.mean)]);
    }
    expect(card.text).not.toMatch(/\d{17}[\dXx]|1[3-9]\d{9}/);
    expect((await get(`/api/admin/waves/${waveId}/towns/NOPE/report.docx`)).statusCode).toBe(404);

    const stream = await get(`/api/admin/waves/${pilotId}/report-build?kind=towns`);
    expect(stream.headers["content-type"]).toContain("application/x-ndjson");
    const events = stream.body
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(events[0]).toEqual({ type: "progress", done: 0, total: 1, step: "正在计算结果" });
    const progress = events.filter((event) => event.type === "progress" && event.total === 3);
    expect(progress.map((event) => event.done)).toEqual([0, 1, 2, 3]);
    const file = events.at(-1);
    expect(file.type).toBe("file");
    expect(file.fileName).toBe("2026年试点调查各街镇报告卡.zip");
    const zip = await JSZip.loadAsync(Buffer.from(file.base64, "base64"));
    const cards = Object.keys(zip.files).sort();
    expect(cards).toEqual(
      ["岳阳街道", "永丰街道", "方松街道"].map((town) => `${town}2026年民生满意度报告卡.docx`).sort(),
    );
    const first = await readDocx(await (zip.file(cards[0] ?? "")?.async("uint8array") ?? new Uint8Array()));
    expect(first.text).toContain("民生满意度报告卡");
  }, 180_000);

  it("is for the office and admin only", async () => {
    const staff = await signIn(t.app, "staff");
    expect((await get(`/api/admin/waves/${waveId}/report.docx`, staff)).statusCode).toBe(403);
    expect((await get(`/api/admin/waves/${waveId}/priorities`, staff)).statusCode).toBe(403);
  });
});
