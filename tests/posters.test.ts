import { waves } from "@survey/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communitySurveyUrl } from "../apps/api/src/modules/fieldwork/poster-service";
import { listWaveCommunities } from "../apps/api/src/modules/waves/data/waves";
import { createTestApp, type SignedInUser, signIn, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

const SHIHUDANG = "310117116";
const PUBLIC_URL = "https://survey.example.cn/s/";

describe("communitySurveyUrl", () => {
  it("names the wave as ?w= and the community as ?c=, keeping the base path and any query it already has", () => {
    expect(communitySurveyUrl(PUBLIC_URL, "SJ-2026", "310117116001")).toBe(
      "https://survey.example.cn/s/?w=SJ-2026&c=310117116001",
    );
    expect(communitySurveyUrl("https://x.cn/?from=wx", "W", "A&B")).toBe("https://x.cn/?from=wx&w=W&c=A%26B");
  });
});

describe(`QR posters (${testDriver})`, () => {
  let t: TestApp;
  let waveId: number;
  let waveCode: string;
  let office: SignedInUser;
  const posters = (townCode: string, user: SignedInUser = office) =>
    t.app.inject({ method: "GET", url: `/api/admin/waves/${waveId}/towns/${townCode}/posters`, headers: user.headers });

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true, env: { PUBLIC_SURVEY_URL: PUBLIC_URL } });
    const [wave] = await t.database.handle.db.select().from(waves);
    if (!wave) throw new Error("no demo wave");
    waveId = wave.id;
    waveCode = wave.code;
    office = await signIn(t.app, "office");
  });
  afterAll(() => t.close());

  it("prints one A4 page per community with its name, the town, an invitation and a QR code to its survey link", async () => {
    const response = await posters(SHIHUDANG);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    const html = response.body;
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(/@page\s*\{\s*size:\s*A4/);
    expect(html).toContain("break-after: page");
    const communities = await listWaveCommunities(t.database.handle.db, waveId, SHIHUDANG);
    expect(communities).toHaveLength(9);
    const sections = html.split('<section class="poster"').slice(1);
    expect(sections).toHaveLength(communities.length);
    expect(html.match(/<svg /g)).toHaveLength(communities.length);
    communities.forEach((community, index) => {
      const section = sections[index] ?? "";
      // As HTML writes it (& as &amp;); the QR code holds the plain address.
      const url = `${PUBLIC_URL}?w=${waveCode}&amp;c=${community.code}`;
      expect(section).toContain(`data-community="${community.code}"`);
      expect(section).toContain(`<h1 class="community">${community.name}</h1>`);
      expect(section).toContain("石湖荡镇");
      expect(section).toContain("诚挚邀请本社区年满18周岁的居民");
      expect(section).toContain(`data-url="${url}"`);
      expect(section).toContain(`<p class="url">${url}</p>`);
      expect(section).toMatch(/<svg [^>]*viewBox="0 0 \d+ \d+"/);
    });
  });

  it("answers 404 for a town outside the wave and for an unknown wave", async () => {
    const town = await posters("999999");
    expect(town.statusCode).toBe(404);
    expect(town.json().error).toBe("unknown_town");
    const wave = await t.app.inject({
      method: "GET",
      url: `/api/admin/waves/424242/towns/${SHIHUDANG}/posters`,
      headers: office.headers,
    });
    expect(wave.statusCode).toBe(404);
    expect(wave.json().error).toBe("unknown_wave");
  });

  it("lets staff print their own towns only; department users not at all", async () => {
    const staff = await signIn(t.app, "staff", { townCodes: [SHIHUDANG] });
    expect((await posters(SHIHUDANG, staff)).statusCode).toBe(200);
    const elsewhere = await posters("310117001", staff);
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error).toBe("forbidden");
    const department = await signIn(t.app, "department");
    expect((await posters(SHIHUDANG, department)).statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: "GET",
      url: `/api/admin/waves/${waveId}/towns/${SHIHUDANG}/posters`,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
