import { readFileSync } from "node:fs";
import type { CommentCounts, CommentItem, CommentsPage, CommentThemeList } from "@survey/contract";
import { queryRows } from "@survey/db";
import { readWithPspp } from "@survey/spss-sav/read-with-pspp";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commentsForReport } from "../apps/api/src/modules/comments";
import { completeDefaultAnswers } from "../packages/questionnaire/src/default-questionnaire.fixture";
import { adultIdNumber, bearer, firstCommunity, verifyResident } from "./support/resident";
import { openDemoWave, type SignedInUser, signIn, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

const TOWN_A = "310117001";
const TOWN_B = "310117004";

/** What residents typed: their own ID number (one with an X), phones in the ways people write them, a landline. */
const ID_NUMBER = adultIdNumber({ seq: 771 });
const ID_WITH_X = "11010519491231002X";
const PHONE = "13812345678";
const OTHER_PHONE = "15987654321";
const LANDLINE = "57812345";
const SECRETS = [ID_NUMBER, ID_NUMBER.slice(0, 17), ID_WITH_X.slice(0, 17), PHONE, OTHER_PHONE, LANDLINE, "1381234"];

type Reply = Awaited<ReturnType<TestApp["app"]["inject"]>>;

/** An xlsx's every cell as text, one string. */
async function workbookText(content: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const cells: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.value));
      });
    });
  }
  return cells.join("\n");
}

