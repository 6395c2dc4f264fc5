import { waveCommunities, waveTowns } from "@survey/db";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findQuotaInvariantViolations } from "../apps/api/src/modules/resident/data/quota";
import { completeDefaultAnswers } from "../packages/questionnaire/src/default-questionnaire.fixture";
import { adultIdNumber, bearer, firstCommunity, mobilePhone, verifyResident } from "./support/resident";
import { openDemoWave, type SignedInUser, signIn, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

const TOWN = "310117001";

/** Answers that vary across the satisfaction items (so they are not straight-lined), tagged by `variant`. */
function variedAnswers(variant = 0): Record<string, unknown> {
  return { ...completeDefaultAnswers(4), liv_income: 5, env_air: 3, svc_hospital: 1 + (variant % 5) };
}

describe(`responses: list, flags, void and correction (${testDriver})`, () => {
  const clock = new TestClock();
  let t: TestApp;
  let waveId: number;
  let communityCode: string;
  let admin: SignedInUser;
  let office: SignedInUser;

  beforeAll(async () => {
    ({ t, waveId } = await openDemoWave({ now: clock.now }));
    communityCode = await firstCommunity(t.app, waveId, TOWN);
    admin = await signIn(t.app, "admin");
    office = await signIn(t.app, "office");
  });
  afterEach(async () => {
    expect(await findQuotaInvariantViolations(t.database.handle.db, waveId)).toEqual([]);
  });
  afterAll(() => t.close());

  const api = (method: "GET" | "POST" | "PUT", url: string, payload?: unknown, headers = office.headers) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  async function interview(body: Record<string, unknown>): Promise<string> {
    const response = await api(
      "POST",
      `/api/admin/waves/${waveId}/interviews`,
      { communityCode, ...body },
      admin.headers,
    );
    expect(response.statusCode, response.body).toBe(201);
    return response.json().responseId;
  }

  /** An online response submitted `seconds` after its slot was taken. */
  async function online(seconds: number, answers = variedAnswers()): Promise<string> {
    const confirmed = await verifyResident(t.app, waveId, {
      idNumber: adultIdNumber(),
      phone: mobilePhone(),
      communityCode,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    clock.advance(seconds * 1000);
    const submitted = await t.app.inject({
      method: "POST",
      url: "/api/responses",
      headers: bearer(confirmed.json().reservationToken),
      payload: { answers },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    return submitted.json().responseId;
  }

  const listed = async (query = "") => {
    const response = await api("GET", `/api/admin/waves/${waveId}/responses?pageSize=200${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { total: number; items: { id: string; flags: string[]; status: string; mode: string }[] };
  };
  const flagsOf = async (id: string) => (await listed()).items.find((item) => item.id === id)?.flags;

  async function townN(): Promise<number> {
    const response = await api("GET", `/api/admin/waves/${waveId}/results`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().towns.find((town: { code: string }) => town.code === TOWN).n;
  }

  /** Rows of the town in the anonymised microdata export. */
  async function exportedRows(): Promise<number> {
    const response = await api("GET", `/api/admin/waves/${waveId}/microdata.csv`);
    expect(response.statusCode).toBe(200);
    return response.body.split("\n").filter((line) => line.includes(`,${TOWN},`)).length;
  }

  async function completed() {
    const db = t.database.handle.db;
    const [community] = await db
      .select({ completed: waveCommunities.completed })
      .from(waveCommunities)
      .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.communityCode, communityCode)));
    const [town] = await db
      .select({ completed: waveTowns.completed })
      .from(waveTowns)
      .where(and(eq(waveTowns.waveId, waveId), eq(waveTowns.townCode, TOWN)));
    return { community: community?.completed, town: town?.completed };
  }

  it("flags each quality problem on a constructed case, and only those", async () => {
    const careful = await online(600);
    // ~70 answered questions at the default 2 s each: 20 s is implausibly fast.
    const fast = await online(20);
    const straight = await interview({ sex: "male", ageGroup: "30-39", answers: completeDefaultAnswers(5) });
    const firstCopy = await interview({ sex: "female", ageGroup: "50-59", answers: variedAnswers(7) });
    const secondCopy = await interview({ sex: "female", ageGroup: "50-59", answers: variedAnswers(7) });
    const otherSex = await interview({ sex: "male", ageGroup: "50-59", answers: variedAnswers(7) });

    expect(await flagsOf(careful)).toEqual([]);
    expect(await flagsOf(fast)).toEqual(["too_fast"]);
    expect(await flagsOf(straight)).toEqual(["straight_lining"]);
    expect(await flagsOf(firstCopy)).toEqual(["duplicate_entry"]);
    expect(await flagsOf(secondCopy)).toEqual(["duplicate_entry"]);
    expect(await flagsOf(otherSex)).toEqual([]);

    const byFlag = await listed("&flag=duplicate_entry");
    expect(byFlag.items.map((item) => item.id).sort()).toEqual([firstCopy, secondCopy].sort());
    expect((await listed("&mode=online")).items.map((item) => item.id).sort()).toEqual([careful, fast].sort());

    const quality = await api("GET", `/api/admin/waves/${waveId}/responses/quality`);
    expect(quality.json()).toMatchObject({
      minSecondsPerQuestion: 2,
      flags: { too_fast: 1, straight_lining: 1, duplicate_entry: 2 },
    });

    // The office raises the threshold: the careful response (600 s) now counts as too fast as well.
    const raised = await api("PUT", `/api/admin/waves/${waveId}/responses/quality`, { minSecondsPerQuestion: 15 });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json().flags.too_fast).toBe(2);
    expect(await flagsOf(careful)).toEqual(["too_fast"]);
    // Kept to tenths of a second, so that a denormal number (found by the fuzz test) is 0, not a 500.
    for (const [typed, kept] of [
      [2.54, 2.5],
      [5e-324, 0],
    ]) {
      const set = await api("PUT", `/api/admin/waves/${waveId}/responses/quality`, { minSecondsPerQuestion: typed });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json().minSecondsPerQuestion).toBe(kept);
    }
    await api("PUT", `/api/admin/waves/${waveId}/responses/quality`, { minSecondsPerQuestion: 2 });

    // Voiding one copy leaves the other without a duplicate.
    expect((await api("POST", `/api/admin/responses/${secondCopy}/void`, { reason: "重复录入" })).statusCode).toBe(200);
    expect(await flagsOf(firstCopy)).toEqual([]);
  });

  it("voids under concurrent requests exactly once: the slot comes back once, results lose one, the person stays refused", async () => {
    const person = { idNumber: adultIdNumber(), phone: mobilePhone() };
    const id = await interview({ ...person, answers: variedAnswers(1) });
    await interview({ answers: variedAnswers(2), sex: "female", ageGroup: "40-49" });
    const before = await completed();
    const nBefore = await townN();
    const exportedBefore = await exportedRows();

    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api(
          "POST",
          `/api/admin/responses/${id}/void`,
          { reason: `录入错误 ${i}` },
          i % 2 ? admin.headers : office.headers,
        ),
      ),
    );
    const statuses = attempts.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
    for (const refused of attempts.filter((response) => response.statusCode === 409)) {
      expect(refused.json().error).toBe("response_void");
    }
    expect(await completed()).toEqual({ community: (before.community ?? 0) - 1, town: (before.town ?? 0) - 1 });
    expect(await townN()).toBe(nBefore - 1);
    expect(await exportedRows()).toBe(exportedBefore - 1);

    const detail = await api("GET", `/api/admin/responses/${id}`);
    expect(detail.json()).toMatchObject({ status: "void", correctable: false });
    // Whoever won the race is named; the reason is theirs.
    const { by, reason } = detail.json().voided;
    expect(["测试office", "测试admin"]).toContain(by);
    expect(reason).toMatch(/^录入错误 \d$/);
    expect((await listed("&status=void")).items.map((item) => item.id)).toContain(id);

    // The person cannot answer again, on paper or online.
    const again = await api(
      "POST",
      `/api/admin/waves/${waveId}/interviews`,
      { communityCode, ...person, answers: variedAnswers() },
      admin.headers,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe("already_responded");
    const onlineAgain = await verifyResident(t.app, waveId, { ...person, communityCode });
    expect(onlineAgain.statusCode).toBe(409);
    expect(onlineAgain.json().error).toBe("already_responded");

    const audit = await api("GET", "/api/admin/audit?action=response.void", undefined, admin.headers);
    const entries = audit.json().entries.filter((entry: { target: string }) => entry.target === `response:${id}`);
    expect(entries).toHaveLength(1);
  });

  it("corrects a paper entry: results change and the earlier answers are in the audit log", async () => {
    const id = await interview({ sex: "female", ageGroup: "60-69", answers: { ...variedAnswers(3), gov_hotline: 5 } });
    const meanOf = async () => {
      const response = await api("GET", `/api/admin/waves/${waveId}/results`);
      return response.json().towns.find((town: { code: string }) => town.code === TOWN).items.gov_hotline.mean;
    };
    const before = await meanOf();
    const corrected = { ...variedAnswers(3), gov_hotline: 1 };
    const response = await api("PUT", `/api/admin/responses/${id}/answers`, {
      answers: corrected,
      reason: "录入时看错了一题",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ corrected: true, answers: { gov_hotline: 1 } });
    expect(await meanOf()).toBeLessThan(before);

    const audit = await api("GET", "/api/admin/audit?action=response.correct", undefined, admin.headers);
    const [entry] = audit.json().entries.filter((e: { target: string }) => e.target === `response:${id}`);
    expect(entry.details).toMatchObject({ reason: "录入时看错了一题", changed: ["gov_hotline"] });
    expect(entry.details.previousAnswers.gov_hotline).toBe(5);

    const invalid = await api("PUT", `/api/admin/responses/${id}/answers`, {
      answers: { ...corrected, gov_hotline: 7 },
      reason: "再改",
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error).toBe("invalid_answers");
  });

  it("refuses to correct online answers and void responses; staff may not open the list", async () => {
    const own = await online(900);
    const refused = await api("PUT", `/api/admin/responses/${own}/answers`, {
      answers: variedAnswers(),
      reason: "试图修改",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe("online_answers_locked");

    const paper = await interview({ answers: variedAnswers(4), sex: "male", ageGroup: "18-29" });
    await api("POST", `/api/admin/responses/${paper}/void`, { reason: "问卷无效" });
    const afterVoid = await api("PUT", `/api/admin/responses/${paper}/answers`, {
      answers: variedAnswers(),
      reason: "改" + "正",
    });
    expect(afterVoid.json().error).toBe("response_void");

    const staff = await signIn(t.app, "staff");
    expect((await api("GET", `/api/admin/waves/${waveId}/responses`, undefined, staff.headers)).statusCode).toBe(403);
    expect(
      (await api("POST", `/api/admin/responses/${paper}/void`, { reason: "无权" }, staff.headers)).statusCode,
    ).toBe(403);
    expect((await api("GET", "/api/admin/responses/not-a-uuid")).statusCode).toBe(404);

    // Staff see the monitor's quality counts of their own towns only.
    const elsewhere = await signIn(t.app, "staff", { townCodes: ["310117116"] });
    const counts = await api("GET", `/api/admin/waves/${waveId}/responses/quality`, undefined, elsewhere.headers);
    expect(counts.statusCode).toBe(200);
    expect(counts.json().statuses).toEqual({ counted: 0, late: 0, void: 0 });
    const townStaff = await signIn(t.app, "staff", { townCodes: [TOWN] });
    const ownCounts = await api("GET", `/api/admin/waves/${waveId}/responses/quality`, undefined, townStaff.headers);
    expect(ownCounts.json().statuses.void).toBeGreaterThan(0);
  });
});
