import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import type { FieldworkSummary } from "@survey/contract";
import { responses, townPopulationCells, waves } from "@survey/db";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeWithoutReservation } from "../apps/api/src/modules/resident/data/quota";
import { listWaveCommunities } from "../apps/api/src/modules/waves/data/waves";
import { createTestApp, type SignedInUser, signIn, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

const DAY = 24 * 60 * 60 * 1000;
const YUEYANG = "310117001";
const JIUTING = "310117106";

/** A counted completion through the data layer: a response row plus the quota increment, in one transaction. */
async function complete(
  app: FastifyInstance,
  waveId: number,
  community: { code: string; townCode: string },
  submittedAt: Date,
  person: { sex?: "male" | "female"; ageGroup?: string; registered?: boolean } = {},
) {
  const [wave] = await app.database.db.select().from(waves).where(eq(waves.id, waveId));
  await app.database.db.transaction(async (tx) => {
    const claim = await completeWithoutReservation(tx, {
      waveId,
      communityCode: community.code,
      townCode: community.townCode,
    });
    if (!claim.ok) throw new Error(`no room in ${community.code}`);
    await tx.insert(responses).values({
      waveId,
      questionnaireId: wave?.questionnaireId ?? 0,
      communityCode: community.code,
      townCode: community.townCode,
      mode: "interviewer",
      sex: person.sex ?? "female",
      ageGroup: person.ageGroup ?? "30-39",
      registered: person.registered ?? true,
      counted: true,
      receiptCode: randomUUID(),
      answers: {},
      submittedAt,
    });
  });
}

describe(`fieldwork monitor (${testDriver})`, () => {
  const clock = new TestClock(new Date("2026-11-01T01:00:00Z"));
  let t: TestApp;
  let waveId: number;
  let admin: SignedInUser;
  const summary = async (user: SignedInUser = admin): Promise<FieldworkSummary> => {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/admin/waves/${waveId}/fieldwork`,
      headers: user.headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    t = await createTestApp({
      seedDemo: true,
      now: clock.now,
      env: { PUBLIC_SURVEY_URL: "https://survey.example.cn/" },
    });
    const [wave] = await t.database.handle.db.select().from(waves);
    if (!wave) throw new Error("no demo wave");
    waveId = wave.id;
    admin = await signIn(t.app, "admin");
  });
  afterAll(() => t.close());

  it("answers the summary: towns, communities, days and composition", async () => {
    const body = await summary();
    expect(body.wave).toMatchObject({ id: waveId, status: "open" });
    expect(body.towns).toHaveLength(17);
    expect(body.totals).toEqual({ target: 17 * 200, completed: 0, reserved: 0 });
    const town = body.towns.find((candidate) => candidate.code === YUEYANG);
    expect(town).toMatchObject({
      name: "岳阳街道",
      target: 200,
      completed: 0,
      reserved: 0,
      fillRate: 0,
      communities: { empty: 22, full: 0, belowHalf: 22 },
      projection: {
        perDay: 0,
        recentPerDay: 0,
        projected: 0,
        projectedLow: 0,
        projectedHigh: 0,
        likelihood: "unlikely",
        capacityShort: false,
        expectedCompletionDate: null,
        atRisk: true,
      },
      roomLeft: 22 * 20,
    });
    expect(body.communities.filter((community) => community.townCode === YUEYANG)).toHaveLength(22);
    expect(body.communities[0]).toEqual({
      code: expect.any(String),
      name: expect.any(String),
      townCode: expect.any(String),
      cap: 20,
      completed: 0,
      reserved: 0,
    });
    expect(body.daily).toEqual([]);
    expect(body.composition.find((entry) => entry.townCode === YUEYANG)).toMatchObject({
      n: 0,
      populationSource: "none",
    });
  });

  it("shows a completion: town and community counts, the day (Asia/Shanghai) and the composition", async () => {
    const [community] = await listWaveCommunities(t.database.handle.db, waveId, YUEYANG);
    if (!community) throw new Error("no community");
    // 23:30 UTC is already the next day in Shanghai.
    await complete(t.app, waveId, community, new Date("2026-11-01T23:30:00Z"), {
      sex: "male",
      ageGroup: "60-69",
      registered: false,
    });
    const body = await summary();
    expect(body.totals.completed).toBe(1);
    expect(body.towns.find((town) => town.code === YUEYANG)).toMatchObject({
      completed: 1,
      fillRate: 1 / 200,
      communities: { empty: 21, full: 0, belowHalf: 22 },
    });
    expect(body.communities.find((row) => row.code === community.code)?.completed).toBe(1);
    expect(body.daily).toEqual([{ date: "2026-11-02", count: 1 }]);
    const composition = body.composition.find((entry) => entry.townCode === YUEYANG);
    expect(composition?.n).toBe(1);
    expect(composition?.sex).toContainEqual({ category: "male", sample: 1, sampleShare: 1, populationShare: null });
    expect(composition?.ageGroup).toContainEqual({
      category: "60-69",
      sample: 1,
      sampleShare: 1,
      populationShare: null,
    });
    expect(composition?.registered).toContainEqual({
      category: "unregistered",
      sample: 1,
      sampleShare: 1,
      populationShare: null,
    });
  });

  it("compares the composition with the town's population cells, else the district's", async () => {
    await t.database.handle.db.insert(townPopulationCells).values([
      { townCode: YUEYANG, sex: "male", ageGroup: "18-29", population: 300 },
      { townCode: YUEYANG, sex: "male", ageGroup: "60-69", population: 100 },
      { townCode: YUEYANG, sex: "female", ageGroup: "18-29", population: 500 },
      { townCode: YUEYANG, sex: "female", ageGroup: "60-69", population: 100 },
      { townCode: YUEYANG, sex: "female", ageGroup: "under-18", population: 999 },
    ]);
    const body = await summary();
    const own = body.composition.find((entry) => entry.townCode === YUEYANG);
    expect(own?.populationSource).toBe("town");
    expect(own?.sex.find((share) => share.category === "male")?.populationShare).toBeCloseTo(0.4);
    expect(own?.ageGroup.find((share) => share.category === "60-69")?.populationShare).toBeCloseTo(0.2);
    expect(own?.ageGroup.find((share) => share.category === "30-39")?.populationShare).toBeNull();
    expect(own?.ageGroup.some((share) => share.category === "under-18")).toBe(false);
    const other = body.composition.find((entry) => entry.townCode === JIUTING);
    expect(other?.populationSource).toBe("district");
    expect(other?.sex.find((share) => share.category === "female")?.populationShare).toBeCloseTo(0.6);
    await t.database.handle.db.delete(townPopulationCells);
  });

  it("flags towns that will miss the target by the closing date at their pace since fieldwork began", async () => {
    // The demo wave closes 30 days after it opened; a week into fieldwork, 23 days remain.
    const opened = clock.now();
    const jiuting = await listWaveCommunities(t.database.handle.db, waveId, JIUTING);
    for (let i = 0; i < 70; i++) {
      // One community filled to its cap of 20, five with 10 each (exactly half).
      const community = jiuting[i < 20 ? 0 : 1 + ((i - 20) % 5)];
      if (!community) throw new Error("no community");
      await complete(t.app, waveId, community, new Date(opened.getTime() + ((i % 7) + 0.5) * DAY));
    }
    const yueyang = await listWaveCommunities(t.database.handle.db, waveId, YUEYANG);
    for (let i = 0; i < 6; i++) {
      const community = yueyang[i + 1];
      if (!community) throw new Error("no community");
      await complete(t.app, waveId, community, new Date(opened.getTime() + (i + 1.5) * DAY));
    }
    clock.advance(7 * DAY);
    // A week without use ends the old session.
    admin = await signIn(t.app, "admin");
    const body = await summary();
    const fast = body.towns.find((town) => town.code === JIUTING);
    expect(fast?.projection).toMatchObject({ perDay: 10, projected: 200, likelihood: "likely", atRisk: false });
    expect(fast?.projection.expectedCompletionDate).toBe("2026-11-21");
    const slow = body.towns.find((town) => town.code === YUEYANG);
    // 7 completions (one from the earlier test) in 7 days: 1 a day, 7 + 23 = 30 by the close.
    expect(slow?.projection).toMatchObject({ perDay: 1, projected: 30, likelihood: "unlikely", atRisk: true });
    expect(fast?.communities).toEqual({ empty: 30 - 6, full: 1, belowHalf: 30 - 6 });
  });

  it("shows a staff user limited to towns only those towns", async () => {
    const staff = await signIn(t.app, "staff", { townCodes: [JIUTING] });
    const body = await summary(staff);
    expect(body.towns.map((town) => town.code)).toEqual([JIUTING]);
    expect(new Set(body.communities.map((community) => community.townCode))).toEqual(new Set([JIUTING]));
    expect(body.composition.map((entry) => entry.townCode)).toEqual([JIUTING]);
    expect(body.totals).toEqual({ target: 200, completed: 70, reserved: 0 });
    expect(body.daily.reduce((sum, day) => sum + day.count, 0)).toBe(70);
    const everywhere = await summary(await signIn(t.app, "staff"));
    expect(everywhere.towns).toHaveLength(17);
  });

  it("refuses department users (403) and answers 404 for an unknown wave", async () => {
    const department = await signIn(t.app, "department");
    const refused = await t.app.inject({
      method: "GET",
      url: `/api/admin/waves/${waveId}/fieldwork`,
      headers: department.headers,
    });
    expect(refused.statusCode).toBe(403);
    for (const id of ["99999", "abc"]) {
      const missing = await t.app.inject({
        method: "GET",
        url: `/api/admin/waves/${id}/fieldwork`,
        headers: admin.headers,
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error).toBe("unknown_wave");
    }
  });

  it("exports the fieldwork table as an Excel workbook that reads back", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/admin/waves/${waveId}/fieldwork.xlsx`,
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    expect(response.headers["content-disposition"]).toMatch(/^attachment;/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["街镇", "社区"]);
    const towns = workbook.getWorksheet("街镇");
    expect(towns?.rowCount).toBe(18);
    expect(towns?.getRow(1).getCell(1).value).toBe("街镇编码");
    expect(towns?.getRow(1).getCell(4).value).toBe("已完成");
    const jiuting = towns?.getRows(2, 17)?.find((row) => row.getCell(1).value === JIUTING);
    expect(jiuting?.getCell(2).value).toBe("九亭镇");
    expect(jiuting?.getCell(4).value).toBe(70);
    expect(jiuting?.getCell(13).value).toBe("否");
    const communities = workbook.getWorksheet("社区");
    const summaryBody = await summary();
    expect(communities?.rowCount).toBe(summaryBody.communities.length + 1);
    expect(communities?.getRow(1).values).toEqual([
      undefined,
      "社区编码",
      "社区名称",
      "所属街镇",
      "上限",
      "已完成",
      "填写中（占用名额）",
      "完成率",
    ]);
  });

  it("pushes a fresh summary over server-sent events when a completion arrives", async () => {
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = t.app.server.address() as AddressInfo;
    const events: FieldworkSummary[] = [];
    let buffer = "";
    const stream = httpRequest({
      host: "127.0.0.1",
      port,
      path: `/api/admin/waves/${waveId}/fieldwork/events`,
      headers: { cookie: admin.cookie },
    });
    const ended = new Promise<void>((resolve) => {
      stream.on("response", (response) => {
        expect(response.statusCode).toBe(200);
        expect(response.headers["content-type"]).toContain("text/event-stream");
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          buffer += chunk;
          let end = buffer.indexOf("\n\n");
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block.split("\n").find((line) => line.startsWith("data: "));
            if (block.includes("event: summary") && data) events.push(JSON.parse(data.slice(6)));
            end = buffer.indexOf("\n\n");
          }
        });
        response.on("end", resolve);
      });
    });
    stream.end();
    const waitFor = async (count: number) => {
      for (let waited = 0; events.length < count && waited < 15_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return events[count - 1];
    };
    const first = await waitFor(1);
    const before = first?.totals.completed ?? -1;
    const [community] = await listWaveCommunities(t.database.handle.db, waveId, "310117004");
    if (!community) throw new Error("no community");
    await complete(t.app, waveId, community, clock.now());
    const second = await waitFor(2);
    expect(second?.totals.completed).toBe(before + 1);
    expect(second?.communities.find((row) => row.code === community.code)?.completed).toBe(1);
    // Nothing changed since: no further event is sent, and closing the app ends the stream cleanly.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(events).toHaveLength(2);
    await t.app.close();
    await ended;
  });
});
