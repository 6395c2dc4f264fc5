import { questionnaires, waveCommunities, waves, waveTowns } from "@survey/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedInUser, signIn, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

const SHIHUDANG = "310117116";
const PUBLIC_URL = "https://survey.example.cn/";

interface AuditEntry {
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

/**
 * A second wave opening must not take over the first one's printed posters (their links name their wave), and a
 * wave's life has ways back: delete a draft, reopen a closed wave with a reason, hide a wave from trends.
 */
describe(`two waves at once, reopening and deleting (${testDriver})`, () => {
  const clock = new TestClock();
  let t: TestApp;
  let admin: SignedInUser;
  let wave2026: { id: number; code: string; title: string };
  let questionnaireId: number;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true, now: clock.now, env: { PUBLIC_SURVEY_URL: PUBLIC_URL } });
    admin = await signIn(t.app, "admin");
    const [demo] = await t.database.handle.db.select().from(waves);
    const [questionnaire] = await t.database.handle.db.select().from(questionnaires).limit(1);
    if (!demo || !questionnaire) throw new Error("demo data missing");
    wave2026 = demo;
    questionnaireId = questionnaire.id;
  });
  afterAll(() => t.close());

  const db = () => t.database.handle.db;
  const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: admin.headers });
  const publicGet = (url: string) => t.app.inject({ method: "GET", url });
  const create = async (code: string, year: number) => {
    const response = await call("POST", "/api/admin/waves", {
      code,
      title: `${year}年民生满意度调查`,
      year,
      questionnaireId,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number; code: string; title: string };
  };
  const audit = async (action: string): Promise<AuditEntry[]> =>
    (await call("GET", `/api/admin/audit?action=${action}`)).json().entries;

  /** The address inside the first poster's QR code, as a phone's camera reads it. */
  const firstPosterUrl = async (waveId: number) => {
    const response = await call("GET", `/api/admin/waves/${waveId}/towns/${SHIHUDANG}/posters`);
    expect(response.statusCode).toBe(200);
    const match = /<div class="qr" data-url="([^"]+)">/.exec(response.body);
    if (!match?.[1]) throw new Error("no QR code on the poster");
    return new URL(match[1].replaceAll("&amp;", "&"));
  };

  let wave2027: { id: number; code: string; title: string };
  let posterUrl: URL;

  it("asks for a confirmation before a second wave opens: 409 another_wave_open naming the open one", async () => {
    posterUrl = await firstPosterUrl(wave2026.id);
    expect(posterUrl.searchParams.get("w")).toBe(wave2026.code);
    expect(posterUrl.searchParams.get("c")).toMatch(new RegExp(`^${SHIHUDANG}`));

    wave2027 = await create("SJ-2027", 2027);
    clock.advance(60_000);
    const refused = await call("POST", `/api/admin/waves/${wave2027.id}/open`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: "another_wave_open",
      openWaves: [{ id: wave2026.id, code: wave2026.code, title: wave2026.title }],
    });
    const [still] = await db().select().from(waves).where(eq(waves.id, wave2027.id));
    expect(still?.status).toBe("draft");
    expect((await publicGet("/api/waves/current")).json().code).toBe(wave2026.code);

    const confirmed = await call("POST", `/api/admin/waves/${wave2027.id}/open`, { confirmAnotherOpen: true });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: "open", openedAt: clock.now().toISOString() });
    const [entry] = await audit("wave.open");
    expect(entry).toMatchObject({ target: `wave:${wave2027.id}`, details: { confirmAnotherOpen: true } });
  });

  it("keeps the 2026 poster on 2026 after 2027 opened; a link with only ?c= opens the current wave", async () => {
    const byCode = await publicGet(`/api/waves/by-code/${posterUrl.searchParams.get("w")}`);
    expect(byCode.statusCode).toBe(200);
    expect(byCode.json()).toMatchObject({ id: wave2026.id, title: wave2026.title, status: "open" });
    // The poster's community is one the 2026 wave takes part with.
    const communities = await publicGet(`/api/waves/${wave2026.id}/towns/${SHIHUDANG}/communities`);
    expect(communities.json().map((row: { code: string }) => row.code)).toContain(posterUrl.searchParams.get("c"));

    // `/?c=` alone (a poster printed before links named their wave) opens the current, last-opened wave.
    expect((await publicGet("/api/waves/current")).json()).toMatchObject({ id: wave2027.id, code: "SJ-2027" });
    // New posters of 2027 name 2027.
    expect((await firstPosterUrl(wave2027.id)).searchParams.get("w")).toBe("SJ-2027");

    // What the phone asks first, in one request: the poster's wave, its town and community with their quotas.
    const communityCode = posterUrl.searchParams.get("c");
    const link = await publicGet(`/api/waves/link${posterUrl.search}`);
    expect(link.statusCode, link.body).toBe(200);
    expect(link.json()).toMatchObject({
      wave: { id: wave2026.id, status: "open" },
      unknownWave: false,
      town: { code: SHIHUDANG, full: false },
      community: { code: communityCode, full: false, cap: 20 },
    });
    expect((await publicGet(`/api/waves/link?c=${communityCode}`)).json()).toMatchObject({
      wave: { id: wave2027.id },
      town: { code: SHIHUDANG },
      community: { code: communityCode },
    });
    // A community code no town of the wave starts, and a malformed code (refused before any query).
    expect((await publicGet(`/api/waves/link?w=${wave2026.code}&c=999999999001`)).json()).toMatchObject({
      wave: { id: wave2026.id },
      town: null,
      community: null,
    });
    expect((await publicGet("/api/waves/link?c=%3Cscript%3E")).statusCode).toBe(400);
  });

  it("answers a closed wave's code with status closed, and 404 unknown_wave for drafts and unknown codes", async () => {
    const draft = await create("SJ-DRAFT", 2028);
    for (const code of [draft.code, "NO-SUCH-WAVE"]) {
      const response = await publicGet(`/api/waves/by-code/${code}`);
      expect(response.statusCode, code).toBe(404);
      expect(response.json().error).toBe("unknown_wave");
    }
    expect((await call("POST", `/api/admin/waves/${wave2026.id}/close`)).statusCode).toBe(200);
    const closed = await publicGet(`/api/waves/by-code/${wave2026.code}`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ id: wave2026.id, status: "closed" });
    // The poster of a closed wave opens that wave (to say it has ended), never the open 2027 one; a draft's or an
    // unknown code falls back to the current wave, flagged so the app offers the pickers.
    const closedLink = await publicGet(`/api/waves/link?w=${wave2026.code}&c=${posterUrl.searchParams.get("c")}`);
    expect(closedLink.json()).toMatchObject({
      wave: { id: wave2026.id, status: "closed" },
      town: null,
      community: null,
    });
    for (const code of [draft.code, "NO-SUCH-WAVE"]) {
      expect((await publicGet(`/api/waves/link?w=${code}`)).json(), code).toMatchObject({
        wave: { id: wave2027.id, status: "open" },
        unknownWave: true,
      });
    }
    // A closed wave no longer goes back through "open": reopening takes a reason and a new closing time.
    const plainOpen = await call("POST", `/api/admin/waves/${wave2026.id}/open`, { confirmAnotherOpen: true });
    expect(plainOpen.statusCode).toBe(409);
    expect(plainOpen.json().error).toBe("invalid_wave_state");
  });

  it("reopens a closed wave with a reason and a later closing time, audited; /?c= stays on the newer wave", async () => {
    const closesAt = new Date(clock.now().getTime() + 7 * 86_400_000).toISOString();
    const reason = "泖港镇、石湖荡镇进度落后，延长一周";
    const noReason = await call("POST", `/api/admin/waves/${wave2026.id}/reopen`, { closesAt });
    expect(noReason.statusCode).toBe(400);
    const past = await call("POST", `/api/admin/waves/${wave2026.id}/reopen`, {
      reason,
      closesAt: new Date(clock.now().getTime() - 1000).toISOString(),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ error: "invalid_request", field: "closesAt" });
    const unconfirmed = await call("POST", `/api/admin/waves/${wave2026.id}/reopen`, { reason, closesAt });
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json().error).toBe("another_wave_open");

    const reopened = await call("POST", `/api/admin/waves/${wave2026.id}/reopen`, {
      reason,
      closesAt,
      confirmAnotherOpen: true,
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: "open", closesAt });
    expect((await publicGet(`/api/waves/by-code/${wave2026.code}`)).json().status).toBe("open");
    expect((await publicGet("/api/waves/current")).json().id).toBe(wave2027.id);

    const [entry] = await audit("wave.reopen");
    expect(entry).toMatchObject({ target: `wave:${wave2026.id}`, details: { reason, closesAt } });
    const again = await call("POST", `/api/admin/waves/${wave2026.id}/reopen`, { reason, closesAt });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe("invalid_wave_state");
  });

  it("deletes a draft (quota rows with it, audited) but never an opened wave", async () => {
    const draft = await create("SJ-TEST", 2027);
    const deleted = await call("DELETE", `/api/admin/waves/${draft.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await call("GET", `/api/admin/waves/${draft.id}`)).statusCode).toBe(404);
    expect(await db().select().from(waveTowns).where(eq(waveTowns.waveId, draft.id))).toEqual([]);
    const [entry] = await audit("wave.delete");
    expect(entry).toMatchObject({ target: `wave:${draft.id}`, details: { code: "SJ-TEST" } });
    const open = await call("DELETE", `/api/admin/waves/${wave2027.id}`);
    expect(open.statusCode).toBe(409);
    expect(open.json().error).toBe("invalid_wave_state");
    expect((await call("DELETE", "/api/admin/waves/999999")).statusCode).toBe(404);
    const office = await signIn(t.app, "office");
    const byOffice = await t.app.inject({
      method: "DELETE",
      url: `/api/admin/waves/${wave2027.id}`,
      headers: office.headers,
    });
    expect(byOffice.statusCode).toBe(403);
  });

  it("refuses a cap or target below completed + held (409 quota_below_filled) and needs a reason once open", async () => {
    const [community] = await db()
      .select()
      .from(waveCommunities)
      .where(and(eq(waveCommunities.waveId, wave2027.id), eq(waveCommunities.townCode, SHIHUDANG)))
      .limit(1);
    if (!community) throw new Error("no community");
    const code = community.communityCode;
    await db()
      .update(waveCommunities)
      .set({ completed: 3, reserved: 2 })
      .where(and(eq(waveCommunities.waveId, wave2027.id), eq(waveCommunities.communityCode, code)));
    await db()
      .update(waveTowns)
      .set({ completed: 3, reserved: 2 })
      .where(and(eq(waveTowns.waveId, wave2027.id), eq(waveTowns.townCode, SHIHUDANG)));

    const noReason = await call("PATCH", `/api/admin/waves/${wave2027.id}`, { communityCaps: { [code]: 8 } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ error: "invalid_request", field: "reason" });
    const below = await call("PATCH", `/api/admin/waves/${wave2027.id}`, {
      communityCaps: { [code]: 4 },
      reason: "社区合并",
    });
    expect(below.statusCode).toBe(409);
    expect(below.json().error).toBe("quota_below_filled");
    const townBelow = await call("PATCH", `/api/admin/waves/${wave2027.id}`, {
      townTargets: { [SHIHUDANG]: 4 },
      reason: "社区合并",
    });
    expect(townBelow.json().error).toBe("quota_below_filled");

    const exact = await call("PATCH", `/api/admin/waves/${wave2027.id}`, {
      communityCaps: { [code]: 5 },
      townTargets: { [SHIHUDANG]: 150 },
      reason: "该社区已拆迁，只保留已完成和占用的份数",
    });
    expect(exact.statusCode, exact.body).toBe(200);
    const detail = (await call("GET", `/api/admin/waves/${wave2027.id}`)).json();
    const town = detail.towns.find((row: { code: string }) => row.code === SHIHUDANG);
    expect(town).toMatchObject({ target: 150, targetOverridden: true });
    expect(town.communities.find((row: { code: string }) => row.code === code)).toMatchObject({ cap: 5, full: true });
    const [entry] = await audit("wave.update");
    expect(entry?.details).toMatchObject({
      reason: "该社区已拆迁，只保留已完成和占用的份数",
      previous: { townTargets: { [SHIHUDANG]: 200 }, communityCaps: { [code]: 20 } },
    });
  });

  it("hides a wave from trends through the wave form, closed waves included", async () => {
    expect((await call("POST", `/api/admin/waves/${wave2026.id}/close`)).statusCode).toBe(200);
    const hidden = await call("PATCH", `/api/admin/waves/${wave2026.id}`, { hiddenFromTrends: true });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json().hiddenFromTrends).toBe(true);
    const other = await call("PATCH", `/api/admin/waves/${wave2026.id}`, { hiddenFromTrends: false, title: "改名" });
    expect(other.statusCode).toBe(409);
  });

  it("lists waves newest first", async () => {
    const list = (await call("GET", "/api/admin/waves")).json() as { year: number; id: number }[];
    const sorted = [...list].sort((a, b) => b.year - a.year || b.id - a.id);
    expect(list.map((wave) => wave.id)).toEqual(sorted.map((wave) => wave.id));
    expect(list[0]?.year).toBe(2028);
  });
});
