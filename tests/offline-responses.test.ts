import { responses, waveCommunities } from "@survey/db";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findQuotaInvariantViolations } from "../apps/api/src/modules/resident/data/quota";
import { completeDefaultAnswers } from "../packages/questionnaire/src/default-questionnaire.fixture";
import { adultIdNumber, bearer, currentWaveId, firstCommunity, mobilePhone, verifyResident } from "./support/resident";
import { createTestApp, type SignedInUser, signIn, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

function csv(rows: Record<string, unknown>[]): string {
  const header = Object.keys(rows[0] ?? {});
  const quote = (value: unknown) => {
    const text = String(value ?? "");
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header.join(","), ...rows.map((row) => header.map((column) => quote(row[column])).join(","))].join("\n");
}

function importRow(communityCode: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    community_code: communityCode,
    id_number: "",
    phone: "",
    sex: "女",
    age_group: "40-49",
    ...completeDefaultAnswers(4),
    ...extra,
  };
}

describe(`paper questionnaires and offline import (${testDriver})`, () => {
  let t: TestApp;
  let waveId: number;
  let communityCode: string;
  let staff: SignedInUser;
  let admin: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true, env: { VERIFY_RATE_LIMIT_PER_MINUTE: "100000" } });
    waveId = await currentWaveId(t.app);
    communityCode = await firstCommunity(t.app, waveId, "310117004");
    staff = await signIn(t.app, "staff");
    admin = await signIn(t.app, "admin");
  });
  afterEach(async () => {
    expect(await findQuotaInvariantViolations(t.database.handle.db, waveId)).toEqual([]);
  });
  afterAll(() => t.close());

  const interview = (payload: Record<string, unknown>, headers = staff.headers) =>
    t.app.inject({ method: "POST", url: `/api/admin/waves/${waveId}/interviews`, headers, payload });

  const importCsv = (body: string, headers = staff.headers) =>
    t.app.inject({
      method: "POST",
      url: `/api/admin/waves/${waveId}/responses/import`,
      headers: { ...headers, "content-type": "text/csv" },
      payload: body,
    });

  it("enters a paper questionnaire in interviewer mode, counted toward the quota", async () => {
    const response = await interview({
      communityCode,
      idNumber: adultIdNumber(),
      phone: mobilePhone(),
      answers: completeDefaultAnswers(),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ counted: true, receiptCode: expect.any(String) });
    const [row] = await t.database.handle.db
      .select()
      .from(responses)
      .where(eq(responses.id, response.json().responseId));
    expect(row).toMatchObject({ mode: "interviewer", enteredBy: staff.userId, counted: true, registered: true });
  });

  it("applies the one-response-per-person rule across online and paper", async () => {
    const person = { idNumber: adultIdNumber(), phone: mobilePhone(), communityCode };
    const online = await verifyResident(t.app, waveId, person);
    const token = online.json().reservationToken;
    expect((await interview({ ...person, answers: completeDefaultAnswers() })).json().error).toBe("in_progress");
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/responses",
          headers: bearer(token),
          payload: { answers: completeDefaultAnswers() },
        })
      ).statusCode,
    ).toBe(201);
    const again = await interview({ ...person, answers: completeDefaultAnswers() });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe("already_responded");
  });

  it("refuses a paper questionnaire for a full community and invalid answers", async () => {
    const full = await firstCommunity(t.app, waveId, "310117005");
    await t.database.handle.db
      .update(waveCommunities)
      .set({ cap: 0, capOverridden: true })
      .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.communityCode, full)));
    const quota = await interview({ communityCode: full, answers: completeDefaultAnswers() });
    expect(quota.statusCode).toBe(409);
    expect(quota.json()).toMatchObject({ error: "quota_full", scope: "community" });
    const invalid = await interview({ communityCode, answers: { ...completeDefaultAnswers(), liv_income: 42 } });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().details[0].question).toBe("liv_income");
  });

  it("keeps staff to their own towns", async () => {
    const scoped = await signIn(t.app, "staff", { townCodes: ["310117001"] });
    const response = await interview({ communityCode, answers: completeDefaultAnswers() }, scoped.headers);
    expect(response.statusCode).toBe(403);
    const office = await signIn(t.app, "office");
    expect((await interview({ communityCode, answers: completeDefaultAnswers() }, office.headers)).statusCode).toBe(
      403,
    );
  });

  it("imports a good CSV: every row stored with mode import and derived fields", async () => {
    const other = await firstCommunity(t.app, waveId, "310117101");
    const id = adultIdNumber({ birth: "19550302", region: "320102", seq: 801 });
    const body = csv([
      importRow(other, { id_number: id, sex: "", age_group: "" }),
      importRow(other),
      importRow(other, { phone: mobilePhone() }),
    ]);
    const response = await importCsv(body);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ imported: 3, counted: 3 });
    const rows = await t.database.handle.db
      .select()
      .from(responses)
      .where(and(eq(responses.communityCode, other), eq(responses.mode, "import")));
    expect(rows).toHaveLength(3);
    const withId = rows.find((row) => row.birthYear === 1955);
    expect(withId).toMatchObject({ ageGroup: "70+", registered: false, birthYear: 1955 });
    expect(rows.filter((row) => row.sex === "female")).toHaveLength(2);
  });

  it("imports an XLSX upload", async () => {
    const other = await firstCommunity(t.app, waveId, "310117102");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("问卷");
    const rows = [importRow(other), importRow(other, { sex: "男", age_group: "18-29" })];
    sheet.addRow(Object.keys(rows[0] ?? {}));
    for (const row of rows)
      sheet.addRow(Object.values(row).map((value) => (typeof value === "number" ? value : String(value))));
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await t.app.inject({
      method: "POST",
      url: `/api/admin/waves/${waveId}/responses/import`,
      headers: {
        ...staff.headers,
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
      payload: buffer,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ imported: 2, counted: 2 });
  });

  it("rejects the whole file listing every bad row: bad codes, bad ID, duplicates in the file and against stored responses", async () => {
    const other = await firstCommunity(t.app, waveId, "310117103");
    const stored = { idNumber: adultIdNumber(), phone: mobilePhone() };
    expect((await interview({ communityCode: other, ...stored, answers: completeDefaultAnswers() })).statusCode).toBe(
      201,
    );
    const twice = adultIdNumber();
    const before = (await t.database.handle.db.select().from(responses)).length;
    const body = csv([
      importRow(other),
      importRow("000000000000"),
      importRow(other, { liv_income: "7" }),
      importRow(other, { id_number: "310104199001011230" }),
      importRow(other, { id_number: twice }),
      importRow(other, { id_number: twice }),
      importRow(other, { id_number: stored.idNumber }),
      importRow(other, { sex: "其他" }),
    ]);
    const response = await importCsv(body);
    expect(response.statusCode).toBe(422);
    const details = response.json().details as { row: number; column: string; message: string }[];
    const problems = details.map((detail) => `${detail.row}:${detail.column}`);
    expect(problems).toEqual([
      "3:community_code",
      "4:liv_income",
      "5:id_number",
      "7:id_number",
      "8:id_number",
      "9:sex",
    ]);
    expect(details.every((detail) => /[\u4e00-\u9fa5]/.test(detail.message))).toBe(true);
    expect((await t.database.handle.db.select().from(responses)).length).toBe(before);
  });

  it("stores over-quota rows with counted: false", async () => {
    const small = await firstCommunity(t.app, waveId, "310117104");
    await t.database.handle.db
      .update(waveCommunities)
      .set({ cap: 2, capOverridden: true })
      .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.communityCode, small)));
    const response = await importCsv(csv([importRow(small), importRow(small), importRow(small), importRow(small)]));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ imported: 4, counted: 2 });
  });

  it("refuses an upload that is not a table", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: `/api/admin/waves/${waveId}/responses/import`,
      headers: staff.headers,
      payload: { rows: [] },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toBe("unsupported_media_type");
  });

  it("manages questionnaire versions and locks a wave's questionnaire once it has responses", async () => {
    const list = await t.app.inject({ method: "GET", url: "/api/admin/questionnaires", headers: admin.headers });
    expect(list.statusCode).toBe(200);
    const [first] = list.json();
    const detail = await t.app.inject({
      method: "GET",
      url: `/api/admin/questionnaires/${first.id}`,
      headers: admin.headers,
    });
    expect(detail.json().definition.pages.length).toBeGreaterThanOrEqual(4);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/admin/questionnaires",
      headers: admin.headers,
      payload: { code: first.code, title: "新版问卷", definition: detail.json().definition },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().version).toBe(first.version + 1);
    const broken = await t.app.inject({
      method: "POST",
      url: "/api/admin/questionnaires",
      headers: admin.headers,
      payload: {
        code: "broken",
        title: "坏问卷",
        definition: {
          pages: [
            {
              name: "p",
              elements: [
                { type: "radiogroup", name: "a", choices: [1, 2] },
                { type: "text", name: "a" },
              ],
            },
          ],
        },
      },
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error).toBe("invalid_questionnaire");
    const swap = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/waves/${waveId}`,
      headers: admin.headers,
      payload: { questionnaireId: created.json().id },
    });
    expect(swap.statusCode).toBe(409);
    expect(swap.json().error).toBe("questionnaire_locked");
  });
});
