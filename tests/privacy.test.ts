import { Writable } from "node:stream";
import { queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeDefaultAnswers } from "../packages/questionnaire/src/default-questionnaire.fixture";
import {
  adultIdNumber,
  bearer,
  currentWaveId,
  firstCommunity,
  startVerification,
  submitResponse,
  verifyResident,
} from "./support/resident";
import { createTestApp, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

/** Every row of every table as text: what a database dump would contain. */
async function dumpDatabase(t: TestApp): Promise<string> {
  const tables = await queryRows<{ table_name: string }>(
    t.database.handle.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  let dump = "";
  for (const { table_name } of tables) {
    const rows = await queryRows(t.database.handle.db, sql.raw(`select * from "${table_name}"`));
    dump += `${table_name}\n${JSON.stringify(rows)}\n`;
  }
  return dump;
}

describe(`no plain ID numbers or phones in the database or the logs (${testDriver})`, () => {
  let t: TestApp;
  let log = "";
  const idNumber = adultIdNumber({ birth: "19800229", seq: 4242 }).replace(/X$/, "x");
  const phone = "13912345678";
  const underagePhone = "13787654321";

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        log += chunk.toString();
        done();
      },
    });
    t = await createTestApp({
      seedDemo: true,
      logStream,
      env: { VERIFY_RATE_LIMIT_PER_MINUTE: "100000", LOG_LEVEL: "debug" },
    });
    const waveId = await currentWaveId(t.app);
    const communityCode = await firstCommunity(t.app, waveId);
    // A whole resident journey, plus failures that echo input back, plus the outbox lookup by phone.
    const confirmed = await verifyResident(t.app, waveId, { idNumber, phone, communityCode });
    expect(confirmed.statusCode).toBe(201);
    await t.app.inject({
      method: "PUT",
      url: "/api/reservation/draft",
      headers: bearer(confirmed.json().reservationToken),
      payload: { answers: { liv_income: 3 } },
    });
    const submitted = await submitResponse(t.app, confirmed.json().reservationToken, completeDefaultAnswers());
    expect(submitted.statusCode).toBe(201);
    await startVerification(t.app, waveId, { idNumber, phone, communityCode });
    await startVerification(t.app, waveId, {
      idNumber: adultIdNumber({ birth: "20150101", seq: 4243 }),
      phone: underagePhone,
      communityCode,
    });
    await startVerification(t.app, waveId, { idNumber: `${idNumber}9`, phone: `${phone}9`, communityCode });
    await t.app.inject({ method: "GET", url: `/api/dev/sms-outbox?phone=${phone}` });
    await t.app.inject({
      method: "POST",
      url: `/api/waves/${waveId}/verifications`,
      headers: { "content-type": "application/json" },
      payload: `{"idNumber":"${idNumber}","phone":"${phone}",`,
    });
  });
  afterAll(() => t.close());

  const forms = () => [
    idNumber,
    idNumber.toUpperCase(),
    idNumber.slice(0, 17),
    phone,
    underagePhone,
    `${phone.slice(0, 3)} ${phone.slice(3)}`,
  ];

  it("the database holds only hashes and derived facts", async () => {
    const dump = await dumpDatabase(t);
    expect(dump).toContain("responses");
    for (const secret of forms()) expect(dump).not.toContain(secret);
    // What is kept instead: sex, age group and 户籍 on the response, the keyed hashes apart from it.
    expect(dump).toMatch(/"age_group":"\d/);
    expect(dump).toMatch(/respondent_key_sets\n\[\{"wave_id":\d+,"bucket":"i/);
  });

  it("the log holds neither, not even from URLs, bodies or errors", () => {
    expect(log.length).toBeGreaterThan(1000);
    expect(log).toContain("/api/dev/sms-outbox");
    for (const secret of forms()) expect(log).not.toContain(secret);
  });
});