describe(`residents' comments (${testDriver})`, () => {
  let t: TestApp;
  let waveId: number;
  let office: SignedInUser;
  let communityA: string;
  let communityB: string;
  const clock = new TestClock(new Date("2026-11-20T17:30:00Z"));

  beforeAll(async () => {
    ({
      t,
      waveId,
      communityCode: communityA,
    } = await openDemoWave({
      now: clock.now,
      env: { VERIFY_RATE_LIMIT_PER_MINUTE: "100000" },
    }));
    communityB = await firstCommunity(t.app, waveId, TOWN_B);
    office = await signIn(t.app, "office");
    const staff = await signIn(t.app, "staff");

    // Online: the resident types their ID number and phone into the comment, first in a draft (autosave).
    const confirmed = await verifyResident(t.app, waveId, {
      idNumber: ID_NUMBER,
      phone: PHONE,
      communityCode: communityA,
    });
    expect(confirmed.statusCode).toBe(201);
    const token = confirmed.json().reservationToken;
    const draft = await t.app.inject({
      method: "PUT",
      url: "/api/reservation/draft",
      headers: bearer(token),
      payload: { answers: { liv_income: 3, comment: `我的身份证${ID_NUMBER}，手机138 1234 5678` } },
    });
    expect(draft.statusCode).toBe(204);
    const stored = await queryRows<{ draft: string }>(t.database.handle.db, sql`select draft::text from reservations`);
    expect(stored[0]?.draft).toContain("[身份证号已隐去]");
    // The resident sees the masked draft back when resuming.
    const resumed = await t.app.inject({ url: "/api/reservation", headers: bearer(token) });
    expect(resumed.json().draft.comment).toBe("我的身份证[身份证号已隐去]，手机[手机号已隐去]");

    const submitted = await t.app.inject({
      method: "POST",
      url: "/api/responses",
      headers: bearer(token),
      payload: {
        answers: {
          ...completeDefaultAnswers(),
          comment: `小区停车位太少，晚上停车难。我的身份证${ID_NUMBER}，电话+86 138-1234-5678`,
        },
      },
    });
    expect(submitted.statusCode).toBe(201);

    // Paper entry and the response import: the clerk copies what the resident wrote.
    clock.advance(3600_000);
    const paper = await t.app.inject({
      method: "POST",
      url: `/api/admin/waves/${waveId}/interviews`,
      headers: staff.headers,
      payload: {
        communityCode: communityB,
        answers: {
          ...completeDefaultAnswers(),
          comment: `垃圾没人清理，河道有臭味，请打021-${LANDLINE}或${OTHER_PHONE}`,
        },
      },
    });
    expect(paper.statusCode).toBe(201);
    const answers = completeDefaultAnswers();
    const columns = ["community_code", ...Object.keys(answers)];
    const cells = (values: Record<string, unknown>) => columns.map((column) => String(values[column] ?? "")).join(",");
    const imported = await t.app.inject({
      method: "POST",
      url: `/api/admin/waves/${waveId}/responses/import`,
      headers: { ...staff.headers, "content-type": "text/csv" },
      payload: [
        columns.join(","),
        cells({
          community_code: communityB,
          ...answers,
          comment: `身份证 ${ID_WITH_X.toLowerCase()}，没有别的意见，谢谢`,
        }),
        cells({ community_code: communityA, ...answers, comment: "医院看病排队太久" }),
        cells({ community_code: communityA, ...answers, comment: "  " }),
      ].join("\n"),
    });
    expect(imported.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const list = async (query = "", user = office) => {
    const response = await t.app.inject({ url: `/api/admin/waves/${waveId}/comments${query}`, headers: user.headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as CommentsPage;
  };
  const tag = (payload: Record<string, unknown>, user = office) =>
    t.app.inject({ method: "POST", url: `/api/admin/waves/${waveId}/comments/tags`, headers: user.headers, payload });
  const byText = (items: CommentItem[], part: string) => items.find((item) => item.text.includes(part)) as CommentItem;

  it("lists every non-blank open answer with its question, town, community and day — masked, and never who", async () => {
    const page = await list();
    expect(page.total).toBe(4);
    const online = byText(page.items, "停车位");
    expect(online).toMatchObject({
      townCode: TOWN_A,
      communityCode: communityA,
      question: "comment",
      date: "2026-11-21",
      text: "小区停车位太少，晚上停车难。我的身份证[身份证号已隐去]，电话[手机号已隐去]",
    });
    expect(online.questionTitle.length).toBeGreaterThan(2);
    expect(byText(page.items, "垃圾").text).toBe("垃圾没人清理，河道有臭味，请打[电话号码已隐去]或[手机号已隐去]");
    expect(byText(page.items, "谢谢").text).toBe("身份证 [身份证号已隐去]，没有别的意见，谢谢");
    // Newest first; nothing that names or links to the person.
    expect(page.items[page.items.length - 1]?.text).toContain("停车位");
    const body = JSON.stringify(page);
    for (const secret of SECRETS) expect(body).not.toContain(secret);
    for (const key of ["idHash", "phoneHash", "receiptCode", "sex", "birthYear", "ageGroup"]) {
      expect(body).not.toContain(key);
    }
  });

  it("searches the text and filters by town, community and theme, with paging", async () => {
    expect((await list("?q=停车")).items.map((item) => item.townCode)).toEqual([TOWN_A]);
    expect((await list(`?q=${encodeURIComponent("手机号已隐去")}`)).total).toBe(2);
    expect((await list(`?q=${PHONE}`)).total).toBe(0);
    expect((await list("?q=%25")).total).toBe(0);
    expect((await list(`?town=${TOWN_B}`)).total).toBe(2);
    expect((await list(`?community=${communityA}`)).total).toBe(2);
    expect((await list("?theme=living_environment")).items.map((item) => item.text)).toEqual([
      expect.stringContaining("垃圾"),
    ]);
    expect((await list("?theme=other")).items.map((item) => item.text)).toEqual([expect.stringContaining("谢谢")]);
    const first = await list("?pageSize=3");
    const second = await list("?pageSize=3&page=2");
    expect(first.items).toHaveLength(3);
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(second.items.map((item) => item.id)).not.toContain(first.items[0]?.id);
    const bad = await t.app.inject({ url: `/api/admin/waves/${waveId}/comments?page=0`, headers: office.headers });
    expect(bad.statusCode).toBe(400);
  });

  it("keeps staff to their towns and leaves tagging to the office", async () => {
    const scoped = await signIn(t.app, "staff", { townCodes: [TOWN_B] });
    expect((await list("", scoped)).items.every((item) => item.townCode === TOWN_B)).toBe(true);
    expect((await list("", scoped)).total).toBe(2);
    expect((await list(`?town=${TOWN_A}`, scoped)).total).toBe(0);
    const counts = await t.app.inject({ url: `/api/admin/waves/${waveId}/comments/counts`, headers: scoped.headers });
    expect((counts.json() as CommentCounts).towns.map((town) => town.code)).toEqual([TOWN_B]);
    const someId = (await list()).items[0]?.id;
    expect((await tag({ ids: [someId], action: "set", themes: ["health"] }, scoped)).statusCode).toBe(403);
    const department = await signIn(t.app, "department");
    const refused = await t.app.inject({ url: `/api/admin/waves/${waveId}/comments`, headers: department.headers });
    expect(refused.statusCode).toBe(403);
    const exported = await t.app.inject({ url: `/api/admin/waves/${waveId}/comments.xlsx`, headers: scoped.headers });
    const text = await workbookText(exported.rawPayload);
    expect(text).toContain("垃圾没人清理");
    expect(text).not.toContain("小区停车位太少");
  });

  it("suggests themes from the keywords, corrected by hand one at a time or for a selection", async () => {
    const before = await list();
    const parking = byText(before.items, "停车位");
    const hospital = byText(before.items, "医院");
    const rubbish = byText(before.items, "垃圾");
    expect(parking).toMatchObject({
      themes: ["public_facilities"],
      suggestedThemes: ["public_facilities"],
      tagged: false,
    });
    expect(hospital.themes).toEqual(["health"]);

    expect(
      (await tag({ ids: [parking.id], action: "set", themes: ["community_building", "public_facilities"] })).json(),
    ).toEqual({
      updated: 1,
    });
    // Bulk: one theme added to a selection, then taken off again from part of it.
    expect(
      (await tag({ ids: [hospital.id, rubbish.id, parking.id], action: "add", themes: ["public_safety"] })).json(),
    ).toEqual({
      updated: 3,
    });
    expect((await tag({ ids: [rubbish.id], action: "remove", themes: ["public_safety"] })).statusCode).toBe(200);
    const after = await list();
    // Stored in the list's order, whatever order they were given in.
    expect(byText(after.items, "停车位")).toMatchObject({
      themes: ["public_safety", "public_facilities", "community_building"],
      suggestedThemes: ["public_facilities"],
      tagged: true,
    });
    expect(byText(after.items, "医院").themes).toEqual(["health", "public_safety"]);
    expect(byText(after.items, "垃圾")).toMatchObject({ themes: ["living_environment"], tagged: true });
    expect((await list("?theme=public_safety")).total).toBe(2);
    expect((await list("?untagged=true")).total).toBe(1);

    expect((await tag({ ids: [rubbish.id], action: "reset", themes: [] })).statusCode).toBe(200);
    expect(byText((await list()).items, "垃圾").tagged).toBe(false);

    const unknownTheme = await tag({ ids: [rubbish.id], action: "add", themes: ["no_such_theme"] });
    expect(unknownTheme.statusCode).toBe(400);
    expect(unknownTheme.json().error).toBe("unknown_theme");
    const unknownComment = await tag({ ids: [`${rubbish.id.split(":")[0]}:liv_income`], action: "add", themes: [] });
    expect(unknownComment.json().error).toBe("unknown_comment");
    expect((await tag({ ids: ["not-an-id"], action: "add", themes: [] })).statusCode).toBe(404);

    const audit = await queryRows<{ action: string }>(
      t.database.handle.db,
      sql`select action from audit_log where action = 'comments.tag'`,
    );
    expect(audit).toHaveLength(4);
  });

  it("counts comments (not words) per town × theme", async () => {
    const response = await t.app.inject({ url: `/api/admin/waves/${waveId}/comments/counts`, headers: office.headers });
    const counts = response.json() as CommentCounts;
    expect(counts.themes.at(-1)).toEqual({ code: "other", label: "其他" });
    expect(counts.total).toBe(4);
    const townA = counts.towns.find((town) => town.code === TOWN_A);
    const townB = counts.towns.find((town) => town.code === TOWN_B);
    expect(townA).toMatchObject({ total: 2, counts: { health: 1, public_safety: 2, public_facilities: 1, other: 0 } });
    expect(townB).toMatchObject({ total: 2, counts: { living_environment: 1, other: 1, public_safety: 0 } });
    expect(counts.counts.public_safety).toBe(2);
    expect(counts.towns.length).toBeGreaterThan(2);
  });

  it("lets the office edit the themes' keyword lists; a removed theme leaves the hand-set tags", async () => {
    const url = `/api/admin/waves/${waveId}/comment-themes`;
    const current = (await t.app.inject({ url, headers: office.headers })).json() as CommentThemeList;
    expect(current.custom).toBe(false);
    const themes = [
      ...current.themes.filter((theme) => theme.code !== "public_safety" && theme.code !== "other"),
      { code: "sanitation", label: "环境卫生", keywords: [" 清理 ", "垃圾", "清理"] },
      { code: "other", label: "其他", keywords: [] },
    ];
    const saved = await t.app.inject({ method: "PUT", url, headers: office.headers, payload: { themes } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json() as CommentThemeList).themes.find((theme) => theme.code === "sanitation")?.keywords).toEqual([
      "清理",
      "垃圾",
    ]);
    const after = await list();
    expect(byText(after.items, "垃圾").suggestedThemes).toEqual(["living_environment", "sanitation"]);
    expect(byText(after.items, "医院").themes).toEqual(["health"]);

    const duplicate = await t.app.inject({
      method: "PUT",
      url,
      headers: office.headers,
      payload: { themes: [...themes, { code: "sanitation", label: "另一个", keywords: [] }] },
    });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.json().error).toBe("invalid_comment_themes");
    const staff = await signIn(t.app, "staff");
    expect((await t.app.inject({ method: "PUT", url, headers: staff.headers, payload: { themes } })).statusCode).toBe(
      403,
    );
  });

  it("exports comments.xlsx with the filters, the counts table and the keywords", async () => {
    const response = await t.app.inject({
      url: `/api/admin/waves/${waveId}/comments.xlsx?town=${TOWN_B}`,
      headers: office.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toContain("comments.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["意见", "主题统计", "主题关键词", "说明"]);
    const sheet = workbook.getWorksheet("意见");
    expect(sheet?.rowCount).toBe(3);
    expect(((sheet?.getRow(1).values ?? []) as unknown[]).slice(1)).toEqual([
      "序号",
      "街镇",
      "社区",
      "题目",
      "日期",
      "意见内容",
      "主题",
      "主题来源",
    ]);
    const texts = [2, 3].map((row) => String(sheet?.getRow(row).getCell(6).value));
    expect(texts).toContain("垃圾没人清理，河道有臭味，请打[电话号码已隐去]或[手机号已隐去]");
    expect(String(workbook.getWorksheet("主题统计")?.getRow(1).getCell(3).value)).toBe("意见条数");
  });

  it("summarises themes with counts and masked examples for the annual report", async () => {
    const report = await commentsForReport(t.database.handle.db, waveId, { examplesPerTheme: 2 });
    expect(report.total).toBe(4);
    const sanitation = report.themes.find((theme) => theme.code === "sanitation");
    expect(sanitation).toMatchObject({ label: "环境卫生", total: 1, byTown: expect.objectContaining({ [TOWN_B]: 1 }) });
    expect(sanitation?.examples[0]?.text).toContain("[手机号已隐去]");
    expect(report.themes.every((theme) => theme.total > 0 && theme.examples.length <= 2)).toBe(true);
  });

  it("masks answers and drafts stored before masking existed, with the migration's hand-written SQL", async () => {
    const db = t.database.handle.db;
    const legacy = `电话${PHONE}，身份证 ${ID_WITH_X}，2024年5月`;
    await db.execute(
      sql`update responses set answers = answers || jsonb_build_object('comment', ${legacy}::text, 'liv_income', 4)
          where id = (select id from responses order by submitted_at limit 1)`,
    );
    await db.execute(sql`update reservations set draft = jsonb_build_object('comment', ${legacy}::text, 'q', 1234567)`);
    const migration = readFileSync(new URL("../migrations/0009_comment_themes.sql", import.meta.url), "utf8");
    const handWritten = migration.slice(migration.indexOf("-- hand-written:"));
    for (const statement of handWritten.split("--> statement-breakpoint")) await db.execute(sql.raw(statement));
    const rows = await queryRows<{ text: string }>(
      db,
      sql`select answers::text as text from responses union all select draft::text from reservations`,
    );
    const all = rows.map((row) => row.text).join("\n");
    expect(all).toContain("电话[号码已隐去]，身份证 [号码已隐去]，2024年5月");
    expect(all).toContain('"q": 1234567');
    for (const secret of SECRETS) expect(all).not.toContain(secret);
  });

  it("never keeps or exports the ID numbers and phones typed into free text", async () => {
    const exports = await Promise.all(
      ["comments.xlsx", "microdata.csv", "microdata.sav", "frequencies.xlsx"].map((file) =>
        t.app.inject({ url: `/api/admin/waves/${waveId}/${file}`, headers: office.headers }),
      ),
    );
    for (const response of exports) expect(response.statusCode).toBe(200);
    const [commentsXlsx, csv, sav, frequencies] = exports as [Reply, Reply, Reply, Reply];
    const psppRows = readWithPspp(sav.rawPayload).rows.flat().join(",");
    const texts = [
      await workbookText(commentsXlsx.rawPayload),
      await workbookText(frequencies.rawPayload),
      csv.body,
      psppRows,
      sav.rawPayload.toString("latin1"),
    ];
    // Every table's rows as text, as a dump would show them.
    const tables = await queryRows<{ table_name: string }>(
      t.database.handle.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    expect(tables.map((table) => table.table_name)).toEqual(
      expect.arrayContaining(["responses", "reservations", "audit_log", "comment_tags"]),
    );
    for (const { table_name } of tables) {
      const rows = await queryRows<{ row: string }>(
        t.database.handle.db,
        sql`select t::text as row from ${sql.identifier(table_name)} t`,
      );
      texts.push(rows.map((row) => row.row).join("\n"));
    }
    const everything = texts.join("\n");
    expect(everything).toContain("[身份证号已隐去]");
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
  });
});
