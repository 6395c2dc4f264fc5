import { reservations, responseItems, responses, waveCommunities, waveTowns } from "@survey/db";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findQuotaInvariantViolations, releaseExpiredReservations } from "../apps/api/src/modules/resident/data/quota";
import { completeDefaultAnswers } from "../packages/questionnaire/src/default-questionnaire.fixture";
import { adultIdNumber, bearer, currentWaveId, firstCommunity, mobilePhone, verifyResident } from "./support/resident";
import { createTestApp, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

describe(`drafts and submission (${testDriver})`, () => {
  const clock = new TestClock();
  let t: TestApp;
  let waveId: number;
  let communityCode: string;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true, now: clock.now, env: { VERIFY_RATE_LIMIT_PER_MINUTE: "100000" } });
    waveId = await currentWaveId(t.app);
    communityCode = await firstCommunity(t.app, waveId);
  });
  afterEach(async () => {
    await releaseExpiredReservations(t.database.handle.db, { now: clock.now(), waveId });
    expect(await findQuotaInvariantViolations(t.database.handle.db, waveId)).toEqual([]);
  });
  afterAll(() => t.close());

  async function reservationToken(community = communityCode): Promise<string> {
    const response = await verifyResident(t.app, waveId, {
      idNumber: adultIdNumber(),
      phone: mobilePhone(),
      communityCode: community,
    });
    expect(response.statusCode).toBe(201);
    return response.json().reservationToken;
  }

  const submit = (token: string, answers: Record<string, unknown>) =>
    t.app.inject({ method: "POST", url: "/api/responses", headers: bearer(token), payload: { answers } });

  it("round-trips a draft: PUT stores partial answers, GET /api/reservation returns them with the questionnaire", async () => {
    const token = await reservationToken();
    const put = await t.app.inject({
      method: "PUT",
      url: "/api/reservation/draft",
      headers: bearer(token),
      payload: { answers: { liv_income: 3, comment: "路灯坏了" } },
    });
    expect(put.statusCode).toBe(204);
    expect(put.body).toBe("");
    const get = await t.app.inject({ method: "GET", url: "/api/reservation", headers: bearer(token) });
    expect(get.statusCode).toBe(200);
    const body = get.json();
    expect(body).toMatchObject({
      status: "active",
      draft: { liv_income: 3, comment: "路灯坏了" },
      community: { code: communityCode, townName: "岳阳街道" },
    });
    expect(body.questionnaire.definition.pages.length).toBeGreaterThanOrEqual(4);
  });

  it("refuses a draft of the wrong shape with 422, and a missing or unknown token with 401", async () => {
    const token = await reservationToken();
    const bad = await t.app.inject({
      method: "PUT",
      url: "/api/reservation/draft",
      headers: bearer(token),
      payload: { answers: { liv_income: 7, nonsense: 1 } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toBe("invalid_answers");
    expect(
      bad
        .json()
        .details.map((detail: { question: string }) => detail.question)
        .sort(),
    ).toEqual(["liv_income", "nonsense"]);
    for (const headers of [{}, bearer("x".repeat(43)), { authorization: "Basic abc" }]) {
      const response = await t.app.inject({ method: "GET", url: "/api/reservation", headers });
      expect(response.statusCode).toBe(401);
      expect(response.json().error).toBe("invalid_token");
    }
  });

  it("an autosave extends a hold still running to a full hold from now, up to three holds, and never revives one", async () => {
    const token = await reservationToken();
    const save = async (answers: Record<string, unknown>) => {
      const put = await t.app.inject({
        method: "PUT",
        url: "/api/reservation/draft",
        headers: bearer(token),
        payload: { answers },
      });
      expect(put.statusCode).toBe(204);
      return put.headers["reservation-expires-at"];
    };
    const verifiedAt = clock.now().getTime();
    const minutes = (n: number) => new Date(verifiedAt + n * 60_000).toISOString();
    clock.advance(20 * 60_000);
    // 20 minutes in: the resident is answering, so the slot is kept 30 minutes from now, not from verification.
    expect(await save({ liv_income: 3 })).toBe(minutes(50));
    clock.advance(25 * 60_000);
    expect(await save({ liv_income: 4 })).toBe(minutes(75));
    // The bound: 90 minutes after verification at most, however busy the resident is.
    clock.advance(25 * 60_000);
    expect(await save({ liv_income: 5 })).toBe(minutes(90));
    clock.advance(15 * 60_000);
    expect(await save({ liv_income: 1 })).toBe(minutes(90));
    // Once the hold has lapsed and the sweep gave the slot back, a save stores the answers but holds nothing.
    clock.advance(10 * 60_000);
    await releaseExpiredReservations(t.database.handle.db, { now: clock.now(), waveId });
    expect(await save({ liv_income: 2 })).toBe(minutes(90));
    const resumed = await t.app.inject({ method: "GET", url: "/api/reservation", headers: bearer(token) });
    expect(resumed.json()).toMatchObject({ status: "expired", expiresAt: minutes(90), draft: { liv_income: 2 } });
  });

  it("submits: 201 with a receipt, the slot moves from reserved to completed, items are scored", async () => {
    const token = await reservationToken();
    const [before] = await t.database.handle.db
      .select()
      .from(waveTowns)
      .where(and(eq(waveTowns.waveId, waveId), eq(waveTowns.townCode, "310117001")));
    const response = await submit(token, { ...completeDefaultAnswers(5), liv_income: 8, liv_pension: 1 });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ counted: true, receiptCode: expect.stringMatching(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/) });
    const [after] = await t.database.handle.db
      .select()
      .from(waveTowns)
      .where(and(eq(waveTowns.waveId, waveId), eq(waveTowns.townCode, "310117001")));
    expect(after?.completed).toBe((before?.completed ?? 0) + 1);
    expect(after?.reserved).toBe((before?.reserved ?? 0) - 1);
    const items = await t.database.handle.db
      .select()
      .from(responseItems)
      .where(eq(responseItems.responseId, body.responseId));
    const byQuestion = new Map(items.map((item) => [item.question, item]));
    expect(byQuestion.get("liv_income")).toMatchObject({
      code: 8,
      score: null,
      dimension: "living",
      domain: "employment_income",
    });
    expect(byQuestion.get("liv_pension")).toMatchObject({ code: 1, score: 0 });
    expect(byQuestion.get("env_air")).toMatchObject({ code: 5, score: 100, dimension: "environment" });
    const [row] = await t.database.handle.db.select().from(responses).where(eq(responses.id, body.responseId));
    expect(row).toMatchObject({ mode: "online", townCode: "310117001", registered: true, counted: true });
    expect(row?.sex).toMatch(/male|female/);
    expect(row?.ageGroup).toMatch(/^\d\d-\d\d|70\+$/);
  });

  it("returns 200 with the same body when the same token submits again", async () => {
    const token = await reservationToken();
    const first = await submit(token, completeDefaultAnswers());
    const second = await submit(token, completeDefaultAnswers(3));
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    const resumed = await t.app.inject({ method: "GET", url: "/api/reservation", headers: bearer(token) });
    expect(resumed.json()).toMatchObject({ status: "submitted", response: first.json() });
  });

  it("stores one response when 20 submits with one token run at once", async () => {
    const token = await reservationToken();
    const results = await Promise.all(Array.from({ length: 20 }, () => submit(token, completeDefaultAnswers())));
    expect(results.filter((response) => response.statusCode === 201)).toHaveLength(1);
    expect(results.filter((response) => response.statusCode === 200)).toHaveLength(19);
    expect(new Set(results.map((response) => response.json().responseId)).size).toBe(1);
    const stored = await t.database.handle.db
      .select()
      .from(responses)
      .where(eq(responses.id, results[0]?.json().responseId));
    expect(stored).toHaveLength(1);
  });

  it.each([
    [
      "a required answer missing",
      (a: Record<string, unknown>) => {
        delete a.env_air;
      },
      "env_air",
    ],
    [
      "a value outside the choices",
      (a: Record<string, unknown>) => {
        a.liv_income = 6;
      },
      "liv_income",
    ],
    [
      "a string for a rating",
      (a: Record<string, unknown>) => {
        a.liv_income = "很好";
      },
      "liv_income",
    ],
    [
      "an unknown question",
      (a: Record<string, unknown>) => {
        a.favourite_colour = 1;
      },
      "favourite_colour",
    ],
    [
      "a comment that is too long",
      (a: Record<string, unknown>) => {
        a.comment = "长".repeat(5000);
      },
      "comment",
    ],
  ])("refuses %s with 422 invalid_answers naming the question", async (_name, spoil, question) => {
    const token = await reservationToken();
    const answers = completeDefaultAnswers();
    spoil(answers);
    const response = await submit(token, answers);
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.error).toBe("invalid_answers");
    expect(body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ question, message: expect.any(String) })]),
    );
  });

  it("stores a late submission and counts it when a slot is still free", async () => {
    const token = await reservationToken();
    clock.advance(31 * 60_000);
    expect(await releaseExpiredReservations(t.database.handle.db, { now: clock.now(), waveId })).toBeGreaterThan(0);
    const response = await submit(token, completeDefaultAnswers());
    expect(response.statusCode).toBe(201);
    expect(response.json().counted).toBe(true);
  });

  it("stores a late submission with counted: false when the community filled up meanwhile", async () => {
    const community = await firstCommunity(t.app, waveId, "310117003");
    await t.database.handle.db
      .update(waveCommunities)
      .set({ cap: 1, capOverridden: true })
      .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.communityCode, community)));
    const late = await reservationToken(community);
    clock.advance(31 * 60_000);
    await releaseExpiredReservations(t.database.handle.db, { now: clock.now(), waveId });
    const punctual = await reservationToken(community);
    expect((await submit(punctual, completeDefaultAnswers())).json().counted).toBe(true);
    const response = await submit(late, completeDefaultAnswers());
    expect(response.statusCode).toBe(201);
    expect(response.json().counted).toBe(false);
    const [row] = await t.database.handle.db
      .select()
      .from(responses)
      .where(eq(responses.id, response.json().responseId));
    expect(row?.counted).toBe(false);
    const [quota] = await t.database.handle.db
      .select()
      .from(waveCommunities)
      .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.communityCode, community)));
    expect(quota).toMatchObject({ completed: 1, reserved: 0 });
  });

  it("refuses someone who has responded at confirm, after the right code (start answers as for anyone)", async () => {
    const person = { idNumber: adultIdNumber(), phone: mobilePhone(), communityCode };
    const confirmed = await verifyResident(t.app, waveId, person);
    expect((await submit(confirmed.json().reservationToken, completeDefaultAnswers())).statusCode).toBe(201);
    clock.advance(61_000);
    const again = await verifyResident(t.app, waveId, person);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe("already_responded");
    clock.advance(61_000);
    const samePhone = await verifyResident(t.app, waveId, { ...person, idNumber: adultIdNumber() });
    expect(samePhone.statusCode).toBe(409);
    expect(samePhone.json().error).toBe("already_responded");
    const active = await t.database.handle.db.select().from(reservations).where(eq(reservations.status, "active"));
    expect(active.every((reservation) => reservation.expiresAt > clock.now())).toBe(true);
  });
});
