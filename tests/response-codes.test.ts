import { readFileSync } from "node:fs";
import { queryRows, waveCommunities, waves } from "@survey/db";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeLayout, rebuildResponseCodes } from "../apps/api/src/modules/analysis/data/response-codes";
import {
  loadQuestionnaireById,
  type StoredQuestionnaire,
} from "../apps/api/src/modules/questionnaires/questionnaire-service";
import { releaseExpiredReservations } from "../apps/api/src/modules/resident/data/quota";
import { completeDefaultAnswers } from "../packages/questionnaire/src/default-questionnaire.fixture";
import { adultIdNumber, bearer, currentWaveId, firstCommunity, mobilePhone, verifyResident } from "./support/resident";
import { loadSyntheticResponses } from "./support/synthetic-responses";
import { createTestApp, type SignedInUser, signIn, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

interface CodeRow {
  id: string;
  waveId: number;
  townCode: string;
  sex: string | null;
  ageGroup: string | null;
  counted: boolean;
  codes: string;
}

/**
 * `response_codes` is what the satisfaction results read (one row per response with its scored questions'
 * codes). Every path that stores a response must write it in step with `response_items`; here each path's rows
 * are checked against the codes recomputed from the response's item rows.
 */
describe(`per-response code rows (${testDriver})`, () => {
  const clock = new TestClock();
  let t: TestApp;
  let waveId: number;
  let staff: SignedInUser;
  let questionnaire: StoredQuestionnaire;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true, now: clock.now, env: { VERIFY_RATE_LIMIT_PER_MINUTE: "100000" } });
    waveId = await currentWaveId(t.app);
    staff = await signIn(t.app, "staff");
    const [wave] = await t.database.handle.db.select().from(waves).where(eq(waves.id, waveId));
    questionnaire = await loadQuestionnaireById(t.database.handle.db, wave?.questionnaireId as number);
  });
  afterAll(() => t.close());

  /** Every code a resident can give, spread over the items so that positions are told apart. */
  function variedAnswers(seed: number): Record<string, unknown> {
    const answers = completeDefaultAnswers();
    const codes = [1, 2, 3, 4, 5, 8, 9];
    questionnaire.scoring.items.forEach((item, k) => {
      answers[item.name] = codes[(k + seed) % codes.length];
    });
    answers.overall = 1 + (seed % 5);
    return answers;
  }

  const stored = () =>
    queryRows<CodeRow>(
      t.database.handle.db,
      sql`select response_id as id, wave_id as "waveId", town_code as "townCode", sex, age_group as "ageGroup",
        counted, encode(codes, 'hex') as codes
      from response_codes order by response_id`,
    );

  /** The rows as they follow from `responses` and `response_items`, computed here in TypeScript. */
  async function recomputed(): Promise<CodeRow[]> {
    const db = t.database.handle.db;
    const respondents = await queryRows<Omit<CodeRow, "codes">>(
      db,
      sql`select id, wave_id as "waveId", town_code as "townCode", sex, age_group as "ageGroup", counted
      from responses order by id`,
    );
    const items = await queryRows<{ id: string; question: string; code: number }>(
      db,
      sql`select response_id as id, question, code from response_items`,
    );
    const layout = codeLayout(questionnaire.scoring);
    return respondents.map((respondent) => {
      const own = new Map(items.filter((item) => item.id === respondent.id).map((item) => [item.question, item.code]));
      const codes = layout.map((question) => (own.get(question) ?? 0).toString(16).padStart(2, "0")).join("");
      return { ...respondent, codes };
    });
  }

  async function reservationToken(communityCode: string): Promise<string> {
    const verified = await verifyResident(t.app, waveId, {
      idNumber: adultIdNumber(),
      phone: mobilePhone(),
      communityCode,
    });
    expect(verified.statusCode).toBe(201);
    return verified.json().reservationToken;
  }

  const submit = (token: string, answers: Record<string, unknown>) =>
    t.app.inject({ method: "POST", url: "/api/responses", headers: bearer(token), payload: { answers } });

  it("online, late (counted or not), paper and imported responses each get the codes of their item rows", async () => {
    const db = t.database.handle.db;
    const community = await firstCommunity(t.app, waveId);
    const online = await submit(await reservationToken(community), variedAnswers(0));
    expect(online.statusCode).toBe(201);

    // Late: one finds a free slot (counted), one a full community (kept with counted: false).
    const full = await firstCommunity(t.app, waveId, "310117003");
    await db
      .update(waveCommunities)
      .set({ cap: 1, capOverridden: true })
      .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.communityCode, full)));
    const lateCounted = await reservationToken(community);
    const lateUncounted = await reservationToken(full);
    clock.advance(31 * 60_000);
    await releaseExpiredReservations(db, { now: clock.now(), waveId });
    expect((await submit(await reservationToken(full), variedAnswers(3))).json().counted).toBe(true);
    expect((await submit(lateCounted, variedAnswers(1))).json().counted).toBe(true);
    expect((await submit(lateUncounted, variedAnswers(2))).json().counted).toBe(false);

    const paper = await t.app.inject({
      method: "POST",
      url: `/api/admin/waves/${waveId}/interviews`,
      headers: staff.headers,
      payload: { communityCode: community, idNumber: adultIdNumber(), phone: mobilePhone(), answers: variedAnswers(4) },
    });
    expect(paper.statusCode).toBe(201);

    // Offline import into the full community: both rows are kept, not counted.
    const records = [variedAnswers(5), variedAnswers(6)].map((answers, k) => ({
      community_code: full,
      id_number: "",
      phone: "",
      sex: k === 0 ? "女" : "男",
      age_group: k === 0 ? "40-49" : "60-69",
      ...answers,
    }));
    const header = Object.keys(records[0] ?? {});
    const csv = [header.join(","), ...records.map((record) => header.map((h) => String(record[h as never])).join(","))];
    const imported = await t.app.inject({
      method: "POST",
      url: `/api/admin/waves/${waveId}/responses/import`,
      headers: { ...staff.headers, "content-type": "text/csv" },
      payload: csv.join("\n"),
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ imported: 2, counted: 0 });

    const rows = await stored();
    expect(rows).toHaveLength(7);
    expect(rows).toEqual(await recomputed());
    expect(rows.filter((r) => !r.counted)).toHaveLength(3);
    expect(new Set(rows.map((r) => r.codes)).size).toBeGreaterThan(4);
    expect(rows.map((r) => r.sex)).toContain("female");
  });

  it("rebuilds the same rows from the item rows, as migration 0003's backfill does", async () => {
    const db = t.database.handle.db;
    const before = await stored();
    await rebuildResponseCodes(db, waveId);
    expect(await stored()).toEqual(before);

    const migration = readFileSync(new URL("../migrations/0003_response_codes.sql", import.meta.url), "utf8");
    const backfill = migration.split("--> statement-breakpoint").find((part) => /insert into/i.test(part));
    if (!backfill) throw new Error("migration 0003 has no backfill");
    await db.execute(sql`delete from response_codes`);
    await db.execute(sql.raw(backfill));
    expect(await stored()).toEqual(before);
  });

  it("the synthetic loader (tests, bench) writes the same codes as the item rows give, blanks included", async () => {
    const db = t.database.handle.db;
    await loadSyntheticResponses(db, {
      waveId,
      questionnaireId: questionnaire.id,
      scoring: questionnaire.scoring,
      perTown: 4,
    });
    const rows = await stored();
    expect(rows.some((row) => row.codes.match(/../g)?.includes("00"))).toBe(true);
    expect(rows).toEqual(await recomputed());
  });
});
