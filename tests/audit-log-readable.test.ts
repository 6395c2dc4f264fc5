import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeDefaultAnswers } from "../packages/questionnaire/src/default-questionnaire.fixture";
import { openDemoWave, type SignedInUser, signIn, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

interface Entry {
  username: string | null;
  displayName: string | null;
  action: string;
  actionLabel: string;
  description: string;
  at: string;
}

/** 石湖荡镇 in the demo frame. */
const TOWN = { code: "310117116", name: "石湖荡镇" };

describe(`audit log: filters, plain words and the Excel export (${testDriver})`, () => {
  // 2026-11-20 10:00 in Shanghai.
  const clock = new TestClock(new Date("2026-11-20T02:00:00Z"));
  let t: TestApp;
  let waveId: number;
  let admin: SignedInUser;
  let office: SignedInUser;
  let receiptCode: string;
  let communityName: string;

  const get = (url: string) => t.app.inject({ method: "GET", url, headers: admin.headers });
  const entries = async (query: string): Promise<Entry[]> => {
    const response = await get(`/api/admin/audit?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().entries;
  };

  beforeAll(async () => {
    ({ t, waveId } = await openDemoWave({ now: clock.now }));
    admin = await signIn(t.app, "admin");
    const communities = await t.app.inject({ url: `/api/waves/${waveId}/towns/${TOWN.code}/communities` });
    const { code: communityCode, name } = communities.json()[0];
    communityName = name;
    const entered = await t.app.inject({
      method: "POST",
      url: `/api/admin/waves/${waveId}/interviews`,
      headers: admin.headers,
      payload: { communityCode, sex: "female", ageGroup: "40-49", answers: completeDefaultAnswers(3) },
    });
    expect(entered.statusCode, entered.body).toBe(201);
    receiptCode = entered.json().receiptCode;
    // Two days later the office voids it.
    clock.advance(2 * 24 * 3600 * 1000);
    // Sessions do not last two days: both sign in (again).
    admin = await signIn(t.app, "admin");
    office = await signIn(t.app, "office");
    const voided = await t.app.inject({
      method: "POST",
      url: `/api/admin/responses/${entered.json().responseId}/void`,
      headers: office.headers,
      payload: { reason: "受访者不是本社区居民" },
    });
    expect(voided.statusCode, voided.body).toBe(200);
  });
  afterAll(() => t.close());

  it("says what happened in plain words: names, not ids or JSON", async () => {
    const [voided] = await entries("action=response.void");
    expect(voided).toMatchObject({ displayName: "测试office", actionLabel: "作废问卷" });
    expect(voided?.description).toBe(
      `作废问卷：问卷 ${receiptCode}（原因：受访者不是本社区居民；街镇：${TOWN.name}；社区：${communityName}；方式：入户录入；名额：已退回所在社区和街镇）`,
    );
    expect(voided?.description).not.toMatch(/[{}"]|310117|[0-9a-f]{8}-[0-9a-f]{4}/);
    const [interview] = await entries("action=response.interview");
    expect(interview?.description).toBe(`录入纸质问卷：问卷 ${receiptCode}（社区：${communityName}）`);
  });

  it("filters by day (Shanghai time), by user and by action", async () => {
    const firstDay = await entries("from=2026-11-20&to=2026-11-20");
    expect(firstDay.map((entry) => entry.action)).toContain("response.interview");
    expect(firstDay.map((entry) => entry.action)).not.toContain("response.void");
    const later = await entries("from=2026-11-21");
    expect(later.map((entry) => entry.action)).toContain("response.void");
    expect(later.map((entry) => entry.action)).not.toContain("response.interview");
    const byOffice = await entries(`user=${office.username}`);
    expect(new Set(byOffice.map((entry) => entry.action))).toEqual(new Set(["auth.login", "response.void"]));
    expect(await entries(`user=${office.username}&to=2026-11-21`)).toEqual([]);
    expect((await get("/api/admin/audit?from=20-11-2026")).statusCode).toBe(400);
  });

  it("exports the filtered entries to Excel as people read them", async () => {
    const response = await get(`/api/admin/audit.xlsx?user=${office.username}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("操作日志");
    const rows = (sheet?.getSheetValues() ?? []).slice(1).map((row) => (row as unknown[]).slice(1));
    expect(rows[0]).toEqual(["时间", "用户", "操作", "说明", "来源地址"]);
    expect(rows.slice(1).map((row) => row[2])).toEqual(["作废问卷", "登录"]);
    expect(rows[1]?.[0]).toBe("2026/11/22 10:00:00");
    expect(rows[1]?.[1]).toBe(`测试office（${office.username}）`);
    expect(rows[1]?.[3]).toContain("原因：受访者不是本社区居民");

    const staff = await signIn(t.app, "staff");
    const refused = await t.app.inject({ method: "GET", url: "/api/admin/audit.xlsx", headers: staff.headers });
    expect(refused.statusCode).toBe(403);
  });
});
