import { communities, townPopulationCells, towns, waveCommunities, waves, waveTowns } from "@survey/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv, FRAME_HEADER, multipart, XLSX_TYPE, xlsx } from "./fixtures/upload-files";
import { createTestApp, type SignedInUser, signIn, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

const SHIHUDANG = "310117116";
const YUEYANG = "310117001";

describe(`frame import (${testDriver})`, () => {
  let t: TestApp;
  let admin: SignedInUser;
  let demoWaveId: number;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await signIn(t.app, "admin");
    const [wave] = await t.database.handle.db.select().from(waves).where(eq(waves.code, "SJ-2026"));
    if (!wave) throw new Error("demo wave missing");
    demoWaveId = wave.id;
  });
  afterAll(() => t.close());

  const db = () => t.database.handle.db;

  const upload = (payload: string | Buffer, contentType: string, url = "/api/admin/frame/import") =>
    t.app.inject({ method: "POST", url, payload, headers: { ...admin.headers, "content-type": contentType } });

  const townRow = async (code: string) => (await db().select().from(towns).where(eq(towns.code, code)))[0];
  const communityRow = async (code: string) =>
    (await db().select().from(communities).where(eq(communities.code, code)))[0];

  it("imports a CSV (BOM, CRLF, quoted fields, Chinese kinds) and shows it in GET /api/admin/frame", async () => {
    const body = csv([
      FRAME_HEADER,
      ["T9001", "测试街道", "街道", "12,000", "T9001-01", "东湖, 第一居委会", "居委会", "7000"],
      ["T9001", "测试街道", "街道", "12,000", "T9001-02", '西湖"二"村', "村委会", "5000"],
      ["T9002", "测试镇", "town", "9000", "T9002-01", "南村", "village", "9000"],
    ]);
    const response = await upload(body, "text/csv; charset=utf-8");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ towns: 2, communities: 3, removedCommunities: [], retainedCommunities: [] });

    expect(await townRow("T9001")).toMatchObject({ name: "测试街道", kind: "street", population: 12_000, demo: false });
    expect(await townRow("T9002")).toMatchObject({ kind: "town", population: 9000 });
    expect(await communityRow("T9001-01")).toMatchObject({
      townCode: "T9001",
      name: "东湖, 第一居委会",
      kind: "residential",
      population: 7000,
    });
    expect(await communityRow("T9001-02")).toMatchObject({ name: '西湖"二"村', kind: "village" });

    const overview = await t.app.inject({ method: "GET", url: "/api/admin/frame", headers: admin.headers });
    expect(overview.statusCode).toBe(200);
    const town = overview.json().towns.find((candidate: { code: string }) => candidate.code === "T9001");
    expect(town).toMatchObject({
      name: "测试街道",
      communityCount: 2,
      residentialCount: 1,
      villageCount: 1,
      communityPopulation: 12_000,
      demo: false,
    });
    expect(overview.json().totals.towns).toBe(19);

    const detail = await t.app.inject({ method: "GET", url: "/api/admin/frame/towns/T9001", headers: admin.headers });
    expect(detail.json().communities.map((community: { code: string }) => community.code)).toEqual([
      "T9001-01",
      "T9001-02",
    ]);
    const unknown = await t.app.inject({ method: "GET", url: "/api/admin/frame/towns/NOPE", headers: admin.headers });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe("unknown_town");
  });

  it("imports an .xlsx body: numeric codes and populations, formulas, rich text, only the first sheet", async () => {
    const workbook = await xlsx(
      [
        FRAME_HEADER,
        [310999001, "数字镇", "镇", { formula: "4000+2000", result: 6000 }, 310999001001, "一村", "村委会", 2500],
        [
          310999001,
          "数字镇",
          "镇",
          6000,
          310999001002,
          { richText: [{ text: "二" }, { text: "居委会", font: { bold: true } }] },
          "居委会",
          3500.0,
        ],
      ],
      ["第二张表"],
    );
    const response = await upload(workbook, XLSX_TYPE);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ towns: 1, communities: 2 });
    expect(await townRow("310999001")).toMatchObject({ name: "数字镇", kind: "town", population: 6000 });
    expect(await communityRow("310999001002")).toMatchObject({
      townCode: "310999001",
      name: "二居委会",
      kind: "residential",
      population: 3500,
    });
  });

  it("imports a multipart upload of either format, and an .xlsx sent as application/octet-stream", async () => {
    const csvForm = multipart({
      name: "frame.csv",
      contentType: "application/vnd.ms-excel",
      content: csv([FRAME_HEADER, ["T9003", "表单镇", "镇", "100", "T9003-01", "表单村", "村委会", "100"]]),
    });
    const viaCsv = await t.app.inject({
      method: "POST",
      url: "/api/admin/frame/import",
      payload: csvForm.payload,
      headers: { ...admin.headers, ...csvForm.headers },
    });
    expect(viaCsv.statusCode).toBe(200);
    expect(await communityRow("T9003-01")).toMatchObject({ name: "表单村" });

    const xlsxForm = multipart(
      {
        name: "frame.xlsx",
        contentType: XLSX_TYPE,
        content: await xlsx([FRAME_HEADER, ["T9003", "表单镇", "镇", 100, "T9003-01", "表单一村", "村委会", 100]]),
      },
      { note: "二次导入" },
    );
    const viaXlsx = await t.app.inject({
      method: "POST",
      url: "/api/admin/frame/import",
      payload: xlsxForm.payload,
      headers: { ...admin.headers, ...xlsxForm.headers },
    });
    expect(viaXlsx.statusCode).toBe(200);
    expect(await communityRow("T9003-01")).toMatchObject({ name: "表单一村" });

    const octet = await upload(
      await xlsx([FRAME_HEADER, ["T9003", "表单镇", "镇", 100, "T9003-01", "八位字节村", "村委会", 100]]),
      "application/octet-stream",
    );
    expect(octet.statusCode).toBe(200);
    expect(await communityRow("T9003-01")).toMatchObject({ name: "八位字节村" });
  });

  it("reads a GB18030 CSV as Excel on Chinese Windows saves it", async () => {
    // "测试街道" etc. encoded in GB18030; the encoder is not in Node, so the bytes are spelled out.
    const gbk = (text: string) => Buffer.from(new Uint8Array(text.split(" ").map((byte) => Number.parseInt(byte, 16))));
    const payload = Buffer.concat([
      Buffer.from(`${FRAME_HEADER.join(",")}\r\nT9004,`),
      gbk("bd d6 b5 c0"), // 街道
      Buffer.from(",street,100,T9004-01,"),
      gbk("b4 e5"), // 村
      Buffer.from(",village,100\r\n"),
    ]);
    const response = await upload(payload, "text/csv");
    expect(response.statusCode).toBe(200);
    expect(await townRow("T9004")).toMatchObject({ name: "街道" });
    expect(await communityRow("T9004-01")).toMatchObject({ name: "村" });
  });

  it("rejects a file with bad rows as a whole, listing every problem by Excel row and column", async () => {
    const yueyangCommunity = (
      await db().select().from(communities).where(eq(communities.townCode, YUEYANG)).limit(1)
    )[0];
    if (!yueyangCommunity) throw new Error("demo community missing");
    const body = csv([
      FRAME_HEADER, // row 1
      ["T9100", "坏文件镇", "镇", "1000", "T9100-01", "一村", "村委会", "500"], // 2: fine
      ["T9100", "坏文件镇", "镇", "1000", "T9100-02", "", "村委会", "500"], // 3: missing name
      ["T9100", "坏文件镇", "镇", "1000", "T9100-01", "重复村", "村委会", "500"], // 4: duplicate code
      ["T9100", "别的名字镇", "街道", "999", "T9100-03", "三村", "村委会", "500"], // 5: town conflicts ×3
      ["T9100", "坏文件镇", "镇", "1000", yueyangCommunity.code, "搬家村", "村委会", "500"], // 6: other town's community
      ["T9100", "坏文件镇", "镇", "1000", "T9100-04", "四村", "村委会", "abc"], // 7: non-numeric
      ["T9100", "坏文件镇", "镇", "1000", "T9100-05", "五村\n（新）", "村委会", "-5"], // 8: negative, multi-line name
      ["T9100", "坏文件镇", "镇", "1000", "T9100-06", "六村", "区", "12.5"], // 9: unknown kind, fraction
      ["", "", "", "", "", "", "", ""], // 10: blank, skipped
      ["T9100", "坏文件镇", "镇", "1000", "bad code!", "七村", "村委会", "1"], // 11: malformed code
    ]);
    const response = await upload(body, "text/csv");
    expect(response.statusCode).toBe(422);
    const json = response.json();
    expect(json.error).toBe("invalid_file");
    expect(json.message).toMatch(/整个文件没有导入/);
    const found = json.details.map((problem: { row: number; column: string }) => [problem.row, problem.column]);
    expect(found).toEqual([
      [3, "community_name"],
      [4, "community_code"],
      [5, "town_name"],
      [5, "town_kind"],
      [5, "town_population"],
      [6, "community_code"],
      [7, "community_population"],
      [8, "community_population"],
      [9, "community_kind"],
      [9, "community_population"],
      [11, "community_code"],
    ]);
    expect(json.problemCount).toBe(11);
    for (const problem of json.details) expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
    expect(json.details[1].message).toMatch(/第2行/);
    expect(json.details[5].message).toContain(YUEYANG);
    expect(json.details[7].message).toMatch(/负数/);
    // Nothing of the file was written, not even its good row.
    expect(await townRow("T9100")).toBeUndefined();
    expect((await communityRow(yueyangCommunity.code))?.townCode).toBe(YUEYANG);
  });

  it("reports missing columns and XLSX row numbers after blank rows", async () => {
    const missing = await upload(
      csv([
        ["town_code", "town_name"],
        ["T1", "某镇"],
      ]),
      "text/csv",
    );
    expect(missing.statusCode).toBe(422);
    expect(missing.json().details.map((problem: { column: string }) => problem.column)).toEqual(
      FRAME_HEADER.filter((name) => name !== "town_code" && name !== "town_name"),
    );
    expect(missing.json().details.every((problem: { row: number }) => problem.row === 1)).toBe(true);

    const workbook = await xlsx([
      FRAME_HEADER,
      ["T9200", "表格镇", "镇", 10, "T9200-01", "一村", "村委会", 10],
      null,
      null,
      ["T9200", "表格镇", "镇", 10, "T9200-02", "二村", "村委会", -3],
    ]);
    const response = await upload(workbook, XLSX_TYPE);
    expect(response.statusCode).toBe(422);
    expect(response.json().details).toEqual([
      { row: 5, column: "community_population", message: expect.stringMatching(/负数/) },
    ]);
  });

  it("refuses other content types (415) and empty or unreadable files (422)", async () => {
    const json = await t.app.inject({
      method: "POST",
      url: "/api/admin/frame/import",
      payload: { town_code: "x" },
      headers: admin.headers,
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().error).toBe("unsupported_media_type");
    const form = await upload("a=b", "application/x-www-form-urlencoded");
    expect(form.statusCode).toBe(415);

    const cases: [string | Buffer, string][] = [
      ["", "text/csv"],
      ["\r\n\r\n", "text/csv"],
      [csv([FRAME_HEADER]), "text/csv"],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), XLSX_TYPE],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "application/octet-stream"],
      [Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]), "application/octet-stream"],
      ['town_code,town_name\r\n"T1,unclosed\r\n', "text/csv"],
    ];
    for (const [payload, contentType] of cases) {
      const response = await upload(payload, contentType);
      expect(response.statusCode, `${contentType}: ${String(payload).slice(0, 20)}`).toBe(422);
      expect(response.json().error).toBe("invalid_file");
      expect(response.json().details.length).toBeGreaterThan(0);
    }

    const noFile = multipart(null, { note: "只有文字，没有文件" });
    const emptyForm = await t.app.inject({
      method: "POST",
      url: "/api/admin/frame/import",
      payload: noFile.payload,
      headers: { ...admin.headers, ...noFile.headers },
    });
    expect(emptyForm.statusCode).toBe(422);
  });

  it("refuses files over 10 MB with 413", async () => {
    const row = `${["T9", "大镇", "镇", "1", "T9-01", "村".repeat(200), "村委会", "1"].join(",")}\r\n`;
    const big = `${FRAME_HEADER.join(",")}\r\n${row.repeat(Math.ceil((10.5 * 1024 * 1024) / Buffer.byteLength(row)))}`;
    const response = await upload(big, "text/csv");
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toBe("payload_too_large");
  });

  it("needs a signed-in admin: 401 without a session, 403 for staff; staff may read the frame", async () => {
    const anonymous = await t.app.inject({
      method: "POST",
      url: "/api/admin/frame/import",
      payload: csv([FRAME_HEADER]),
      headers: { "content-type": "text/csv" },
    });
    expect(anonymous.statusCode).toBe(401);
    const staff = await signIn(t.app, "staff");
    const forbidden = await t.app.inject({
      method: "POST",
      url: "/api/admin/frame/import",
      payload: csv([FRAME_HEADER]),
      headers: { ...staff.headers, "content-type": "text/csv" },
    });
    expect(forbidden.statusCode).toBe(403);
    const read = await t.app.inject({ method: "GET", url: "/api/admin/frame", headers: staff.headers });
    expect(read.statusCode).toBe(200);
  });

  it("re-import updates names and populations, keeps the open wave's quota rows and counts, adds new communities", async () => {
    const own = await db().select().from(communities).where(eq(communities.townCode, SHIHUDANG));
    own.sort((a, b) => a.code.localeCompare(b.code));
    const [first, dropped, ...rest] = own;
    if (!first || !dropped) throw new Error("demo town too small");
    // Fieldwork has started: three completions in the first community.
    await db()
      .update(waveCommunities)
      .set({ completed: 3 })
      .where(and(eq(waveCommunities.waveId, demoWaveId), eq(waveCommunities.communityCode, first.code)));
    await db()
      .update(waveTowns)
      .set({ completed: 3, target: 150, targetOverridden: true })
      .where(and(eq(waveTowns.waveId, demoWaveId), eq(waveTowns.townCode, SHIHUDANG)));

    const town = ["310117116", "石湖荡镇（新）", "镇", "40000"];
    const rows = [
      FRAME_HEADER,
      [...town, first.code, `${first.name}（更名）`, first.kind, "4321"],
      ...rest.map((community) => [...town, community.code, community.name, community.kind, community.population]),
      [...town, `${SHIHUDANG}901`, "新建村", "村委会", "1200"],
    ];
    const response = await upload(csv(rows), "text/csv");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      towns: 1,
      communities: own.length,
      removedCommunities: [],
      retainedCommunities: [dropped.code],
    });

    expect(await townRow(SHIHUDANG)).toMatchObject({ name: "石湖荡镇（新）", population: 40_000, demo: false });
    expect(await communityRow(first.code)).toMatchObject({ name: `${first.name}（更名）`, population: 4321 });
    expect(await communityRow(dropped.code)).toBeDefined();

    const quota = await db()
      .select()
      .from(waveCommunities)
      .where(and(eq(waveCommunities.waveId, demoWaveId), eq(waveCommunities.townCode, SHIHUDANG)));
    expect(quota).toHaveLength(own.length + 1);
    expect(quota.find((row) => row.communityCode === first.code)).toMatchObject({ completed: 3, cap: 20 });
    expect(quota.find((row) => row.communityCode === `${SHIHUDANG}901`)).toMatchObject({
      cap: 20,
      completed: 0,
      reserved: 0,
    });
    const [townQuota] = await db()
      .select()
      .from(waveTowns)
      .where(and(eq(waveTowns.waveId, demoWaveId), eq(waveTowns.townCode, SHIHUDANG)));
    expect(townQuota).toMatchObject({ completed: 3, target: 150, targetOverridden: true });

    // Residents see the new community and the new names at once.
    const listed = await t.app.inject({
      method: "GET",
      url: `/api/waves/${demoWaveId}/towns/${SHIHUDANG}/communities`,
    });
    expect(listed.json().map((community: { code: string }) => community.code)).toContain(`${SHIHUDANG}901`);
    const townsListed = await t.app.inject({ method: "GET", url: `/api/waves/${demoWaveId}/towns` });
    expect(townsListed.json().find((row: { code: string }) => row.code === SHIHUDANG).name).toBe("石湖荡镇（新）");
  });

  it("re-import deletes communities a town no longer lists when no wave uses them; closed waves get no new rows", async () => {
    // T9002 joined the frame after the demo wave was created, so no wave has quota rows for it.
    const response = await upload(
      csv([FRAME_HEADER, ["T9002", "测试镇", "镇", "9000", "T9002-02", "北村", "村委会", "9000"]]),
      "text/csv",
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ removedCommunities: ["T9002-01"], retainedCommunities: [] });
    expect(await communityRow("T9002-01")).toBeUndefined();

    await db().update(waves).set({ status: "closed" }).where(eq(waves.id, demoWaveId));
    try {
      const again = await upload(
        csv([FRAME_HEADER, [YUEYANG, "岳阳街道", "街道", "118000", `${YUEYANG}950`, "关闭后新建", "居委会", "10"]]),
        "text/csv",
      );
      expect(again.statusCode).toBe(200);
      const rows = await db()
        .select()
        .from(waveCommunities)
        .where(and(eq(waveCommunities.waveId, demoWaveId), eq(waveCommunities.communityCode, `${YUEYANG}950`)));
      expect(rows).toHaveLength(0);
      // Every other Yueyang community keeps its quota row though the file lists only one.
      expect(again.json().retainedCommunities.length).toBeGreaterThan(10);
    } finally {
      await db().update(waves).set({ status: "open" }).where(eq(waves.id, demoWaveId));
    }
  });

  it("imports population by sex × age group, all or nothing, replacing a town's cells", async () => {
    const header = ["town_code", "sex", "age_group", "population"];
    const good = await upload(
      csv([
        header,
        [YUEYANG, "男", "18-29", "9000"],
        [YUEYANG, "female", "18-29", "8800"],
        [SHIHUDANG, "女", "70+", "1500"],
      ]),
      "text/csv",
      "/api/admin/frame/population",
    );
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({ towns: 2, cells: 3 });

    const bad = await upload(
      csv([
        header,
        [YUEYANG, "男", "18-29", "9100"],
        [YUEYANG, "male", "18-29", "9200"],
        ["NOPE", "女", "30-39", "10"],
        [YUEYANG, "未知", "30-39", "10"],
        [YUEYANG, "女", "17-18", "10"],
        [YUEYANG, "女", "40-49", "x"],
      ]),
      "text/csv",
      "/api/admin/frame/population",
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details.map((problem: { row: number; column: string }) => [problem.row, problem.column])).toEqual(
      [
        [3, "age_group"],
        [4, "town_code"],
        [5, "sex"],
        [6, "age_group"],
        [7, "population"],
      ],
    );

    const replace = await upload(
      csv([header, [YUEYANG, "女", "30-39", "7000"]]),
      "text/csv",
      "/api/admin/frame/population",
    );
    expect(replace.statusCode).toBe(200);
    const cells = await db().select().from(townPopulationCells).where(eq(townPopulationCells.townCode, YUEYANG));
    expect(cells).toEqual([{ townCode: YUEYANG, sex: "female", ageGroup: "30-39", population: 7000 }]);
    const other = await db().select().from(townPopulationCells).where(eq(townPopulationCells.townCode, SHIHUDANG));
    expect(other).toHaveLength(1);
  });
});
