import type { QuestionnaireDraft, QuestionnaireVersion, WaveComparison } from "@survey/contract";
import { IMPORT_META_COLUMNS, listQuestionnaireItems } from "@survey/questionnaire";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adultIdNumber, bearer, mobilePhone, verifyResident } from "./support/resident";
import { openDemoWave, type SignedInUser, signIn, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

type Element = Record<string, unknown>;
type Page = { name: string; title: string; elements: Element[] };
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const REWORDED = "您对家庭目前的收入水平满意吗？（包括工资和其他收入）";

/**
 * The questionnaire studio's API: a new version copied from last year's, edited and checked field by field,
 * frozen once a wave uses it; the paper questionnaire, codebook and import template made from it; and the year
 * after, residents see the edit and trends match the items that kept their names.
 */
describe(`questionnaire studio (${testDriver})`, () => {
  const clock = new TestClock();
  let t: TestApp;
  let demoWaveId: number;
  let office: SignedInUser;
  let admin: SignedInUser;
  let staff: SignedInUser;
  let v1: QuestionnaireDraft;
  let v2Id: number;
  let newWaveId: number;

  const call = (user: SignedInUser, method: "GET" | "POST" | "PUT" | "PATCH", url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: user.headers, payload: payload as object | undefined });
  const draftOf = async (id: number) => (await call(office, "GET", `/api/admin/questionnaires/${id}`)).json();
  const pagesOf = (definition: Record<string, unknown>) => definition.pages as Page[];

  beforeAll(async () => {
    ({ t, waveId: demoWaveId } = await openDemoWave({ now: clock.now }));
    [office, admin, staff] = await Promise.all([
      signIn(t.app, "office"),
      signIn(t.app, "admin"),
      signIn(t.app, "staff"),
    ]);
    const list: QuestionnaireVersion[] = (await call(office, "GET", "/api/admin/questionnaires")).json();
    const used = list.find((version) => version.waves.some((wave) => wave.id === demoWaveId));
    if (!used) throw new Error("the demo wave's questionnaire is not listed");
    v1 = await draftOf(used.id);
  });
  afterAll(() => t.close());

  it("lists each version with the waves that use it and whether it is frozen", async () => {
    const list: QuestionnaireVersion[] = (await call(office, "GET", "/api/admin/questionnaires")).json();
    const listed = list.find((version) => version.id === v1.id);
    expect(listed).toMatchObject({ version: 1, frozen: true, sourceId: null });
    expect(listed?.waves.map((wave) => [wave.id, wave.status])).toEqual([[demoWaveId, "open"]]);
    expect(listed?.questionCount).toBe(listQuestionnaireItems(v1.definition).length);
    expect(v1.usedNames).toContain("liv_income");
  });

  it("refuses to edit a version an open wave uses (409 questionnaire_in_use, naming the wave)", async () => {
    for (const definition of [v1.definition, { pages: [] }]) {
      const response = await call(office, "PUT", `/api/admin/questionnaires/${v1.id}`, { title: v1.title, definition });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ error: "questionnaire_in_use", waves: [{ id: demoWaveId }] });
    }
  });

  it("copies a version into an editable new version (新版本) that remembers where it came from", async () => {
    const refused = await call(staff, "POST", `/api/admin/questionnaires/${v1.id}/versions`);
    expect(refused.statusCode).toBe(403);
    const created = await call(office, "POST", `/api/admin/questionnaires/${v1.id}/versions`);
    expect(created.statusCode).toBe(201);
    expect(created.json().version).toBe(2);
    v2Id = created.json().id;
    const v2: QuestionnaireDraft = await draftOf(v2Id);
    expect(v2).toMatchObject({ version: 2, sourceId: v1.id, frozen: false, waves: [], revision: 1 });
    expect(v2.definition).toEqual(v1.definition);
  });

  it("reports every problem of an edit beside the field it concerns (422 with paths)", async () => {
    const definition = structuredClone(v1.definition);
    const living = pagesOf(definition)[0] as Page;
    living.title = "";
    living.elements[0] = { ...living.elements[0], domain: "moon" };
    living.elements[1] = { ...living.elements[1], title: "" };
    living.elements.push({ type: "comment", name: "liv_housing", title: "新的开放题" });
    const response = await call(office, "PUT", `/api/admin/questionnaires/${v2Id}`, {
      title: "2027年问卷",
      definition,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toBe("invalid_questionnaire");
    const details = response.json().details as { path: string; question?: string; message: string }[];
    const at = (path: string) => details.find((detail) => detail.path === path);
    expect(at("pages[0].title")?.message).toContain("标题");
    expect(at("pages[0].elements[0].domain")).toMatchObject({ question: "liv_income" });
    expect(at("pages[0].elements[1].title")?.message).toBe("题目的文字不能为空");
    // The old name of another kind of item cannot come back as an open question (trends match by name).
    expect(details.filter((detail) => detail.question === "liv_housing").map((detail) => detail.path)).toContain(
      "pages[0].elements[9].name",
    );
    expect((await draftOf(v2Id)).revision).toBe(1);
  });

  it("saves an edit: a reworded item, one removed, one added and mapped to a domain", async () => {
    const definition = structuredClone(v1.definition);
    const living = pagesOf(definition)[0] as Page;
    living.elements[0] = { ...living.elements[0], title: REWORDED };
    living.elements.splice(2, 1); // liv_job_services
    living.elements.push({
      ...living.elements[0],
      name: "liv_v2_1",
      title: "您对社区食堂满意吗？",
      domain: "social_security",
    });
    const response = await call(office, "PUT", `/api/admin/questionnaires/${v2Id}`, {
      title: "2027年问卷",
      definition,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: v2Id, version: 2, revision: 2 });
    const saved: QuestionnaireDraft = await draftOf(v2Id);
    expect(saved.title).toBe("2027年问卷");
    expect(saved.usedNames).toEqual(expect.arrayContaining(["liv_v2_1", "liv_job_services"]));
    const items = listQuestionnaireItems(saved.definition);
    expect(items.find((item) => item.name === "liv_income")?.title).toBe(REWORDED);
    expect(items.find((item) => item.name === "liv_v2_1")?.domain).toBe("social_security");
    expect(items.some((item) => item.name === "liv_job_services")).toBe(false);
  });

  it("lets a draft wave switch versions, then freezes the version once the wave is opened", async () => {
    const created = await call(admin, "POST", "/api/admin/waves", {
      code: "2027",
      title: "2027年民生满意度调查",
      year: 2027,
      questionnaireId: v1.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    newWaveId = created.json().id;
    const switched = await call(admin, "PATCH", `/api/admin/waves/${newWaveId}`, { questionnaireId: v2Id });
    expect(switched.statusCode, switched.body).toBe(200);
    expect(switched.json().questionnaireId).toBe(v2Id);
    // Still a draft wave: the version can be edited (and the edit is served, not a stale parsed copy).
    const draft: QuestionnaireDraft = await draftOf(v2Id);
    expect(draft.waves.map((wave) => [wave.id, wave.status])).toEqual([[newWaveId, "draft"]]);
    const edit = await call(office, "PUT", `/api/admin/questionnaires/${v2Id}`, {
      title: draft.title,
      definition: draft.definition,
    });
    expect(edit.statusCode).toBe(200);

    const opened = await call(admin, "POST", `/api/admin/waves/${newWaveId}/open`, { confirmAnotherOpen: true });
    expect(opened.statusCode, opened.body).toBe(200);
    const frozen = await call(office, "PUT", `/api/admin/questionnaires/${v2Id}`, {
      title: draft.title,
      definition: draft.definition,
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error).toBe("questionnaire_in_use");
    expect((await draftOf(v2Id)).frozen).toBe(true);
    const back = await call(admin, "PATCH", `/api/admin/waves/${newWaveId}`, { questionnaireId: v1.id });
    expect(back.statusCode).toBe(409);
  });

  it("shows the reworded item to a resident of the wave opened on the new version", async () => {
    const towns = (await t.app.inject({ url: `/api/waves/${newWaveId}/towns` })).json();
    const communities = (
      await t.app.inject({ url: `/api/waves/${newWaveId}/towns/${towns[0].code}/communities` })
    ).json();
    const confirmed = await verifyResident(t.app, newWaveId, {
      idNumber: adultIdNumber({ seq: 901 }),
      phone: mobilePhone(901),
      communityCode: communities[0].code,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const items = listQuestionnaireItems(confirmed.json().questionnaire.definition);
    expect(items.find((item) => item.name === "liv_income")?.title).toBe(REWORDED);
    expect(items.some((item) => item.name === "liv_v2_1")).toBe(true);
    const resumed = await t.app.inject({ url: "/api/reservation", headers: bearer(confirmed.json().reservationToken) });
    expect(resumed.json().questionnaire.id).toBe(v2Id);
  });

  it("prints the paper questionnaire: the interview boxes and every choice with its answer code", async () => {
    const response = await call(staff, "GET", `/api/admin/questionnaires/${v2Id}/paper`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
    const html = response.body;
    for (const box of ["社区编码", "调查员姓名", "身份证号码", "受访者性别"]) expect(html).toContain(box);
    expect(html).not.toMatch(/<script/i);
    expect(html).toMatch(/\.question \{[^}]*break-inside: avoid/);
    expect(html).toContain(REWORDED);
    const income = /<section class="question" data-name="liv_income">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? "";
    expect(income).toContain('<span class="code">8</span>不了解');
    expect(income).toContain('<span class="code">5</span>非常满意');
    const education = /data-name="education">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? "";
    expect(education).toContain('<span class="code">1</span>小学及以下');
  });

  it("gives the codebook: name, wording, area, domain, codes and labels", async () => {
    const response = await call(office, "GET", `/api/admin/questionnaires/${v2Id}/codebook.xlsx`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("题目");
    const rows = (sheet?.getSheetValues() ?? []).slice(2) as unknown[][];
    const row = rows.find((values) => values[2] === "liv_v2_1");
    expect(row?.slice(2, 8)).toEqual([
      "liv_v2_1",
      "您对社区食堂满意吗？",
      "一、生活条件",
      expect.any(String),
      "生活条件",
      "社会保障",
    ]);
    expect(row?.[9]).toContain("8=不了解");
    const codes = workbook.getWorksheet("代码");
    expect(codes?.rowCount).toBeGreaterThan(rows.length);
  });

  /** Reads the template, fills `count` rows from its drop-down lists, and returns the workbook's bytes. */
  async function fillTemplate(
    waveId: number,
    count: number,
    seed: number,
  ): Promise<{ header: string[]; bytes: Buffer }> {
    const response = await call(staff, "GET", `/api/admin/waves/${waveId}/responses/template.xlsx`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const communities = (workbook.getWorksheet("社区")?.getSheetValues() ?? []).slice(2) as unknown[][];
    for (let r = 0; r < count; r++) {
      const row = sheet.getRow(r + 2);
      header.forEach((column, index) => {
        const cell = row.getCell(index + 1);
        const list = cell.dataValidation?.formulae?.[0];
        if (column === "community_code") cell.value = String(communities[(r * 7 + seed) % 2]?.[1]);
        else if (column === "id_number" || column === "phone") cell.value = null;
        else if (column === "comment") cell.value = "希望多建公园";
        else if (list?.startsWith('"')) {
          const codes = list.slice(1, -1).split(",");
          // Satisfaction scales list 5 first: vary the picks so that the results have a spread.
          cell.value = codes[(r + seed + index) % Math.min(codes.length, 5)] ?? null;
        }
      });
      row.commit();
    }
    return { header, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
  }

  const importBytes = (waveId: number, bytes: Buffer) =>
    t.app.inject({
      method: "POST",
      url: `/api/admin/waves/${waveId}/responses/import`,
      headers: { ...staff.headers, "content-type": XLSX },
      payload: bytes,
    });

  it("gives the import template: exactly the import's columns, codes as drop-down lists; filled in, it imports", async () => {
    const { header, bytes } = await fillTemplate(newWaveId, 8, 0);
    const names = listQuestionnaireItems((await draftOf(v2Id)).definition).map((item) => item.name);
    expect(header).toEqual([...IMPORT_META_COLUMNS, ...names]);
    const template = new ExcelJS.Workbook();
    await template.xlsx.load(
      (await call(staff, "GET", `/api/admin/waves/${newWaveId}/responses/template.xlsx`))
        .rawPayload as unknown as ArrayBuffer,
    );
    // ID numbers and codes typed in stay text (Excel would round an 18-digit number).
    expect(template.worksheets[0]?.getColumn(2).numFmt).toBe("@");
    const imported = await importBytes(newWaveId, bytes);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ imported: 8, counted: 8 });
    // The version now has responses too: still frozen, with its wave saying so.
    const draft: QuestionnaireDraft = await draftOf(v2Id);
    expect(draft.waves[0]).toMatchObject({ id: newWaveId, hasResponses: true });
  });

  it("compares the two years item by item for the items that kept their names", async () => {
    const { bytes } = await fillTemplate(demoWaveId, 8, 3);
    expect((await importBytes(demoWaveId, bytes)).statusCode).toBe(200);
    const response = await call(office, "GET", `/api/admin/waves/${newWaveId}/compare/${demoWaveId}`);
    expect(response.statusCode, response.body).toBe(200);
    const comparison: WaveComparison = response.json();
    const items = comparison.measures.filter((measure) => measure.kind === "item").map((measure) => measure.key);
    expect(items).toEqual(expect.arrayContaining(["liv_income", "liv_job_opportunities", "env_air"]));
    expect(items).not.toContain("liv_job_services");
    expect(items).not.toContain("liv_v2_1");
    const income = comparison.measures.find((measure) => measure.key === "liv_income");
    expect(income?.label).toBe(REWORDED);
    const trend = await call(office, "GET", "/api/admin/trends?question=liv_job_opportunities");
    expect(trend.statusCode, trend.body).toBe(200);
    expect(trend.json().waves.map((wave: { id: number }) => wave.id)).toEqual([demoWaveId, newWaveId]);
  });
});
