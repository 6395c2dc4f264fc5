import { queryRows } from "@survey/db";
import { hashPii } from "@survey/identity/pii-hash";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reshuffleRespondentKeys } from "../apps/api/src/modules/resident/data/respondent-keys";
import { completeDefaultAnswers } from "../packages/questionnaire/src/default-questionnaire.fixture";
import { adultIdNumber, mobilePhone, submitResponse, verifyResident } from "./support/resident";
import { openDemoWave, type SignedInUser, signIn, TEST_PII_SECRET, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

type Row = Record<string, unknown>;

/** Every table's rows in the order a plain dump (`select *`, COPY) writes them: physical order. */
async function dumpDatabase(t: TestApp): Promise<Map<string, Row[]>> {
  const db = t.database.handle.db;
  const tables = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const dump = new Map<string, Row[]>();
  for (const { table_name } of tables)
    dump.set(table_name, await queryRows<Row>(db, sql.raw(`select * from "${table_name}"`)));
  return dump;
}

/**
 * An attacker holds a full copy of the database and the key (which turns an ID number or phone into its hash:
 * ID numbers are few enough to hash them all). They must learn who answered, never which answers are whose.
 */
describe(`the respondents' hashes cannot be joined to their answers (${testDriver})`, () => {
  let t: TestApp;
  let waveId: number;
  let communityCode: string;
  let staff: SignedInUser;
  const clock = new TestClock();
  const residents: { idNumber: string; phone: string }[] = [];

  beforeAll(async () => {
    ({ t, waveId, communityCode } = await openDemoWave({ now: clock.now }));
    staff = await signIn(t.app, "staff");
    // Twelve residents answer online one after another, a minute apart, then two are entered from paper.
    for (let i = 0; i < 12; i++) {
      const person = { idNumber: adultIdNumber(), phone: mobilePhone(), communityCode };
      const confirmed = await verifyResident(t.app, waveId, person);
      expect(confirmed.statusCode).toBe(201);
      clock.advance(60_000);
      const submitted = await submitResponse(t.app, confirmed.json().reservationToken, completeDefaultAnswers());
      expect(submitted.statusCode).toBe(201);
      residents.push(person);
    }
    for (let i = 0; i < 2; i++) {
      const person = { idNumber: adultIdNumber(), phone: mobilePhone() };
      const entered = await t.app.inject({
        method: "POST",
        url: `/api/admin/waves/${waveId}/interviews`,
        headers: staff.headers,
        payload: { communityCode, ...person, answers: completeDefaultAnswers() },
      });
      expect(entered.statusCode).toBe(201);
      residents.push(person);
    }
  });
  afterAll(() => t.close());

  const hashesOf = (person: { idNumber: string; phone: string }) => ({
    id: hashPii(TEST_PII_SECRET, "id", person.idNumber),
    phone: hashPii(TEST_PII_SECRET, "phone", person.phone),
  });

  it("keeps every respondent's hashes in a table of buckets with nothing else: no id, time, order or demographics", async () => {
    const columns = await queryRows<{ column_name: string }>(
      t.database.handle.db,
      sql`select column_name from information_schema.columns where table_name = 'respondent_key_sets' order by column_name`,
    );
    expect(columns.map((column) => column.column_name)).toEqual(["bucket", "fresh", "keys", "wave_id"]);
    const responseColumns = await queryRows<{ column_name: string }>(
      t.database.handle.db,
      sql`select column_name from information_schema.columns where table_name = 'responses'`,
    );
    expect(responseColumns.map((column) => column.column_name)).not.toContain("id_hash");
    const dump = await dumpDatabase(t);
    const keys = (dump.get("respondent_key_sets") ?? []).flatMap((row) => row.keys as string[]);
    for (const person of residents) expect(keys).toEqual(expect.arrayContaining(Object.values(hashesOf(person))));
    // What weighting needs stays on the response.
    expect((dump.get("responses") ?? []).every((row) => row.sex !== null && row.age_group !== null)).toBe(true);
  });

  it("no row that holds a respondent's hash holds anything of a response (id, reservation, receipt, answers)", async () => {
    const dump = await dumpDatabase(t);
    const responses = dump.get("responses") ?? [];
    expect(responses).toHaveLength(14);
    const responseValues = responses.flatMap((row) =>
      [row.id, row.reservation_id, row.receipt_code].filter((value): value is string => typeof value === "string"),
    );
    const hashes = residents.flatMap((person) => Object.values(hashesOf(person)));
    for (const [table, rows] of dump) {
      for (const row of rows) {
        const text = JSON.stringify(row);
        if (!hashes.some((hash) => text.includes(hash))) continue;
        // Hashes remain only where they join nothing: the key sets and a phone's SMS sends of the last day.
        expect(["respondent_key_sets", "phone_sms_windows", "dev_sms_outbox"]).toContain(table);
        for (const value of responseValues) expect(text).not.toContain(value);
      }
    }
    // The reservations that became responses and their verifications forgot the person.
    expect((dump.get("reservations") ?? []).every((row) => row.id_hash === null && row.phone_hash === null)).toBe(true);
    expect(dump.get("verifications") ?? []).toHaveLength(0);
  });

  it("after the sweep, the hashes' physical order is their sorted order, not the order people answered in", async () => {
    await reshuffleRespondentKeys(t.database.handle.db);
    const dump = await dumpDatabase(t);
    const rows = dump.get("respondent_key_sets") ?? [];
    expect(rows.every((row) => row.fresh === false)).toBe(true);
    const inDumpOrder = rows.map((row) => `${row.bucket}:${(row.keys as string[]).join(",")}`);
    expect(inDumpOrder).toEqual([...inDumpOrder].sort());
    for (const row of rows) expect(row.keys).toEqual([...(row.keys as string[])].sort());
    // …whereas the order people answered in is a different one (the check would be empty if it were not).
    const idKeys = rows.filter((row) => String(row.bucket).startsWith("i")).flatMap((row) => row.keys as string[]);
    const answeredOrder = residents.map((person) => hashesOf(person).id);
    expect(idKeys).toEqual([...answeredOrder].sort());
    expect(idKeys).not.toEqual(answeredOrder);
  });

  it("still lets no one answer twice: online after online, and paper entries of one person at once", async () => {
    const [first] = residents;
    if (!first) throw new Error("no resident");
    const again = await verifyResident(t.app, waveId, { ...first, communityCode });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe("already_responded");

    // Entered at once from paper, interviewers typing the same person: one ID number with different phones,
    // then one phone with different ID numbers. Each time exactly one entry counts. (Entries that share nothing
    // are different people, so each round shares one key throughout.)
    const enterAtOnce = (people: { idNumber: string; phone: string }[]) =>
      Promise.all(
        people.map((person) =>
          t.app.inject({
            method: "POST",
            url: `/api/admin/waves/${waveId}/interviews`,
            headers: staff.headers,
            payload: { communityCode, ...person, answers: completeDefaultAnswers() },
          }),
        ),
      );
    const idNumber = adultIdNumber();
    const phone = mobilePhone();
    for (const people of [
      Array.from({ length: 6 }, () => ({ idNumber, phone: mobilePhone() })),
      Array.from({ length: 6 }, () => ({ idNumber: adultIdNumber(), phone })),
    ]) {
      const entries = await enterAtOnce(people);
      expect(entries.filter((entry) => entry.statusCode === 201)).toHaveLength(1);
      expect(entries.filter((entry) => entry.statusCode === 409).map((entry) => entry.json().error)).toEqual(
        Array(5).fill("already_responded"),
      );
    }
  });
});
